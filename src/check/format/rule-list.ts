// `check --list-rules`: every rule as a table (id, name, default severity, inputs, title), then a key.
import {style, table} from '../../render/style.js'
import type {RuleMeta, RuleNeed} from '../types.js'

const NEED: Record<RuleNeed, string> = {spec: 'S', cluster: 'C', workload: 'W', baseline: 'B'}

export function renderRuleList(rules: readonly RuleMeta[]): string {
  const rows = rules.map((r) => [r.id, r.name, r.defaultSeverity, r.needs.map((n) => NEED[n]).join(','), r.title])
  return [
    table({head: ['Rule', 'Name', 'Default', 'Needs', 'What it reports'], widths: [7, 26, 8, 7, 52]}, rows),
    style.dim('Needs: S the topic spec, C a cluster profile (--cluster, --brokers, --racks, --kafka-version, --broker-config),'),
    style.dim('W workload expectations (plan file, kafka-sizer.io/ annotations, --workload), B a baseline (--baseline-ref).'),
    style.dim('Set a rule’s severity (error, warning, info, off) in the rules file; suppress it on one topic with a reason.'),
  ].join('\n')
}
