// From the validated file (quantities already in base units) to the contract types of ./types.ts.
import {DEFAULT_MESSAGE_SIZE, YEAR_MS} from '../model/constants.js'
import type {PlanRequest} from '../model/inputs.js'
import type {ParsedCluster, ParsedTopic} from './schema.js'
import type {ClusterSpec, ConsumerGroupSpec, ReadPattern, TopicSpec} from './types.js'

/** The object without its undefined fields (so that specs compare and print cleanly). */
function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T
}

type ParsedReadPattern = NonNullable<ParsedTopic['consumerGroups']>[number]['readPattern']

function readPatternOf(p: ParsedReadPattern): ReadPattern {
  if (p === 'tail' || p === 'lagging') return {kind: p}
  return {kind: 'replay', windowMs: p.replay.window, speed: p.replay.speed, everyMs: p.replay.every}
}

/** Bytes of one record (value + key) used to compare consumer rates given in different units. */
export function recordBytes(request: PlanRequest): number {
  const key = request.keySizeBytes ?? 0
  if (request.messageSizeBytes !== undefined) return request.messageSizeBytes + key
  if (request.payloadBytesPerSec !== undefined && request.messagesPerSec !== undefined) return request.payloadBytesPerSec / request.messagesPerSec
  return DEFAULT_MESSAGE_SIZE.value + key
}

/** A consumer rate in bytes/s, for comparing groups. */
function rateBytes(rate: NonNullable<ConsumerGroupSpec['rate']>, bytesPerRecord: number): number {
  return rate.bytesPerSec ?? (rate.messagesPerSec ?? 0) * bytesPerRecord
}

/**
 * The topic's request. Consumer groups become the single-topic fields: consumerGroups = their number,
 * maxConsumers = the largest group's instances, laggingGroups = groups reading "lagging", and
 * consumerRate = the SLOWEST group's per-instance rate: partitions ≥ throughput ÷ rate must hold for
 * every group (each scales to at most one instance per partition), so the slowest one binds.
 */
export function toTopicSpec(topic: ParsedTopic, line?: number): TopicSpec {
  const rates = [topic.throughput, topic.messageRate].filter((r) => r !== undefined)
  const bytes = rates.find((r) => r.kind === 'bytes')
  const messages = rates.find((r) => r.kind === 'messages')
  const request: PlanRequest = defined({
    payloadBytesPerSec: bytes?.kind === 'bytes' ? bytes.bytesPerSec : undefined,
    messagesPerSec: messages?.kind === 'messages' ? messages.messagesPerSec : undefined,
    messageSizeBytes: topic.messageSize,
    keySizeBytes: topic.keySize,
    keySkew: topic.keySkew,
    peakFactor: topic.peakFactor,
    compression: topic.compression as PlanRequest['compression'],
    compressionRatio: topic.compressionRatio,
    retentionMs: topic.retention,
    retentionBytesPerPartition: topic.retentionBytes,
    localRetentionMs: topic.localRetention,
    cleanupPolicy: topic.cleanupPolicy as PlanRequest['cleanupPolicy'],
    distinctKeys: topic.distinctKeys,
    replicationFactor: topic.replicationFactor,
    minInsyncReplicas: topic.minInsyncReplicas,
    partitions: topic.partitions,
    profile: topic.profile as PlanRequest['profile'],
    growthPerYear: topic.growth,
    horizonYears: topic.horizon === undefined ? undefined : topic.horizon / YEAR_MS,
    producers: topic.producers,
    batchSizeBytes: topic.batchSize,
    lingerMs: topic.linger,
    acks: topic.acks,
    partitionThroughputBytesPerSec: topic.partitionThroughput,
    segmentBytes: topic.segmentBytes,
    maxMessageBytes: topic.maxMessageBytes,
    consumerOutageMs: topic.consumerOutage,
  })

  const consumerGroups: ConsumerGroupSpec[] = (topic.consumerGroups ?? []).map((g) =>
    defined({
      name: g.name,
      instances: g.instances,
      rate: g.rate === undefined ? undefined : g.rate.kind === 'bytes' ? {bytesPerSec: g.rate.bytesPerSec} : {messagesPerSec: g.rate.messagesPerSec},
      readPattern: readPatternOf(g.readPattern),
    }),
  )
  if (topic.consumerGroups !== undefined) {
    request.consumerGroups = consumerGroups.length
    if (consumerGroups.length > 0) request.maxConsumers = Math.max(...consumerGroups.map((g) => g.instances))
    request.laggingGroups = consumerGroups.filter((g) => g.readPattern.kind === 'lagging').length
    const perRecord = recordBytes(request)
    const slowest = consumerGroups
      .filter((g): g is ConsumerGroupSpec & {rate: NonNullable<ConsumerGroupSpec['rate']>} => g.rate !== undefined)
      .reduce<ConsumerGroupSpec['rate']>((min, g) => (min === undefined || rateBytes(g.rate, perRecord) < rateBytes(min, perRecord) ? g.rate : min), undefined)
    if (slowest !== undefined) request.consumerRate = {...slowest}
  }
  return defined({name: topic.name, request, consumerGroups, line})
}

export function toClusterSpec(cluster: ParsedCluster): ClusterSpec {
  const hw = cluster.hardware
  let hardwareProfile: string | undefined
  let hardware: ClusterSpec['hardware']
  if (typeof hw === 'string') hardwareProfile = hw
  else if (hw !== undefined) {
    hardwareProfile = hw.profile
    const figures = defined({
      diskThroughputBytesPerSec: hw.diskThroughput,
      diskSizeBytes: hw.diskSize,
      disks: hw.disks,
      networkBitsPerSec: hw.network,
      cores: hw.cores,
      memoryBytes: hw.memory,
      maxPartitionReplicas: hw.maxPartitionsPerBroker,
    })
    if (Object.keys(figures).length > 0) hardware = figures
  }
  return defined({
    name: cluster.name,
    hardwareProfile,
    hardware,
    brokers: cluster.brokers,
    azs: cluster.azs,
    kafkaVersion: cluster.kafkaVersion,
    metadata: cluster.metadata,
    targetUtilization: cluster.targetUtilization,
    maxDiskFill: cluster.maxDiskFill,
    failurePolicy: cluster.failurePolicy,
    prices: cluster.prices === undefined ? undefined : defined({...cluster.prices}),
    fetchFromFollower: cluster.fetchFromFollower,
  })
}
