// A cluster plan file, after parsing and validation: quantities are numbers in base units (bytes, bytes/s,
// ms, bits/s), every value checked. This is the contract between the file reader and the plan service.
import type {PlanRequest} from '../model/inputs.js'
import type {Hardware} from '../model/types.js'

export type FailurePolicy = 'none' | 'survive-one-broker' | 'survive-one-az'
export type MetadataMode = 'kraft' | 'zookeeper'

/** How one consumer group reads: the tail (page cache), lagging (from disk), or a periodic replay. */
export type ReadPattern =
  | {kind: 'tail'}
  | {kind: 'lagging'}
  /** Re-reads `windowMs` of data at `speed` × the produce rate, every `everyMs`. */
  | {kind: 'replay'; windowMs: number; speed: number; everyMs: number}

export interface ConsumerGroupSpec {
  name: string
  instances: number
  /** One instance's processing rate (either unit; the other is derived from the message size). */
  rate?: {bytesPerSec?: number; messagesPerSec?: number}
  readPattern: ReadPattern
}

export interface TopicSpec {
  name: string
  /** The topic's workload and config in the single-topic request form (cluster fields are not set here). */
  request: PlanRequest
  consumerGroups: ConsumerGroupSpec[]
  /** 1-based line of the topic's entry in the file, for messages. */
  line?: number
}

export interface ClusterSpec {
  name?: string
  /** A catalogue profile name, or explicit figures (partial: the rest from defaults). */
  hardwareProfile?: string
  hardware?: Partial<Omit<Hardware, 'name'>>
  /** Fixed broker count, or undefined = size it. */
  brokers?: number
  azs?: number
  kafkaVersion?: string
  metadata: MetadataMode
  targetUtilization?: number
  maxDiskFill?: number
  failurePolicy: FailurePolicy
  prices?: PlanRequest['prices']
  fetchFromFollower?: boolean
}

export interface PlanFile {
  /** The path as given, for messages. */
  path: string
  version: 1
  cluster: ClusterSpec
  topics: TopicSpec[]
}
