// The rules of `kafka-sizer check` (lint-rules.md §5.1–§5.7): documentation (RULES) and one pure, synchronous
// entry point (runRules). Severity overrides, suppressions and --fail-on are the check service's job.
import type {ClusterProfile, Finding, RuleMeta, RuleRunOutput, TopicDefinition} from '../types.js'
import {CAPACITY_RULES} from './capacity.js'
import {CHANGE_SAFETY_RULES} from './change-safety.js'
import {CLEANUP_RULES} from './cleanup.js'
import {CLUSTER_CAPACITY_RULES} from './cluster-capacity.js'
import {type Rule, createContext} from './context.js'
import {DURABILITY_RULES} from './durability.js'
import {GOVERNANCE_RULES} from './governance.js'
import type {RulePolicy} from './policy.js'
import {SCHEMA_RULES} from './schema-validity.js'
import {SEGMENT_RULES} from './segments.js'

export {DEFAULT_POLICY, policySchema, resolvePolicy, type RulePolicy} from './policy.js'

const ALL: Rule[] = [...SCHEMA_RULES, ...DURABILITY_RULES, ...CAPACITY_RULES, ...CLUSTER_CAPACITY_RULES, ...SEGMENT_RULES, ...CLEANUP_RULES, ...CHANGE_SAFETY_RULES, ...GOVERNANCE_RULES].sort((a, b) =>
  a.meta.id.localeCompare(b.meta.id),
)

/** Every rule's documentation, ordered by id. */
export const RULES: RuleMeta[] = ALL.map((r) => r.meta)

export interface RunRulesInput {
  topics: TopicDefinition[]
  cluster: ClusterProfile
  /** Undefined when --baseline-ref was not given: the §5.6 rules then report "not evaluated". */
  baseline?: {ref: string; topics: TopicDefinition[]}
  policy: RulePolicy
  /** Rules switched off (for a topic) are not run for it; default: all on. */
  enabled?: (ruleId: string, topic: string) => boolean
}

/**
 * Runs every rule over the topics. Pure and synchronous; linear in the number of topics (indexes by name, and
 * pairwise comparisons only within groups of one name). Findings are sorted by file, line, column and rule id.
 */
export function runRules(input: RunRulesInput): RuleRunOutput {
  const findings: Finding[] = []
  const notEvaluated = new Map<string, string>()
  const ctx = createContext(input, findings, notEvaluated)
  const enabled = input.enabled
  for (const rule of ALL) {
    // A rule switched off for every topic is not run at all (so it reports no "not evaluated" either).
    if (enabled && input.topics.length > 0 && !input.topics.some((t) => enabled(rule.meta.id, t.name.value))) continue
    rule.run(ctx)
  }
  findings.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId))
  return {findings, notEvaluated: [...notEvaluated].map(([ruleId, reason]) => ({ruleId, reason})).sort((a, b) => a.ruleId.localeCompare(b.ruleId))}
}
