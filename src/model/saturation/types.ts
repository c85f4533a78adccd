// Inputs and outputs of the saturation model: the throughput a benchmark of this setup would measure.
import type {RecordShape} from '../record-format.js'
import type {Acks} from '../types.js'
import type {SourcedRange} from './constants.js'

export type FlushPolicy = 'none' | 'every-message'

export interface SaturationInput {
  brokers: number
  /** Per broker: disks, one disk's sequential throughput (bytes/s), NIC each way (bits/s), cores. */
  disks: number
  diskThroughputBytesPerSec: number
  networkBitsPerSec: number
  cores: number
  replicationFactor: number
  acks: Acks
  flush: FlushPolicy
  partitions: number
  shape: RecordShape
  /** Broker version: decides the message format (v0 before 0.10, v1 in 0.10, v2 from 0.11). */
  kafkaVersion?: string
  batchSizeBytes: number
  lingerMs: number
  compressionRatio: number
  /** Producer client instances (0: a consume-only run). */
  producers: number
  consumerGroups: number
  consumersPerGroup: number
  /** Consumers read old data from disk (a catch-up read) rather than the page-cached tail. */
  consumersReadFromDisk: boolean
  /** One client machine's NIC each way, bits/s. */
  clientNetworkBitsPerSec: number
  /** CPU available to one client instance (container limit), cores; its sending thread caps it at one. */
  clientCores: number
  /** Broker CPU: write-equivalent bytes per core-second. */
  cpuBytesPerCore: SourcedRange
  /** One fsync of a batch's data (flush every message), seconds. */
  fsyncSeconds: SourcedRange
}

export type SaturationResource =
  | 'broker-network-in'
  | 'broker-network-out'
  | 'broker-disk'
  | 'broker-cpu'
  | 'broker-fsync'
  | 'producer-network'
  | 'producer-cpu'
  | 'producer-connections'
  | 'consumer-network'
  | 'consumer-cpu'

export interface SaturationCeiling {
  resource: SaturationResource
  side: 'broker' | 'client'
  /** Highest payload rate this resource alone allows (bytes/s), at the low, central and high parameter values. */
  low: number
  point: number
  high: number
  /** The arithmetic behind it, in words. */
  detail: string
}

export interface SaturationPrediction {
  /** Payload bytes/s (key + value, before compression); consume = all groups together. */
  point: number
  low: number
  high: number
  pointMessagesPerSec: number
  binding: SaturationResource
  /** The binding ceiling is a client's (the brokers could take more). */
  clientBound: boolean
  ceilings: SaturationCeiling[]
}

export interface SaturationResult {
  produce?: SaturationPrediction
  consume?: SaturationPrediction
  wire: {messageFormat: 0 | 1 | 2; recordsPerBatch: number; batchBytes: number; diskPerPayload: number; wirePerPayload: number; goodput: number}
  notes: string[]
}
