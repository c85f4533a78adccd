import type {StorageResult} from '../services/storage.js'
import {formatBytes, formatDuration, formatNumber, formatPercent, formatRate} from '../units/format.js'
import {assumptionsBlock} from './blocks.js'
import {style, table} from './style.js'

export function renderStorage(s: StorageResult): string {
  const b = s.breakdown
  const rows: string[][] = [
    ['payload in the window (one copy)', formatBytes(b.payloadOneCopyBytes), formatBytes(b.payloadOneCopyBytes, {binary: true}), `${formatDuration(s.effectiveRetentionMs)} (${s.retentionLimitedBy}) at ${formatRate(s.payloadBytesPerSec)}`],
    ['× replication', formatBytes(b.payloadOneCopyBytes * s.replicationFactor), formatBytes(b.payloadOneCopyBytes * s.replicationFactor, {binary: true}), `RF ${s.replicationFactor}`],
  ]
  if (b.compressionSavingBytes > 0) rows.push(['− compression', formatBytes(b.compressionSavingBytes), formatBytes(b.compressionSavingBytes, {binary: true}), `${s.compression} at ${formatNumber(s.compressionRatio)}×`])
  rows.push(['+ record-batch overhead', formatBytes(b.batchOverheadBytes), formatBytes(b.batchOverheadBytes, {binary: true}), '61 B per batch + varints per record'])
  if (b.dirtyBytes > 0) rows.push(['+ not yet compacted', formatBytes(b.dirtyBytes), formatBytes(b.dirtyBytes, {binary: true}), 'min.cleanable.dirty.ratio 0.5'])
  rows.push(
    ['+ index files', formatBytes(b.indexBytes), formatBytes(b.indexBytes, {binary: true}), '8 B + 12 B per index entry'],
    ['+ active segments', formatBytes(b.activeSegmentBytes), formatBytes(b.activeSegmentBytes, {binary: true}), 'one open segment per replica beyond retention'],
    [style.strong('= total stored'), style.strong(formatBytes(s.totalBytes)), formatBytes(s.totalBytes, {binary: true}), 'cluster-wide, every replica'],
    ['per broker', formatBytes(s.perBrokerBytes), formatBytes(s.perBrokerBytes, {binary: true}), `${s.brokers} brokers (${s.brokersFrom === 'flag' ? '--brokers' : 'sized by the plan model'})`],
    ['per partition replica', formatBytes(s.perPartitionReplicaBytes), formatBytes(s.perPartitionReplicaBytes, {binary: true}), `${s.partitions} partitions × RF ${s.replicationFactor}`],
    ['provision (cluster)', formatBytes(s.provisionedBytes), formatBytes(s.provisionedBytes, {binary: true}), `at most ${formatPercent(s.maxDiskFill)} full`],
    ['provision per broker', formatBytes(s.provisionedPerBrokerBytes), formatBytes(s.provisionedPerBrokerBytes, {binary: true}), ''],
  )
  if (s.tiered) rows.push(['remote (tiered, one copy)', formatBytes(s.tiered.remoteBytes), formatBytes(s.tiered.remoteBytes, {binary: true}), 'object storage, full retention'])
  const out = [
    `${style.title('Storage')}  ${style.dim('MB/TB = 10^6/10^12 B; MiB/TiB = 2^20/2^40 B')}`,
    table({head: ['', 'decimal', 'binary', 'how'], widths: [28, 13, 13, 46], align: ['left', 'right', 'right', 'left']}, rows),
  ]
  if (s.storageWindowNote) out.push(`  ${style.warn('!')} ${s.storageWindowNote}`)
  return [...out, '', assumptionsBlock(s.assumptions)].join('\n')
}
