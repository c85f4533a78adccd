// Plain data shared by the pure model. Every quantity is a number in base units:
// bytes, bytes per second, messages per second, milliseconds, bits per second (network only).
import type {Prices} from './cost.js'

export type Acks = '0' | '1' | 'all'
export type Codec = 'none' | 'gzip' | 'snappy' | 'lz4' | 'zstd'
export type CleanupPolicy = 'delete' | 'compact' | 'compact,delete'
export type ProfileName = 'durable' | 'throughput' | 'low-latency' | 'exactly-once' | 'event-sourcing'

export const PROFILE_NAMES: readonly ProfileName[] = ['durable', 'throughput', 'low-latency', 'exactly-once', 'event-sourcing']
export const CODECS: readonly Codec[] = ['none', 'gzip', 'snappy', 'lz4', 'zstd']
export const CLEANUP_POLICIES: readonly CleanupPolicy[] = ['delete', 'compact', 'compact,delete']

/** Where a value came from: printed in the assumptions block next to the value. */
export type Origin = 'input' | 'default' | 'profile' | 'calibration' | 'catalogue' | 'derived'

export type ValueUnit = 'B' | 'B/s' | 'bit/s' | 'msg/s' | 'ms' | 'fraction' | 'count' | 'factor' | 'years' | 'text'

export interface Assumption {
  /** Machine name of the input, e.g. "hardware.diskThroughputBytesPerSec". */
  key: string
  /** Human label, e.g. "disk throughput per disk". */
  label: string
  value: number | string | boolean
  /** How to read `value`: renderers format it (JSON keeps the raw number). */
  unit: ValueUnit
  origin: Origin
  /** The named source: a Kafka default, a published measurement, a vendor figure, or the calibration profile. */
  source: string
}

/** One broker's hardware. Figures are per broker unless the name says per disk. */
export interface Hardware {
  name: string
  /** Sequential write throughput of one disk, bytes/s. */
  diskThroughputBytesPerSec: number
  /** Capacity of one disk, bytes. */
  diskSizeBytes: number
  disks: number
  /** NIC bandwidth in each direction (full duplex), bits/s. */
  networkBitsPerSec: number
  cores: number
  memoryBytes: number
  /** Recommended ceiling of partition replicas hosted by one broker. */
  maxPartitionReplicas: number
  /**
   * A managed service's published client quota per unit (MSK Express broker, Confluent CKU), in client
   * terms before replication: producer bytes in and consumer bytes out per unit. Absent for machines.
   */
  clientIngressBytesPerSec?: number
  clientEgressBytesPerSec?: number
}

/** A consumer instance's processing rate, for t/c. Either unit may be given; the other is derived. */
export interface ConsumerRate {
  bytesPerSec: number
  messagesPerSec: number
}

/** Fully resolved input of the plan model (no optional fields except genuinely optional features). */
export interface PlanInput {
  /** Average producer payload (key + value) in bytes/s, before compression. */
  payloadBytesPerSec: number
  messagesPerSec: number
  /** Average value size, bytes. */
  messageSizeBytes: number
  /** Key size in bytes; 0 = null key (unkeyed, sticky partitioner). */
  keySizeBytes: number
  keyed: boolean
  peakFactor: number
  /** Retention by time, ms; Infinity = unlimited (retention.ms = -1). */
  retentionMs: number
  /** retention.bytes per partition; undefined = unlimited (-1). */
  retentionBytesPerPartition?: number
  /** Tiered storage: local.retention.ms. */
  localRetentionMs?: number
  cleanupPolicy: CleanupPolicy
  /** Distinct keys alive at once, for compacted topics. */
  distinctKeys?: number
  replicationFactor: number
  minInsyncReplicas: number
  acks: Acks
  consumerGroups: number
  /** Largest number of consumer instances any group runs. */
  maxConsumers: number
  /** Groups that read from disk rather than the tail (lagging). */
  laggingGroups: number
  /** Replaying groups' speeds (k× the produce rate while they replay old data from disk). */
  replaySpeeds: number[]
  consumerRate?: ConsumerRate
  compression: Codec
  /** The user chose the codec (else 'none' is Kafka's default and a profile may recommend one). */
  compressionStated: boolean
  /** Compressed size ÷ original = 1 / ratio; ratio ≥ 1 means data shrinks. */
  compressionRatio: number
  /** Share (0..1] of traffic carried by the hottest key. */
  keySkew?: number
  /** Growth factor per year, e.g. 2 for "2x/year"; 1 = flat. */
  growthPerYear: number
  horizonYears: number
  azs: number
  /** Fraction (0..1] of each resource the plan may use in normal operation. */
  targetUtilization: number
  /** Fraction of each disk that may be filled. */
  maxDiskFill: number
  profile: ProfileName
  hardware: Hardware
  /** Planning value for one partition's produce throughput (payload bytes/s). */
  partitionThroughputBytesPerSec: number
  batchSizeBytes: number
  lingerMs: number
  producers: number
  segmentBytes: number
  segmentMs: number
  maxMessageBytes: number
  /** Fixed partition count (else sized). */
  partitions?: number
  /** Fixed broker count (else sized). */
  brokers?: number
  /** Consumer outage the plan must survive without losing data, ms. */
  consumerOutageMs: number
  /** Consumers read from a replica in their own zone (KIP-392 client.rack): cuts cross-AZ fetch traffic. */
  fetchFromFollower: boolean
  /** Prices for the monthly cost; unknown ones are left out of the cost, not guessed. */
  prices: Prices
}

export type ResourceName =
  | 'disk-throughput'
  | 'network-in'
  | 'network-out'
  | 'cpu'
  | 'storage'
  | 'partition-replicas'
  | 'replication-factor'
  | 'availability-zones'
  /** Capacity mode only: partitions × per-partition throughput p. */
  | 'partition-throughput'
  /** Capacity mode only: active consumer instances × per-instance rate c. */
  | 'consumer-throughput'
  /** Managed capacity units only: the vendor's producer-ingress and consumer-egress quota per unit. */
  | 'client-ingress'
  | 'client-egress'

export interface BrokerBound {
  resource: ResourceName
  /** Brokers this bound alone requires (before rounding to the AZ multiple). */
  brokersNeeded: number
  /** Why, with the numbers. */
  detail: string
}

export interface ResourceLoad {
  resource: ResourceName
  /** Load on one broker in the resource's unit (bytes/s, bytes, replicas, core-equivalents). */
  load: number
  capacity: number
  utilization: number
  /** Highest utilisation the plan allows for this resource in normal operation. */
  limit: number
  unit: 'B/s' | 'B' | 'replicas' | 'cores'
}

export interface FailureScenario {
  kind: 'broker-loss' | 'az-loss'
  brokersLost: number
  survivors: number
  loads: ResourceLoad[]
  /** Every survivor resource within 100% of its capacity. */
  withinLimits: boolean
  /** Partitions that lose a replica (under-replicated until a replacement catches up). */
  partitionsLosingReplica: number
  /** Fewest replicas left for a partition, and whether acks=all writes still succeed. */
  minReplicasLeft: number
  writesBlocked: boolean
}

export interface Recommendation {
  scope: 'topic' | 'producer' | 'consumer' | 'broker' | 'os'
  key: string
  value: string
  why: string
}

export interface Warning {
  code: string
  message: string
  action: string
}
