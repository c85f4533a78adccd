// Text blocks shared by the sizing commands: assumptions, warnings, recommendations, load tables.
import type {Assumption, FailureScenario, Recommendation, ResourceLoad, ValueUnit, Warning} from '../model/types.js'
import type {Recovery} from '../model/what-ifs.js'
import {resourceLabel} from './labels.js'
import type {BrokerLoadRow} from '../model/plan.js'
import {formatBits, formatBytes, formatCount, formatDuration, formatMessagesRate, formatNumber, formatPercent, formatRate} from '../units/format.js'
import {style, table, utilization, wrap} from './style.js'

export function formatValue(value: number | string | boolean, unit: ValueUnit): string {
  if (typeof value !== 'number') return String(value)
  switch (unit) {
    case 'B':
      return `${formatBytes(value)} (${formatBytes(value, {binary: true})})`
    case 'B/s':
      return `${formatRate(value)} (${formatRate(value, {binary: true})})`
    case 'bit/s':
      return formatBits(value)
    case 'msg/s':
      return formatMessagesRate(value)
    case 'ms':
      return formatDuration(value)
    case 'fraction':
      return formatPercent(value)
    case 'count':
      return formatCount(value)
    case 'factor':
      return `${formatNumber(value)}×`
    case 'years':
      return `${formatNumber(value)} year(s)`
    default:
      return String(value)
  }
}

export function formatLoad(value: number, unit: ResourceLoad['unit']): string {
  switch (unit) {
    case 'B/s':
      return formatRate(value)
    case 'B':
      return formatBytes(value)
    case 'replicas':
      return formatCount(Math.round(value * 10) / 10)
    case 'cores':
      return `${formatNumber(value)} cores`
  }
}

export function loadTable(rows: Array<Pick<BrokerLoadRow, 'load' | 'capacity' | 'utilization' | 'limit' | 'unit'> & {name: string}>): string {
  return table(
    {head: ['per broker', 'load', 'capacity', 'used', 'limit'], align: ['left', 'right', 'right', 'right', 'right']},
    rows.map((r) => [
      r.name,
      formatLoad(r.load, r.unit),
      formatLoad(r.capacity, r.unit),
      utilization(r.utilization, r.limit, formatPercent(r.utilization)),
      formatPercent(r.limit),
    ]),
  )
}

// Long lists are wrapped text rather than tables: they read (and copy) better and render much faster.
export function assumptionsBlock(assumptions: Assumption[]): string {
  if (assumptions.length === 0) return `${style.heading('Assumptions')}\n  none: every input was given.`
  const width = Math.max(...assumptions.map((a) => a.label.length))
  return [
    style.heading('Assumptions') + style.dim('  (defaults used because no flag set them, each with its source)'),
    ...assumptions.map((a) => `  ${a.label.padEnd(width)}  ${style.strong(formatValue(a.value, a.unit))}\n${style.dim(wrap(a.source, width + 4))}`),
  ].join('\n')
}

export function warningsBlock(warnings: Warning[]): string {
  if (warnings.length === 0) return `${style.heading('Warnings')}\n  ${style.good('none')}`
  return [style.heading(`Warnings (${warnings.length})`), ...warnings.map((w) => `  ${style.warn('!')} ${w.message}\n    ${style.dim('→')} ${w.action}`)].join('\n')
}

export function recommendationsBlock(recs: Recommendation[]): string {
  const scopes: Recommendation['scope'][] = ['topic', 'producer', 'consumer', 'broker', 'os']
  const parts = [style.heading('Recommended configuration') + style.dim('  (key=value, then the trade-off)')]
  for (const scope of scopes) {
    const mine = recs.filter((r) => r.scope === scope)
    if (mine.length === 0) continue
    parts.push(`  ${style.strong(scope)}`)
    for (const r of mine) parts.push(`    ${r.key}=${style.strong(r.value)}\n${style.dim(wrap(r.why, 8))}`)
  }
  return parts.join('\n')
}

/** The failure checks: survivors, their busiest throughput resource, replicas left, and acks=all writes. */
export function failureTable(failures: readonly FailureScenario[], blocked: string): string {
  const rows = failures.map((f) => {
    // Storage and replica counts do not move when a broker is down: show the busiest throughput resource.
    const moving = f.loads.filter((l) => l.unit === 'B/s' || l.unit === 'cores')
    const worst = moving.reduce((a, b) => (b.utilization > a.utilization ? b : a))
    return [
      f.kind === 'broker-loss' ? 'one broker lost' : `one AZ lost (${f.brokersLost} brokers)`,
      String(f.survivors),
      `${resourceLabel(worst.resource)} ${utilization(worst.utilization, 1, formatPercent(worst.utilization))} (${formatLoad(worst.load, worst.unit)})`,
      String(f.minReplicasLeft),
      f.writesBlocked ? style.bad(blocked) : style.good('continue'),
    ]
  })
  return table({head: ['scenario', 'survivors', 'busiest survivor throughput', 'replicas left', 'acks=all writes'], widths: [24, 11, 33, 14, 18]}, rows)
}

/** One row per failure: under-replicated partitions, what a replacement copies, at what rate, for how long. */
export function recoveryRows(recovery: readonly Recovery[], failures: readonly FailureScenario[]): string[][] {
  return recovery.map((r) => {
    const f = failures.find((x) => x.kind === r.kind)
    return [
      r.kind === 'broker-loss' ? 'one broker lost' : 'one AZ lost',
      `${formatCount(f?.partitionsLosingReplica ?? 0)} partitions under-replicated; ${r.replacements > 1 ? `${r.replacements} replacements each copy` : 'a replacement copies'} ${formatBytes(r.bytesPerReplacement)} at ${formatRate(r.bytesPerSec)} (limited by ${r.limitedBy})`,
      Number.isFinite(r.seconds) ? formatDuration(r.seconds * 1000) : style.bad('never (no spare bandwidth)'),
    ]
  })
}

/**
 * The cost block's line for a profile whose vendor does not bill replication between brokers (Amazon MSK):
 * the replication bytes still cross zones and are reported, so the reader must see why they are not priced.
 */
export function unbilledReplicationLine(source: string | undefined, unbilledUsd: number | null, replicationBytesPerSec?: number): string {
  const traffic = replicationBytesPerSec === undefined ? 'replication between brokers' : `replication between brokers (${formatRate(replicationBytesPerSec)})`
  const worth = unbilledUsd === null ? '' : ` ($${formatNumber(unbilledUsd)} a month at the transfer price, left out)`
  const text = `produce and consume only: ${traffic} crosses zones but is not billed on this profile${worth}. Source: ${source ?? 'the hardware profile (replicationTransferBilled: false)'}`
  return `  transfer    ${wrap(text, 14).trimStart()}`
}

/**
 * The cost block's line when a named hardware profile gives no cross-zone transfer price: the bytes still
 * cross zones, so the reader must see why they carry no price (the assumption's source says which profile).
 */
export function unpricedTransferLine(assumptions: readonly Assumption[]): string | undefined {
  const a = assumptions.find((x) => x.key === 'prices.transferUsdPerGb' && x.value === 'not priced')
  return a === undefined ? undefined : `  transfer    ${wrap(`not priced: ${a.source}`, 14).trimStart()}`
}
