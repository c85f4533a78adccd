// What a sized plan means for each broker and for the bill: the page cache, OS limits, the per-broker load
// table, cross-AZ traffic and the monthly cost. Pure functions of the plan input and the sized counts.
import {BROKER_HEAP_BYTES, CPU_WRITE_EQUIVALENT_PER_CORE, LINUX_MAX_MAP_COUNT, OPEN_FILES_FLOOR, OS_RESERVED_MEMORY_BYTES, PAGE_CACHE_WINDOW_MS} from './constants.js'
import {type Cost, monthlyCost} from './cost.js'
import {type CrossAzTraffic, crossAzTraffic, gbPerDay} from './cross-az.js'
import {brokerCapacities, clusterFlows} from './flows.js'
import {roundUpNice} from './round.js'
import type {StorageBreakdown} from './storage.js'
import type {PlanInput, ResourceLoad} from './types.js'

export interface PageCache {
  /** RAM left for the page cache on one broker. */
  availableBytes: number
  /** RAM that holds PAGE_CACHE_WINDOW_MS of one broker's writes. */
  neededBytes: number
  /** Seconds of one broker's writes the page cache holds. */
  coversSeconds: number
  sufficient: boolean
}

export interface OsLimits {
  segmentsPerBroker: number
  /** Each segment memory-maps its offset and time index. */
  mmapsPerBroker: number
  recommendedMaxMapCount: number
  /** .log, .index and .timeindex per segment, plus connections. */
  recommendedOpenFiles: number
}

/** One row of the per-broker load table: disk write and read are shown apart, against the same disks. */
export interface BrokerLoadRow {
  name: 'network in' | 'network out' | 'disk write' | 'disk read' | 'cpu' | 'storage' | 'partition replicas'
  load: number
  capacity: number
  utilization: number
  limit: number
  unit: ResourceLoad['unit']
}

/** How much of one broker's writes its page cache holds, with the heap and the OS's share set aside. */
export function pageCacheFor(input: PlanInput, peakStoredBytesPerSec: number, brokers: number): PageCache {
  const diskWritePerBroker = (peakStoredBytesPerSec * input.replicationFactor) / brokers
  const available = Math.max(0, input.hardware.memoryBytes - BROKER_HEAP_BYTES.value - OS_RESERVED_MEMORY_BYTES.value)
  const needed = (diskWritePerBroker * PAGE_CACHE_WINDOW_MS.value) / 1000
  return {availableBytes: available, neededBytes: needed, coversSeconds: diskWritePerBroker > 0 ? available / diskWritePerBroker : Infinity, sufficient: available >= needed}
}

/** Memory maps and open files one broker's segments need, and the OS settings that cover them. */
export function osLimitsFor(segmentsPerBroker: number): OsLimits {
  const mmaps = 2 * segmentsPerBroker
  return {
    segmentsPerBroker,
    mmapsPerBroker: mmaps,
    // Twice what the segments need, and never below Linux's default.
    recommendedMaxMapCount: Math.max(LINUX_MAX_MAP_COUNT.value, roundUpNice(mmaps * 2)),
    recommendedOpenFiles: Math.max(OPEN_FILES_FLOOR.value, roundUpNice(segmentsPerBroker * 3 * 2)),
  }
}

/** Cross-AZ traffic (two or more zones) and the monthly cost (when a broker or storage price is known). */
export function crossAzAndCost(input: PlanInput, traffic: {storedBytesPerSec: number}, storage: StorageBreakdown, brokers: number): {crossAz?: CrossAzTraffic; cost?: Cost} {
  const crossAz =
    input.azs >= 2
      ? crossAzTraffic({storedBytesPerSec: traffic.storedBytesPerSec, replicationFactor: input.replicationFactor, consumerGroups: input.consumerGroups, azs: input.azs, fetchFromFollower: input.fetchFromFollower})
      : undefined
  const priced = input.prices.brokerUsdPerHour !== undefined || input.prices.storageUsdPerGbMonth !== undefined
  // Every path's bytes and replication's apart: a vendor that does not bill replication (MSK) prices the rest.
  const transfer = {crossAzGbPerDay: crossAz?.gbPerDay ?? 0, replicationGbPerDay: gbPerDay(crossAz?.replicationBytesPerSec ?? 0)}
  const cost = priced ? monthlyCost({brokers, provisionedStorageBytes: storage.provisionedBytes, ...transfer, remoteBytes: storage.tiered?.remoteBytes, prices: input.prices}) : undefined
  return {...(crossAz ? {crossAz} : {}), ...(cost ? {cost} : {})}
}

/** The per-broker load table: disk write and read apart, each against the same disks. */
export function brokerLoadTable(input: PlanInput, storedPeak: number, storageBytes: number, partitions: number, brokers: number): BrokerLoadRow[] {
  const f = clusterFlows(
    {storedBytesPerSec: storedPeak, replicationFactor: input.replicationFactor, consumerGroups: input.consumerGroups, laggingGroups: input.laggingGroups, replaySpeeds: input.replaySpeeds, storageBytes, partitions},
    brokers,
  )
  const cap = brokerCapacities(input.hardware)
  const u = input.targetUtilization
  const row = (name: BrokerLoadRow['name'], total: number, capacity: number, limit: number, unit: BrokerLoadRow['unit']): BrokerLoadRow => {
    const load = total / brokers
    return {name, load, capacity, utilization: capacity > 0 ? load / capacity : Infinity, limit, unit}
  }
  return [
    row('network in', f.networkIn, cap.networkBytesPerSec, u, 'B/s'),
    row('network out', f.networkOut, cap.networkBytesPerSec, u, 'B/s'),
    row('disk write', f.diskWrite, cap.diskThroughput, u, 'B/s'),
    row('disk read', f.diskRead, cap.diskThroughput, u, 'B/s'),
    row('cpu', f.cpuWriteEquivalent / CPU_WRITE_EQUIVALENT_PER_CORE.value, input.hardware.cores, u, 'cores'),
    row('storage', storageBytes, cap.storageBytes, input.maxDiskFill, 'B'),
    row('partition replicas', partitions * input.replicationFactor, cap.partitionReplicas, 1, 'replicas'),
  ]
}
