// Configuration profiles: the settings each goal implies (kafka-facts.md, "Configuration profiles",
// from the project's seed material). Batch and linger values are kafka-sizer's choices within those goals.
import {KiB} from './constants.js'
import type {Acks, CleanupPolicy, Codec, ProfileName} from './types.js'

export interface Profile {
  name: ProfileName
  summary: string
  acks: Acks
  idempotence: boolean
  transactions: boolean
  minInsyncReplicas: number
  replicationFactor: number
  lingerMs: number
  batchSizeBytes: number
  /** Codec recommended when the user states none. */
  recommendedCompression: Codec
  isolationLevel: 'read_committed' | 'read_uncommitted'
  cleanupPolicy: CleanupPolicy
  /** Infinite retention (retention.ms = -1) is the profile's default. */
  infiniteRetention: boolean
  source: string
}

const SEED = 'kafka-facts.md configuration profiles (seed material)'

const DURABLE: Profile = {
  name: 'durable',
  summary: 'no acknowledged write is lost while one broker is down',
  acks: 'all',
  idempotence: true,
  transactions: false,
  minInsyncReplicas: 2,
  replicationFactor: 3,
  lingerMs: 5,
  batchSizeBytes: 64 * KiB,
  recommendedCompression: 'lz4',
  isolationLevel: 'read_uncommitted',
  cleanupPolicy: 'delete',
  infiniteRetention: false,
  source: `${SEED}: maximum durability = acks=all, RF=3, min.insync.replicas=2, unclean.leader.election.enable=false`,
}

export const PROFILES: Record<ProfileName, Profile> = {
  durable: DURABLE,

  throughput: {
    name: 'throughput',
    summary: 'most bytes per broker; a leader failure may lose the last unreplicated writes',
    acks: '1',
    idempotence: false,
    transactions: false,
    minInsyncReplicas: 2,
    replicationFactor: 3,
    lingerMs: 20,
    batchSizeBytes: 256 * KiB,
    recommendedCompression: 'lz4',
    isolationLevel: 'read_uncommitted',
    cleanupPolicy: 'delete',
    infiniteRetention: false,
    source: `${SEED}: maximum throughput = acks=1, lz4 (or zstd), large batch.size, higher linger.ms`,
  },
  'low-latency': {
    name: 'low-latency',
    summary: 'lowest produce latency; small batches cost broker CPU and bytes',
    acks: '1',
    idempotence: false,
    transactions: false,
    minInsyncReplicas: 2,
    replicationFactor: 3,
    lingerMs: 0,
    batchSizeBytes: 16 * KiB,
    recommendedCompression: 'none',
    isolationLevel: 'read_uncommitted',
    cleanupPolicy: 'delete',
    infiniteRetention: false,
    source: `${SEED}: low latency = acks=1, linger.ms=0, small batches`,
  },
  // Durable settings plus transactions end to end.
  'exactly-once': {
    ...DURABLE,
    name: 'exactly-once',
    summary: 'transactions end to end: each record processed once',
    transactions: true,
    isolationLevel: 'read_committed',
    source: `${SEED}: exactly-once = enable.idempotence=true, transactions, isolation.level=read_committed`,
  },

  // Durable settings, kept forever and compacted by key.
  'event-sourcing': {
    ...DURABLE,
    name: 'event-sourcing',
    summary: 'the topic is the system of record: keep every key’s latest state forever',
    recommendedCompression: 'zstd',
    cleanupPolicy: 'compact',
    infiniteRetention: true,
    source: `${SEED}: event sourcing / state = retention.ms=-1 or cleanup.policy=compact`,
  },

}
