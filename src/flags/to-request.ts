// Turns parsed flag values (already numbers in base units) into the model's request object.
import {YEAR_MS} from '../model/constants.js'
import type {PlanRequest} from '../model/inputs.js'
import type {Acks, CleanupPolicy, Codec, ProfileName} from '../model/types.js'

type Rate = {kind: 'bytes'; bytesPerSec: number} | {kind: 'messages'; messagesPerSec: number}

/** The union of flag values the sizing commands may carry (each command declares a subset). */
export interface SizingFlagValues {
  throughput?: Rate
  'message-rate'?: Rate
  'message-size'?: number
  'key-size'?: number
  'peak-factor'?: number
  'key-skew'?: number
  growth?: number
  horizon?: number
  compression?: Codec
  'compression-ratio'?: number
  profile?: ProfileName
  retention?: number
  'retention-bytes'?: number
  'local-retention'?: number
  'cleanup-policy'?: CleanupPolicy
  'distinct-keys'?: number
  'replication-factor'?: number
  'min-insync-replicas'?: number
  partitions?: number
  'segment-bytes'?: number
  'max-message-bytes'?: number
  'consumer-groups'?: number
  'max-consumers'?: number
  'consumer-rate'?: Rate
  'lagging-groups'?: number
  'consumer-outage'?: number
  acks?: Acks
  'batch-size'?: number
  linger?: number
  producers?: number
  'partition-throughput'?: number
  azs?: number
  'target-utilization'?: number
  'max-disk-fill'?: number
  'disk-throughput'?: number
  'disk-size'?: number
  disks?: number
  network?: number
  cores?: number
  memory?: number
  'max-partitions-per-broker'?: number
  brokers?: number
  /** --hardware: a catalogue profile name. Not part of PlanRequest: the services resolve it (sizingOptionsFromFlags). */
  hardware?: string
  /** --catalogue: a user catalogue file. Not part of PlanRequest. */
  catalogue?: string
  /** --calibration: a calibration profile file. Not part of PlanRequest. */
  calibration?: string
  'fetch-from-follower'?: boolean
  'broker-price'?: number
  'storage-price'?: number
  'transfer-price'?: number
  'remote-storage-price'?: number
  'replication-throttle'?: number
}

/** The flags that name files or catalogue entries, which the services resolve; kept out of PlanRequest. */
export function sizingOptionsFromFlags(f: SizingFlagValues): {calibrationPath?: string; hardwareProfile?: string; cataloguePath?: string; replicationThrottleBytesPerSec?: number} {
  return {calibrationPath: f.calibration, hardwareProfile: f.hardware, cataloguePath: f.catalogue, replicationThrottleBytesPerSec: f['replication-throttle']}
}

/** The request plus the flag each field came from, so that validation errors can name the flag. */
export function requestFromFlags(f: SizingFlagValues): PlanRequest {
  const rates = [f.throughput, f['message-rate']].filter((r): r is Rate => r !== undefined)
  const bytes = rates.find((r) => r.kind === 'bytes')
  const messages = rates.find((r) => r.kind === 'messages')
  const hardware: NonNullable<PlanRequest['hardware']> = {}
  if (f['disk-throughput'] !== undefined) hardware.diskThroughputBytesPerSec = f['disk-throughput']
  if (f['disk-size'] !== undefined) hardware.diskSizeBytes = f['disk-size']
  if (f.disks !== undefined) hardware.disks = f.disks
  if (f.network !== undefined) hardware.networkBitsPerSec = f.network
  if (f.cores !== undefined) hardware.cores = f.cores
  if (f.memory !== undefined) hardware.memoryBytes = f.memory
  if (f['max-partitions-per-broker'] !== undefined) hardware.maxPartitionReplicas = f['max-partitions-per-broker']
  const consumerRate = f['consumer-rate']
  return {
    payloadBytesPerSec: bytes?.kind === 'bytes' ? bytes.bytesPerSec : undefined,
    messagesPerSec: messages?.kind === 'messages' ? messages.messagesPerSec : undefined,
    messageSizeBytes: f['message-size'],
    keySizeBytes: f['key-size'],
    peakFactor: f['peak-factor'],
    keySkew: f['key-skew'],
    growthPerYear: f.growth,
    horizonYears: f.horizon === undefined ? undefined : f.horizon / YEAR_MS,
    compression: f.compression,
    compressionRatio: f['compression-ratio'],
    profile: f.profile,
    retentionMs: f.retention,
    retentionBytesPerPartition: f['retention-bytes'],
    localRetentionMs: f['local-retention'],
    cleanupPolicy: f['cleanup-policy'],
    distinctKeys: f['distinct-keys'],
    replicationFactor: f['replication-factor'],
    minInsyncReplicas: f['min-insync-replicas'],
    partitions: f.partitions,
    segmentBytes: f['segment-bytes'],
    maxMessageBytes: f['max-message-bytes'],
    consumerGroups: f['consumer-groups'],
    maxConsumers: f['max-consumers'],
    consumerRate:
      consumerRate === undefined
        ? undefined
        : consumerRate.kind === 'bytes'
          ? {bytesPerSec: consumerRate.bytesPerSec}
          : {messagesPerSec: consumerRate.messagesPerSec},
    laggingGroups: f['lagging-groups'],
    consumerOutageMs: f['consumer-outage'],
    acks: f.acks,
    batchSizeBytes: f['batch-size'],
    lingerMs: f.linger,
    producers: f.producers,
    partitionThroughputBytesPerSec: f['partition-throughput'],
    azs: f.azs,
    targetUtilization: f['target-utilization'],
    maxDiskFill: f['max-disk-fill'],
    hardware: Object.keys(hardware).length > 0 ? hardware : undefined,
    fetchFromFollower: f['fetch-from-follower'],
    ...pricesFromFlags(f),
    brokers: f.brokers,
  }
}

/** Both --throughput and --message-rate given as the same kind: the later one is ambiguous. */
export function duplicateRateKind(f: SizingFlagValues): string | undefined {
  if (f.throughput && f['message-rate'] && f.throughput.kind === f['message-rate'].kind) {
    return f.throughput.kind
  }
  return undefined
}

function pricesFromFlags(f: SizingFlagValues): Pick<PlanRequest, 'prices' | 'priceSources'> {
  const prices: NonNullable<PlanRequest['prices']> = {}
  if (f['broker-price'] !== undefined) prices.brokerUsdPerHour = f['broker-price']
  if (f['storage-price'] !== undefined) prices.storageUsdPerGbMonth = f['storage-price']
  if (f['transfer-price'] !== undefined) prices.transferUsdPerGb = f['transfer-price']
  if (f['remote-storage-price'] !== undefined) prices.remoteStorageUsdPerGbMonth = f['remote-storage-price']
  return Object.keys(prices).length > 0 ? {prices} : {}
}
