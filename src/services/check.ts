// The service behind `kafka-sizer check`: reads the topic files (and the baseline), runs the rules with the
// rules file's policy, applies severities per rule/topic/file/environment and inline suppressions, turns input
// problems into findings, and computes the summary and exit code of the CheckResult contract.
import type {z} from 'zod'
import {BUILTIN_RULES, INPUT_PROBLEM, SUPPRESSION_WITHOUT_REASON} from '../check/builtin-rules.js'
import {byPosition, type CheckedTopic, SEVERITY_RANK} from '../check/format/common.js'
import {configuredSeverity, readRulesConfig, type RulesConfig} from '../check/rules-config.js'
import type {ReadInputsOptions} from '../check/inputs/index.js'
import type {RulePolicy, RunRulesInput} from '../check/rules/index.js'
import type {CheckInputs, CheckResult, ClusterProfile, Finding, RuleMeta, RuleRunOutput, TopicDefinition} from '../check/types.js'
import {UserError} from '../lib/errors.js'
import {closest} from '../planfile/suggest.js'

/** What the service needs from the inputs (src/check/inputs/) and the rules (src/check/rules/). */
export interface CheckEngine {
  readCheckInputs(paths: string[], options: ReadInputsOptions): Promise<CheckInputs>
  readBaselineInputs(ref: string, paths: string[], options: ReadInputsOptions): Promise<CheckInputs & {ref: string}>
  runRules(input: RunRulesInput): RuleRunOutput
  RULES: readonly RuleMeta[]
  policySchema?: z.ZodType
  /** The default policy with the rules file's `policy:` over it. */
  resolvePolicy(overrides?: Partial<RulePolicy>): RulePolicy
}

export interface CheckOptions {
  /** Files, directories and globs; default ["."]. */
  paths: string[]
  cwd?: string
  /** --fail-on; default: the rules file's failOn, else error. */
  failOn?: 'error' | 'warning'
  /** --rules FILE; default .kafka-sizer-check.yaml in cwd when present. */
  rulesFile?: string
  /** --rule: run only these rules (ids or names); each counts as asked for (exit 3 when not evaluated). */
  rules?: string[]
  /** --baseline-ref: compare with the files at this git ref (the change-safety rules count as asked for). */
  baselineRef?: string
  /** --cluster: a kafka-sizer plan file or a topicctl cluster.yaml. */
  cluster?: string
  brokers?: number
  racks?: number
  kafkaVersion?: string
  /** --broker-config key=value. */
  brokerConfig?: Record<string, string>
  /** --workload: a sidecar file of workload expectations. */
  workload?: string
}

export interface CheckOutcome {
  result: CheckResult
  checked: {files: string[]; topics: CheckedTopic[]}
  /** Rules skipped for lack of input nobody asked for (not an exit-3 condition), for a note on stderr. */
  skipped: Array<{ruleId: string; reason: string}>
  /** Every rule's metadata, catalogue then the service's own (KT000, KT900). */
  rules: RuleMeta[]
  /** The rules file read, if any. */
  rulesFile?: string
}

export async function loadCheckEngine(): Promise<CheckEngine> {
  const [inputs, rules] = await Promise.all([import('../check/inputs/index.js'), import('../check/rules/index.js')])
  return {
    readCheckInputs: inputs.readCheckInputs,
    readBaselineInputs: inputs.readBaselineInputs,
    runRules: rules.runRules,
    RULES: rules.RULES,
    policySchema: rules.policySchema,
    resolvePolicy: rules.resolvePolicy,
  }
}

/** Every rule's metadata for --list-rules and SARIF: the catalogue, then KT000 and KT900. */
export function allRules(engine: Pick<CheckEngine, 'RULES'>): RuleMeta[] {
  return [...engine.RULES, ...BUILTIN_RULES]
}

export async function checkService(options: CheckOptions, engine?: CheckEngine): Promise<CheckOutcome> {
  const eng = engine ?? (await loadCheckEngine())
  const cwd = options.cwd ?? process.cwd()
  const rules = allRules(eng)
  const config = await readRulesConfig(options.rulesFile, {rules, policySchema: eng.policySchema, cwd})
  const failOn = options.failOn ?? config.failOn ?? 'error'
  const only = options.rules === undefined || options.rules.length === 0 ? undefined : resolveRuleFlags(options.rules, rules)

  // A rule runs for a topic unless the rules file turns it off there (or --rule names other rules).
  const environmentOf = (t: TopicDefinition) => t.environment?.value ?? inputs.cluster.environment
  const asked = askedFor(config, eng.RULES, only, options.baselineRef !== undefined)

  const inputOptions: ReadInputsOptions = {cwd, clusterFile: options.cluster, workloadFile: options.workload, cluster: clusterFromFlags(options)}
  const inputs = await eng.readCheckInputs(options.paths.length === 0 ? ['.'] : options.paths, inputOptions)
  const baseline = options.baselineRef === undefined ? undefined : await eng.readBaselineInputs(options.baselineRef, options.paths.length === 0 ? ['.'] : options.paths, inputOptions)
  const byName = new Map<string, TopicDefinition[]>()
  for (const t of inputs.topics) byName.set(t.name.value, [...(byName.get(t.name.value) ?? []), t])
  const enabled = (ruleId: string, topic: string): boolean => {
    if (only !== undefined) return only.includes(ruleId)
    const defs = byName.get(topic) ?? []
    if (defs.length === 0) return configuredSeverity(config, ruleId, {topic, file: '', environment: inputs.cluster.environment}) !== 'off'
    return defs.some((t) => configuredSeverity(config, ruleId, {topic, file: t.pos.file, environment: environmentOf(t)}) !== 'off')
  }
  const policy = eng.resolvePolicy(config.policy as Partial<RulePolicy> | undefined)
  const ran = eng.runRules({topics: inputs.topics, cluster: inputs.cluster, ...(baseline ? {baseline} : {}), policy, enabled})

  const findings = applyConfig(
    [...suppress(ran.findings.filter((f) => only === undefined || only.includes(f.ruleId)), inputs.topics, rules), ...problemFindings(inputs, baseline)],
    config,
    inputs,
  ).sort(byPosition)

  const notEvaluated: CheckResult['summary']['notEvaluated'] = []
  const skipped: CheckOutcome['skipped'] = []
  for (const n of ran.notEvaluated) {
    const list = asked.has(n.ruleId) ? notEvaluated : skipped
    if (!list.some((x) => x.ruleId === n.ruleId && x.reason === n.reason)) list.push(n)
  }
  const count = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length
  const inputError = findings.some((f) => f.ruleId === INPUT_PROBLEM && f.severity === 'error')
  const failing = findings.some((f) => SEVERITY_RANK[f.severity] <= SEVERITY_RANK[failOn])
  const result: CheckResult = {
    findings,
    summary: {
      files: inputs.files.length,
      topics: inputs.topics.length,
      errors: count('error'),
      warnings: count('warning'),
      infos: count('info'),
      notEvaluated,
      failOn,
      exitCode: inputError ? 2 : failing ? 1 : notEvaluated.length > 0 ? 3 : 0,
    },
  }
  const checked = {
    files: inputs.files,
    topics: inputs.topics.map((t) => ({name: t.name.value, file: t.pos.file, line: t.pos.line, column: t.pos.column})),
  }
  return {result, checked, skipped, rules, ...(config.file === undefined ? {} : {rulesFile: config.file})}
}

/** The cluster facts given as flags (they win over a cluster file); undefined when none is given. */
export function clusterFromFlags(options: CheckOptions): Partial<ClusterProfile> | undefined {
  const brokerDefaults: ClusterProfile['brokerDefaults'] = {}
  for (const [k, v] of Object.entries(options.brokerConfig ?? {})) {
    brokerDefaults[k] = /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : /^(true|false)$/i.test(v) ? v.toLowerCase() === 'true' : v
  }
  const facts: Partial<ClusterProfile> = {
    ...(options.brokers === undefined ? {} : {brokers: options.brokers}),
    ...(options.racks === undefined ? {} : {racks: options.racks}),
    ...(options.kafkaVersion === undefined ? {} : {kafkaVersion: options.kafkaVersion}),
    ...(Object.keys(brokerDefaults).length === 0 ? {} : {brokerDefaults}),
  }
  return Object.keys(facts).length === 0 ? undefined : {...facts, source: 'flags'}
}

/** --rule values (ids or names) as rule ids; an unknown one is a usage error with a suggestion. */
export function resolveRuleFlags(values: string[], rules: readonly RuleMeta[]): string[] {
  return values.flatMap((v) => v.split(',')).map((v) => {
    const rule = rules.find((r) => r.id === v.trim().toUpperCase() || r.name === v.trim())
    if (rule) return rule.id
    const best = closest(v, [...rules.map((r) => r.id), ...rules.map((r) => r.name)])
    throw new UserError(`--rule: unknown rule "${v}"${best === undefined ? '' : ` (did you mean "${best}"?)`}`, {suggestions: ['`kafka-sizer check --list-rules` lists every rule']})
  })
}

/**
 * Rules the user asked for, whose "not evaluated" means exit 3: every --rule; every rule the rules file gives
 * a severity other than off (at top level or in an override); and with --baseline-ref, every rule that needs
 * the baseline.
 */
export function askedFor(config: RulesConfig, catalogue: readonly RuleMeta[], only: string[] | undefined, baseline: boolean): Set<string> {
  const asked = new Set(only ?? [])
  const settings = [config.rules, ...config.overrides.map((o) => o.rules)]
  for (const s of settings) for (const [id, v] of Object.entries(s)) if (v !== 'off' && (only === undefined || only.includes(id))) asked.add(id)
  if (baseline) for (const r of catalogue) if (r.needs.includes('baseline') && (only === undefined || only.includes(r.id))) asked.add(r.id)
  return asked
}

function topicKey(name: string, file: string): string {
  return `${file}\u0000${name}`
}

/**
 * Drops findings a topic suppresses with a reason. A suppression without a reason suppresses nothing and is a
 * KT000 finding of its own, at the suppression.
 */
function suppress(findings: Finding[], topics: readonly TopicDefinition[], rules: readonly RuleMeta[]): Finding[] {
  const idOf = (name: string) => rules.find((r) => r.id === name.toUpperCase() || r.name === name)?.id ?? name
  const suppressed = new Map<string, Set<string>>()
  const out: Finding[] = []
  for (const t of topics) {
    for (const s of t.suppressions) {
      const id = idOf(s.ruleId)
      if (s.reason !== undefined && s.reason.trim() !== '') {
        const key = topicKey(t.name.value, t.pos.file)
        if (!suppressed.has(key)) suppressed.set(key, new Set())
        suppressed.get(key)!.add(id)
      } else {
        out.push({
          ruleId: SUPPRESSION_WITHOUT_REASON,
          severity: 'warning',
          message: `the suppression of ${id} has no reason, so ${id} is not suppressed`,
          fix: `say why after the rule id, e.g. "${id}: accepted until the Q3 migration"`,
          topic: t.name.value,
          ...s.pos,
        })
      }
    }
  }
  for (const f of findings) if (!suppressed.get(topicKey(f.topic, f.file))?.has(f.ruleId)) out.push(f)
  return out
}

/** Input problems (of the files and of the baseline) as KT900 findings. */
function problemFindings(inputs: CheckInputs, baseline: CheckInputs | undefined): Finding[] {
  const of = (problems: CheckInputs['problems'], prefix: string) =>
    problems.map((p) => ({ruleId: INPUT_PROBLEM, severity: p.severity, message: `${prefix}${p.message}`, fix: '', topic: '', file: p.file, line: p.line, column: p.column}))
  return [...of(inputs.problems, ''), ...(baseline ? of(baseline.problems, 'baseline: ') : [])]
}

/** Severities from the rules file (per rule, topic, file and environment); "off" drops the finding. */
function applyConfig(findings: Finding[], config: RulesConfig, inputs: CheckInputs): Finding[] {
  const envs = new Map(inputs.topics.map((t) => [topicKey(t.name.value, t.pos.file), t.environment?.value]))
  const out: Finding[] = []
  for (const f of findings) {
    const environment = envs.get(topicKey(f.topic, f.file)) ?? inputs.cluster.environment
    const setting = configuredSeverity(config, f.ruleId, {topic: f.topic, file: f.file, environment})
    if (setting === 'off') continue
    out.push(setting === undefined ? f : {...f, severity: setting})
  }
  return out
}
