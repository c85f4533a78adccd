import type {OptimizeResult} from '../services/optimize.js'
import {formatNumber} from '../units/format.js'
import {resourceLabel} from './labels.js'
import {style, table, wrap} from './style.js'

const SCENARIO = {normal: '', 'broker-loss': ' (one broker lost)', 'az-loss': ' (one AZ lost)'} as const

export function renderOptimize(r: OptimizeResult): string {
  const rows = r.candidates.map((c) => [
    String(c.rank),
    c.profile,
    String(c.disks),
    String(c.brokers),
    `${resourceLabel(c.bindingResource)}${SCENARIO[c.bindingScenario]}`,
    c.monthlyUsd === null ? style.dim('unpriced') : `$${formatNumber(c.monthlyUsd)}`,
  ])
  const out = [
    `${style.title('kafka-sizer optimize')}  ${style.dim(`${r.file} · ${r.failurePolicy} · ${r.evaluated} candidates evaluated · USD a month (730 h)`)}`,
    table({head: ['#', 'profile', 'disks', 'brokers', 'binds', 'monthly'], widths: [4, 30, 7, 9, 30, 14], align: ['right', 'left', 'right', 'right', 'left', 'right']}, rows),
  ]
  // Ranked costs compare unlike transfer bills: say which candidates leave replication out, and why.
  const unbilled = r.candidates.filter((c) => c.cost?.replicationTransferBilled === false && c.cost.unbilledReplicationTransferUsd !== 0)
  if (unbilled.length > 0) {
    const source = unbilled[0]!.cost!.replicationTransferSource ?? 'the hardware profile'
    out.push(style.dim(wrap(`Cross-AZ transfer of ${unbilled.map((c) => c.profile).join(', ')} prices the clients' bytes only: replication between brokers is not billed (${source}).`, 0)))
  }
  if (r.skipped.length > 0) out.push(style.dim(`skipped ${r.skipped.length}: ${r.skipped.map((s) => `${s.profile} (${s.reason.split('\n')[0]})`).join('; ')}`))
  return out.join('\n')
}
