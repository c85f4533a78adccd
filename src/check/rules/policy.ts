// Organisation policy knobs the rules read, with defaults and where each default comes from. The rules file's
// `policy:` section overrides them (validated with policySchema by the check service).
import {z} from 'zod'
import {MAX_PARTITION_REPLICAS_PER_BROKER, PARTITION_THROUGHPUT} from '../../model/constants.js'

export interface RulePolicy {
  /** KT101: replication factor floor. */
  minReplicationFactor: number
  /** KT004: allow -1 (the broker's default) for partitions and replication factor. */
  allowBrokerDefaultCounts: boolean
  /** KT204: partitions a topic may have. */
  partitions: {min: number; max: number}
  /** KT205: partition replicas one broker may host (default: the model's constant, KIP-578 guidance). */
  replicaBudgetPerBroker: number
  /** KT205: partition replicas the whole cluster may host (none by default: KRaft scales to millions). */
  clusterReplicaBudget?: number
  /** KT205: partitions created in one CreateTopics batch (KAFKA-17870). */
  createBatchPartitionLimit: number
  /** KT202/KT210: one partition's produce throughput budget, payload bytes/s (the model's default p). */
  perPartitionBytesPerSec: number
  /** KT202: one partition's egress budget (ingress × consumer groups), bytes/s; none by default. */
  perPartitionEgressBytesPerSec?: number
  /** KT203: uneven leaders are errors, not warnings. */
  balancedLeaders: boolean
  /** KT305: largest max.message.bytes the platform allows. */
  maxMessageBytesCap: number
  /** KT303: smallest segment.ms the platform allows. */
  minSegmentMs: number
  /** KT506: keys whose change needs more than a config edit. */
  frozenKeys: string[]
  /** KT603: only these keys may be set (when given) / these keys must not be set. */
  allowedKeys?: string[]
  deniedKeys?: string[]
  /** KT001: vendor extensions that are not Apache Kafka keys and are not reported as unknown. */
  vendorKeyPrefixes: string[]
  /** KT601: a topic name must match this regular expression (whole name). */
  namingPattern?: string
  /** KT602: labels or annotations every topic must carry. */
  requiredLabels: string[]
  /** KT106/KT108: label/annotation keys naming a topic's durability tier, and the tiers that are critical. */
  durabilityLabels: string[]
  criticalTiers: string[]
  /** KT102: environments (regular expression, case-insensitive) where RF 1 is an error. */
  productionEnvironments: string
  /** KT605: environments from least to most important; a later one must not be weaker. */
  environmentOrder: string[]
  /** KT605: keys whose values should agree across environments (differences are reported as info). */
  parityKeys: string[]
  /** KT208: allowed retention.ms range (-1, infinite, counts as above any maximum). */
  retention: {minMs?: number; maxMs?: number}
  /** KT505: a retention cut to 1/factor or less of the baseline is a large drop. */
  largeRetentionDropFactor: number
  /** KT502: an increase to this factor × the baseline count or more is an error on keyed topics. */
  partitionIncreaseErrorFactor: number
}

export const DEFAULT_POLICY: RulePolicy = {
  minReplicationFactor: 3,
  allowBrokerDefaultCounts: false,
  partitions: {min: 1, max: 1000},
  replicaBudgetPerBroker: MAX_PARTITION_REPLICAS_PER_BROKER.value,
  createBatchPartitionLimit: 10_000,
  perPartitionBytesPerSec: PARTITION_THROUGHPUT.value,
  balancedLeaders: false,
  // NAIS caps max.message.bytes at 5 MiB (nais/liberator #91); Kafka's own default is 1 MiB + 12 B.
  maxMessageBytesCap: 5 * 1024 * 1024,
  // NAIS: segmentHours ≥ 1 (nais/liberator #91).
  minSegmentMs: 3_600_000,
  frozenKeys: [],
  vendorKeyPrefixes: ['confluent.'],
  requiredLabels: [],
  durabilityLabels: ['durability', 'durability-tier', 'kafka-sizer.io/durability'],
  criticalTiers: ['critical'],
  productionEnvironments: '^prod',
  environmentOrder: ['dev', 'test', 'qa', 'staging', 'prod'],
  parityKeys: ['cleanup.policy', 'compression.type', 'max.message.bytes', 'message.timestamp.type'],
  retention: {},
  largeRetentionDropFactor: 4,
  partitionIncreaseErrorFactor: 2,
}

const count = z.number().int().min(1)
const keys = z.array(z.string().min(1))

export const policySchema: z.ZodType<Partial<RulePolicy>> = z
  .object({
    minReplicationFactor: count,
    allowBrokerDefaultCounts: z.boolean(),
    partitions: z.strictObject({min: count.default(DEFAULT_POLICY.partitions.min), max: count.default(DEFAULT_POLICY.partitions.max)}),
    replicaBudgetPerBroker: count,
    clusterReplicaBudget: count,
    createBatchPartitionLimit: count,
    perPartitionBytesPerSec: z.number().positive(),
    perPartitionEgressBytesPerSec: z.number().positive(),
    balancedLeaders: z.boolean(),
    maxMessageBytesCap: count,
    minSegmentMs: count,
    frozenKeys: keys,
    allowedKeys: keys,
    deniedKeys: keys,
    vendorKeyPrefixes: keys,
    namingPattern: z.string().min(1).refine(isRegex, {message: 'not a valid regular expression'}),
    requiredLabels: keys,
    durabilityLabels: keys,
    criticalTiers: keys,
    productionEnvironments: z.string().refine(isRegex, {message: 'not a valid regular expression'}),
    environmentOrder: keys,
    parityKeys: keys,
    retention: z.strictObject({minMs: z.number().int().min(0).optional(), maxMs: z.number().int().min(0).optional()}),
    largeRetentionDropFactor: z.number().gt(1),
    partitionIncreaseErrorFactor: z.number().gt(1),
  })
  .strict()
  .partial()

function isRegex(text: string): boolean {
  try {
    new RegExp(text)
    return true
  } catch {
    return false
  }
}

/** DEFAULT_POLICY with the given overrides. */
export function resolvePolicy(overrides: Partial<RulePolicy> = {}): RulePolicy {
  return {
    ...DEFAULT_POLICY,
    ...overrides,
    partitions: {...DEFAULT_POLICY.partitions, ...overrides.partitions},
    retention: {...DEFAULT_POLICY.retention, ...overrides.retention},
  }
}
