// Builds the report data model from a single-topic plan or a cluster plan: one shape for both. Numbers are
// the plan's (and series.ts's, from the same model); this file only gathers and formats them.
import type {CalibrationProfile} from '../bench/calibration/profile.js'
import * as K from '../model/constants.js'
import type {PlanCost, PlanResult} from '../services/plan.js'
import type {CatchUpGroup} from '../model/catch-up.js'
import type {ClusterPlanResult} from '../services/cluster-plan.js'
import type {Assumption, FailureScenario, Recommendation, ResourceLoad} from '../model/types.js'
import type {Recovery, Runway} from '../model/what-ifs.js'
import {formatValue, formatLoad} from '../render/blocks.js'
import {SCENARIO_SUFFIX, resourceLabel} from '../render/labels.js'
import {formatBytes, formatCount, formatDuration, formatMessagesRate, formatNumber, formatPercent, formatRate} from '../units/format.js'
import {calibrationCharts, growthChart, retentionChart, throughputChart, utilizationChart} from './chart-data.js'
import {configBlock} from './config-blocks.js'
import {growthSeries, retentionSeries, storageWindowMs, throughputCurve} from './series.js'
import {REPORT_SCHEMA, type ReportData, type ReportFailure, type ReportLoad, type ReportOutage, type ReportTopic} from './types.js'

export type ReportSource =
  | {kind: 'topic'; plan: PlanResult; topic: string}
  | {kind: 'cluster'; result: ClusterPlanResult; plans: PlanResult[]}

export interface BuildOptions {
  title?: string
  command: string
  tool: {name: string; version: string}
  calibration?: CalibrationProfile & {path: string}
  now?: Date
}

/** Assumption keys that belong to the cluster rather than one topic (as in the cluster plan service). */
const CLUSTER_KEYS = ['hardware.', 'azs', 'targetUtilization', 'maxDiskFill', 'calibration.', 'prices.']

const usd = (n: number | null) => (n === null ? 'not priced' : `$${n.toLocaleString('en-US', {maximumFractionDigits: 0})}`)

/** The replication traffic still crosses zones; a profile whose vendor does not bill it says so, and why. */
function replicationTransferText(cost: PlanCost): string {
  if (cost.replicationTransferBilled) return ''
  const worth = cost.unbilledReplicationTransferUsd === null ? '' : ` (${usd(cost.unbilledReplicationTransferUsd)} a month at the transfer price, left out)`
  const source = (cost.replicationTransferSource ?? 'the hardware profile').replace(/\.?$/, '.')
  return `Transfer counts produce and consume only: replication between brokers crosses zones but is not billed on this profile${worth}. Source: ${source}`
}

export function buildReport(src: ReportSource, options: BuildOptions): ReportData {
  const plans = src.kind === 'topic' ? [src.plan] : src.plans
  const names = src.kind === 'topic' ? [src.topic] : src.result.topics.map((t) => t.name)
  const head = src.kind === 'topic' ? src.plan : src.result
  const first = plans[0]
  const brokers = head.brokers
  const storage = src.kind === 'topic' ? src.plan.storage : src.result.storage
  const cost = src.kind === 'topic' ? src.plan.cost : src.result.cost
  const recovery: Recovery[] = src.kind === 'topic' ? src.plan.whatIfs.recovery : src.result.recovery
  const runway: Runway[] = src.kind === 'topic' ? (first.input.growthPerYear > 1 ? src.plan.whatIfs.runway : []) : src.result.runway
  const partitions = src.kind === 'topic' ? src.plan.partitions : src.result.partitions.total
  const replicas = src.kind === 'topic' ? src.plan.partitions * src.plan.input.replicationFactor : src.result.partitions.replicas
  const crossAz = src.kind === 'topic' ? src.plan.crossAzBytesPerSecond : src.result.crossAzBytesPerSecond
  const binding = head.bounds.find((b) => b.resource === head.bindingResource)
  const bindingText =
    head.bindingScenario === 'normal' && binding ? `${resourceLabel(head.bindingResource)}: ${binding.detail}` : `${resourceLabel(head.bindingResource)}${SCENARIO_SUFFIX[head.bindingScenario]} (the survivors must carry the load)`
  const peak = plans.reduce((a, p) => a + p.traffic.peakPayloadBytesPerSec, 0)
  const cluster = src.kind === 'cluster' ? {names, failurePolicy: src.result.cluster.failurePolicy as 'none' | 'survive-one-broker' | 'survive-one-az', metadata: src.result.cluster.metadata as 'kraft' | 'zookeeper'} : undefined

  const topics: ReportTopic[] = plans.map((p, i) => {
    const groups = src.kind === 'cluster' ? src.result.topics[i].consumerGroups.map((g) => ({name: g.name, instances: g.instances, readPattern: g.readPattern.kind})) : []
    return {
      name: names[i],
      partitions: p.partitions,
      requiredPartitions: p.partitionSizing.required,
      rounding: p.partitionSizing.rounding,
      replicationFactor: p.input.replicationFactor,
      minInsyncReplicas: p.input.minInsyncReplicas,
      payloadBytesPerSec: p.traffic.payloadBytesPerSec,
      peakStoredBytesPerSec: p.traffic.peakStoredBytesPerSec,
      messagesPerSec: p.traffic.messagesPerSec,
      retentionMs: p.input.retentionMs,
      storageBytes: p.storage.totalBytes,
      consumerGroups: groups,
      text: {
        payload: formatRate(p.traffic.payloadBytesPerSec),
        peakStored: formatRate(p.traffic.peakStoredBytesPerSec),
        messages: formatMessagesRate(p.traffic.messagesPerSec),
        retention: formatDuration(p.input.retentionMs),
        storage: formatBytes(p.storage.totalBytes),
        consumerGroups:
          groups.length > 0
            ? groups.map((g) => `${g.name} ×${g.instances}${g.readPattern === 'tail' ? '' : ` (${g.readPattern})`}`).join(', ')
            : `${p.input.consumerGroups} group(s), the largest with ${p.input.maxConsumers} consumer(s)`,
      },
    }
  })

  const assumptionsOf = (list: Assumption[], scope: (a: Assumption) => string) =>
    list.map((a) => ({key: a.key, label: a.label, value: a.value, unit: a.unit, valueText: formatValue(a.value, a.unit), origin: a.origin, source: a.source, scope: scope(a)}))
  const isCluster = (a: Assumption) => CLUSTER_KEYS.some((k) => a.key.startsWith(k))
  const assumptions =
    src.kind === 'topic'
      ? assumptionsOf(src.plan.assumptions, (a) => (isCluster(a) ? 'cluster' : src.topic))
      : [...assumptionsOf(src.result.assumptions, () => 'cluster'), ...src.result.topics.flatMap((t) => assumptionsOf(t.assumptions, () => t.name))]

  const recs = (i: number): Recommendation[] => (src.kind === 'topic' ? src.plan.recommendations : src.result.topics[i].recommendations)
  const clusterRecs = src.kind === 'topic' ? src.plan.recommendations : src.result.recommendations
  const warnings =
    src.kind === 'topic'
      ? src.plan.warnings.map((w) => ({...w, topic: null}))
      : [...src.result.warnings.map((w) => ({...w, topic: null})), ...src.result.topics.flatMap((t) => t.warnings.map((w) => ({...w, topic: t.name})))]

  const retention = retentionSeries(plans, names)
  const growth = growthSeries(plans, names)
  const curve = throughputCurve(plans, brokers, cluster)

  return {
    schema: REPORT_SCHEMA,
    title: options.title ?? (src.kind === 'cluster' ? `Kafka sizing: ${src.result.cluster.name ?? src.result.file}` : `Kafka sizing: ${src.topic}`),
    generatedAt: (options.now ?? new Date()).toISOString(),
    tool: options.tool,
    kind: src.kind,
    file: src.kind === 'cluster' ? src.result.file : null,
    command: options.command,
    units: {...head.units},
    summary: {
      brokers,
      topics: plans.length,
      partitions,
      partitionReplicas: replicas,
      storageBytes: storage.totalBytes,
      storagePerBrokerBytes: storage.perBrokerBytes,
      provisionedStorageBytes: storage.provisionedBytes,
      monthlyCostUsd: cost?.monthlyUsd ?? null,
      bindingResource: head.bindingResource,
      bindingResourceLabel: resourceLabel(head.bindingResource),
      bindingScenario: head.bindingScenario,
      bindingText,
      hardware: src.kind === 'cluster' ? src.result.cluster.hardware : first.input.hardware.name,
      azs: first.input.azs,
      text: {
        storage: formatBytes(storage.totalBytes),
        storagePerBroker: formatBytes(storage.perBrokerBytes),
        provisionedStorage: formatBytes(storage.provisionedBytes),
        monthlyCost: cost ? `${usd(cost.monthlyUsd)} a month${cost.unpriced.length > 0 ? ` (${cost.unpriced.join(', ')} not priced)` : ''}` : 'not priced (give --broker-price or --storage-price)',
        partitions: formatCount(partitions),
        partitionReplicas: formatCount(replicas),
      },
    },
    topics,
    bounds: head.bounds.map((b) => ({resource: b.resource, label: resourceLabel(b.resource), brokersNeeded: b.brokersNeeded, brokersNeededText: formatNumber(b.brokersNeeded), detail: b.detail, binds: b.resource === head.bindingResource && head.bindingScenario === 'normal'})),
    brokerLoad: head.loads.map(reportLoad),
    failures: head.failures.map((f) => reportFailure(f, recovery.find((r) => r.kind === f.kind))),
    // A cluster's groups return together and share the brokers' spare disk (the cluster-wide catch-up).
    consumerOutages: src.kind === 'cluster' ? src.result.catchUp.groups.map((g) => clusterOutage(g, plans[names.indexOf(g.topic)]!)) : plans.map((p, i) => reportOutage(names[i], p)),
    runway: runway.map((r) => ({resource: r.resource, label: resourceLabel(r.resource), years: r.years, text: r.years === null ? 'does not run out' : r.years === 0 ? 'already at its limit' : `${formatNumber(r.years)} years`})),
    cost: cost
      ? {...cost, unpriced: [...cost.unpriced], text: {monthly: usd(cost.monthlyUsd), brokers: usd(cost.brokersUsd), storage: usd(cost.storageUsd), transfer: usd(cost.transferUsd), remoteStorage: usd(cost.remoteStorageUsd), replicationTransfer: replicationTransferText(cost)}}
      : null,
    crossAz: crossAz === undefined ? null : {bytesPerSec: crossAz, text: formatRate(crossAz)},
    config: {
      topics: names.map((name, i) => ({name, blocks: (['topic', 'producer', 'consumer'] as const).map((scope) => configBlock(scope, recs(i))).filter((b) => b.settings.length > 0)})),
      broker: configBlock('broker', clusterRecs),
      os: configBlock('os', clusterRecs),
    },
    warnings,
    assumptions,
    constants: modelConstants(),
    calibration: options.calibration ? reportCalibration(options.calibration) : null,
    charts: {
      brokerUtilization: utilizationChart(head.loads, brokers),
      storageRetention: retentionChart(retention, storageWindowMs(plans)),
      storageGrowth: growthChart(growth),
      throughputVsBrokers: throughputChart(curve, brokers, peak),
      calibration: options.calibration ? calibrationCharts(options.calibration) : [],
    },
  }
}

function reportLoad(l: ResourceLoad): ReportLoad {
  return {
    ...l,
    label: resourceLabel(l.resource),
    withinLimit: l.utilization <= l.limit + 1e-9,
    text: {load: formatLoad(l.load, l.unit), capacity: formatLoad(l.capacity, l.unit), utilization: formatPercent(l.utilization), limit: formatPercent(l.limit)},
  }
}

function reportFailure(f: FailureScenario, r: Recovery | undefined): ReportFailure {
  const moving = f.loads.filter((l) => l.unit === 'B/s' || l.unit === 'cores')
  const worst = moving.reduce((a, b) => (b.utilization > a.utilization ? b : a), moving[0] ?? f.loads[0])
  const label = f.kind === 'broker-loss' ? 'one broker lost' : `one AZ lost (${f.brokersLost} brokers)`
  const seconds = r && Number.isFinite(r.seconds) ? r.seconds : null
  const recovery = r
    ? {
        bytesPerReplacement: r.bytesPerReplacement,
        bytesPerSec: r.bytesPerSec,
        limitedBy: r.limitedBy,
        seconds,
        text: `${r.replacements > 1 ? `${r.replacements} replacements each copy` : 'a replacement copies'} ${formatBytes(r.bytesPerReplacement)} at ${formatRate(r.bytesPerSec)} (limited by ${r.limitedBy}): ${seconds === null ? 'never (no spare bandwidth)' : formatDuration(seconds * 1000)}`,
      }
    : null
  const busiestText = `${resourceLabel(worst.resource)} at ${formatPercent(worst.utilization)} (${formatLoad(worst.load, worst.unit)})`
  return {
    kind: f.kind,
    label,
    brokersLost: f.brokersLost,
    survivors: f.survivors,
    withinLimits: f.withinLimits,
    minReplicasLeft: f.minReplicasLeft,
    writesBlocked: f.writesBlocked,
    partitionsLosingReplica: f.partitionsLosingReplica,
    busiest: {resource: worst.resource, label: resourceLabel(worst.resource), utilization: worst.utilization, text: busiestText},
    recovery,
    outcome:
      `${f.survivors} survivors ${f.withinLimits ? 'carry the load within capacity' : 'are over capacity'} (busiest: ${busiestText}); ` +
      `${formatCount(f.partitionsLosingReplica)} partitions under-replicated, at least ${f.minReplicasLeft} replica(s) left; acks=all writes ${f.writesBlocked ? 'are blocked for some partitions' : 'continue'}` +
      (recovery ? `; ${recovery.text}.` : '.'),
  }
}

function reportOutage(topic: string, p: PlanResult): ReportOutage {
  const lag = p.consumerLag
  const caughtUp = lag.catchUpMs === undefined ? null : Number.isFinite(lag.catchUpMs)
  const catchUp = lag.catchUpMs === undefined ? 'catch-up time unknown (no consumer rate given)' : caughtUp ? `caught up after ${formatDuration(lag.catchUpMs)}` : 'the group never catches up'
  return {
    topic,
    outageMs: lag.outageMs,
    backlogMessages: lag.backlogMessages,
    catchUpMs: lag.catchUpMs === undefined || !Number.isFinite(lag.catchUpMs) ? null : lag.catchUpMs,
    caughtUp,
    dataLost: lag.dataLost,
    outcome: `a ${formatDuration(lag.outageMs)} outage leaves ${formatCount(Math.round(lag.backlogMessages))} messages behind; ${catchUp}${lag.dataLost ? '; the oldest data ages out of retention first (data lost)' : '; no data lost'}.`,
  }
}

function clusterOutage(g: CatchUpGroup, p: PlanResult): ReportOutage {
  const bytesPerMessage = p.traffic.storedBytesPerSec / Math.max(p.traffic.messagesPerSec, 1e-12)
  const backlogMessages = g.backlogBytes / bytesPerMessage
  const speed = `reading ${formatRate(g.readBytesPerSec)} while every group catches up${g.demandBytesPerSec === null ? ' (no rate given: as fast as the brokers allow)' : ''}`
  const then =
    g.catchUpSeconds !== null
      ? `caught up after ${formatDuration(g.catchUpSeconds * 1000)}`
      : `the group never catches up${g.agesOutAfterSeconds === undefined ? '' : `, and its unread data ages out after ${formatDuration(g.agesOutAfterSeconds * 1000)}`}`
  const lost = g.dataLostDuringOutage || g.agesOutAfterSeconds !== undefined
  return {
    topic: `${g.topic} / ${g.group}`,
    outageMs: g.outageMs,
    backlogMessages,
    catchUpMs: g.catchUpSeconds === null ? null : g.catchUpSeconds * 1000,
    caughtUp: g.catchUpSeconds !== null,
    dataLost: lost,
    outcome: `a ${formatDuration(g.outageMs)} outage leaves ${formatCount(Math.round(backlogMessages))} messages (${formatBytes(g.backlogBytes)}) behind; ${speed}, ${then}${g.dataLostDuringOutage ? '; the outage outlasts retention (data lost)' : lost ? '' : '; no data lost'}.`,
  }
}

const CONSTANT_UNITS: Record<string, Parameters<typeof formatValue>[1]> = {
  PARTITION_THROUGHPUT: 'B/s',
  CPU_WRITE_EQUIVALENT_PER_CORE: 'B/s',
  TARGET_UTILIZATION: 'fraction',
  MAX_DISK_FILL: 'fraction',
  CPU_READ_WEIGHT: 'factor',
  MIN_CLEANABLE_DIRTY_RATIO: 'fraction',
  UNKNOWN_COMPRESSION_RATIO: 'factor',
  GROWTH_HORIZON_YEARS: 'years',
}

/** Every sourced constant of the model (constants.ts), with its value and source. */
function modelConstants(): ReportData['constants'] {
  return Object.entries(K)
    .filter((e): e is [string, K.SourcedConstant] => typeof e[1] === 'object' && e[1] !== null && 'value' in e[1] && 'source' in e[1])
    .map(([name, c]) => {
      const unit = CONSTANT_UNITS[name] ?? (name.endsWith('_MS') ? 'ms' : /BYTES|OVERHEAD|BATCH_SIZE|BUFFER_MEMORY/.test(name) ? 'B' : 'count')
      return {name, value: c.value, valueText: unit === 'B' ? `${formatCount(c.value)} B` : formatValue(c.value, unit), source: c.source}
    })
}

function reportCalibration(p: CalibrationProfile & {path: string}): NonNullable<ReportData['calibration']> {
  const m = p.machine
  return {
    path: p.path,
    createdAt: p.createdAt,
    date: p.createdAt.slice(0, 10),
    machine: {hostname: m.hostname, platform: m.platform, release: m.release, arch: m.arch, cpuModel: m.cpuModel, cores: m.cores, memoryBytes: m.memoryBytes, node: m.node},
    fileSystem: {type: p.fileSystem.type, device: p.fileSystem.device},
    disk: {sustainedWriteBytesPerSec: p.disk.sustainedWriteBytesPerSec, burstWriteBytesPerSec: p.disk.burstWriteBytesPerSec, coldReadBytesPerSec: p.disk.coldReadBytesPerSec, hotReadBytesPerSec: p.disk.hotReadBytesPerSec},
    fsync: {p50Micros: p.fsync.p50Micros, p99Micros: p.fsync.p99Micros, p999Micros: p.fsync.p999Micros},
    append: {perBatchSeconds: p.append.perBatchSeconds, perRecordSeconds: p.append.perRecordSeconds, perByteSeconds: p.append.perByteSeconds, r2: p.append.quality.r2},
    points: p.points.map((x) => ({messageBytes: x.messageBytes, batchSizeBytes: x.batchSizeBytes, partitions: x.partitions, flush: x.flush, records: x.records, batchBytes: x.batchBytes, logBytesPerSec: x.logBytesPerSec, appendP50Micros: x.appendP50Micros, appendP99Micros: x.appendP99Micros})),
    text: {
      machine: `${m.hostname}: ${m.cpuModel}, ${m.cores} cores, ${formatBytes(m.memoryBytes, {binary: true})} RAM, ${m.platform} ${m.release} (${m.arch}), ${p.fileSystem.type ?? 'unknown'} file system`,
      sustainedWrite: formatRate(p.disk.sustainedWriteBytesPerSec),
      fsyncP99: `${formatNumber(p.fsync.p99Micros)} µs`,
    },
  }
}
