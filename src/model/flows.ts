// Per-broker flows of the shared flow equation (sizing-model §1), generalised to a cluster that has
// lost a fraction of its brokers. Loads spread evenly over the brokers that are up.
import {CPU_READ_WEIGHT, CPU_WRITE_EQUIVALENT_PER_CORE} from './constants.js'
import type {Hardware, ResourceLoad} from './types.js'

export interface FlowDemand {
  /** Produce rate as stored (after compression, with batch overhead), bytes/s. */
  storedBytesPerSec: number
  replicationFactor: number
  consumerGroups: number
  /** Groups reading from disk (lagging/replaying) rather than from the page cache. */
  laggingGroups: number
  /**
   * Groups that periodically replay old data at k× the produce rate: while they replay they read Σk × the
   * rate from disk and send (Σk − n) × the rate more than a tail reader would. Sized as if a replay can
   * coincide with the peak (the conservative reading of a schedule).
   */
  replaySpeeds?: readonly number[]
  /** Bytes retained on the cluster, all replicas, overheads included. */
  storageBytes: number
  partitions: number
}

export interface ClusterFlows {
  producerIn: number
  replication: number
  consumerOut: number
  diskWrite: number
  diskRead: number
  networkIn: number
  networkOut: number
  /** Write-equivalent bytes/s (writes + reads × CPU_READ_WEIGHT). */
  cpuWriteEquivalent: number
}

/**
 * Cluster-wide flows with `lost` of `brokers` down. Every partition loses on average RF × lost ÷ brokers
 * replicas (exact for one broker; for one AZ with rack-aware placement and RF ≤ AZs). Fewer live replicas
 * means fewer follower fetches and disk writes; producers and consumers keep their rates.
 */
export function clusterFlows(d: FlowDemand, brokers: number, lost = 0): ClusterFlows {
  const w = d.storedBytesPerSec
  const liveReplicas = d.replicationFactor * (1 - lost / brokers)
  const replication = Math.max(0, liveReplicas - 1) * w
  const producerIn = w
  const replay = (d.replaySpeeds ?? []).reduce((a, k) => a + k, 0)
  const replayGroups = d.replaySpeeds?.length ?? 0
  const consumerOut = (d.consumerGroups + replay - replayGroups) * w
  const diskWrite = liveReplicas * w
  const diskRead = (d.laggingGroups + replay) * w
  const networkIn = producerIn + replication
  const networkOut = replication + consumerOut
  return {
    producerIn,
    replication,
    consumerOut,
    diskWrite,
    diskRead,
    networkIn,
    networkOut,
    cpuWriteEquivalent: networkIn + networkOut * CPU_READ_WEIGHT.value,
  }
}

/** Flows of several topics on one cluster: every flow is a sum over the topics. */
export function totalFlows(demands: readonly FlowDemand[], brokers: number, lost = 0): ClusterFlows {
  const total: ClusterFlows = {producerIn: 0, replication: 0, consumerOut: 0, diskWrite: 0, diskRead: 0, networkIn: 0, networkOut: 0, cpuWriteEquivalent: 0}
  for (const d of demands) {
    const f = clusterFlows(d, brokers, lost)
    for (const k of Object.keys(total) as Array<keyof ClusterFlows>) total[k] += f[k]
  }
  return total
}

export const asDemands = (d: FlowDemand | readonly FlowDemand[]): readonly FlowDemand[] => (Array.isArray(d) ? d : [d as FlowDemand])

export interface Capacities {
  diskThroughput: number
  networkBytesPerSec: number
  cpuWriteEquivalent: number
  storageBytes: number
  partitionReplicas: number
}

export function brokerCapacities(hw: Hardware): Capacities {
  return {
    diskThroughput: hw.diskThroughputBytesPerSec * hw.disks,
    networkBytesPerSec: hw.networkBitsPerSec / 8,
    cpuWriteEquivalent: hw.cores * CPU_WRITE_EQUIVALENT_PER_CORE.value,
    storageBytes: hw.diskSizeBytes * hw.disks,
    partitionReplicas: hw.maxPartitionReplicas,
  }
}

/** Loads on one broker with `lost` of `brokers` down (lost = 0: normal operation). */
export interface Limits {
  targetUtilization: number
  maxDiskFill: number
}

export function perBrokerLoads(demand: FlowDemand | readonly FlowDemand[], hw: Hardware, limits: Limits, brokers: number, lost = 0): ResourceLoad[] {
  const ds = asDemands(demand)
  const f = totalFlows(ds, brokers, lost)
  const storageBytes = ds.reduce((a, d) => a + d.storageBytes, 0)
  const replicas = ds.reduce((a, d) => a + d.partitions * d.replicationFactor, 0)
  const cap = brokerCapacities(hw)
  const up = brokers - lost
  // Data and partition replicas stay where they are when a broker is down (no reassignment), so
  // storage and replica counts per survivor do not change; throughput moves to the survivors.
  const u = limits.targetUtilization
  const load = (resource: ResourceLoad['resource'], value: number, capacity: number, limit: number, unit: ResourceLoad['unit']): ResourceLoad => ({
    resource,
    load: value,
    capacity,
    utilization: capacity > 0 ? value / capacity : Infinity,
    limit,
    unit,
  })
  const quotas: ResourceLoad[] = []
  // A managed unit's quota counts client bytes only (replication is the vendor's business). The vendor's
  // figure is already the sustained rate it recommends planning to, so it is used in full, not × u.
  if (hw.clientIngressBytesPerSec !== undefined) quotas.push(load('client-ingress', f.producerIn / up, hw.clientIngressBytesPerSec, 1, 'B/s'))
  if (hw.clientEgressBytesPerSec !== undefined) quotas.push(load('client-egress', f.consumerOut / up, hw.clientEgressBytesPerSec, 1, 'B/s'))
  return [
    load('network-in', f.networkIn / up, cap.networkBytesPerSec, u, 'B/s'),
    load('network-out', f.networkOut / up, cap.networkBytesPerSec, u, 'B/s'),
    load('disk-throughput', (f.diskWrite + f.diskRead) / up, cap.diskThroughput, u, 'B/s'),
    load('cpu', f.cpuWriteEquivalent / up / CPU_WRITE_EQUIVALENT_PER_CORE.value, hw.cores, u, 'cores'),
    load('storage', storageBytes / brokers, cap.storageBytes, limits.maxDiskFill, 'B'),
    load('partition-replicas', replicas / brokers, cap.partitionReplicas, 1, 'replicas'),
    ...quotas,
  ]
}
