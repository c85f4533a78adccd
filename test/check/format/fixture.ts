// A fixed CheckResult and format context the format tests render.
import type {FormatContext} from '../../../src/check/format/common.js'
import type {CheckResult, Finding, RuleMeta} from '../../../src/check/types.js'

export const RULES: RuleMeta[] = [
  {id: 'KT104', name: 'min-isr-above-rf', title: 'min.insync.replicas above the replication factor', section: '5.2', defaultSeverity: 'error', needs: ['spec'], description: 'acks=all writes always fail.'},
  {id: 'KT105', name: 'min-isr-equals-rf', title: 'min.insync.replicas equal to the replication factor', section: '5.2', defaultSeverity: 'warning', needs: ['spec'], description: 'One broker down blocks acks=all producers.'},
  {id: 'KT206', name: 'disk-overflow', title: 'Retained data does not fit the disks', section: '5.3', defaultSeverity: 'error', needs: ['spec', 'cluster', 'workload'], description: 'Sums retained bytes per broker.'},
  {id: 'KT602', name: 'required-metadata', title: 'Required metadata missing', section: '5.7', defaultSeverity: 'info', needs: ['spec'], description: 'Owner and description labels.'},
]

export const FINDINGS: Finding[] = [
  {ruleId: 'KT104', severity: 'error', message: 'min.insync.replicas (4) exceeds the replication factor (3): every acks=all write fails', fix: 'set min.insync.replicas: 2', topic: 'payments.v1', file: 'topics/payments.yaml', line: 12, column: 5},
  {ruleId: 'KT105', severity: 'warning', message: 'min.insync.replicas (3) equals the replication factor (3)', fix: 'set min.insync.replicas: 2', topic: 'orders.v1', file: 'topics/orders.yaml', line: 9, column: 7},
  {ruleId: 'KT602', severity: 'info', message: 'no owner label', fix: '', topic: 'orders.v1', file: 'topics/orders.yaml', line: 3, column: 3},
]

export const RESULT: CheckResult = {
  findings: FINDINGS,
  summary: {
    files: 2,
    topics: 3,
    errors: 1,
    warnings: 1,
    infos: 1,
    notEvaluated: [],
    failOn: 'error',
    exitCode: 1,
  },
}

export const CONTEXT: FormatContext = {
  rules: RULES,
  tool: {name: 'kafka-sizer', version: '0.1.0', informationUri: 'https://www.npmjs.com/package/kafka-sizer'},
  checked: {
    files: ['topics/orders.yaml', 'topics/payments.yaml'],
    topics: [
      {name: 'orders.v1', file: 'topics/orders.yaml', line: 2, column: 3},
      {name: 'payments.v1', file: 'topics/payments.yaml', line: 2, column: 3},
      {name: 'refunds.v1', file: 'topics/payments.yaml', line: 20, column: 3},
    ],
  },
}

/** n findings of one severity, each on its own line of one file. */
export function many(n: number, severity: Finding['severity']): Finding[] {
  return Array.from({length: n}, (_, i) => ({ruleId: 'KT105', severity, message: `finding ${i + 1}`, fix: '', topic: `t${i + 1}`, file: 'topics/many.yaml', line: i + 1, column: 1}))
}

export function resultOf(findings: Finding[], exitCode: CheckResult['summary']['exitCode'] = 1): CheckResult {
  const count = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length
  return {findings, summary: {files: 1, topics: findings.length, errors: count('error'), warnings: count('warning'), infos: count('info'), notEvaluated: [], failOn: 'error', exitCode}}
}
