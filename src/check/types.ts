// The contract of `kafka-sizer check`: every input format is normalised to TopicDefinition (each value with
// its source position), rules turn definitions into Findings, and formatters render a CheckResult.
// Inputs (src/check/inputs/), rules (src/check/rules/) and formats (src/check/format/) meet only here.
import type {PlanRequest} from '../model/inputs.js'
import type {Hardware} from '../model/types.js'

export type Severity = 'error' | 'warning' | 'info'

/** A place in a file: `file` relative to the working directory (POSIX separators), 1-based line and column. */
export interface SourcePos {
  file: string
  line: number
  column: number
}

/** A value as written, with the position of its key (findings point at the offending key). */
export interface Located<T> {
  value: T
  /** Position of the key that carries the value. */
  pos: SourcePos
}

export type InputFormat =
  | 'kafka-sizer-plan'
  | 'strimzi'
  | 'topicctl'
  | 'kafka-gitops'
  | 'terraform-json'
  | 'terraform-hcl'

/**
 * One topic config setting as written. `key` is the Kafka topic-config name the setting maps to (e.g. topicctl's
 * `retentionMinutes` maps to `retention.ms` with the value converted); `writtenAs` is the key in the file.
 * Several settings with the same `key` on one topic are a conflict (KT007).
 */
export interface ConfigSetting {
  key: string
  writtenAs: string
  /** The raw value: string, number or boolean as the file has it (converted to Kafka's unit when mapped). */
  value: unknown
  pos: SourcePos
}

/** `check.kafka-sizer.io/suppress` style suppression: a rule id and the reason (required; none = finding). */
export interface Suppression {
  ruleId: string
  reason?: string
  pos: SourcePos
}

export interface ConsumerGroupExpectation {
  name: string
  instances: number
}

/**
 * What the topic is expected to carry, from a plan file, resource annotations/labels, or a sidecar file.
 * `request` is the sizing model's single-topic request (base units); only the fields stated are set.
 */
export interface WorkloadExpectation {
  request: PlanRequest
  consumerGroups: ConsumerGroupExpectation[]
  /** Producer acks the topic's clients use ('all' couples with min.insync.replicas, KT106). */
  producerAcks?: '0' | '1' | 'all'
  /** Record size percentiles/limits of clients, bytes. */
  p99MessageBytes?: number
  producerMaxRequestSize?: number
  consumerMaxPartitionFetchBytes?: number
  /** Required data retention, ms (KT208). */
  requiredRetentionMs?: number
  /** Key-based state/changelog topic (KT405) and keyed/order-sensitive (KT502). */
  changelog?: boolean
  keyed?: boolean
  /** Kafka Streams app ids that join this topic with others (KT211 co-partitioning). */
  coPartitionGroups?: string[]
  /** Longest expected consumer downtime / rebuild time, ms (KT401, KT404). */
  consumerDowntimeMs?: number
  /** Where the expectation came from, for messages: "plan file", "annotation", "sidecar <path>". */
  source: string
  pos?: SourcePos
}

export interface TopicDefinition {
  name: Located<string>
  format: InputFormat
  /** Position of the topic's definition (its name key); findings about the whole topic point here. */
  pos: SourcePos
  partitions?: Located<unknown>
  replicationFactor?: Located<unknown>
  /** Every config setting in file order (see ConfigSetting for mapped keys and conflicts). */
  settings: ConfigSetting[]
  /** Cluster or environment the file says it targets (topicctl `cluster`, Strimzi `strimzi.io/cluster` label). */
  cluster?: Located<string>
  environment?: Located<string>
  labels: Record<string, string>
  annotations: Record<string, string>
  suppressions: Suppression[]
  workload?: WorkloadExpectation
  /** Explicit allow-deletion marker (KT504), e.g. an annotation. */
  allowDelete?: boolean
  /** The resource that defines the topic when it is not the topic name (Strimzi `KafkaTopic orders-v1`, a Terraform address), for messages. */
  resource?: string
  /** topicctl `spec.placement.strategy` (any, balanced-leaders, in-rack, cross-rack, static, static-in-rack): KT103, KT203. */
  placement?: Located<string>
  /** A description the file gives the topic (topicctl `meta.description`), for KT602. */
  description?: Located<string>
}

/** Cluster facts the cluster-aware rules need; all optional, rules that need a missing one report "not evaluated". */
export interface ClusterProfile {
  name?: string
  environment?: string
  brokers?: number
  racks?: number
  kafkaVersion?: string
  /**
   * The hardware catalogue profile the cluster file names. Its figures fill what `hardware` does not state, through
   * `plan`'s own mapping (inputs/cluster.ts), so a managed unit's client quotas reach the rules as they reach `plan`.
   */
  hardwareProfile?: string
  /** Where the profile name is written (an unknown name is reported there). */
  hardwareProfilePos?: SourcePos
  hardware?: Partial<Omit<Hardware, 'name'>>
  /** Broker defaults (server.properties): e.g. min.insync.replicas, message.max.bytes, default.replication.factor. */
  brokerDefaults: Record<string, string | number | boolean>
  /** Where each fact came from, for messages: "plan file cluster.yaml", "--brokers flag", "topicctl cluster.yaml". */
  source: string
  pos?: SourcePos
  /** The kafka-sizer plan file (relative to cwd) the profile came from: with no fixed broker count, its sized count is used. */
  planFile?: string
  /** `brokers` is the count `plan --file` sizes for `planFile`, not one the user stated: findings that name it say so. */
  brokersSized?: boolean
}

/** A problem with an input file that is not a rule finding: malformed YAML, unknown format, binary, too large. */
export interface InputProblem {
  file: string
  line: number
  column: number
  message: string
  /** 'error' stops nothing: the other files are still checked. */
  severity: Severity
}

/** Everything read from the inputs: topics, cluster facts, and problems met while reading. */
export interface CheckInputs {
  topics: TopicDefinition[]
  cluster: ClusterProfile
  problems: InputProblem[]
  /** Files read, relative to cwd, sorted. */
  files: string[]
}

export interface Finding {
  ruleId: string
  severity: Severity
  message: string
  fix: string
  topic: string
  file: string
  line: number
  column: number
}

/** The stable JSON contract of `check --format json`; every other format renders this. */
export interface CheckResult {
  findings: Finding[]
  summary: {
    files: number
    topics: number
    errors: number
    warnings: number
    infos: number
    /** Rules that could not run for lack of input the user asked for (exit 3). */
    notEvaluated: Array<{ruleId: string; reason: string}>
    failOn: 'error' | 'warning'
    /**
     * 2 an input file could not be read or parsed (a KT900 finding at error severity; the other files are still
     * checked), else 1 findings at/above failOn, else 3 a requested rule could not be evaluated, else 0.
     */
    exitCode: 0 | 1 | 2 | 3
  }
}

/** What a rule needs: S spec, C cluster profile, W workload expectations, B baseline (lint-rules.md legend). */
export type RuleNeed = 'spec' | 'cluster' | 'workload' | 'baseline'

/** A rule's documentation (for `check --list-rules`, SARIF rule metadata, and the README). */
export interface RuleMeta {
  /** Stable id, e.g. "KT104". Never reused for another meaning. */
  id: string
  /** Short kebab-case name, e.g. "min-isr-above-rf". */
  name: string
  /** One-line summary. */
  title: string
  /** lint-rules.md section: "5.1" … "5.7". */
  section: string
  defaultSeverity: Severity
  needs: RuleNeed[]
  /** Why it matters and what the rule computes (a paragraph). */
  description: string
}

/** Rules' output before severity overrides and suppressions are applied by the check service. */
export interface RuleRunOutput {
  findings: Finding[]
  /** Rules skipped because an input they need is missing (e.g. no baseline, no broker count). */
  notEvaluated: Array<{ruleId: string; reason: string}>
}
