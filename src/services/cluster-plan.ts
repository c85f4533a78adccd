// Cluster plan service (`plan --file`): reads a plan file, resolves every topic against the cluster's
// hardware and limits, sizes the cluster for the sum of the topics, and gathers per-topic and cluster-wide
// recommendations, warnings, cross-AZ traffic and cost.
import {type ClusterCatchUp, clusterCatchUpFor} from '../model/catch-up.js'
import {type ClusterPlanCore, computeClusterPlan} from '../model/cluster-plan.js'
import {monthlyCost} from '../model/cost.js'
import {gbPerDay} from '../model/cross-az.js'
import {type PlanRequest, resolvePlanInput} from '../model/inputs.js'
import type {PlanCore} from '../model/plan.js'
import {recommend} from '../model/recommendations/index.js'
import type {Assumption, PlanInput, Recommendation, Warning} from '../model/types.js'
import {planWarnings} from '../model/warnings.js'
import {type Recovery, type Runway, clusterRunway, recoveryFor} from '../model/what-ifs.js'
import type {PlanFile, TopicSpec} from '../planfile/types.js'
import {type PlanCost, type PlanResult, type SizingOptions, UNITS_NOTE, applySizingOptions, withTransferSource} from './plan.js'
import {validateRequest} from './validate-request.js'

export interface ClusterTopicResult {
  name: string
  partitions: number
  required: number
  rounding: string
  replicationFactor: number
  payloadBytesPerSec: number
  peakStoredBytesPerSec: number
  storageBytes: number
  consumerGroups: PlanFile['topics'][number]['consumerGroups']
  /** Topic, producer and consumer settings for this topic. */
  recommendations: Recommendation[]
  warnings: Warning[]
  assumptions: Assumption[]
}

export interface ClusterPlanResult extends Omit<ClusterPlanCore, 'topics'> {
  units: typeof UNITS_NOTE
  file: string
  cluster: {name?: string; hardware: string; azs: number; metadata: string; failurePolicy: string}
  topics: ClusterTopicResult[]
  storage: {totalBytes: number; perBrokerBytes: number; provisionedBytes: number}
  crossAzBytesPerSecond?: number
  cost?: PlanCost
  /** Re-replication after a broker (or AZ) loss, for all topics together. */
  recovery: Recovery[]
  /** Every consumer group back from its topic's outage at once, sharing the brokers' spare disk and network. */
  catchUp: ClusterCatchUp
  /** Years until each resource reaches its limit, every topic growing at its own rate (empty when none grows). */
  runway: Runway[]
  /** Broker and OS settings for the whole cluster. */
  recommendations: Recommendation[]
  warnings: Warning[]
  /** Cluster-wide defaults used (hardware, limits), once. */
  assumptions: Assumption[]
}

/**
 * Each topic's plan in the single-topic result form, for the emitters (`plan --file --emit`): its own topic,
 * producer and consumer settings plus the cluster's broker and OS settings. Kept beside the result rather
 * than in it, so the JSON stays the cluster's.
 */
const topicPlanResults = new WeakMap<ClusterPlanResult, PlanResult[]>()

export function topicPlansOf(result: ClusterPlanResult): PlanResult[] {
  return topicPlanResults.get(result) ?? []
}

/** Topic-level warnings that only make sense for the cluster as a whole are recomputed there. */
const CLUSTER_WARNING_CODES = new Set(['page-cache-small', 'partitions-per-broker', 'over-capacity', 'over-capacity-broker-loss', 'over-capacity-az-loss', 'writes-blocked-broker-loss', 'writes-blocked-az-loss'])
const CLUSTER_ASSUMPTION_PREFIXES = ['hardware.', 'azs', 'targetUtilization', 'maxDiskFill', 'calibration.', 'prices.']

export async function clusterPlanService(file: string, options: SizingOptions = {}): Promise<ClusterPlanResult> {
  const {readPlanFile} = await import('../planfile/read.js')
  return clusterPlanFromFile(await readPlanFile(file, {cataloguePath: options.cataloguePath}), options)
}

/** The cluster plan of an already-read plan file (optimize runs it once per hardware candidate). */
export async function clusterPlanFromFile(pf: PlanFile, options: SizingOptions = {}): Promise<ClusterPlanResult> {
  const c = pf.cluster
  const clusterFields: Partial<PlanRequest> = {
    ...(c.hardware ? {hardware: c.hardware} : {}),
    azs: c.azs,
    targetUtilization: c.targetUtilization,
    maxDiskFill: c.maxDiskFill,
    brokers: c.brokers,
    prices: c.prices,
    fetchFromFollower: c.fetchFromFollower,
  }
  const sizing: SizingOptions = {...options, hardwareProfile: options.hardwareProfile ?? c.hardwareProfile}
  const resolved: Array<{spec: TopicSpec; input: PlanInput; assumptions: Assumption[]}> = []
  for (const t of pf.topics) {
    // A replaying group reads old data from disk at its speed while it replays (sized as if that can
    // coincide with the peak; the schedule only says how often).
    const replaySpeeds = t.consumerGroups.flatMap((g) => (g.readPattern.kind === 'replay' ? [g.readPattern.speed] : []))
    const request = await applySizingOptions({...t.request, ...(replaySpeeds.length > 0 ? {replaySpeeds} : {}), ...stripUndefined(clusterFields)}, sizing)
    validateRequest(request, {requireRate: true})
    resolved.push({spec: t, ...resolvePlanInput(request)})
  }
  const core = computeClusterPlan({topics: resolved.map((r) => ({name: r.spec.name, input: r.input})), failurePolicy: c.failurePolicy, metadata: c.metadata})
  const plans = core.topics.map((t) => t.plan)
  const isCluster = (a: Assumption) => CLUSTER_ASSUMPTION_PREFIXES.some((p) => a.key.startsWith(p))
  const topics: ClusterTopicResult[] = core.topics.map(({name, plan}, i) => ({
    name,
    partitions: plan.partitions,
    required: plan.partitionSizing.required,
    rounding: plan.partitionSizing.rounding,
    replicationFactor: plan.input.replicationFactor,
    payloadBytesPerSec: plan.traffic.payloadBytesPerSec,
    peakStoredBytesPerSec: plan.traffic.peakStoredBytesPerSec,
    storageBytes: plan.storage.totalBytes,
    consumerGroups: pf.topics[i].consumerGroups,
    recommendations: recommend(plan).filter((r) => r.scope === 'topic' || r.scope === 'producer' || r.scope === 'consumer'),
    warnings: planWarnings(plan).filter((w) => !CLUSTER_WARNING_CODES.has(w.code)),
    assumptions: resolved[i].assumptions.filter((a) => !isCluster(a)),
  }))
  const totalBytes = plans.reduce((a, p) => a + p.storage.totalBytes, 0)
  const provisionedBytes = plans.reduce((a, p) => a + p.storage.provisionedBytes, 0)
  const crossAz = plans.some((p) => p.crossAz) ? plans.reduce((a, p) => a + (p.crossAz?.totalBytesPerSec ?? 0), 0) : undefined
  const prices = resolved[0].input.prices
  const cost =
    prices.brokerUsdPerHour !== undefined || prices.storageUsdPerGbMonth !== undefined
      ? monthlyCost({
          brokers: core.brokers,
          provisionedStorageBytes: provisionedBytes,
          crossAzGbPerDay: plans.reduce((a, p) => a + (p.crossAz?.gbPerDay ?? 0), 0),
          replicationGbPerDay: plans.reduce((a, p) => a + gbPerDay(p.crossAz?.replicationBytesPerSec ?? 0), 0),
          remoteBytes: plans.reduce((a, p) => a + (p.storage.tiered?.remoteBytes ?? 0), 0),
          prices,
        })
      : undefined
  const merged = mergedCore(plans, core.brokers)
  const demands = plans.map((p) => ({storedBytesPerSec: p.traffic.peakStoredBytesPerSec, replicationFactor: p.input.replicationFactor, consumerGroups: p.input.consumerGroups, laggingGroups: p.input.laggingGroups, replaySpeeds: p.input.replaySpeeds, storageBytes: p.storage.totalBytes, partitions: p.partitions}))
  const clusterRecommendations = recommend(merged).filter((r) => r.scope === 'broker' || r.scope === 'os')
  const result: ClusterPlanResult = {
    units: UNITS_NOTE,
    file: pf.path,
    cluster: {name: c.name, hardware: resolved[0].input.hardware.name, azs: resolved[0].input.azs, metadata: c.metadata, failurePolicy: c.failurePolicy},
    brokers: core.brokers,
    bindingResource: core.bindingResource,
    bindingScenario: core.bindingScenario,
    bounds: core.bounds,
    loads: core.loads,
    failures: core.failures,
    partitions: core.partitions,
    controllers: core.controllers,
    topics,
    storage: {totalBytes, perBrokerBytes: totalBytes / core.brokers, provisionedBytes},
    ...(crossAz === undefined ? {} : {crossAzBytesPerSecond: crossAz}),
    ...(cost ? {cost: withTransferSource(cost, resolved[0].assumptions)} : {}),
    recovery: recoveryFor(
      {
        demands,
        hardware: resolved[0].input.hardware,
        brokers: core.brokers,
        failures: core.failures,
      },
      options.replicationThrottleBytesPerSec,
    ),
    catchUp: clusterCatchUpFor(
      core.topics.map(({name, plan}, i) => ({name, plan, groups: pf.topics[i].consumerGroups})),
      core.brokers,
      resolved[0].input.hardware,
    ),
    runway: clusterRunway(
      demands.map((demand, i) => ({demand, growthPerYear: plans[i].input.growthPerYear})),
      resolved[0].input.hardware,
      {targetUtilization: resolved[0].input.targetUtilization, maxDiskFill: resolved[0].input.maxDiskFill},
      core.brokers,
    ),
    recommendations: clusterRecommendations,
    warnings: clusterWarnings(core, merged),
    assumptions: dedupe(resolved.flatMap((r) => r.assumptions.filter(isCluster))),
  }
  topicPlanResults.set(
    result,
    plans.map((plan, i) => ({
      units: UNITS_NOTE,
      ...plan,
      recommendations: [...topics[i].recommendations, ...clusterRecommendations],
      warnings: topics[i].warnings,
      alternatives: [],
      whatIfs: {recovery: [], catchUp: {}, runway: []},
      assumptions: topics[i].assumptions,
    })),
  )
  return result
}

/**
 * A cluster-wide view for the broker and OS recommendations: the busiest topic's settings with the
 * traffic, segments and page-cache demand of all topics summed (those recommendations read only these).
 */
function mergedCore(plans: PlanCore[], brokers: number): PlanCore {
  const base = plans.reduce((a, p) => (p.traffic.peakStoredBytesPerSec > a.traffic.peakStoredBytesPerSec ? p : a))
  const sum = (f: (p: PlanCore) => number) => plans.reduce((a, p) => a + f(p), 0)
  const segments = sum((p) => p.os.segmentsPerBroker)
  const needed = sum((p) => p.pageCache.neededBytes)
  return {
    ...base,
    brokers,
    traffic: {
      payloadBytesPerSec: sum((p) => p.traffic.payloadBytesPerSec),
      peakPayloadBytesPerSec: sum((p) => p.traffic.peakPayloadBytesPerSec),
      messagesPerSec: sum((p) => p.traffic.messagesPerSec),
      peakMessagesPerSec: sum((p) => p.traffic.peakMessagesPerSec),
      storedBytesPerSec: sum((p) => p.traffic.storedBytesPerSec),
      peakStoredBytesPerSec: sum((p) => p.traffic.peakStoredBytesPerSec),
    },
    os: {
      segmentsPerBroker: segments,
      mmapsPerBroker: 2 * segments,
      recommendedMaxMapCount: Math.max(...plans.map((p) => p.os.recommendedMaxMapCount), Math.ceil(segments * 4)),
      recommendedOpenFiles: Math.max(...plans.map((p) => p.os.recommendedOpenFiles), Math.ceil(segments * 6)),
    },
    pageCache: {...base.pageCache, neededBytes: needed, sufficient: base.pageCache.availableBytes >= needed},
    storage: {...base.storage, tiered: plans.find((p) => p.storage.tiered)?.storage.tiered},
  }
}

function clusterWarnings(core: ClusterPlanCore, merged: PlanCore): Warning[] {
  const out: Warning[] = []
  for (const f of core.failures) {
    if (f.writesBlocked) {
      out.push({
        code: `writes-blocked-${f.kind}`,
        message: `with ${f.kind === 'az-loss' ? 'one AZ' : 'one broker'} lost, some partitions keep ${f.minReplicasLeft} replica(s), below a topic's min.insync.replicas: acks=all writes to them fail`,
        action: f.kind === 'az-loss' ? 'use RF ≥ number of AZs (rack-aware), or accept blocked writes during an AZ outage' : 'keep min.insync.replicas ≤ RF − 1',
      })
    }
  }
  const replicas = core.loads.find((l) => l.resource === 'partition-replicas')
  if (replicas && replicas.utilization > 1) {
    out.push({code: 'partitions-per-broker', message: `${Math.round(replicas.load)} partition replicas per broker exceed the ${replicas.capacity} limit`, action: 'add brokers or use fewer partitions'})
  }
  if (core.controllers.metadata === 'zookeeper' && core.partitions.replicas > 200_000) {
    out.push({code: 'zookeeper-partition-limit', message: `${core.partitions.replicas.toLocaleString('en-US')} partition replicas exceed the ~200,000 a ZooKeeper-based cluster handles`, action: 'move to KRaft, or split the cluster'})
  }
  if (!merged.pageCache.sufficient) {
    out.push({code: 'page-cache-small', message: `the page cache holds less than 30 s of all topics' writes per broker`, action: 'use brokers with more memory, or more brokers'})
  }
  return out
}

function dedupe(assumptions: Assumption[]): Assumption[] {
  const seen = new Set<string>()
  return assumptions.filter((a) => {
    const key = `${a.key}=${String(a.value)}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>
}
