// The plan: partitions, brokers, storage and everything derived, for one topic's workload on one cluster.
// Pure composition of the model's parts; recommendations and warnings read the finished core.
import {type AchievedBatch, achievedBatch} from './batching.js'
import {type BrokerSizing, type Scenario, sizeBrokers} from './brokers.js'
import {YEAR_MS} from './constants.js'
import type {FlowDemand} from './flows.js'
import type {Cost} from './cost.js'
import type {CrossAzTraffic} from './cross-az.js'
import {type HotKeyResult, hotKeyLoad} from './hot-keys.js'
import {type ConsumerLag, consumerLag} from './lag.js'
import {type PartitionSizing, divisors, requiredPartitions, roundPartitions} from './partitions.js'
import type {RecordShape} from './record-format.js'
import {type BrokerLoadRow, type OsLimits, type PageCache, brokerLoadTable, crossAzAndCost, osLimitsFor, pageCacheFor} from './plan-operations.js'
import {type StorageBreakdown, computeStorage} from './storage.js'
import type {BrokerBound, FailureScenario, PlanInput, ResourceLoad, ResourceName} from './types.js'

export type {BrokerLoadRow, OsLimits, PageCache} from './plan-operations.js'

export interface Traffic {
  /** Average and peak payload (key + value, before compression), bytes/s. */
  payloadBytesPerSec: number
  peakPayloadBytesPerSec: number
  messagesPerSec: number
  peakMessagesPerSec: number
  /** As stored and sent: compressed records plus batch overhead, bytes/s. */
  storedBytesPerSec: number
  peakStoredBytesPerSec: number
}




export interface PlanCore {
  input: PlanInput
  traffic: Traffic
  /** The batch at peak rate (throughput) and at average rate (storage). */
  batch: AchievedBatch
  averageBatch: AchievedBatch
  partitions: number
  partitionSizing: PartitionSizing
  brokers: number
  bindingResource: ResourceName
  bindingScenario: Scenario
  bounds: BrokerBound[]
  loads: ResourceLoad[]
  /** Per-broker loads in normal operation, with disk write and read apart. */
  brokerLoad: BrokerLoadRow[]
  failures: FailureScenario[]
  storage: StorageBreakdown
  hotKey?: HotKeyResult
  pageCache: PageCache
  consumerLag: ConsumerLag
  os: OsLimits
  /** The retention window used for storage when retention is infinite and nothing compacts it. */
  storageWindowNote?: string
  /** Bytes crossing availability zones per path, average rate (with --azs ≥ 2). */
  crossAz?: CrossAzTraffic
  /** Monthly cost, when a broker or storage price is known. */
  cost?: Cost
}

export function recordShape(input: PlanInput): RecordShape {
  return {keyBytes: input.keySizeBytes, keyed: input.keyed, valueBytes: input.messageSizeBytes}
}

function batchFor(input: PlanInput, messagesPerSec: number, partitions: number): AchievedBatch {
  return achievedBatch(
    {
      messagesPerSec,
      shape: recordShape(input),
      batchSizeBytes: input.batchSizeBytes,
      lingerMs: input.lingerMs,
      partitions,
      producers: input.producers,
      compressionRatio: input.compressionRatio,
    },
    input.keyed,
  )
}

/** Retention used for storage: infinite retention without compaction is sized over the growth horizon. */
export function storageRetentionMs(input: PlanInput): {retentionMs: number; note?: string} {
  const compacts = input.cleanupPolicy !== 'delete' && input.distinctKeys !== undefined
  if (Number.isFinite(input.retentionMs) || compacts) return {retentionMs: input.retentionMs}
  const ms = input.horizonYears * YEAR_MS
  return {retentionMs: ms, note: `retention is infinite: storage is sized for ${input.horizonYears} year(s) of data (the growth horizon)`}
}

/** Partitions a topic needs before rounding: t/p, t/c, consumers, and a replica that fits one disk. */
export function partitionRequirement(input: PlanInput): ReturnType<typeof requiredPartitions> {
  const required = requiredPartitions({
    peakPayloadBytesPerSec: input.payloadBytesPerSec * input.peakFactor,
    growthPerYear: input.growthPerYear,
    horizonYears: input.horizonYears,
    partitionThroughputBytesPerSec: input.partitionThroughputBytesPerSec,
    consumerBytesPerSec: input.consumerRate?.bytesPerSec,
    maxConsumers: input.maxConsumers,
  })
  const {retentionMs} = storageRetentionMs(input)
  // A partition replica lives on one disk (one log.dirs entry): enough partitions that each fits.
  const firstGuess = storageFor(input, batchFor(input, input.messagesPerSec, required.required), required.required, 1, retentionMs)
  const diskBudget = input.hardware.diskSizeBytes * input.maxDiskFill
  const diskFit = Math.ceil(firstGuess.totalBytes / input.replicationFactor / diskBudget - 1e-9)
  if (diskFit > required.required) {
    required.reasons.push({
      rule: 'disk-fit',
      partitions: diskFit,
      detail: `one copy holds ${(firstGuess.totalBytes / input.replicationFactor / 1e12).toFixed(2)} TB; a partition replica must fit on one ${(input.hardware.diskSizeBytes / 1e12).toFixed(2)} TB disk at ${Math.round(input.maxDiskFill * 100)}% fill`,
    })
    required.required = diskFit
  }
  return required
}

export interface TopicAtPartitions {
  partitions: number
  batch: AchievedBatch
  averageBatch: AchievedBatch
  demand: FlowDemand
}

/** One topic's batches and cluster demand at a given partition count. */
export function topicAt(input: PlanInput, partitions: number): TopicAtPartitions {
  const peakMessages = input.messagesPerSec * input.peakFactor
  const batch = batchFor(input, peakMessages, partitions)
  const averageBatch = batchFor(input, input.messagesPerSec, partitions)
  const storage = storageFor(input, averageBatch, partitions, 1, storageRetentionMs(input).retentionMs)
  return {
    partitions,
    batch,
    averageBatch,
    demand: {
      storedBytesPerSec: peakMessages * batch.storedBytesPerMessage,
      replicationFactor: input.replicationFactor,
      consumerGroups: input.consumerGroups,
      laggingGroups: input.laggingGroups,
      replaySpeeds: input.replaySpeeds,
      storageBytes: storage.totalBytes,
      partitions,
    },
  }
}

export function computePlan(input: PlanInput): PlanCore {
  const peakMessages = input.messagesPerSec * input.peakFactor
  const peakPayload = input.payloadBytesPerSec * input.peakFactor
  const required = partitionRequirement(input)
  const {retentionMs, note} = storageRetentionMs(input)

  type Sized = {partitions: number; batch: AchievedBatch; averageBatch: AchievedBatch; sizing: BrokerSizing}
  const sizeAt = (partitions: number, fixedBrokers?: number): Sized => {
    const t = topicAt(input, partitions)
    const sizing = sizeBrokers({
      demand: t.demand,
      hardware: input.hardware,
      limits: {targetUtilization: input.targetUtilization, maxDiskFill: input.maxDiskFill},
      azs: input.azs,
      minInsyncReplicas: input.minInsyncReplicas,
      acks: input.acks,
      fixedBrokers,
    })
    return {partitions, batch: t.batch, averageBatch: t.averageBatch, sizing}
  }

  let state: Sized
  let rounding: string
  if (input.partitions !== undefined) {
    state = sizeAt(input.partitions, input.brokers)
    rounding = `${input.partitions} given (--partitions)`
  } else if (input.brokers !== undefined) {
    const rounded = roundPartitions(required.required, input.brokers, input.maxConsumers)
    state = sizeAt(rounded.partitions, input.brokers)
    rounding = rounded.rounding
  } else {
    // Partitions are rounded to the broker count, and the broker count depends on the partition count
    // (replicas, batch size, segments). Take the smallest broker count B whose own rounded partition
    // count fits on B brokers. No B below the count needed at the unrounded partitions can fit (more
    // partitions never need fewer brokers), so the search starts there; taking the first B that fits
    // keeps the plan monotone: more load or longer retention never finds fewer brokers.
    const step = Math.max(1, input.azs)
    let brokers = sizeAt(required.required).sizing.brokers
    for (let tries = 0; ; tries++) {
      const rounded = roundPartitions(required.required, brokers, input.maxConsumers)
      const free = sizeAt(rounded.partitions)
      if (free.sizing.brokers <= brokers) {
        const atB = sizeAt(rounded.partitions, brokers)
        state = {...atB, sizing: {...atB.sizing, bindingResource: free.sizing.bindingResource, bindingScenario: free.sizing.bindingScenario}}
        rounding = rounded.rounding
        break
      }
      // Step one AZ multiple at a time; after 200 steps (huge clusters) jump to what this count needs.
      brokers = tries < 200 ? brokers + step : free.sizing.brokers
    }
  }
  const partitions = state.partitions

  const {batch, averageBatch, sizing} = state
  const brokers = sizing.brokers
  const storage = storageFor(input, averageBatch, partitions, brokers, retentionMs)
  const traffic: Traffic = {
    payloadBytesPerSec: input.payloadBytesPerSec,
    peakPayloadBytesPerSec: peakPayload,
    messagesPerSec: input.messagesPerSec,
    peakMessagesPerSec: peakMessages,
    storedBytesPerSec: input.messagesPerSec * averageBatch.storedBytesPerMessage,
    peakStoredBytesPerSec: peakMessages * batch.storedBytesPerMessage,
  }

  return {
    input,
    traffic,
    batch,
    averageBatch,
    partitions,
    partitionSizing: {
      partitions,
      required: required.required,
      horizonPeakBytesPerSec: required.horizonPeak,
      reasons: required.reasons,
      rounding,
      evenConsumerCounts: divisors(partitions),
    },
    brokers,
    bindingResource: sizing.bindingResource,
    bindingScenario: sizing.bindingScenario,
    bounds: sizing.bounds,
    loads: sizing.loads,
    brokerLoad: brokerLoadTable(input, traffic.peakStoredBytesPerSec, storage.totalBytes, partitions, brokers),
    failures: sizing.failures,
    storage,
    hotKey:
      input.keySkew === undefined
        ? undefined
        : hotKeyLoad({keySkew: input.keySkew, peakPayloadBytesPerSec: peakPayload, partitions, partitionThroughputBytesPerSec: input.partitionThroughputBytesPerSec}),
    pageCache: pageCacheFor(input, traffic.peakStoredBytesPerSec, brokers),
    consumerLag: consumerLag({
      messagesPerSec: input.messagesPerSec,
      outageMs: input.consumerOutageMs,
      retentionMs: storage.effectiveRetentionMs,
      consumerMessagesPerSec: input.consumerRate?.messagesPerSec,
      activeConsumers: Math.min(input.maxConsumers, partitions),
    }),
    os: osLimitsFor(storage.segmentsPerBroker),
    storageWindowNote: note,
    ...crossAzAndCost(input, traffic, storage, brokers),
  }
}


/** The storage model for a topic with this batch shape, partition and broker count (used by plan and check). */
export function storageFor(input: PlanInput, batch: AchievedBatch, partitions: number, brokers: number, retentionMs: number): StorageBreakdown {
  return computeStorage({
    payloadBytesPerSec: input.payloadBytesPerSec,
    storedBytesPerSec: input.messagesPerSec * batch.storedBytesPerMessage,
    messagesPerSec: input.messagesPerSec,
    compressionRatio: input.compressionRatio,
    batchBytes: batch.batchBytes,
    replicationFactor: input.replicationFactor,
    partitions,
    brokers,
    retentionMs,
    retentionBytesPerPartition: input.retentionBytesPerPartition,
    localRetentionMs: input.localRetentionMs,
    segmentBytes: input.segmentBytes,
    segmentMs: input.segmentMs,
    cleanupPolicy: input.cleanupPolicy,
    distinctKeys: input.distinctKeys,
    storedBytesPerMessage: batch.storedBytesPerMessage,
    maxDiskFill: input.maxDiskFill,
  })
}

