// Warnings: conditions of a finished plan that will hurt in production, each with a stable code and an
// action. Pure: no I/O.
import {yearsUntilPartitionsExhausted} from './partitions.js'
import type {PlanCore} from './plan.js'
import {PROFILES} from './profiles.js'
import {formatBytes, formatCount, formatDuration, formatPercent, formatRate} from '../units/format.js'
import {ACCEPTABLE_BATCH_OVERHEAD, lingerForOverhead} from './recommendations/producer.js'
import {largestBatchBytes} from './recommendations/topic.js'
import {recordShape} from './plan.js'
import {batchOf} from './record-format.js'
import {plural} from './round.js'
import type {Warning} from './types.js'

/** kafka-sizer choice: a linger beyond 1 s is no longer a batching knob but a latency problem. */
const MAX_SUGGESTED_LINGER_MS = 1000

type Check = (plan: PlanCore) => Warning[]

const idleConsumers: Check = ({input, partitions}) =>
  input.maxConsumers > partitions
    ? [{
        code: 'idle-consumers',
        message: `the largest group runs ${input.maxConsumers} instances but the topic has ${partitions} partitions: ${plural(input.maxConsumers - partitions, 'instance')} get no partition and sit idle`,
        action: `run at most ${partitions} instances per group, or create the topic with ≥ ${input.maxConsumers} partitions`,
      }]
    : []

/** t/c: at the peak the partitions are sized for, the largest group must run enough instances to keep up. */
const consumersTooFew: Check = ({input, partitions, partitionSizing}) => {
  const c = input.consumerRate?.bytesPerSec
  const needed = partitionSizing.reasons.find((r) => r.rule === 't/c')?.partitions
  if (c === undefined || needed === undefined || needed <= input.maxConsumers) return []
  const n = input.maxConsumers
  const t = partitionSizing.horizonPeakBytesPerSec
  const when = input.growthPerYear !== 1 ? ` (at ${input.growthPerYear}×/year over the ${input.horizonYears}-year horizon)` : ''
  const room = partitions >= needed ? `the ${formatCount(partitions)} partitions already allow that` : `with ≥ ${formatCount(needed)} partitions; the topic has ${formatCount(partitions)}`
  return [{
    code: 'consumers-too-few',
    message: `the largest group runs ${plural(n, 'instance')} at ${formatRate(c)} each = ${formatRate(n * c)}, below the ${formatRate(t)} peak${when}: it cannot keep up, and its lag grows for as long as the peak lasts`,
    action: `run at least ${formatCount(needed)} instances (${room}), or speed up processing to ≥ ${formatRate(t / n)} per instance`,
  }]
}

const messageTooLarge: Check = (plan) => {
  const {input} = plan
  const single = batchOf(recordShape(input), 1, 1).batchBytes
  const out: Warning[] = []
  if (single > input.maxMessageBytes) {
    out.push({
      code: 'message-too-large',
      message: `one record is ${formatBytes(single, {binary: true})} as a batch (incl. the 61-byte header), above max.message.bytes ${formatBytes(input.maxMessageBytes, {binary: true})}: the broker rejects it (RecordTooLargeException)`,
      action: `raise max.message.bytes to ≥ ${Math.ceil(single)} (and the producer's max.request.size), or store large payloads elsewhere and send a reference`,
    })
  } else if (largestBatchBytes(plan) > input.maxMessageBytes) {
    out.push({
      code: 'batch-too-large',
      message: `producer batches reach ${formatBytes(largestBatchBytes(plan), {binary: true})}, above max.message.bytes ${formatBytes(input.maxMessageBytes, {binary: true})}: the broker rejects them and the producer must split and retry`,
      action: `lower batch.size to ≤ ${input.maxMessageBytes} or raise max.message.bytes`,
    })
  }
  return out
}

const replication: Check = ({input}) => {
  const {replicationFactor: rf, minInsyncReplicas: isr, acks} = input
  const out: Warning[] = []
  if (rf === 1) {
    out.push({
      code: 'replication-factor-1',
      message: 'replication factor 1: one broker or disk failure makes partitions unavailable, and a lost disk loses their data',
      action: 'use replication.factor=3 with min.insync.replicas=2 (needs ≥ 3 brokers)',
    })
  }
  if (isr > rf) {
    out.push({
      code: 'min-isr-exceeds-rf',
      message: `min.insync.replicas ${isr} > replication factor ${rf}: every acks=all write fails (NotEnoughReplicas)`,
      action: `set min.insync.replicas ≤ ${Math.max(1, rf - 1)}`,
    })
  } else if (isr === rf && rf > 1 && acks === 'all') {
    out.push({
      code: 'min-isr-equals-rf',
      message: `min.insync.replicas = replication factor = ${rf}: any one broker down (a rolling restart included) blocks acks=all writes`,
      action: `set min.insync.replicas=${rf - 1}, or replication.factor=${rf + 1}`,
    })
  }
  const profile = PROFILES[input.profile]
  if (profile.acks === 'all' && acks !== 'all') {
    out.push({
      code: 'weak-acks',
      message: `acks=${acks} with the ${profile.name} profile: ${profile.transactions ? 'transactions require acks=all, so the producer refuses to start' : 'a leader crash loses acknowledged writes that followers had not copied'}`,
      action: 'set acks=all (the default since Kafka 3.0) with enable.idempotence=true',
    })
  }
  return out
}

const capacity: Check = ({loads, failures, brokers}) => {
  const out: Warning[] = []
  const replicas = loads.find((l) => l.resource === 'partition-replicas')
  if (replicas && replicas.utilization > 1) {
    out.push({
      code: 'partitions-per-broker',
      message: `${Math.round(replicas.load)} partition replicas per broker, above the ${replicas.capacity} this hardware supports (${formatPercent(replicas.utilization)})`,
      action: `add brokers (≥ ${Math.ceil(brokers * replicas.utilization)}), use larger brokers, or fewer partitions`,
    })
  }
  const over = loads.filter((l) => l.resource !== 'partition-replicas' && l.utilization > l.limit + 1e-9)
  if (over.length > 0) {
    out.push({
      code: 'over-capacity',
      message: `with ${plural(brokers, 'broker')}: ${over.map((l) => `${l.resource} ${formatPercent(l.utilization)} (limit ${formatPercent(l.limit)})`).join(', ')}`,
      action: 'add brokers or use larger ones (let kafka-sizer size the broker count instead of fixing it)',
    })
  }
  for (const f of failures) {
    const what = f.kind === 'broker-loss' ? 'one broker' : `one AZ (${plural(f.brokersLost, 'broker')})`
    if (f.writesBlocked) {
      out.push({
        code: `writes-blocked-${f.kind}`,
        message: `with ${what} down, some partitions keep ${f.minReplicasLeft} replica(s), fewer than min.insync.replicas: acks=all writes to them fail`,
        action: f.kind === 'az-loss' ? 'spread replicas over ≥ RF zones (replication.factor ≥ AZs, rack-aware placement) or lower min.insync.replicas' : 'keep min.insync.replicas ≤ RF − 1',
      })
    }
    if (!f.withinLimits) {
      const hot = f.loads.filter((l) => l.utilization > 1 + 1e-9).map((l) => `${l.resource} ${formatPercent(l.utilization)}`)
      out.push({
        code: `over-capacity-${f.kind}`,
        message: `with ${what} down the ${f.survivors} survivors exceed capacity: ${hot.join(', ')}`,
        action: 'add brokers so the cluster survives the loss',
      })
    }
  }
  return out
}

/** Adding partitions to a keyed topic remaps keys: the count must last the horizon with margin. */
const partitionGrowth: Check = ({input, partitions, partitionSizing, traffic}) => {
  if (!input.keyed || input.growthPerYear <= 1) return []
  const years = yearsUntilPartitionsExhausted(partitions, input.partitionThroughputBytesPerSec, traffic.peakPayloadBytesPerSec, input.growthPerYear)
  const fixedTooFew = input.partitions !== undefined && input.partitions < partitionSizing.required
  if (!fixedTooFew && years >= input.horizonYears + 1) return []
  return [{
    code: 'partition-growth',
    message: `at ${input.growthPerYear}×/year, ${partitions} partitions carry the peak for ${years.toFixed(1)} year(s)${fixedTooFew ? ` (${partitionSizing.required} required for the ${input.horizonYears}-year horizon)` : ''}; adding partitions later remaps keys to other partitions and breaks per-key order during the change`,
    action: `create the keyed topic with ≥ ${Math.max(partitionSizing.required, Math.ceil((traffic.peakPayloadBytesPerSec * input.growthPerYear ** (input.horizonYears + 1)) / input.partitionThroughputBytesPerSec))} partitions now, or plan a migration to a new topic`,
  }]
}

const lag: Check = ({consumerLag, storage, traffic}) => {
  const out: Warning[] = []
  if (consumerLag.dataLost) {
    out.push({
      code: 'retention-shorter-than-outage',
      message: `a ${formatDuration(consumerLag.outageMs)} consumer outage outlasts the ${formatDuration(storage.effectiveRetentionMs)} retention: unread data is deleted before the group returns`,
      action: `raise retention to > ${formatDuration(consumerLag.outageMs)} (costs disk), or alert on consumer lag well before retention`,
    })
  }
  if (consumerLag.catchUpMs === Infinity) {
    out.push({
      code: 'never-catches-up',
      message: `the group processes ${Math.round(consumerLag.groupCapacityMessagesPerSec ?? 0)} msg/s at most, not more than the ${Math.round(traffic.messagesPerSec)} msg/s produced: its lag only grows`,
      action: 'run more consumer instances (with at least as many partitions) or make processing faster',
    })
  }
  return out
}

const hotKey: Check = ({hotKey: hk, input}) =>
  hk?.overloaded
    ? [{
        code: 'hot-key',
        message: `the hottest key (${formatPercent(hk.keySkew)} of traffic) puts ${formatRate(hk.hottestPartitionBytesPerSec)} on one partition, ${formatPercent(hk.partitionUtilization)} of the ${formatRate(input.partitionThroughputBytesPerSec)} a partition carries`,
        action: `salt the hot key over ${hk.saltingFactor} partitions (key#0..${hk.saltingFactor - 1}), give it its own topic, or use a compound key; each loses strict per-key order`,
      }]
    : []

const pageCache: Check = ({pageCache: pc}) =>
  pc.sufficient
    ? []
    : [{
        code: 'page-cache-small',
        message: `the page cache holds ${formatBytes(pc.availableBytes, {binary: true})}, ${pc.coversSeconds.toFixed(1)} s of one broker's writes; ${formatBytes(pc.neededBytes, {binary: true})} is needed for 30 s: tail consumers will read from disk`,
        action: 'use brokers with more RAM, or more brokers',
      }]

const compressionRatio: Check = ({input}) =>
  input.compression !== 'none' && input.compressionRatio === 1
    ? [{
        code: 'compression-ratio-unknown',
        message: `compression ${input.compression} is set but its ratio is unknown: the plan assumes the data does not shrink, which may oversize disks and network`,
        action: 'measure it with `kafka-sizer bench --sample <file>` or give --compression-ratio',
      }]
    : []

const storageWindow: Check = ({storageWindowNote}) =>
  storageWindowNote
    ? [{code: 'storage-window', message: storageWindowNote, action: 'set retention.ms, or cleanup.policy=compact with --distinct-keys, to bound storage; or plan storage growth (tiered storage) beyond the horizon'}]
    : []

const smallBatches: Check = (plan) => {
  const {batch, input} = plan
  const overhead = batch.storedToPayloadRatio - 1
  if (overhead <= ACCEPTABLE_BATCH_OVERHEAD || batch.limitedBy === 'record-size') return []
  const message = `batches ${batch.limitedBy === 'linger.ms' ? `close after linger.ms=${input.lingerMs}` : `fill batch.size=${input.batchSizeBytes}`} with ${plural(batch.records, 'record')}: batch and record overhead adds ${formatPercent(overhead)} to the stored bytes, and requests multiply`
  const better = lingerForOverhead(plan)
  let action: string
  if (better === undefined) action = `raise batch.size above ${input.batchSizeBytes} B: even a full batch keeps overhead above ${formatPercent(ACCEPTABLE_BATCH_OVERHEAD)}`
  else if (better.lingerMs <= MAX_SUGGESTED_LINGER_MS) action = `raise linger.ms to ~${better.lingerMs} (${plural(better.records, 'record')} per batch) if that latency is acceptable`
  else action = `each partition stream gets only ${batch.streamMessagesPerSec.toFixed(1)} msg/s, so no sane linger fills a batch: ${input.keyed ? 'use fewer partitions or fewer producers writing each partition' : 'use fewer producer instances'}, or accept the overhead`
  return [{code: 'small-batches', message, action}]
}

const compactWithoutKeys: Check = ({input}) =>
  input.cleanupPolicy !== 'delete' && !input.keyed
    ? [{
        code: 'compact-without-keys',
        message: `cleanup.policy=${input.cleanupPolicy} but records have no key: the broker rejects null-key records on compacted topics`,
        action: 'give every record a key (--key-size), or use cleanup.policy=delete',
      }]
    : []

const retentionBytes: Check = ({storage, input}) =>
  storage.retentionLimitedBy === 'retention.bytes'
    ? [{
        code: 'retention-bytes-limits',
        message: `retention.bytes (${formatBytes(input.retentionBytesPerPartition ?? 0, {binary: true})} per partition) deletes data after ${formatDuration(storage.effectiveRetentionMs)}, before retention.ms (${formatDuration(input.retentionMs)})`,
        action: `raise retention.bytes (it is per partition, not per topic) or accept the shorter window; ${formatBytes(storage.totalBytes)} is stored now`,
      }]
    : []

const CHECKS: Check[] = [
  idleConsumers,
  consumersTooFew,
  messageTooLarge,
  replication,
  capacity,
  partitionGrowth,
  lag,
  hotKey,
  pageCache,
  compressionRatio,
  storageWindow,
  smallBatches,
  compactWithoutKeys,
  retentionBytes,
]

export function planWarnings(plan: PlanCore): Warning[] {
  return CHECKS.flatMap((check) => check(plan))
}
