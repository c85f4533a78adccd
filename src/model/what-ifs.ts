// What-ifs on a finished plan: how long a replacement broker (or AZ) takes to re-replicate, what a
// consumer's catch-up does to the disks, and the year each resource runs out at the stated growth.
import {type FlowDemand, brokerCapacities, perBrokerLoads, totalFlows} from './flows.js'
import type {PlanCore} from './plan.js'
import type {FailureScenario, Hardware, ResourceName} from './types.js'

export interface Recovery {
  kind: 'broker-loss' | 'az-loss'
  /** Brokers replaced at once. */
  replacements: number
  /** Bytes each replacement must fetch: its share of every replica. */
  bytesPerReplacement: number
  /** The rate one replacement fetches at, and what limits it. */
  bytesPerSec: number
  limitedBy: 'replacement network in' | 'replacement disk' | 'survivors network out' | 'survivors disk' | 'replication throttle'
  /** Time until the replacements hold every replica again. */
  seconds: number
}

export interface CatchUp {
  /** The group's full speed, bytes/s (from --consumer-rate × instances), or undefined. */
  readBytesPerSec?: number
  /** Disk read per broker while catching up (old data comes from disk, not the page cache). */
  diskReadPerBroker?: number
  /** Disk use per broker (writes + catch-up reads) ÷ disk throughput. */
  diskUtilizationWhileCatchingUp?: number
}

export interface Runway {
  resource: ResourceName
  /** Years until the resource reaches its planning limit at the stated growth; null = never (flat) or already over. */
  years: number | null
}

export interface WhatIfs {
  recovery: Recovery[]
  catchUp: CatchUp
  runway: Runway[]
}

/**
 * A replacement fetches its replicas from the leaders on the survivors. Its rate is the least of: its own
 * NIC and disk (it serves no traffic yet), the survivors' spare network out and disk (what normal load
 * leaves them, shared by every replacement), and the replication throttle when one is set
 * (leader/follower.replication.throttled.rate).
 */
export function recoveryTimes(plan: PlanCore, throttleBytesPerSec?: number): Recovery[] {
  const demand: FlowDemand = {
    storedBytesPerSec: plan.traffic.peakStoredBytesPerSec,
    replicationFactor: plan.input.replicationFactor,
    consumerGroups: plan.input.consumerGroups,
    laggingGroups: plan.input.laggingGroups,
    replaySpeeds: plan.input.replaySpeeds,
    storageBytes: plan.storage.totalBytes,
    partitions: plan.partitions,
  }
  return recoveryFor({demands: [demand], hardware: plan.input.hardware, brokers: plan.brokers, failures: plan.failures}, throttleBytesPerSec)
}

export interface RecoveryInput {
  demands: readonly FlowDemand[]
  hardware: Hardware
  brokers: number
  failures: readonly FailureScenario[]
}

/** Recovery for one topic or the sum of a cluster plan's topics. */
export function recoveryFor(x: RecoveryInput, throttleBytesPerSec?: number): Recovery[] {
  const cap = brokerCapacities(x.hardware)
  const storageBytes = x.demands.reduce((a, d) => a + d.storageBytes, 0)
  const out: Recovery[] = []
  for (const f of x.failures) {
    const survivors = f.survivors
    const replacements = f.brokersLost
    const flows = totalFlows(x.demands, x.brokers, f.brokersLost)
    const spareOut = Math.max(0, cap.networkBytesPerSec * survivors - flows.networkOut)
    const spareDisk = Math.max(0, cap.diskThroughput * survivors - flows.diskWrite - flows.diskRead)
    const candidates: Array<[Recovery['limitedBy'], number]> = [
      ['replacement network in', cap.networkBytesPerSec],
      ['replacement disk', cap.diskThroughput],
      ['survivors network out', spareOut / replacements],
      ['survivors disk', spareDisk / replacements],
    ]
    if (throttleBytesPerSec !== undefined) candidates.push(['replication throttle', throttleBytesPerSec])
    const [limitedBy, rate] = candidates.reduce((a, b) => (b[1] < a[1] ? b : a))
    const bytes = storageBytes / x.brokers
    out.push({kind: f.kind, replacements, bytesPerReplacement: bytes, bytesPerSec: rate, limitedBy, seconds: rate > 0 ? bytes / rate : Infinity})
  }
  return out
}

/** Catch-up after a consumer outage: the group reads old data from disk at its full speed. */
export function catchUpLoad(plan: PlanCore): CatchUp {
  const lag = plan.consumerLag
  if (lag.groupCapacityMessagesPerSec === undefined) return {}
  const bytesPerMessage = plan.traffic.storedBytesPerSec / Math.max(plan.traffic.messagesPerSec, 1e-12)
  const read = lag.groupCapacityMessagesPerSec * bytesPerMessage
  const cap = brokerCapacities(plan.input.hardware)
  const perBroker = read / plan.brokers
  const writes = (plan.traffic.peakStoredBytesPerSec * plan.input.replicationFactor) / plan.brokers
  return {readBytesPerSec: read, diskReadPerBroker: perBroker, diskUtilizationWhileCatchingUp: (writes + perBroker) / cap.diskThroughput}
}

/** Years of growth each resource has left before it reaches its planning limit (loads scale with traffic). */
export function growthRunway(plan: PlanCore): Runway[] {
  const g = plan.input.growthPerYear
  return plan.loads
    .filter((l) => l.resource !== 'partition-replicas')
    .map((l) => {
      const headroom = l.limit / l.utilization
      if (!Number.isFinite(headroom) || headroom <= 1 || g <= 1) return {resource: l.resource, years: headroom <= 1 ? 0 : null}
      return {resource: l.resource, years: Math.log(headroom) / Math.log(g)}
    })
    .sort((a, b) => (a.years ?? Infinity) - (b.years ?? Infinity))
}

export function whatIfs(plan: PlanCore, throttleBytesPerSec?: number): WhatIfs {
  return {recovery: recoveryTimes(plan, throttleBytesPerSec), catchUp: catchUpLoad(plan), runway: growthRunway(plan)}
}

/**
 * Runway for several topics growing at their own rates: the first year each resource reaches its limit,
 * found by bisection on the summed loads (loads and storage scale with each topic's traffic).
 */
export function clusterRunway(
  topics: ReadonlyArray<{demand: FlowDemand; growthPerYear: number}>,
  hardware: Hardware,
  limits: {targetUtilization: number; maxDiskFill: number},
  brokers: number,
): Runway[] {
  if (topics.every((t) => t.growthPerYear <= 1)) return []
  const loadsAt = (years: number) =>
    perBrokerLoads(
      topics.map((t) => {
        const k = t.growthPerYear ** years
        return {...t.demand, storedBytesPerSec: t.demand.storedBytesPerSec * k, storageBytes: t.demand.storageBytes * k}
      }),
      hardware,
      limits,
      brokers,
    )
  const horizon = 50
  return loadsAt(0)
    .filter((l) => l.resource !== 'partition-replicas')
    .map((l0) => {
      const over = (y: number) => {
        const l = loadsAt(y).find((x) => x.resource === l0.resource)!
        return l.utilization > l.limit
      }
      if (over(0)) return {resource: l0.resource, years: 0}
      if (!over(horizon)) return {resource: l0.resource, years: null}
      let lo = 0
      let hi = horizon
      for (let i = 0; i < 40; i++) {
        const mid = (lo + hi) / 2
        if (over(mid)) hi = mid
        else lo = mid
      }
      return {resource: l0.resource, years: hi}
    })
    .sort((a, b) => (a.years ?? Infinity) - (b.years ?? Infinity))
}
