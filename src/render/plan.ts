// Human rendering of a plan. Numbers come from the model; this file only formats them.
import type {PlanResult} from '../services/plan.js'
import {formatBytes, formatCount, formatDuration, formatMessagesRate, formatNumber, formatPercent, formatRate} from '../units/format.js'
import {billedCrossAzGbPerDay} from '../model/cost.js'
import {gbPerDay} from '../model/cross-az.js'
import {assumptionsBlock, failureTable, loadTable, recommendationsBlock, recoveryRows, unbilledReplicationLine, unpricedTransferLine, warningsBlock} from './blocks.js'
import {SCENARIO_SUFFIX, resourceLabel} from './labels.js'
import {style, table, utilization} from './style.js'


export function renderPlan(p: PlanResult): string {
  return [summary(p), alternativesBlock(p), workload(p), partitionsBlock(p), boundsBlock(p), loadsBlock(p), failuresBlock(p), storageBlock(p), crossAzCostBlock(p), extrasBlock(p), whatIfsBlock(p), recommendationsBlock(p.recommendations), warningsBlock(p.warnings), assumptionsBlock(p.assumptions)]
    .filter((s) => s.length > 0)
    .join('\n\n')
}

function summary(p: PlanResult): string {
  const binding = p.bounds.find((b) => b.resource === p.bindingResource)
  const bindingText =
    p.bindingScenario === 'normal' && binding
      ? `bound by ${resourceLabel(p.bindingResource)}: ${binding.detail}`
      : `bound by ${resourceLabel(p.bindingResource)}${SCENARIO_SUFFIX[p.bindingScenario]} (survivors must carry the load)`
  const s = p.storage
  return [
    `${style.title('kafka-sizer plan')}  ${style.dim(`profile ${p.input.profile} · MB = 10^6 B, MiB = 2^20 B · loads at peak`)}`,
    '',
    `  ${style.strong('Partitions')}  ${style.strong(String(p.partitions))}   ${p.partitionSizing.rounding}`,
    `  ${style.strong('Brokers')}     ${style.strong(String(p.brokers))}   ${bindingText}`,
    `  ${style.strong('Storage')}     ${formatBytes(s.totalBytes)} stored (${formatBytes(s.perBrokerBytes)} per broker); provision ${formatBytes(s.provisionedBytes)} (${formatBytes(s.provisionedPerBrokerBytes)} per broker at ${formatPercent(p.input.maxDiskFill)} fill)`,
  ].join('\n')
}

function alternativesBlock(p: PlanResult): string {
  if (p.alternatives.length === 0) return ''
  const rows = p.alternatives.map((a) => [a.change, String(a.brokers), String(a.partitions), resourceLabel(a.bindingResource), a.flags])
  return [
    style.heading('Storage binds: the same workload on other shapes'),
    table({head: ['change', 'brokers', 'partitions', 'then binds', 'flags'], widths: [36, 9, 12, 17, 26]}, rows),
  ].join('\n')
}

function workload(p: PlanResult): string {
  const t = p.traffic
  const b = p.batch
  const overhead = b.storedToPayloadRatio - 1
  const peak = p.input.peakFactor !== 1 ? `, peak ${formatRate(t.peakPayloadBytesPerSec)} (×${formatNumber(p.input.peakFactor)})` : ''
  return [
    style.heading('Workload'),
    `  payload  ${formatRate(t.payloadBytesPerSec)} average${peak} = ${formatMessagesRate(t.messagesPerSec)} of ${formatCount(p.input.messageSizeBytes)} B${p.input.keyed ? ` + ${formatCount(p.input.keySizeBytes)} B key` : ''}`,
    `  stored   ${formatRate(t.storedBytesPerSec)} average, ${formatRate(t.peakStoredBytesPerSec)} peak: batches of ${formatNumber(b.records)} record(s), ${formatBytes(b.batchBytes)}, closed by ${b.limitedBy}; ` +
      `${overhead >= 0 ? '+' : ''}${formatPercent(overhead)} vs payload (record-batch v2 overhead${p.input.compression !== 'none' ? `, ${p.input.compression} at ${formatNumber(p.input.compressionRatio)}×` : ''})`,
    `  reads    ${p.input.consumerGroups} consumer group(s)${p.input.laggingGroups > 0 ? `, ${p.input.laggingGroups} reading from disk` : ''}; replication factor ${p.input.replicationFactor}, acks=${p.input.acks}`,
  ].join('\n')
}

function partitionsBlock(p: PlanResult): string {
  const s = p.partitionSizing
  const rows = s.reasons.map((r) => [r.rule, formatCount(r.partitions), r.detail])
  const counts = s.evenConsumerCounts.length > 12 ? [...s.evenConsumerCounts.slice(0, 11), '…', s.evenConsumerCounts.at(-1)] : s.evenConsumerCounts
  return [
    style.heading(`Why ${p.partitions} partitions`),
    table({head: ['rule', 'needs', 'reasoning'], widths: [12, 8, 80], align: ['left', 'right', 'left']}, rows),
    `  rounding: ${s.rounding}`,
    `  consumer-group sizes that divide ${p.partitions} evenly: ${counts.join(', ')}`,
  ].join('\n')
}

function boundsBlock(p: PlanResult): string {
  const rows = p.bounds.map((b) => {
    const mark = b.resource === p.bindingResource && p.bindingScenario === 'normal' ? style.warn(' ◀ binds') : ''
    return [resourceLabel(b.resource) + mark, formatNumber(b.brokersNeeded), b.detail]
  })
  const tail =
    p.bindingScenario !== 'normal' ? [`  then raised to ${p.brokers} so that the cluster survives${SCENARIO_SUFFIX[p.bindingScenario]}: ${resourceLabel(p.bindingResource)} binds there.`] : []
  const az = p.input.azs > 1 ? [`  rounded up to a multiple of ${p.input.azs} AZs.`] : []
  return [style.heading(`Why ${p.brokers} brokers`) + style.dim(`  (target utilisation ${formatPercent(p.input.targetUtilization)})`), table({head: ['bound', 'brokers', 'from'], widths: [26, 9, 65]}, rows), ...az, ...tail].join('\n')
}

function loadsBlock(p: PlanResult): string {
  return [style.heading(`Per-broker load on ${p.brokers} brokers`) + style.dim(`  (${p.input.hardware.name})`), loadTable(p.brokerLoad)].join('\n')
}

function failuresBlock(p: PlanResult): string {
  if (p.failures.length === 0) return `${style.heading('Failure checks')}\n  a single broker has no failure to survive (RF ${p.input.replicationFactor}).`
  return [style.heading('Failure checks'), failureTable(p.failures, `blocked (min.insync.replicas ${p.input.minInsyncReplicas})`)].join('\n')
}

function storageBlock(p: PlanResult): string {
  const s = p.storage
  const b = s.breakdown
  const rf = p.input.replicationFactor
  const rows: string[][] = [
    ['payload in the window (one copy)', formatBytes(b.payloadOneCopyBytes), `${formatDuration(s.effectiveRetentionMs)} (${s.retentionLimitedBy}) × ${formatRate(p.traffic.payloadBytesPerSec)}`],
    ['× replication', formatBytes(b.payloadOneCopyBytes * rf), `RF ${rf}`],
  ]
  if (b.compressionSavingBytes > 0) rows.push(['− compression', formatBytes(b.compressionSavingBytes), `${p.input.compression} at ${formatNumber(p.input.compressionRatio)}×`])
  rows.push(
    ['+ record-batch overhead', formatBytes(b.batchOverheadBytes), `61 B per batch + varints per record`],
    ['= log', formatBytes(b.logBytes), ''],
  )
  if (b.dirtyBytes > 0) rows.push(['+ not yet compacted', formatBytes(b.dirtyBytes), 'min.cleanable.dirty.ratio 0.5'])
  rows.push(
    ['+ index files', formatBytes(b.indexBytes), '8 B offset + 12 B time entry per ~4 KiB'],
    ['+ active segments', formatBytes(b.activeSegmentBytes), 'retention deletes whole closed segments, every 5 min'],
    [style.strong('= total stored'), style.strong(formatBytes(s.totalBytes)), `${formatBytes(s.perBrokerBytes)} per broker, ${formatBytes(s.perPartitionReplicaBytes)} per partition replica`],
    ['provision', formatBytes(s.provisionedBytes), `total ÷ ${formatPercent(p.input.maxDiskFill)} fill limit`],
  )
  if (s.tiered) rows.push(['remote (tiered, one copy)', formatBytes(s.tiered.remoteBytes), `object storage for the full ${formatDuration(p.input.retentionMs)}`])
  const note = p.storageWindowNote ? [`  ${style.warn('!')} ${p.storageWindowNote}`] : []
  return [style.heading('Storage') + style.dim('  (cluster-wide, every replica; MB = 10^6 B)'), table({head: ['', 'bytes', 'how'], widths: [30, 14, 56], align: ['left', 'right', 'left']}, rows), ...note].join('\n')
}

function crossAzCostBlock(p: PlanResult): string {
  const lines: string[] = []
  if (p.crossAz) {
    const x = p.crossAz
    lines.push(
      `  cross-AZ    ${formatRate(x.totalBytesPerSec)} average = produce ${formatRate(x.produceBytesPerSec)} + replication ${formatRate(x.replicationBytesPerSec)} + consume ${formatRate(x.consumeBytesPerSec)}` +
        ` (${p.input.fetchFromFollower ? 'fetch-from-follower on' : 'consumers read from leaders; --fetch-from-follower cuts the consume part'}); ${formatBytes(x.gbPerDay * 1e9)} a day`,
    )
  }
  const unbilled = p.input.prices.replicationTransferBilled === false
  const ruleSource = p.cost?.replicationTransferSource ?? p.assumptions.find((a) => a.key === 'prices.replicationTransferBilled')?.source
  if (p.cost) {
    const c = p.cost
    const part = (name: string, v: number | null) => (v === null ? `${name} not priced` : `${name} $${formatNumber(v)}`)
    lines.push(
      `  cost        $${formatNumber(c.monthlyUsd)} a month: ${[part('brokers', c.brokersUsd), part('storage', c.storageUsd), part('transfer', c.transferUsd), part('remote storage', c.remoteStorageUsd)].join(', ')}`,
    )
    if (!c.replicationTransferBilled && p.crossAz) lines.push(unbilledReplicationLine(ruleSource, c.unbilledReplicationTransferUsd, p.crossAz.replicationBytesPerSec))
  } else if (p.crossAz && p.input.prices.transferUsdPerGb !== undefined) {
    const x = p.crossAz
    const price = p.input.prices.transferUsdPerGb
    const billed = billedCrossAzGbPerDay({crossAzGbPerDay: x.gbPerDay, replicationGbPerDay: gbPerDay(x.replicationBytesPerSec)}, p.input.prices)
    lines.push(`  cost        cross-AZ transfer alone: $${formatNumber(billed * price * (365 / 12))} a month (give --broker-price for the whole cost)`)
    if (unbilled) lines.push(unbilledReplicationLine(ruleSource, gbPerDay(x.replicationBytesPerSec) * price * (365 / 12), x.replicationBytesPerSec))
  }
  const unpriced = p.crossAz ? unpricedTransferLine(p.assumptions) : undefined
  if (unpriced !== undefined) lines.push(unpriced)
  return lines.length === 0 ? '' : [style.heading('Cross-AZ traffic and cost') + style.dim('  (GB = 10^9 B; USD)'), ...lines].join('\n')
}

function whatIfsBlock(p: PlanResult): string {
  const w = p.whatIfs
  const rows: string[][] = [...recoveryRows(w.recovery, p.failures)]
  const lag = p.consumerLag
  const c = w.catchUp
  const catchUp = lag.catchUpMs === undefined ? 'unknown (give --consumer-rate)' : Number.isFinite(lag.catchUpMs) ? formatDuration(lag.catchUpMs) : style.bad('never catches up')
  rows.push([
    `${formatDuration(lag.outageMs)} consumer outage`,
    `${formatCount(Math.round(lag.backlogMessages))} messages behind${lag.dataLost ? style.bad('; the oldest age out of retention first') : ''}` +
      (c.diskReadPerBroker !== undefined && c.diskUtilizationWhileCatchingUp !== undefined
        ? `; catching up reads ${formatRate(c.diskReadPerBroker)} per broker from disk (disks ${utilization(c.diskUtilizationWhileCatchingUp, p.input.targetUtilization, formatPercent(c.diskUtilizationWhileCatchingUp))} busy)`
        : ''),
    catchUp,
  ])
  if (p.input.growthPerYear > 1) {
    const runs = w.runway.filter((r) => r.years !== null)
    rows.push([`growth ${formatNumber(p.input.growthPerYear)}× a year`, runs.map((r) => `${resourceLabel(r.resource)} in ${formatNumber(r.years as number)} y`).join(', ') || 'no resource runs out', runs[0] ? `${formatNumber(runs[0].years as number)} y` : '—'])
  }
  return [style.heading('What-ifs') + style.dim('  (--consumer-outage, --growth, --replication-throttle)'), table({head: ['if', 'then', 'for / until'], widths: [22, 62, 16]}, rows)].join('\n')
}

function extrasBlock(p: PlanResult): string {
  const lines: string[] = []
  if (p.hotKey) {
    const h = p.hotKey
    lines.push(
      `  hot key     ${formatPercent(h.keySkew)} of traffic → hottest partition ${formatRate(h.hottestPartitionBytesPerSec)} (${formatNumber(h.imbalance)}× the mean, ${formatPercent(h.partitionUtilization)} of p)` +
        (h.overloaded ? style.warn(`; salt the key over ${h.saltingFactor} partitions`) : ''),
    )
  }
  const lag = p.consumerLag
  const catchUp =
    lag.catchUpMs === undefined ? 'catch-up time unknown (give --consumer-rate)' : Number.isFinite(lag.catchUpMs) ? `caught up after ${formatDuration(lag.catchUpMs)}` : style.bad('never catches up')
  lines.push(`  outage      a ${formatDuration(lag.outageMs)} consumer outage leaves ${formatCount(Math.round(lag.backlogMessages))} messages; ${catchUp}${lag.dataLost ? style.bad('; data ages out of retention first') : ''}`)
  const pc = p.pageCache
  lines.push(
    `  page cache  ${formatBytes(pc.availableBytes)} per broker holds ${Number.isFinite(pc.coversSeconds) ? formatDuration(pc.coversSeconds * 1000) : 'all'} of writes (30 s wanted: ${formatBytes(pc.neededBytes)})`,
  )
  lines.push(`  OS          ${formatCount(Math.round(p.os.segmentsPerBroker))} segments per broker → ${formatCount(Math.round(p.os.mmapsPerBroker))} index mmaps (vm.max_map_count ≥ ${formatCount(p.os.recommendedMaxMapCount)})`)
  return [style.heading('Operations'), ...lines].join('\n')
}
