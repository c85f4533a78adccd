// Human rendering of a cluster plan (`plan --file`): the cluster answer, the topics, the loads and
// checks, then each topic's settings and the cluster's broker and OS settings.
import type {ClusterPlanResult} from '../services/cluster-plan.js'
import {formatBytes, formatCount, formatDuration, formatNumber, formatPercent, formatRate} from '../units/format.js'
import {assumptionsBlock, failureTable, loadTable, recommendationsBlock, recoveryRows, unbilledReplicationLine, unpricedTransferLine, warningsBlock} from './blocks.js'
import {SCENARIO_SUFFIX, resourceLabel} from './labels.js'
import {style, table, wrap} from './style.js'


export function renderClusterPlan(r: ClusterPlanResult): string {
  return [summary(r), topicsBlock(r), boundsBlock(r), loadsBlock(r), failuresBlock(r), recoveryBlock(r), catchUpBlock(r), costBlock(r), topicSettings(r), recommendationsBlock(r.recommendations), warnings(r), assumptionsBlock(r.assumptions)]
    .filter((s) => s.length > 0)
    .join('\n\n')
}

function summary(r: ClusterPlanResult): string {
  const binding = r.bounds.find((b) => b.resource === r.bindingResource)
  const why = r.bindingScenario === 'normal' && binding ? `bound by ${resourceLabel(r.bindingResource)}: ${binding.detail}` : `bound by ${resourceLabel(r.bindingResource)}${SCENARIO_SUFFIX[r.bindingScenario]}`
  return [
    `${style.title('kafka-sizer cluster plan')}  ${style.dim(`${r.file}${r.cluster.name ? ` (${r.cluster.name})` : ''} · ${r.cluster.metadata} · ${r.cluster.failurePolicy} · MB = 10^6 B, MiB = 2^20 B`)}`,
    '',
    `  ${style.strong('Brokers')}      ${style.strong(String(r.brokers))}   ${why}`,
    `  ${style.strong('Topics')}       ${r.topics.length}, ${formatCount(r.partitions.total)} partitions, ${formatCount(r.partitions.replicas)} replicas (${formatNumber(r.partitions.replicasPerBroker)} per broker)`,
    `  ${style.strong('Storage')}      ${formatBytes(r.storage.totalBytes)} stored (${formatBytes(r.storage.perBrokerBytes)} per broker); provision ${formatBytes(r.storage.provisionedBytes)}`,
    `  ${style.strong('Controllers')}  ${r.controllers.note}`,
    `  ${style.strong('Hardware')}     ${r.cluster.hardware}, ${r.cluster.azs} AZ(s)`,
  ].join('\n')
}

function topicsBlock(r: ClusterPlanResult): string {
  const rows = r.topics.map((t) => [
    t.name,
    formatCount(t.partitions),
    String(t.replicationFactor),
    formatRate(t.payloadBytesPerSec),
    formatRate(t.peakStoredBytesPerSec),
    formatBytes(t.storageBytes),
    t.consumerGroups.map((g) => `${g.name} ×${g.instances}${g.readPattern.kind === 'tail' ? '' : ` (${g.readPattern.kind})`}`).join(', ') || '—',
  ])
  return [style.heading('Topics'), table({head: ['topic', 'partitions', 'RF', 'payload avg', 'stored peak', 'stored', 'consumer groups'], widths: [18, 12, 5, 12, 12, 11, 30], align: ['left', 'right', 'right', 'right', 'right', 'right', 'left']}, rows)].join('\n')
}

function boundsBlock(r: ClusterPlanResult): string {
  const rows = r.bounds.map((b) => [resourceLabel(b.resource) + (b.resource === r.bindingResource && r.bindingScenario === 'normal' ? style.warn(' ◀ binds') : ''), formatNumber(b.brokersNeeded), b.detail])
  return [style.heading(`Why ${r.brokers} brokers`), table({head: ['bound', 'brokers', 'from'], widths: [26, 9, 65]}, rows)].join('\n')
}

function loadsBlock(r: ClusterPlanResult): string {
  return [style.heading(`Per-broker load on ${r.brokers} brokers (all topics, peak)`), loadTable(r.loads.map((l) => ({...l, name: resourceLabel(l.resource)})))].join('\n')
}

function failuresBlock(r: ClusterPlanResult): string {
  if (r.failures.length === 0) return ''
  return [style.heading('Failure checks'), failureTable(r.failures, 'blocked for some topics')].join('\n')
}

function recoveryBlock(r: ClusterPlanResult): string {
  if (r.recovery.length === 0) return ''
  const rows = recoveryRows(r.recovery, r.failures)
  const runs = r.runway.filter((x) => x.years !== null)
  if (r.runway.length > 0) {
    rows.push(['growth (each topic’s rate)', runs.map((x) => `${resourceLabel(x.resource)} in ${formatNumber(x.years as number)} y`).join(', ') || 'no resource runs out within 50 years', runs[0] ? `${formatNumber(runs[0].years as number)} y` : '—'])
  }
  return [style.heading('What-ifs') + style.dim('  (--replication-throttle)'), table({head: ['if', 'then', 'for / until'], widths: [22, 62, 16]}, rows)].join('\n')
}

function catchUpBlock(r: ClusterPlanResult): string {
  const c = r.catchUp
  if (c.groups.length === 0) return ''
  const rows = c.groups.map((g) => {
    const then = g.dataLostDuringOutage
      ? 'data deleted before the group returns (outage > retention)'
      : g.catchUpSeconds === null
        ? `never catches up${g.agesOutAfterSeconds === undefined ? '' : `; unread data deleted after ${formatDuration(g.agesOutAfterSeconds * 1000)}`}`
        : `caught up in ${formatDuration(g.catchUpSeconds * 1000)}`
    const speed = `${formatRate(g.readBytesPerSec)}${g.demandBytesPerSec === null ? ' *' : g.readBytesPerSec < g.demandBytesPerSec * (1 - 1e-9) ? ` of its ${formatRate(g.demandBytesPerSec)}` : ''}`
    return [`${g.topic} / ${g.group}`, formatDuration(g.outageMs), formatBytes(g.backlogBytes), speed, then]
  })
  const note = `all groups catching up together read ${formatRate(c.readBytesPerSec)} from disk (${formatRate(c.diskReadPerBroker)} per broker), limited by ${c.limitedBy}: disk ${formatPercent(c.diskUtilization)}, network out ${formatPercent(c.networkOutUtilization)} busy`
  const unknown = c.groups.some((g) => g.demandBytesPerSec === null) ? '\n' + style.dim('  * no per-instance rate in the plan file: the group reads as fast as the brokers allow') : ''
  return [
    style.heading('Consumer catch-up') + style.dim('  (every group back from its topic’s outage at once, average rates)'),
    table({head: ['topic / group', 'outage', 'backlog', 'reads at', 'then'], widths: [26, 9, 10, 22, 37]}, rows),
    wrap(note, 2) + unknown,
  ].join('\n')
}

function costBlock(r: ClusterPlanResult): string {
  const lines: string[] = []
  if (r.crossAzBytesPerSecond !== undefined) lines.push(`  cross-AZ    ${formatRate(r.crossAzBytesPerSecond)} average across all topics`)
  if (r.cost) {
    const c = r.cost
    const part = (name: string, v: number | null) => (v === null ? `${name} not priced` : `${name} $${formatNumber(v)}`)
    lines.push(`  cost        $${formatNumber(c.monthlyUsd)} a month: ${[part('brokers', c.brokersUsd), part('storage', c.storageUsd), part('transfer', c.transferUsd), part('remote storage', c.remoteStorageUsd)].join(', ')}`)
    if (!c.replicationTransferBilled && r.crossAzBytesPerSecond !== undefined) lines.push(unbilledReplicationLine(c.replicationTransferSource, c.unbilledReplicationTransferUsd))
  }
  const unpriced = r.crossAzBytesPerSecond === undefined ? undefined : unpricedTransferLine(r.assumptions)
  if (unpriced !== undefined) lines.push(unpriced)
  return lines.length === 0 ? '' : [style.heading('Cross-AZ traffic and cost') + style.dim('  (USD)'), ...lines].join('\n')
}

function topicSettings(r: ClusterPlanResult): string {
  const parts = [style.heading('Per-topic configuration') + style.dim('  (key=value; `plan` on one topic shows each trade-off)')]
  for (const t of r.topics) {
    parts.push(`  ${style.strong(t.name)}  ${style.dim(t.rounding)}`)
    for (const scope of ['topic', 'producer', 'consumer'] as const) {
      const kv = t.recommendations.filter((x) => x.scope === scope).map((x) => `${x.key}=${x.value}`)
      if (kv.length > 0) parts.push(`${wrap(`${scope}: ${kv.join('  ')}`, 4)}`)
    }
  }
  return parts.join('\n')
}

function warnings(r: ClusterPlanResult): string {
  const all = [...r.warnings, ...r.topics.flatMap((t) => t.warnings.map((w) => ({...w, message: `[${t.name}] ${w.message}`})))]
  return warningsBlock(all)
}
