// Resolution of a partial request into the model's full input, recording every default used and its
// source: the "assumptions" block of every answer comes from here.
import * as K from './constants.js'
import {achievedBatch} from './batching.js'
import {type AppendCosts, appendSeconds} from './calibration/fit.js'
import {AWS_CROSS_AZ_SOURCE, AWS_CROSS_AZ_USD_PER_GB} from './cost.js'
import {PROFILES} from './profiles.js'
import type {
  Acks,
  Assumption,
  CleanupPolicy,
  Codec,
  ConsumerRate,
  Hardware,
  Origin,
  PlanInput,
  ProfileName,
  ValueUnit,
} from './types.js'

/** What a user may state; everything is optional except the workload rate. Quantities in base units. */
export interface PlanRequest {
  payloadBytesPerSec?: number
  messagesPerSec?: number
  messageSizeBytes?: number
  keySizeBytes?: number
  peakFactor?: number
  retentionMs?: number
  retentionBytesPerPartition?: number
  localRetentionMs?: number
  cleanupPolicy?: CleanupPolicy
  distinctKeys?: number
  replicationFactor?: number
  minInsyncReplicas?: number
  acks?: Acks
  consumerGroups?: number
  maxConsumers?: number
  laggingGroups?: number
  replaySpeeds?: number[]
  consumerRate?: {bytesPerSec?: number; messagesPerSec?: number}
  compression?: Codec
  compressionRatio?: number
  keySkew?: number
  growthPerYear?: number
  horizonYears?: number
  azs?: number
  targetUtilization?: number
  maxDiskFill?: number
  profile?: ProfileName
  hardware?: Partial<Omit<Hardware, 'name'>> & {name?: string}
  /**
   * Figures of `hardware` taken from a hardware catalogue profile (`--hardware NAME`), keyed by Hardware
   * field, each with the catalogue's source; "name" cites the profile itself. Those figures are listed in
   * the assumptions (origin 'catalogue'); figures the user stated are not.
   */
  hardwareSources?: Record<string, string>
  partitionThroughputBytesPerSec?: number
  /** Measurements from `bench --calibrate`: they replace the defaults of the figures they cover. */
  calibration?: CalibrationInput
  batchSizeBytes?: number
  lingerMs?: number
  producers?: number
  segmentBytes?: number
  segmentMs?: number
  maxMessageBytes?: number
  partitions?: number
  brokers?: number
  consumerOutageMs?: number
  fetchFromFollower?: boolean
  prices?: PlanInput['prices']
  /** Where each given price came from (a flag, a catalogue entry), for the assumptions block. */
  priceSources?: Record<string, string>
  /** Why transfer stays unpriced: the named hardware profile has no transfer price (plain figures get AWS's). */
  unpricedTransfer?: string
}

/** What a calibration profile contributes to a plan. */
export interface CalibrationInput {
  path: string
  /** "calibration profile <path> (<host>, <date>)": the source named next to every calibrated figure. */
  label: string
  diskThroughputBytesPerSec: number
  append: Pick<AppendCosts, 'perBatchSeconds' | 'perRecordSeconds' | 'perByteSeconds'>
  fsyncP99Micros: number
}

const TRANSFER_LABEL = 'cross-AZ transfer price (USD per GB)'

export interface ResolvedPlanInput {
  input: PlanInput
  assumptions: Assumption[]
}


/** Fills every unstated input from its documented default. The caller validates ranges beforehand. */
export function resolvePlanInput(req: PlanRequest): ResolvedPlanInput {
  const assumptions: Assumption[] = []
  const profileName: ProfileName = req.profile ?? 'durable'
  const profile = PROFILES[profileName]

  function pick<T extends number | string | boolean>(
    key: string,
    label: string,
    given: T | undefined,
    fallback: T,
    unit: ValueUnit,
    source: string,
    origin: Origin = 'default',
  ): T {
    if (given !== undefined) return given
    assumptions.push({key, label, value: fallback, unit, origin, source})
    return fallback
  }

  if (req.profile === undefined) {
    assumptions.push({key: 'profile', label: 'configuration profile', value: profileName, unit: 'text', origin: 'default', source: profile.source})
  }

  // Workload: bytes/s and messages/s are two views of one rate; message size links them.
  let messageSizeBytes: number
  let messagesPerSec: number
  let payloadBytesPerSec: number
  const keySizeBytes = req.keySizeBytes ?? 0
  if (req.payloadBytesPerSec !== undefined && req.messagesPerSec !== undefined) {
    payloadBytesPerSec = req.payloadBytesPerSec
    messagesPerSec = req.messagesPerSec
    messageSizeBytes = req.messageSizeBytes ?? payloadBytesPerSec / messagesPerSec - keySizeBytes
  } else if (req.messagesPerSec !== undefined) {
    messagesPerSec = req.messagesPerSec
    messageSizeBytes = pick('messageSizeBytes', 'message size (value)', req.messageSizeBytes, K.DEFAULT_MESSAGE_SIZE.value, 'B', K.DEFAULT_MESSAGE_SIZE.source)
    payloadBytesPerSec = messagesPerSec * (messageSizeBytes + keySizeBytes)
  } else {
    payloadBytesPerSec = req.payloadBytesPerSec ?? 0
    messageSizeBytes = pick('messageSizeBytes', 'message size (value)', req.messageSizeBytes, K.DEFAULT_MESSAGE_SIZE.value, 'B', K.DEFAULT_MESSAGE_SIZE.source)
    messagesPerSec = payloadBytesPerSec / (messageSizeBytes + keySizeBytes)
  }

  const hw = req.hardware ?? {}
  const cal = req.calibration
  const D = K.DEFAULT_HARDWARE
  const catalogued = req.hardwareSources ?? {}
  if (catalogued.name !== undefined && hw.name !== undefined) {
    assumptions.push({key: 'hardware.profile', label: 'hardware profile', value: hw.name, unit: 'text', origin: 'catalogue', source: catalogued.name})
  }
  /** A hardware figure: from a catalogue profile (listed with the catalogue's source), stated, or the default. */
  function pickHw(field: keyof Omit<Hardware, 'name'>, label: string, fallback: number, unit: ValueUnit, source: string, origin: Origin = 'default'): number {
    const given = hw[field]
    const catalogueSource = catalogued[field]
    if (given !== undefined && catalogueSource !== undefined) {
      assumptions.push({key: `hardware.${field}`, label, value: given, unit, origin: 'catalogue', source: catalogueSource})
      return given
    }
    return pick(`hardware.${field}`, label, given, fallback, unit, source, origin)
  }
  const hardware: Hardware = {
    name: hw.name ?? (Object.keys(hw).length === 0 ? D.name : 'custom'),
    diskThroughputBytesPerSec: cal
      ? pickHw('diskThroughputBytesPerSec', 'disk throughput (per disk)', cal.diskThroughputBytesPerSec, 'B/s', `${cal.label}: sustained log writes with the closing fdatasync counted`, 'calibration')
      : pickHw('diskThroughputBytesPerSec', 'disk throughput (per disk)', D.diskThroughputBytesPerSec.value, 'B/s', D.diskThroughputBytesPerSec.source),
    diskSizeBytes: pickHw('diskSizeBytes', 'disk size (per disk)', D.diskSizeBytes.value, 'B', D.diskSizeBytes.source),
    disks: pickHw('disks', 'disks per broker', D.disks.value, 'count', D.disks.source),
    networkBitsPerSec: pickHw('networkBitsPerSec', 'network (each direction)', D.networkBitsPerSec.value, 'bit/s', D.networkBitsPerSec.source),
    cores: pickHw('cores', 'cores (vCPU)', D.cores.value, 'count', D.cores.source),
    memoryBytes: pickHw('memoryBytes', 'memory', D.memoryBytes.value, 'B', D.memoryBytes.source),
    maxPartitionReplicas: 0,
  }

  // A managed unit's client quotas come only from its catalogue entry (there is no default to fall back on).
  for (const [field, label] of [
    ['clientIngressBytesPerSec', 'client ingress quota (per unit)'],
    ['clientEgressBytesPerSec', 'client egress quota (per unit)'],
  ] as const) {
    const quota = hw[field]
    if (quota === undefined) continue
    hardware[field] = quota
    const source = catalogued[field]
    if (source !== undefined) assumptions.push({key: `hardware.${field}`, label, value: quota, unit: 'B/s', origin: 'catalogue', source})
  }

  const replicaLimit = K.partitionReplicasForCores(hardware.cores)
  hardware.maxPartitionReplicas = pickHw(
    'maxPartitionReplicas',
    'partition replicas per broker (limit)',
    replicaLimit.value,
    'count',
    replicaLimit.source,
  )

  const replicationFactor = pick('replicationFactor', 'replication factor', req.replicationFactor, profile.replicationFactor, 'count', profile.source, 'profile')
  const minIsrDefault = Math.max(1, Math.min(profile.minInsyncReplicas, replicationFactor - 1))
  const infinite = req.retentionMs === undefined && profile.infiniteRetention
  const compression = pick<Codec>('compression', 'compression codec', req.compression, 'none', 'text', 'Kafka producer compression.type default (ProducerConfig)')
  const compressionRatio =
    compression === 'none'
      ? 1
      : pick('compressionRatio', 'compression ratio', req.compressionRatio, K.UNKNOWN_COMPRESSION_RATIO.value, 'factor', K.UNKNOWN_COMPRESSION_RATIO.source)
  const consumerRate = resolveConsumerRate(req.consumerRate, messageSizeBytes + keySizeBytes)

  const input: PlanInput = {
    payloadBytesPerSec,
    messagesPerSec,
    messageSizeBytes,
    keySizeBytes,
    keyed: req.keySizeBytes !== undefined || req.keySkew !== undefined,
    peakFactor: pick('peakFactor', 'peak ÷ average traffic', req.peakFactor, 1, 'factor', 'kafka-sizer assumption: traffic is flat, so the stated (average) rate is also the peak (set --peak-factor)'),
    retentionMs: infinite ? Infinity : pick('retentionMs', 'retention.ms', req.retentionMs, K.RETENTION_MS.value, 'ms', K.RETENTION_MS.source),
    retentionBytesPerPartition: req.retentionBytesPerPartition,
    localRetentionMs: req.localRetentionMs,
    cleanupPolicy: pick<CleanupPolicy>('cleanupPolicy', 'cleanup.policy', req.cleanupPolicy, profile.cleanupPolicy, 'text', profile.cleanupPolicy === 'delete' ? 'Kafka cleanup.policy default (LogConfig)' : profile.source, profile.cleanupPolicy === 'delete' ? 'default' : 'profile'),
    distinctKeys: req.distinctKeys,
    replicationFactor,
    minInsyncReplicas: pick('minInsyncReplicas', 'min.insync.replicas', req.minInsyncReplicas, minIsrDefault, 'count', `${profile.source} (capped at RF − 1)`, 'profile'),
    acks: pick<Acks>('acks', 'producer acks', req.acks, profile.acks, 'text', profile.source, 'profile'),
    consumerGroups: pick('consumerGroups', 'consumer groups', req.consumerGroups, 1, 'count', 'kafka-sizer assumption: one consumer group'),
    maxConsumers: pick('maxConsumers', 'largest consumer group (instances)', req.maxConsumers, 1, 'count', 'kafka-sizer assumption: one consumer instance'),
    replaySpeeds: req.replaySpeeds ?? [],
    laggingGroups: pick('laggingGroups', 'groups reading from disk (lagging)', req.laggingGroups, 0, 'count', 'kafka-sizer assumption: every group reads the tail from the page cache'),
    consumerRate,
    compression,
    compressionStated: req.compression !== undefined,
    compressionRatio,
    keySkew: req.keySkew,
    growthPerYear: pick('growthPerYear', 'traffic growth per year', req.growthPerYear, 1, 'factor', 'kafka-sizer assumption: flat traffic (set --growth)'),
    horizonYears: pick('horizonYears', 'growth horizon', req.horizonYears, K.GROWTH_HORIZON_YEARS.value, 'years', K.GROWTH_HORIZON_YEARS.source),
    azs: pick('azs', 'availability zones (racks)', req.azs, 1, 'count', 'kafka-sizer assumption: a single zone (set --azs)'),
    targetUtilization: pick('targetUtilization', 'target utilisation', req.targetUtilization, K.TARGET_UTILIZATION.value, 'fraction', K.TARGET_UTILIZATION.source),
    maxDiskFill: pick('maxDiskFill', 'disk fill limit', req.maxDiskFill, K.MAX_DISK_FILL.value, 'fraction', K.MAX_DISK_FILL.source),
    profile: profileName,
    hardware,
    partitionThroughputBytesPerSec: 0, // set below: a calibration needs the batch shape resolved first
    batchSizeBytes: pick('batchSizeBytes', 'producer batch.size', req.batchSizeBytes, profile.batchSizeBytes, 'B', `${profile.name} profile (Kafka default ${K.BATCH_SIZE.value} B)`, 'profile'),
    lingerMs: pick('lingerMs', 'producer linger.ms', req.lingerMs, profile.lingerMs, 'ms', `${profile.name} profile (${K.LINGER_MS.source})`, 'profile'),
    producers: pick('producers', 'producer instances', req.producers, 1, 'count', 'kafka-sizer assumption: one producer instance'),
    segmentBytes: pick('segmentBytes', 'segment.bytes', req.segmentBytes, K.SEGMENT_BYTES.value, 'B', K.SEGMENT_BYTES.source),
    segmentMs: pick('segmentMs', 'segment.ms', req.segmentMs, K.SEGMENT_MS.value, 'ms', K.SEGMENT_MS.source),
    maxMessageBytes: pick('maxMessageBytes', 'max.message.bytes', req.maxMessageBytes, K.MAX_MESSAGE_BYTES.value, 'B', K.MAX_MESSAGE_BYTES.source),
    partitions: req.partitions,
    brokers: req.brokers,
    fetchFromFollower: req.fetchFromFollower ?? false,
    prices: {...req.prices},
    consumerOutageMs: pick('consumerOutageMs', 'consumer outage to survive', req.consumerOutageMs, K.CONSUMER_OUTAGE_MS.value, 'ms', K.CONSUMER_OUTAGE_MS.source),
  }
  input.partitionThroughputBytesPerSec = resolvePartitionThroughput(req, input, assumptions)
  if (input.azs >= 2 && input.prices.transferUsdPerGb === undefined) {
    // AWS's rate is the default for plain figures only. A named profile without a transfer price of its own is
    // another vendor's bill (or an unknown one): its transfer is listed as unpriced, not priced at AWS's rate.
    if (req.unpricedTransfer === undefined) input.prices.transferUsdPerGb = pick('prices.transferUsdPerGb', TRANSFER_LABEL, undefined, AWS_CROSS_AZ_USD_PER_GB, 'factor', AWS_CROSS_AZ_SOURCE)
    else assumptions.push({key: 'prices.transferUsdPerGb', label: TRANSFER_LABEL, value: 'not priced', unit: 'text', origin: 'catalogue', source: req.unpricedTransfer})
  }
  for (const [key, source] of Object.entries(req.priceSources ?? {})) {
    const value = req.prices?.[key as keyof PlanInput['prices']]
    // A profile's transfer price is only used, and so only listed, when traffic crosses zones.
    if (value === undefined || (key === 'transferUsdPerGb' && input.azs < 2)) continue
    // replicationTransferBilled is a billing rule (a boolean), not an amount.
    const rule = typeof value === 'boolean'
    const label = rule ? 'replication between brokers billed as transfer' : key === 'transferUsdPerGb' ? TRANSFER_LABEL : `price: ${key}`
    assumptions.push({key: `prices.${key}`, label, value, unit: rule ? 'text' : 'factor', origin: 'catalogue', source})
  }
  if (cal) {
    assumptions.push({key: 'calibration.path', label: 'calibration profile', value: cal.path, unit: 'text', origin: 'calibration', source: cal.label})
  }
  if (infinite) {
    assumptions.push({key: 'retentionMs', label: 'retention.ms', value: 'infinite (-1)', unit: 'text', origin: 'profile', source: profile.source})
  }
  return {input, assumptions}
}

/**
 * p, one partition's produce throughput. Given: as is. Calibrated: the log append ceiling of one
 * partition at the batch this workload achieves (at the partition count the default p implies), from
 * the fitted per-batch, per-record and per-byte costs. It covers the broker's append path only, not
 * replication round trips or the network. Otherwise the conservative default.
 */
function resolvePartitionThroughput(req: PlanRequest, input: PlanInput, assumptions: Assumption[]): number {
  if (req.partitionThroughputBytesPerSec !== undefined) return req.partitionThroughputBytesPerSec
  const cal = req.calibration
  if (!cal) {
    assumptions.push({key: 'partitionThroughputBytesPerSec', label: 'per-partition throughput p', value: K.PARTITION_THROUGHPUT.value, unit: 'B/s', origin: 'default', source: K.PARTITION_THROUGHPUT.source})
    return K.PARTITION_THROUGHPUT.value
  }
  const peak = input.payloadBytesPerSec * input.peakFactor
  const partitions = Math.max(1, Math.ceil(peak / K.PARTITION_THROUGHPUT.value))
  const batch = achievedBatch(
    {messagesPerSec: input.messagesPerSec * input.peakFactor, shape: {keyBytes: input.keySizeBytes, keyed: input.keyed, valueBytes: input.messageSizeBytes}, batchSizeBytes: input.batchSizeBytes, lingerMs: input.lingerMs, partitions, producers: input.producers, compressionRatio: input.compressionRatio},
    input.keyed,
  )
  const payloadPerBatch = batch.records * (input.messageSizeBytes + input.keySizeBytes)
  const p = payloadPerBatch / appendSeconds(cal.append, batch.records, batch.batchBytes)
  assumptions.push({
    key: 'partitionThroughputBytesPerSec',
    label: 'per-partition throughput p',
    value: p,
    unit: 'B/s',
    origin: 'calibration',
    source: `${cal.label}: one partition's log-append ceiling at ${batch.records.toFixed(1)}-record, ${Math.round(batch.batchBytes)}-byte batches (append path only: no replication or network)`,
  })
  return p
}

function resolveConsumerRate(rate: PlanRequest['consumerRate'], messageBytes: number): ConsumerRate | undefined {
  if (!rate) return undefined
  if (rate.bytesPerSec !== undefined) return {bytesPerSec: rate.bytesPerSec, messagesPerSec: rate.bytesPerSec / messageBytes}
  if (rate.messagesPerSec !== undefined) return {messagesPerSec: rate.messagesPerSec, bytesPerSec: rate.messagesPerSec * messageBytes}
  return undefined
}
