import {describe, expect, it} from 'vitest'
import {clusterFlows} from '../../src/model/flows.js'
import {sizeBrokers} from '../../src/model/brokers.js'
import type {Hardware} from '../../src/model/types.js'

const MiB = 2 ** 20
const big: Hardware = {
  name: 'test',
  diskThroughputBytesPerSec: 10e9,
  diskSizeBytes: 1e15,
  disks: 1,
  networkBitsPerSec: 1e12,
  cores: 1000,
  memoryBytes: 1e12,
  maxPartitionReplicas: 1e6,
}
const demand = {storedBytesPerSec: 1e6, replicationFactor: 3, consumerGroups: 1, laggingGroups: 0, storageBytes: 1e9, partitions: 3}
const sizing = (over: Partial<Parameters<typeof sizeBrokers>[0]> & {demand?: Partial<typeof demand>; hardware?: Partial<Hardware>}) =>
  sizeBrokers({
    azs: 1,
    minInsyncReplicas: 2,
    acks: 'all',
    limits: {targetUtilization: 1, maxDiskFill: 1},
    ...over,
    demand: {...demand, ...over.demand},
    hardware: {...big, ...over.hardware},
  })

describe('broker count (sizing-model §1, §8)', () => {
  it('golden §8.3: 5.25 TB on 2 TB brokers needs 3, storage-bound (throughput alone needs 1)', () => {
    const s = sizing({
      demand: {storedBytesPerSec: 200e6, replicationFactor: 1, storageBytes: 5.25e12},
      hardware: {diskSizeBytes: 2e12, diskThroughputBytesPerSec: 300e6},
    })
    expect(s.brokers).toBe(3)
    expect(s.bindingResource).toBe('storage')
    expect(Math.ceil(s.bounds.find((b) => b.resource === 'disk-throughput')!.brokersNeeded)).toBe(1)
  })

  it('golden §8.4: a 250 MiB/s volume with RF 3 carries 250 ÷ 3 ≈ 83 MiB/s of ingress per broker', () => {
    const perBroker = (250 * MiB) / 3
    const s = sizing({demand: {storedBytesPerSec: perBroker * 3, replicationFactor: 3}, hardware: {diskThroughputBytesPerSec: 250 * MiB}})
    expect(s.brokers).toBe(3)
    expect(s.loads.find((l) => l.resource === 'disk-throughput')!.utilization).toBeCloseTo(1, 9)
    const over = sizing({demand: {storedBytesPerSec: perBroker * 3 * 1.01, replicationFactor: 3}, hardware: {diskThroughputBytesPerSec: 250 * MiB}})
    expect(over.brokers).toBe(4)
  })

  it('golden §8.5: 100 MB/s × 5 groups = 500 MB/s egress ÷ 125 MB/s per broker = 4, rounded to 3 AZs = 6', () => {
    const s = sizing({
      azs: 3,
      demand: {storedBytesPerSec: 100e6, replicationFactor: 1, consumerGroups: 5},
      hardware: {networkBitsPerSec: 1e9},
    })
    expect(Math.ceil(s.bounds.find((b) => b.resource === 'network-out')!.brokersNeeded)).toBe(4)
    expect(s.brokers).toBe(6)
    expect(s.bindingResource).toBe('network-out')
  })

  it('a capacity unit\'s client quotas: egress counts consumer bytes only, at 100 % of the vendor figure', () => {
    // 100 MB/s, RF 3, 5 groups: the quota sees 500 MB/s out (not the 200 MB/s of replication) ÷ 125 = 4.
    const quota = {clientIngressBytesPerSec: 62.5e6, clientEgressBytesPerSec: 125e6}
    const s = sizing({mustSurvive: [], demand: {storedBytesPerSec: 100e6, replicationFactor: 3, consumerGroups: 5}, hardware: quota})
    expect(s.bounds.find((b) => b.resource === 'client-egress')!.brokersNeeded).toBeCloseTo(4, 9)
    expect(s.bounds.find((b) => b.resource === 'client-ingress')!.brokersNeeded).toBeCloseTo(1.6, 9)
    expect(s.brokers).toBe(4)
    expect(s.bindingResource).toBe('client-egress')
    const egress = s.loads.find((l) => l.resource === 'client-egress')!
    expect(egress).toMatchObject({load: 125e6, capacity: 125e6, limit: 1})
    // Without quotas (a machine) there is no such load or bound.
    const machine = sizing({demand: {storedBytesPerSec: 100e6, consumerGroups: 5}})
    expect(machine.loads.map((l) => l.resource)).not.toContain('client-egress')
    expect(machine.bounds.map((b) => b.resource)).not.toContain('client-ingress')
  })

  it('a capacity unit lost moves its clients\' quota load to the survivors', () => {
    const s = sizing({demand: {storedBytesPerSec: 100e6, replicationFactor: 3, consumerGroups: 5}, hardware: {clientEgressBytesPerSec: 125e6}})
    // 4 units carry 125 MB/s each; with one lost, 3 would carry 167 MB/s: a 5th is needed.
    expect(s.brokers).toBe(5)
    expect(s.bindingResource).toBe('client-egress')
    expect(s.bindingScenario).toBe('broker-loss')
  })

  it('adds brokers until one broker lost still fits, and names that scenario', () => {
    // 25 MB/s, 10 groups, RF 3: out = 12 × 25 = 300 MB/s ÷ (125 × 80%) = 3 brokers; with one lost the
    // 2 survivors carry (10 + 3·2/3 − 1) × 25 ÷ 2 = 137.5 MB/s each > 125 MB/s, so a 4th is needed.
    const s = sizeBrokers({
      azs: 1,
      minInsyncReplicas: 2,
      acks: 'all',
      limits: {targetUtilization: 0.8, maxDiskFill: 1},
      demand: {...demand, storedBytesPerSec: 25e6, consumerGroups: 10},
      hardware: {...big, networkBitsPerSec: 1e9},
    })
    expect(s.brokers).toBe(4)
    expect(s.bindingScenario).toBe("broker-loss")
    expect(s.failures.every((f) => f.withinLimits)).toBe(true)
    const normalOnly = Math.ceil(s.bounds.find((b) => b.resource === 'network-out')!.brokersNeeded)
    expect(s.brokers).toBeGreaterThan(normalOnly)
  })

  it('one AZ of two lost with RF 3 leaves a partition with 1 replica: acks=all writes block at min.insync 2', () => {
    const s = sizing({azs: 2})
    const az = s.failures.find((f) => f.kind === 'az-loss')!
    expect(az.minReplicasLeft).toBe(1)
    expect(az.writesBlocked).toBe(true)
    const three = sizing({azs: 3}).failures.find((f) => f.kind === 'az-loss')!
    expect(three.minReplicasLeft).toBe(2)
    expect(three.writesBlocked).toBe(false)
  })

  it('replicas per broker: a partition-heavy topic needs brokers for its replicas', () => {
    const s = sizing({demand: {partitions: 3000, replicationFactor: 3}, hardware: {maxPartitionReplicas: 1000}})
    expect(s.brokers).toBe(9)
    expect(s.bindingResource).toBe('partition-replicas')
  })
})



describe('replaying consumer groups', () => {
  it('a group replaying at 3× reads 3 W from disk and sends 2 W more than a tail reader', () => {
    const base = {storedBytesPerSec: 10e6, replicationFactor: 3, consumerGroups: 2, laggingGroups: 0, storageBytes: 1e12, partitions: 12}
    const tail = clusterFlows(base, 3)
    const replay = clusterFlows({...base, replaySpeeds: [3]}, 3)
    expect(replay.diskRead).toBeCloseTo(30e6, 0)
    expect(replay.consumerOut - tail.consumerOut).toBeCloseTo(20e6, 0)
    expect(replay.diskWrite).toBe(tail.diskWrite)
  })
})
