// Small builders for the rules' inputs. Positions are deterministic so tests can assert them: the topic's name
// key at line 1, partitions at line 2, replication factor at line 3, the n-th config setting at line 10 + n.
import type {ClusterProfile, ConfigSetting, Located, SourcePos, TopicDefinition, WorkloadExpectation} from '../../../src/check/types.js'
import {DEFAULT_POLICY, type RulePolicy, resolvePolicy, runRules} from '../../../src/check/rules/index.js'
import type {RuleRunOutput} from '../../../src/check/types.js'

export interface TopicOptions {
  partitions?: unknown
  rf?: unknown
  /** Kafka key → value; or [key, value, writtenAs] entries to keep order, duplicates and written names. */
  config?: Record<string, unknown> | Array<[string, unknown, string?]>
  file?: string
  environment?: string
  cluster?: string
  labels?: Record<string, string>
  annotations?: Record<string, string>
  workload?: Partial<WorkloadExpectation>
  allowDelete?: boolean
}

export const at = (file: string, line: number, column = 1): SourcePos => ({file, line, column})
const loc = <T>(value: T, pos: SourcePos): Located<T> => ({value, pos})

export function topic(name: string, o: TopicOptions = {}): TopicDefinition {
  const file = o.file ?? `topics/${name}.yaml`
  const entries: Array<[string, unknown, string?]> = Array.isArray(o.config) ? o.config : Object.entries(o.config ?? {})
  const settings: ConfigSetting[] = entries.map(([key, value, writtenAs], i) => ({key, writtenAs: writtenAs ?? key, value, pos: at(file, 11 + i, 5)}))
  return {
    name: loc(name, at(file, 1, 7)),
    format: 'kafka-sizer-plan',
    pos: at(file, 1, 1),
    ...(o.partitions === undefined ? {} : {partitions: loc(o.partitions, at(file, 2, 3))}),
    ...(o.rf === undefined ? {} : {replicationFactor: loc(o.rf, at(file, 3, 3))}),
    settings,
    ...(o.cluster === undefined ? {} : {cluster: loc(o.cluster, at(file, 4, 3))}),
    ...(o.environment === undefined ? {} : {environment: loc(o.environment, at(file, 5, 3))}),
    labels: o.labels ?? {},
    annotations: o.annotations ?? {},
    suppressions: [],
    ...(o.workload ? {workload: {request: {}, consumerGroups: [], source: 'plan file', ...o.workload}} : {}),
    ...(o.allowDelete ? {allowDelete: true} : {}),
  }
}

export function cluster(o: Partial<ClusterProfile> = {}): ClusterProfile {
  return {brokerDefaults: {}, source: 'cluster.yaml', ...o}
}

/** A well-configured 6-broker, 3-rack Kafka 4.1 cluster with stated hardware. */
export function goodCluster(o: Partial<ClusterProfile> = {}): ClusterProfile {
  return cluster({
    name: 'main',
    environment: 'prod',
    brokers: 6,
    racks: 3,
    kafkaVersion: '4.1',
    hardware: {diskSizeBytes: 2e12, networkBitsPerSec: 2.5e9, cores: 8},
    brokerDefaults: {'min.insync.replicas': 2, 'default.replication.factor': 3},
    ...o,
  })
}

/** A topic no rule objects to on goodCluster(). */
export function goodTopic(name = 'orders', o: TopicOptions = {}): TopicDefinition {
  return topic(name, {
    partitions: 12,
    rf: 3,
    config: {'min.insync.replicas': 2, 'retention.ms': 604_800_000},
    labels: {owner: 'team-orders'},
    workload: {
      request: {payloadBytesPerSec: 2e6, messageSizeBytes: 1000},
      consumerGroups: [{name: 'billing', instances: 6}, {name: 'audit', instances: 2}],
      producerAcks: 'all',
      requiredRetentionMs: 604_800_000,
      p99MessageBytes: 4000,
      changelog: false,
    },
    ...o,
  })
}

export interface RunOptions {
  cluster?: ClusterProfile
  baseline?: TopicDefinition[]
  policy?: Partial<RulePolicy>
  enabled?: (ruleId: string, topic: string) => boolean
}

export function run(topics: TopicDefinition[], o: RunOptions = {}): RuleRunOutput {
  return runRules({
    topics,
    cluster: o.cluster ?? goodCluster(),
    ...(o.baseline ? {baseline: {ref: 'origin/main', topics: o.baseline}} : {}),
    policy: o.policy ? resolvePolicy(o.policy) : DEFAULT_POLICY,
    ...(o.enabled ? {enabled: o.enabled} : {}),
  })
}

/** The findings of one rule. */
export function findingsOf(out: RuleRunOutput, ruleId: string) {
  return out.findings.filter((f) => f.ruleId === ruleId)
}
