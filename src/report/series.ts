// Chart series for the report and `plan --chart`, each computed by the plan model: storage as the
// retention window fills and over the growth horizon (computeStorage), and the most ingress a cluster of
// B brokers sustains (computeCapacity for one topic; the cluster model with every topic scaled for many).
import {computeCapacity} from '../model/capacity.js'
import {type FailurePolicy, computeClusterPlan} from '../model/cluster-plan.js'
import {DAY_MS, YEAR_MS} from '../model/constants.js'
import {brokerCapacities} from '../model/flows.js'
import {type PlanCore, storageRetentionMs} from '../model/plan.js'
import {largestPassing} from '../model/search.js'
import {computeStorage} from '../model/storage.js'

/** One topic's storage (all replicas, every overhead) after `ms` of data, its rates scaled by `k`. */
export function topicStorageAt(plan: PlanCore, ms: number, k = 1): number {
  const i = plan.input
  const retention = storageRetentionMs(i).retentionMs
  const window = Math.min(ms, retention)
  return computeStorage({
    payloadBytesPerSec: i.payloadBytesPerSec * k,
    storedBytesPerSec: i.messagesPerSec * k * plan.averageBatch.storedBytesPerMessage,
    messagesPerSec: i.messagesPerSec * k,
    compressionRatio: i.compressionRatio,
    batchBytes: plan.averageBatch.batchBytes,
    replicationFactor: i.replicationFactor,
    partitions: plan.partitions,
    brokers: plan.brokers,
    retentionMs: window,
    retentionBytesPerPartition: i.retentionBytesPerPartition,
    localRetentionMs: i.localRetentionMs === undefined ? undefined : Math.min(i.localRetentionMs, window),
    segmentBytes: i.segmentBytes,
    segmentMs: i.segmentMs,
    cleanupPolicy: i.cleanupPolicy,
    distinctKeys: i.distinctKeys,
    storedBytesPerMessage: plan.averageBatch.storedBytesPerMessage,
    maxDiskFill: i.maxDiskFill,
  }).totalBytes
}

/** The longest storage window of the topics (ms): retention, or the growth horizon when retention is infinite. */
export function storageWindowMs(plans: readonly PlanCore[]): number {
  const windows = plans.map((p) => storageRetentionMs(p.input).retentionMs).filter(Number.isFinite)
  return windows.length > 0 ? Math.max(...windows) : Math.max(...plans.map((p) => p.input.horizonYears)) * YEAR_MS
}

export interface StorageSeries {
  /** x values (days, or years for the horizon), total bytes and each topic's bytes at each x. */
  x: number[]
  total: number[]
  topics: Array<{name: string; bytes: number[]}>
  /** Bytes the cluster may fill: brokers × disk capacity × fill limit. */
  usableBytes: number
}

function usable(plans: readonly PlanCore[]): number {
  const p = plans[0]
  return p.brokers * brokerCapacities(p.input.hardware).storageBytes * p.input.maxDiskFill
}

/** Storage from an empty cluster through the retention window and a quarter beyond (steady state), in days. */
export function retentionSeries(plans: readonly PlanCore[], names: readonly string[], points = 24): StorageSeries {
  const end = storageWindowMs(plans) * 1.25
  const xs = Array.from({length: points + 1}, (_, j) => (end * j) / points)
  const topics = plans.map((p, i) => ({name: names[i], bytes: xs.map((ms) => topicStorageAt(p, ms))}))
  return {x: xs.map((ms) => ms / DAY_MS), total: xs.map((_, j) => topics.reduce((a, t) => a + t.bytes[j], 0)), topics, usableBytes: usable(plans)}
}

/** Storage at the full window over the growth horizon, each topic growing at its own rate, in years. */
export function growthSeries(plans: readonly PlanCore[], names: readonly string[], points = 12): StorageSeries {
  const horizon = Math.max(...plans.map((p) => p.input.horizonYears))
  const xs = Array.from({length: points + 1}, (_, j) => (horizon * j) / points)
  const topics = plans.map((p, i) => ({name: names[i], bytes: xs.map((y) => topicStorageAt(p, Infinity, p.input.growthPerYear ** y))}))
  return {x: xs, total: xs.map((_, j) => topics.reduce((a, t) => a + t.bytes[j], 0)), topics, usableBytes: usable(plans)}
}

export interface ThroughputPoint {
  brokers: number
  /** Highest peak producer payload (bytes/s) this many brokers sustain within every limit. */
  maxIngressBytesPerSec: number
}

/** Broker counts around the plan's: multiples of the AZ count from the fewest that can hold RF to ~2× the plan. */
export function brokerCounts(plans: readonly PlanCore[], brokers: number, max = 12): number[] {
  const azs = Math.max(1, plans[0].input.azs)
  const rf = Math.max(...plans.map((p) => p.input.replicationFactor))
  const lo = Math.ceil(Math.max(rf, azs, 1) / azs) * azs
  const hi = Math.max(lo + 4 * azs, Math.ceil((brokers * 2) / azs) * azs)
  const step = Math.max(azs, Math.ceil((hi - lo) / (max - 1) / azs) * azs)
  const out: number[] = []
  for (let b = lo; b <= hi; b += step) out.push(b)
  if (!out.includes(brokers)) out.push(brokers)
  return out.sort((a, b) => a - b)
}

/**
 * The throughput-vs-brokers curve. One topic: `capacity --brokers B` with the same workload shape
 * (partitions re-rounded for each B). Several topics: every topic's rate scaled by one factor, partitions
 * as planned, the cluster's failure policy; the largest factor that fits, found by bisection.
 */
export function throughputCurve(plans: readonly PlanCore[], brokers: number, cluster?: {names: string[]; failurePolicy: FailurePolicy; metadata: 'kraft' | 'zookeeper'}): ThroughputPoint[] {
  const counts = brokerCounts(plans, brokers)
  if (!cluster) {
    const input = plans[0].input
    return counts.map((b) => ({brokers: b, maxIngressBytesPerSec: computeCapacity({input: {...input, brokers: b}}).maxIngressBytesPerSecond}))
  }
  const peak = plans.reduce((a, p) => a + p.traffic.peakPayloadBytesPerSec, 0)
  return counts.map((b) => {
    const fits = (k: number) => {
      const c = computeClusterPlan({
        topics: plans.map((p, i) => ({name: cluster.names[i], input: {...p.input, brokers: b, payloadBytesPerSec: p.input.payloadBytesPerSec * k, messagesPerSec: p.input.messagesPerSec * k}})),
        failurePolicy: cluster.failurePolicy,
        metadata: cluster.metadata,
      })
      const ok = (u: number, limit: number) => u <= limit + 1e-9
      return c.loads.every((l) => ok(l.utilization, l.limit)) && c.failures.every((f) => f.loads.every((l) => ok(l.utilization, 1)))
    }
    return {brokers: b, maxIngressBytesPerSec: peak * largestPassing(fits, 1)}
  })
}

