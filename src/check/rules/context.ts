// What every rule gets: the inputs, indexes built once (so rules stay linear in the number of topics), an emitter
// that stamps rule id, default severity and position, number formatting, and each topic's sizing-model input.
import {type PlanRequest, resolvePlanInput} from '../../model/inputs.js'
import type {PlanInput} from '../../model/types.js'
import {formatBytes, formatCount, formatDuration, formatRate} from '../../units/format.js'
import type {ClusterProfile, Finding, RuleMeta, Severity, SourcePos, TopicDefinition} from '../types.js'
import {cleanupPolicy, effectiveNumber, partitionCount, replicationFactor} from './effective-config.js'
import type {RulePolicy} from './policy.js'

export interface RuleContext {
  topics: TopicDefinition[]
  cluster: ClusterProfile
  baseline?: {ref: string; topics: TopicDefinition[]}
  policy: RulePolicy
  on(ruleId: string, topic: TopicDefinition): boolean
  emit(meta: RuleMeta, topic: TopicDefinition, f: {message: string; fix: string; pos?: SourcePos; severity?: Severity}): void
  notEvaluated(ruleId: string, reason: string): void
  /** The sizing model's resolved input for a topic with a stated rate, else undefined (cached). */
  planInput(topic: TopicDefinition): PlanInput | undefined
  /** Baseline topic with the same identity, if a baseline was given. */
  baselineOf(topic: TopicDefinition): TopicDefinition | undefined
  /** Topics that run on the profiled cluster (no other cluster/environment named). */
  onThisCluster(topic: TopicDefinition): boolean
}

export interface Rule {
  meta: RuleMeta
  run(ctx: RuleContext): void
}

/** One topic per name and target: the identity used for duplicates and baseline matching. */
export function identity(t: TopicDefinition): string {
  return `${t.name.value}\u0000${t.environment?.value.toLowerCase() ?? ''}\u0000${t.cluster?.value.toLowerCase() ?? ''}`
}

export interface ContextInput {
  topics: TopicDefinition[]
  cluster: ClusterProfile
  baseline?: {ref: string; topics: TopicDefinition[]}
  policy: RulePolicy
  enabled?: (ruleId: string, topic: string) => boolean
}

export function createContext(input: ContextInput, findings: Finding[], notEvaluated: Map<string, string>): RuleContext {
  const plans = new Map<TopicDefinition, PlanInput | undefined>()
  const baseline = new Map<string, TopicDefinition>()
  for (const t of input.baseline?.topics ?? []) baseline.set(identity(t), t)
  const enabled = input.enabled ?? (() => true)
  const {cluster} = input
  return {
    topics: input.topics,
    cluster,
    baseline: input.baseline,
    policy: input.policy,
    on: (ruleId, topic) => enabled(ruleId, topic.name.value),
    emit(meta, topic, f) {
      const pos = f.pos ?? topic.pos
      findings.push({ruleId: meta.id, severity: f.severity ?? meta.defaultSeverity, message: f.message, fix: f.fix, topic: topic.name.value, file: pos.file, line: pos.line, column: pos.column})
    },
    notEvaluated(ruleId, reason) {
      if (!notEvaluated.has(ruleId)) notEvaluated.set(ruleId, reason)
    },
    planInput(topic) {
      if (!plans.has(topic)) plans.set(topic, buildPlanInput(topic, cluster, input.policy))
      return plans.get(topic)
    },
    baselineOf: (topic) => baseline.get(identity(topic)),
    onThisCluster(topic) {
      const same = (a: string | undefined, b: string | undefined) => a === undefined || b === undefined || a.toLowerCase() === b.toLowerCase()
      return same(topic.cluster?.value, cluster.name) && same(topic.environment?.value, cluster.environment)
    },
  }
}

/**
 * The sizing model's input for a topic: the workload's stated request plus what the topic and cluster say
 * (partitions, RF, retention, segments, brokers, hardware). Same path as the plan service (resolvePlanInput); the
 * file-based sizing options (calibration, hardware catalogue) are not applied here because rules do no I/O.
 */
function buildPlanInput(topic: TopicDefinition, cluster: ClusterProfile, policy: RulePolicy): PlanInput | undefined {
  const w = topic.workload
  if (!w || (w.request.payloadBytesPerSec === undefined && w.request.messagesPerSec === undefined)) return undefined
  const partitions = partitionCount(topic, cluster)
  const rf = replicationFactor(topic, cluster)
  if (!partitions || !rf) return undefined
  const num = (key: string) => effectiveNumber(topic, cluster, key)?.value
  const retentionMs = num('retention.ms')
  const retentionBytes = num('retention.bytes')
  const localMs = num('local.retention.ms')
  const cp = cleanupPolicy(topic, cluster)?.value
  const groups = w.consumerGroups
  const request: PlanRequest = {
    partitionThroughputBytesPerSec: policy.perPartitionBytesPerSec,
    ...w.request,
    partitions: partitions.value,
    replicationFactor: rf.value,
    retentionMs: retentionMs === undefined ? w.request.retentionMs : retentionMs < 0 ? Infinity : retentionMs,
    retentionBytesPerPartition: retentionBytes !== undefined && retentionBytes >= 0 ? retentionBytes : undefined,
    localRetentionMs: localMs !== undefined && localMs >= 0 ? localMs : undefined,
    segmentBytes: num('segment.bytes'),
    segmentMs: num('segment.ms'),
    maxMessageBytes: num('max.message.bytes'),
    minInsyncReplicas: Math.min(num('min.insync.replicas') ?? 1, rf.value),
    ...(cp ? {cleanupPolicy: cp.compact && cp.delete ? 'compact,delete' : cp.compact ? 'compact' : 'delete'} : {}),
    ...(w.producerAcks ? {acks: w.producerAcks} : {}),
    ...(groups.length > 0 ? {consumerGroups: groups.length, maxConsumers: Math.max(...groups.map((g) => g.instances))} : {}),
    ...(cluster.brokers !== undefined ? {brokers: cluster.brokers} : {}),
    ...(cluster.racks !== undefined ? {azs: cluster.racks} : {}),
    ...(cluster.hardware ? {hardware: {...cluster.hardware, ...w.request.hardware}} : {}),
  }
  try {
    return resolvePlanInput(request).input
  } catch {
    return undefined
  }
}

// --- Formatting: numbers with thousands separators, units explicit (MB = 10^6 B, MiB = 2^20 B). -----------------
export const n = formatCount
/** "1,073,741,824 B (1 GiB)" */
export const bytes = (b: number): string => (b < 0 ? formatCount(b) : `${formatCount(b)} B (${formatBytes(b, {binary: true})})`)
/** "604,800,000 ms (7 d)"; -1 = infinite. */
export const ms = (t: number): string => (t < 0 || !Number.isFinite(t) ? `${formatCount(t < 0 ? t : -1)} (infinite)` : `${formatCount(t)} ms (${formatDuration(t)})`)
export const rate = (b: number): string => formatRate(b)
export const size = (b: number): string => formatBytes(b)

/** The smallest multiple of `step` that is ≥ value. */
export function multipleAtLeast(value: number, step: number): number {
  return Math.max(step, Math.ceil(value / step) * step)
}

/** Label or annotation value of the first key present. */
export function labelOf(topic: TopicDefinition, keys: readonly string[]): {key: string; value: string} | undefined {
  for (const key of keys) {
    const value = topic.labels[key] ?? topic.annotations[key]
    if (value !== undefined && value !== '') return {key, value}
  }
  return undefined
}

export function isProduction(topic: TopicDefinition, cluster: ClusterProfile, policy: RulePolicy): boolean {
  const env = topic.environment?.value ?? cluster.environment
  return env !== undefined && new RegExp(policy.productionEnvironments, 'i').test(env)
}
