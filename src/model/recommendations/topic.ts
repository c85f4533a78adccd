// Topic-level configs (kafka-topics --config / kafka-configs --entity-type topics).
import {HOUR_MS, MAX_MESSAGE_BYTES, MiB, RETENTION_CHECK_INTERVAL_MS, SEGMENT_BYTES, SEGMENT_MS} from '../constants.js'
import type {PlanCore} from '../plan.js'
import {recordShape} from '../plan.js'
import {PROFILES} from '../profiles.js'
import {batchOf} from '../record-format.js'
import type {Recommendation} from '../types.js'
import {formatBytes, formatCount, formatDuration, formatPercent, formatRate} from '../../units/format.js'
import {plural} from '../round.js'

/** Closed segments per retention window: retention then overshoots by at most ~1/10 of the window. */
const SEGMENTS_PER_WINDOW = 10
/** kafka-sizer choice: below ~100 MiB, file and mmap counts grow faster than retention precision improves. */
const MIN_SMALL_SEGMENT_BYTES = 100 * MiB
/** kafka-sizer choice: headroom of retention.bytes over what time retention keeps, so time retention applies first. */
const RETENTION_BYTES_HEADROOM = 1.1

/** Bytes one partition replica retains (the window, or the compacted set plus its dirty part). */
export function retainedPerReplicaBytes(plan: PlanCore): number {
  const {logBytes, dirtyBytes} = plan.storage.breakdown
  return (logBytes + dirtyBytes) / (plan.partitions * plan.input.replicationFactor)
}

/** Stored bytes/s written to one partition (one replica), at the average rate. */
export function perPartitionBytesPerSec(plan: PlanCore): number {
  return plan.traffic.storedBytesPerSec / plan.partitions
}

/**
 * Retention deletes closed segments only, so a partition holds up to one segment beyond the window. When the
 * window is under 10 segments, a smaller segment keeps that overshoot near 10%. Never raised above the input.
 */
export function recommendedSegmentBytes(plan: PlanCore): number {
  const current = plan.input.segmentBytes
  const retained = retainedPerReplicaBytes(plan)
  if (!Number.isFinite(retained) || retained >= SEGMENTS_PER_WINDOW * current) return current
  const target = Math.max(MIN_SMALL_SEGMENT_BYTES, Math.floor(retained / SEGMENTS_PER_WINDOW / MiB) * MiB)
  return Math.min(current, target)
}

/** segment.ms: when a slow partition rolls segments by time, not size, the same 1/10-of-the-window rule applies. */
export function recommendedSegmentMs(plan: PlanCore): number {
  const current = plan.input.segmentMs
  const retention = plan.input.retentionMs
  const rollsByTime = perPartitionBytesPerSec(plan) * (current / 1000) < recommendedSegmentBytes(plan)
  if (!Number.isFinite(retention) || !rollsByTime || current <= retention / SEGMENTS_PER_WINDOW) return current
  return Math.max(HOUR_MS, Math.floor(retention / SEGMENTS_PER_WINDOW / HOUR_MS) * HOUR_MS)
}

/** The largest batch the broker must accept: the achieved batches, or one record alone (uncompressed, as the producer checks it). */
export function largestBatchBytes(plan: PlanCore): number {
  const single = batchOf(recordShape(plan.input), 1, 1).batchBytes
  return Math.ceil(Math.max(single, plan.batch.batchBytes, plan.averageBatch.batchBytes))
}

export function topicRecommendations(plan: PlanCore): Recommendation[] {
  const {input, storage} = plan
  const rf = input.replicationFactor
  const rec = (key: string, value: string, why: string): Recommendation => ({scope: 'topic', key, value, why})
  const out: Recommendation[] = []

  const replicationPeak = (rf - 1) * plan.traffic.peakStoredBytesPerSec
  out.push(
    rec(
      'replication.factor',
      String(rf),
      rf > 1
        ? `${rf} copies: a partition's data survives losing ${rf - 1} of its ${rf} replicas; costs ${rf}× disk (${formatBytes(storage.totalBytes)} stored in total) and ${formatRate(replicationPeak)} of replication traffic at peak`
        : 'one copy: no replication traffic or extra disk, but any broker loss makes its partitions unavailable and a disk loss destroys their data',
    ),
  )

  const isr = input.minInsyncReplicas
  out.push(
    rec(
      'min.insync.replicas',
      String(isr),
      input.acks !== 'all'
        ? `enforced only for acks=all producers (these use acks=${input.acks}); ${isr} of ${rf} replicas must hold a write once producers switch to acks=all`
        : isr < rf
          ? `acks=all writes land on ${isr} of ${rf} replicas before the ack, so an acknowledged write survives ${plural(isr - 1, 'broker')} lost; writes continue with ${plural(rf - isr, 'replica')} down (${rf} would block writes during any restart)`
          : `every one of ${rf} replicas must ack: the strongest guarantee, but writes stop whenever any one replica is down (restarts included)`,
    ),
  )

  out.push(retentionMs(plan))
  out.push(retentionBytes(plan))

  const segment = recommendedSegmentBytes(plan)
  const retained = retainedPerReplicaBytes(plan)
  // formatPercent says "<0.1%" for tiny shares, which needs no "≤".
  const overshootPct = formatPercent(segment / Math.max(retained, 1))
  const overshoot = overshootPct.startsWith('<') ? overshootPct : `≤ ${overshootPct}`
  out.push(
    rec(
      'segment.bytes',
      String(segment),
      segment < input.segmentBytes
        ? `a partition replica retains only ${formatBytes(retained, {binary: true})}; retention deletes whole closed segments, so ${formatBytes(input.segmentBytes, {binary: true})} segments would keep up to ${formatPercent(input.segmentBytes / retained)} extra data and delete late; ${formatBytes(segment, {binary: true})} keeps the overshoot near 10% at the cost of more files and mmaps (~${SEGMENTS_PER_WINDOW + 1} segments per replica)`
        : `${formatBytes(segment, {binary: true})}${segment === SEGMENT_BYTES.value ? ' (Kafka default)' : ''}: a partition replica retains ${formatBytes(retained, {binary: true})}, so one segment beyond retention is ${overshoot} extra; smaller segments would only add files and mmaps`,
    ),
  )

  const segmentMs = recommendedSegmentMs(plan)
  const rate = perPartitionBytesPerSec(plan)
  out.push(
    rec(
      'segment.ms',
      String(segmentMs),
      segmentMs < input.segmentMs
        ? `a partition writes only ${formatRate(rate)}, so segments roll by time, not size: with ${formatDuration(input.segmentMs)} segments data stays up to ${formatDuration(input.retentionMs + input.segmentMs)}; ${formatDuration(segmentMs)} bounds the overshoot to ~10% of retention, at the cost of more (smaller) segment files`
        : rate * (input.segmentMs / 1000) >= segment
          ? `${formatDuration(segmentMs)}${segmentMs === SEGMENT_MS.value ? ' (Kafka default)' : ''}: at ${formatRate(rate)} per partition a ${formatBytes(segment, {binary: true})} segment fills in ${formatDuration((segment / Math.max(rate, 1e-12)) * 1000)}, before the time roll; a shorter segment.ms would only add files`
          : `${formatDuration(segmentMs)}${segmentMs === SEGMENT_MS.value ? ' (Kafka default)' : ''}: segments roll by time, ${Number.isFinite(input.retentionMs) ? 'and that adds ≤ 10% to the retention window' : 'and retention is infinite, so a late roll deletes nothing late'}; shorter would only add files`,
    ),
  )

  const compacts = input.cleanupPolicy !== 'delete'
  out.push(
    rec(
      'cleanup.policy',
      input.cleanupPolicy,
      compacts
        ? `keeps the latest record per key${input.distinctKeys !== undefined ? ` (${formatCount(input.distinctKeys)} keys)` : ''}, so storage follows live keys rather than time; costs log-cleaner CPU and disk I/O, and every record needs a non-null key`
        : `deletes whole segments older than retention: simple and cheap; use compact only when the topic holds state by key (the latest value per key must survive)`,
    ),
  )

  const largest = largestBatchBytes(plan)
  const maxMessage = Math.max(input.maxMessageBytes, largest)
  out.push(
    rec(
      'max.message.bytes',
      String(maxMessage),
      maxMessage > input.maxMessageBytes
        ? `the largest batch is ${formatBytes(largest, {binary: true})} (incl. the 61-byte header), above ${formatBytes(input.maxMessageBytes, {binary: true})}: the broker would reject it; raising it costs broker and consumer memory per fetch (raise the producer's max.request.size too)`
        : `the largest batch is ${formatBytes(largest, {binary: true})} (incl. the 61-byte header), within ${formatBytes(input.maxMessageBytes, {binary: true})}${input.maxMessageBytes === MAX_MESSAGE_BYTES.value ? ' (Kafka default)' : ''}: raising it would only allow bigger fetch buffers and slower replication of huge batches`,
    ),
  )

  out.push(
    rec(
      'unclean.leader.election.enable',
      'false',
      'an out-of-sync replica never becomes leader, so acknowledged writes are not silently lost; the cost is that a partition stays offline until an in-sync replica returns (true trades data loss for availability)',
    ),
  )

  // The producers' codec: the user's, else the profile's (the rule of producerCodec in producer.ts).
  const codec = input.compressionStated ? input.compression : PROFILES[input.profile].recommendedCompression
  out.push(
    rec(
      'compression.type',
      'producer',
      codec === 'none'
        ? 'the broker stores batches as producers send them (uncompressed here), with no recompression CPU; a topic codec would make the broker compress every batch itself'
        : `the broker stores batches as producers compress them (${codec}), with no recompression CPU; a topic codec different from the producers' makes the broker decompress and recompress every batch`,
    ),
  )
  out.push(...tieredStorage(plan))
  return out
}

function retentionMs(plan: PlanCore): Recommendation {
  const {input, storage} = plan
  const infinite = !Number.isFinite(input.retentionMs)
  return {
    scope: 'topic',
    key: 'retention.ms',
    value: infinite ? '-1' : String(Math.round(input.retentionMs)),
    why: infinite
      ? input.cleanupPolicy !== 'delete' && plan.storageWindowNote === undefined
        ? `nothing expires by time (system of record): compaction bounds storage by live keys, ${formatBytes(storage.totalBytes)} stored; costs disk that grows with the key count`
        : `data is kept forever (system of record), so storage grows without bound: ${plan.storageWindowNote ?? `${formatBytes(storage.totalBytes)} stored`}`
      : `keeps ${formatDuration(input.retentionMs)}: ${formatBytes(storage.totalBytes)} stored across ${plural(plan.brokers, 'broker')} (${formatBytes(storage.perBrokerBytes)} each); disk grows linearly with retention, a shorter window risks losing data a stalled consumer has not read`,
  }
}

/** retention.bytes is per partition: a backstop just above what time retention keeps, so a surge cannot fill the disk. */
function retentionBytes(plan: PlanCore): Recommendation {
  const {input} = plan
  const rec = (value: string, why: string): Recommendation => ({scope: 'topic', key: 'retention.bytes', value, why})
  if (input.retentionBytesPerPartition !== undefined) {
    return rec(
      String(Math.round(input.retentionBytesPerPartition)),
      `as given, per partition: caps each partition at ${formatBytes(input.retentionBytesPerPartition, {binary: true})}, so data stays ${formatDuration(plan.storage.effectiveRetentionMs)} (limited by ${plan.storage.retentionLimitedBy}); disk use is bounded, but a traffic surge shortens retention`,
    )
  }
  if (!Number.isFinite(input.retentionMs)) {
    return rec('-1', 'retention is infinite: a byte cap would delete the system of record; watch disk usage instead')
  }
  if (input.cleanupPolicy === 'compact') {
    return rec('-1', 'retention.bytes applies only to cleanup.policy=delete; compaction bounds this topic by its live keys')
  }
  // The window at the average rate, plus the active segment retention never deletes, plus headroom.
  const window = (perPartitionBytesPerSec(plan) * input.retentionMs) / 1000
  const checkLag = (perPartitionBytesPerSec(plan) * RETENTION_CHECK_INTERVAL_MS.value) / 1000
  const cap = Math.ceil(((window + recommendedSegmentBytes(plan) + checkLag) * RETENTION_BYTES_HEADROOM) / MiB) * MiB
  return rec(
    String(cap),
    `per partition (not per topic): ${formatDuration(input.retentionMs)} of one partition is ${formatBytes(window, {binary: true})}; the cap is that plus one segment, +10%, so time retention normally applies first and a sustained surge deletes old data early instead of filling the disk`,
  )
}

/** Tiered storage (--local-retention): without these two configs the local disks keep the full retention. */
function tieredStorage(plan: PlanCore): Recommendation[] {
  const local = plan.input.localRetentionMs
  if (local === undefined || !plan.storage.tiered) return []
  const {localBytes, remoteBytes} = plan.storage.tiered
  return [
    {
      scope: 'topic',
      key: 'remote.storage.enable',
      value: 'true',
      why: `tiered storage: closed segments are copied to object storage (${formatBytes(remoteBytes)}, one copy), so local disks hold ${formatBytes(localBytes)} instead of the full retention; needs remote.log.storage.system.enable=true and a remote storage plugin on the brokers, and adds object-store reads for consumers that fall behind the local window`,
    },
    {
      scope: 'topic',
      key: 'local.retention.ms',
      value: String(Math.round(local)),
      why: `local disks keep ${formatDuration(local)} (the window this plan sized them for); older data is served from object storage; retention.ms still bounds the total`,
    },
  ]
}
