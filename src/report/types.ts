// The report data model: what `kafka-sizer report` hands to its templates and prints with --json.
// One shape for a single-topic plan (a one-topic report) and a cluster plan file. Every number comes from
// the plan model and services; every `*Text` field is that number formatted for people (templates never
// compute). Documented field by field in the README ("Templates and the report data model").
import type {Cost} from '../model/cost.js'
import type {Origin, ResourceName, ValueUnit} from '../model/types.js'

export const REPORT_SCHEMA = 'kafka-sizer-report/1'

export interface ReportData {
  schema: typeof REPORT_SCHEMA
  title: string
  /** ISO 8601 time the report was generated. */
  generatedAt: string
  tool: {name: string; version: string}
  /** 'topic': from plan flags (one topic); 'cluster': from a plan file (`--file`). */
  kind: 'topic' | 'cluster'
  /** The plan file, or null for a plan from flags. */
  file: string | null
  /** The command that reproduces the plan's numbers (`kafka-sizer plan …`). */
  command: string
  units: {bytes: string; rates: string; durations: string; network: string}
  summary: ReportSummary
  topics: ReportTopic[]
  /** Brokers each resource alone needs; `binds` marks the binding one (normal operation). */
  bounds: Array<{resource: ResourceName; label: string; brokersNeeded: number; brokersNeededText: string; detail: string; binds: boolean}>
  /** Per-broker load of each resource in normal operation (the plan's `loads`). */
  brokerLoad: ReportLoad[]
  /** Broker loss, AZ loss and each topic's consumer outage, with their outcomes. */
  failures: ReportFailure[]
  consumerOutages: ReportOutage[]
  /** Years until each resource reaches its planning limit at the stated growth (empty: no growth given). */
  runway: Array<{resource: ResourceName; label: string; years: number | null; text: string}>
  cost: ReportCost | null
  /** Bytes/s crossing availability zones (average), or null with one AZ. */
  crossAz: {bytesPerSec: number; text: string} | null
  config: ReportConfig
  warnings: Array<{code: string; message: string; action: string; topic: string | null}>
  /** Every input default, catalogue figure and calibrated value the plan used, with its source. */
  assumptions: ReportAssumption[]
  /** The model's fixed constants (record format, Kafka defaults, planning values), each with its source. */
  constants: Array<{name: string; value: number; valueText: string; source: string}>
  /** The calibration profile used (--calibration), or null. */
  calibration: ReportCalibration | null
  /** Chart data; render with the `svg_chart` (HTML) or `mermaid_chart` (Markdown) filters. */
  charts: ReportCharts
}

export interface ReportSummary {
  brokers: number
  topics: number
  /** Partitions over all topics, and partition replicas (× RF). */
  partitions: number
  partitionReplicas: number
  storageBytes: number
  storagePerBrokerBytes: number
  provisionedStorageBytes: number
  /** null when no broker or storage price is known. */
  monthlyCostUsd: number | null
  bindingResource: ResourceName
  bindingResourceLabel: string
  bindingScenario: 'normal' | 'broker-loss' | 'az-loss'
  /** "storage: 218 TB … at 70% fill" or "network in with one broker lost". */
  bindingText: string
  hardware: string
  azs: number
  text: {storage: string; storagePerBroker: string; provisionedStorage: string; monthlyCost: string; partitions: string; partitionReplicas: string}
}

export interface ReportTopic {
  name: string
  partitions: number
  /** Partitions the workload needs before rounding, and how it was rounded. */
  requiredPartitions: number
  rounding: string
  replicationFactor: number
  minInsyncReplicas: number
  payloadBytesPerSec: number
  peakStoredBytesPerSec: number
  messagesPerSec: number
  retentionMs: number
  storageBytes: number
  consumerGroups: Array<{name: string; instances: number; readPattern: string}>
  text: {payload: string; peakStored: string; messages: string; retention: string; storage: string; consumerGroups: string}
}

export interface ReportLoad {
  resource: ResourceName
  label: string
  load: number
  capacity: number
  /** load ÷ capacity (fraction), and the highest fraction the plan allows. */
  utilization: number
  limit: number
  unit: 'B/s' | 'B' | 'replicas' | 'cores'
  withinLimit: boolean
  text: {load: string; capacity: string; utilization: string; limit: string}
}

export interface ReportFailure {
  kind: 'broker-loss' | 'az-loss'
  label: string
  brokersLost: number
  survivors: number
  withinLimits: boolean
  minReplicasLeft: number
  writesBlocked: boolean
  partitionsLosingReplica: number
  busiest: {resource: ResourceName; label: string; utilization: number; text: string}
  /** Re-replication onto the replacement(s); seconds null = never (no spare bandwidth). */
  recovery: {bytesPerReplacement: number; bytesPerSec: number; limitedBy: string; seconds: number | null; text: string} | null
  /** One sentence: what happens. */
  outcome: string
}

export interface ReportOutage {
  topic: string
  outageMs: number
  backlogMessages: number
  /** null: unknown (no consumer rate given); Infinity is reported as never catching up (`caughtUp` false). */
  catchUpMs: number | null
  caughtUp: boolean | null
  dataLost: boolean
  outcome: string
}

/** The model's monthly cost with each figure formatted for templates. */
export interface ReportCost extends Cost {
  /** Why replication is left out of transferUsd (the profile's source), when it is not billed. */
  replicationTransferSource?: string
  /** replicationTransfer: '' when replication is billed, else a sentence saying it is not, and why (its source). */
  text: {monthly: string; brokers: string; storage: string; transfer: string; remoteStorage: string; replicationTransfer: string}
}

export interface ReportSetting {
  key: string
  value: string
  why: string
}

export interface ReportConfigBlock {
  scope: 'topic' | 'producer' | 'consumer' | 'broker' | 'os'
  settings: ReportSetting[]
  /** Copy-paste text: `key=value` lines, each under its trade-off as a `#` comment. */
  text: string
}

export interface ReportConfig {
  topics: Array<{name: string; blocks: ReportConfigBlock[]}>
  broker: ReportConfigBlock
  os: ReportConfigBlock
}

export interface ReportAssumption {
  key: string
  label: string
  value: number | string | boolean
  unit: ValueUnit
  valueText: string
  origin: Origin
  source: string
  /** 'cluster', or the topic the assumption belongs to. */
  scope: string
}

export interface ReportCalibration {
  path: string
  createdAt: string
  /** YYYY-MM-DD of createdAt. */
  date: string
  machine: {hostname: string; platform: string; release: string; arch: string; cpuModel: string; cores: number; memoryBytes: number; node: string}
  fileSystem: {type: string | null; device: string | null}
  disk: {sustainedWriteBytesPerSec: number; burstWriteBytesPerSec: number; coldReadBytesPerSec: number | null; hotReadBytesPerSec: number | null}
  fsync: {p50Micros: number; p99Micros: number; p999Micros: number}
  append: {perBatchSeconds: number; perRecordSeconds: number; perByteSeconds: number; r2: number}
  points: Array<{messageBytes: number; batchSizeBytes: number; partitions: number; flush: string; records: number; batchBytes: number; logBytesPerSec: number; appendP50Micros: number; appendP99Micros: number}>
  text: {machine: string; sustainedWrite: string; fsyncP99: string}
}

export interface ChartPoint {
  x: number | string
  y: number
}

export interface ChartSeries {
  name: string
  /** 'bar' (bars per category), 'line', or 'limit' (a reference mark per category / a dashed line). */
  style: 'bar' | 'line' | 'limit'
  points: ChartPoint[]
}

export interface Chart {
  id: string
  title: string
  /** 'bar': categorical x; 'line': numeric x. */
  kind: 'bar' | 'line'
  x: {label: string; unit: string; log: boolean}
  y: {label: string; unit: string; min: number; max: number | null}
  series: ChartSeries[]
  /** A vertical reference line (e.g. the planned broker count), or null. */
  marker: {x: number; label: string} | null
  /** Text alternative: what the chart shows, in a sentence or two with the key numbers. */
  alt: string
}

export interface ReportCharts {
  brokerUtilization: Chart
  storageRetention: Chart
  storageGrowth: Chart
  throughputVsBrokers: Chart
  /** Measured calibration curves (empty without --calibration). */
  calibration: Chart[]
}
