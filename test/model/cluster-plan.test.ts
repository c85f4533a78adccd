import {describe, expect, it} from 'vitest'
import {computeClusterPlan} from '../../src/model/cluster-plan.js'
import {type PlanRequest, resolvePlanInput} from '../../src/model/inputs.js'
import {computePlan} from '../../src/model/plan.js'

const input = (req: PlanRequest) => resolvePlanInput({retentionMs: 3_600_000, ...req}).input

describe('cluster plan (many topics, one cluster)', () => {
  it('a single topic gives the same answer as a single-topic plan', () => {
    const i = input({payloadBytesPerSec: 120e6, consumerGroups: 3, maxConsumers: 24, azs: 3})
    const cluster = computeClusterPlan({topics: [{name: 't', input: i}], failurePolicy: 'survive-one-az', metadata: 'kraft'})
    const single = computePlan(i)
    expect(cluster.brokers).toBe(single.brokers)
    expect(cluster.topics[0].plan.partitions).toBe(single.partitions)
    expect(cluster.bindingResource).toBe(single.bindingResource)
  })

  it('sums the topics’ loads: network in per broker = Σ RF × stored rate ÷ brokers', () => {
    const a = input({payloadBytesPerSec: 200e6, replicationFactor: 3, consumerGroups: 2})
    const b = input({payloadBytesPerSec: 100e6, replicationFactor: 2, minInsyncReplicas: 1, consumerGroups: 5})
    const c = computeClusterPlan({topics: [{name: 'a', input: a}, {name: 'b', input: b}], failurePolicy: 'survive-one-broker', metadata: 'kraft'})
    const wa = c.topics[0].plan.traffic.peakStoredBytesPerSec
    const wb = c.topics[1].plan.traffic.peakStoredBytesPerSec
    const netIn = c.loads.find((l) => l.resource === 'network-in')!
    expect(netIn.load * c.brokers).toBeCloseTo(3 * wa + 2 * wb, 0)
    const netOut = c.loads.find((l) => l.resource === 'network-out')!
    expect(netOut.load * c.brokers).toBeCloseTo((2 + 2) * wa + (1 + 5) * wb, 0)
    expect(c.partitions.replicas).toBe(c.topics[0].plan.partitions * 3 + c.topics[1].plan.partitions * 2)
    for (const t of c.topics) expect(t.plan.partitions % c.brokers).toBe(0)
  })

  it('the cluster never needs fewer brokers than its busiest topic alone', () => {
    const big = input({payloadBytesPerSec: 400e6, consumerGroups: 4})
    const small = input({payloadBytesPerSec: 5e6})
    const both = computeClusterPlan({topics: [{name: 'big', input: big}, {name: 'small', input: small}], failurePolicy: 'survive-one-broker', metadata: 'kraft'})
    expect(both.brokers).toBeGreaterThanOrEqual(computePlan(big).brokers)
  })

  it('failure policy "none" sizes for normal operation only', () => {
    // 10 groups on RF 3 make one-broker-lost the binding check (see the brokers tests).
    const i = input({payloadBytesPerSec: 24e6, consumerGroups: 10, hardware: {networkBitsPerSec: 1e9}})
    const survive = computeClusterPlan({topics: [{name: 't', input: i}], failurePolicy: 'survive-one-broker', metadata: 'kraft'})
    const none = computeClusterPlan({topics: [{name: 't', input: i}], failurePolicy: 'none', metadata: 'kraft'})
    expect(none.brokers).toBeLessThan(survive.brokers)
    expect(survive.bindingScenario).toBe('broker-loss')
  })

  it('writes block on AZ loss when a topic’s RF does not cover the zones (per topic min.insync)', () => {
    const rf3 = input({payloadBytesPerSec: 10e6, azs: 2})
    const c = computeClusterPlan({topics: [{name: 't', input: rf3}], failurePolicy: 'survive-one-az', metadata: 'kraft'})
    expect(c.failures.find((f) => f.kind === 'az-loss')?.writesBlocked).toBe(true)
  })

  it('KRaft: 3 controllers; ZooKeeper: 3 nodes with the 200k-replica ceiling named', () => {
    const i = input({payloadBytesPerSec: 10e6})
    expect(computeClusterPlan({topics: [{name: 't', input: i}], failurePolicy: 'none', metadata: 'kraft'}).controllers.count).toBe(3)
    expect(computeClusterPlan({topics: [{name: 't', input: i}], failurePolicy: 'none', metadata: 'zookeeper'}).controllers.note).toContain('200,000')
  })
})
