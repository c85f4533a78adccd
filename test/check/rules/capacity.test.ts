// §5.3 rules: one test per rule that fails when the rule is removed. The numbers come from the sizing model.
import {describe, expect, it} from 'vitest'
import type {WorkloadExpectation} from '../../../src/check/types.js'
import {cluster, findingsOf, goodCluster, goodTopic, run, topic} from './builders.js'

const w = (o: Partial<WorkloadExpectation>): Partial<WorkloadExpectation> => ({request: {payloadBytesPerSec: 2e6, messageSizeBytes: 1000}, consumerGroups: [{name: 'billing', instances: 6}], ...o})
const bigDisks = goodCluster({hardware: {diskSizeBytes: 100e12, networkBitsPerSec: 100e9}})

describe('KT201 partitions-below-consumers', () => {
  it('reports idle instances and a partition count that is a multiple of the brokers', () => {
    const [f] = findingsOf(run([goodTopic('orders', {workload: w({consumerGroups: [{name: 'billing', instances: 16}]})})]), 'KT201')
    expect(f).toMatchObject({ruleId: 'KT201', severity: 'warning', line: 2, column: 3})
    expect(f.message).toBe('consumer group billing runs 16 instances but the topic has 12 partitions: 4 instances sit idle')
    expect(f.fix).toBe('raise partitions to 18 (a multiple of 6 brokers), or run at most 12 instances')
  })
})

describe('KT202 partition-throughput', () => {
  it('is an error above the per-partition budget, with the model rounding the fix', () => {
    const [f] = findingsOf(run([goodTopic('orders', {workload: w({request: {payloadBytesPerSec: 240e6, messageSizeBytes: 1000}})})], {cluster: bigDisks}), 'KT202')
    expect(f).toMatchObject({severity: 'error', line: 2, message: 'peak 240 MB/s ÷ 12 partitions = 20 MB/s per partition > 10 MB/s per-partition budget', fix: 'raise partitions to 24 (a multiple of 6 brokers)'})
  })

  it('is a warning when growth over the horizon needs more partitions than today', () => {
    const [f] = findingsOf(run([goodTopic('orders', {workload: w({request: {payloadBytesPerSec: 60e6, messageSizeBytes: 1000, growthPerYear: 2}})})], {cluster: bigDisks}), 'KT202')
    expect(f.severity).toBe('warning')
    expect(f.message).toBe("12 partitions carry today's peak (5 MB/s per partition) but the model requires 24: t 240.0 MB/s (60.0 MB/s × 2^2 y) ÷ p 10.0 MB/s per partition")
  })

  it('uses the policy budget', () => {
    const out = run([goodTopic('orders', {workload: w({request: {payloadBytesPerSec: 24e6, messageSizeBytes: 1000}})})], {cluster: bigDisks, policy: {perPartitionBytesPerSec: 1e6}})
    expect(findingsOf(out, 'KT202')[0].message).toBe('peak 24 MB/s ÷ 12 partitions = 2 MB/s per partition > 1 MB/s per-partition budget')
  })

  it('is not evaluated without any workload', () => {
    expect(run([topic('orders', {partitions: 12, rf: 3})]).notEvaluated).toContainEqual({ruleId: 'KT202', reason: 'no topic has workload expectations with a throughput'})
  })
})

describe('KT203 partitions-not-multiple', () => {
  it('warns with the neighbouring multiples of the broker count', () => {
    const [f] = findingsOf(run([goodTopic('orders', {partitions: 14})]), 'KT203')
    expect(f).toMatchObject({severity: 'warning', line: 2, message: '14 partitions on 6 brokers: 2 brokers get one partition more than the others', fix: 'set partitions to 18 (or 12), a multiple of 6 brokers'})
    expect(findingsOf(run([goodTopic('orders', {partitions: 14})], {policy: {balancedLeaders: true}}), 'KT203')[0].severity).toBe('error')
  })

  it('says when kafka-sizer sized the broker count (a plan file without cluster.brokers)', () => {
    const [f] = findingsOf(run([goodTopic('orders', {partitions: 14})], {cluster: goodCluster({brokersSized: true})}), 'KT203')
    expect(f).toMatchObject({ruleId: 'KT203', severity: 'warning', line: 2, fix: 'set partitions to 18 (or 12), a multiple of 6 brokers'})
    expect(f.message).toBe('14 partitions on 6 brokers (sized by kafka-sizer for this plan; set cluster.brokers to check against your real count): 2 brokers get one partition more than the others')
  })

  it('names a given broker count without the sized note, and never puts the note on racks', () => {
    expect(findingsOf(run([goodTopic('orders', {partitions: 14})], {cluster: goodCluster({brokersSized: false})}), 'KT203')[0].message).toBe('14 partitions on 6 brokers: 2 brokers get one partition more than the others')
    const racks = findingsOf(run([goodTopic('orders', {partitions: 13})], {cluster: goodCluster({brokers: 13, racks: 3, brokersSized: true})}), 'KT203')
    expect(racks.map((f) => f.message)).toEqual(['13 partitions on 3 racks: 1 racks get one partition more than the others'])
  })
})

describe('KT204 partitions-out-of-range', () => {
  it('reports counts outside the policy range', () => {
    const [f] = findingsOf(run([goodTopic('orders', {partitions: 2000})]), 'KT204')
    expect(f).toMatchObject({severity: 'error', line: 2, message: '2,000 partitions is outside the policy range 1–1,000', fix: 'set partitions to 1,000'})
    expect(findingsOf(run([goodTopic('orders', {partitions: 12})], {policy: {partitions: {min: 24, max: 48}}}), 'KT204')[0].fix).toBe('set partitions to 24')
  })
})

describe('KT205 replica-budget', () => {
  it('sums partitions × RF over every topic and points at the largest', () => {
    const many = Array.from({length: 700}, (_, i) => topic(`t${i}`, {partitions: 12, rf: 3, config: {'min.insync.replicas': 2}}))
    many.push(topic('big', {partitions: 300, rf: 3, config: {'min.insync.replicas': 2}}))
    const fs = findingsOf(run(many), 'KT205')
    expect(fs).toHaveLength(1)
    expect(fs[0]).toMatchObject({severity: 'error', topic: 'big', file: 'topics/big.yaml', line: 2})
    expect(fs[0].message).toBe('Σ partitions × RF = 26,100 replicas on 6 brokers = 4,350 per broker > budget 4,000; largest: big (300 partitions × 3 replicas)')
    expect(fs[0].fix).toBe('add brokers: 7 brokers keep 3,729 per broker, or reduce partitions of the largest topics')
  })

  it('warns when new topics exceed one CreateTopics batch', () => {
    const out = run([goodTopic('a', {partitions: 600}), goodTopic('b', {partitions: 600})], {baseline: [], cluster: goodCluster({brokers: 60}), policy: {createBatchPartitionLimit: 1000, partitions: {min: 1, max: 1000}}})
    expect(findingsOf(out, 'KT205')[0]).toMatchObject({severity: 'warning', message: 'new topics add 1,200 partitions, more than the 1,000 one CreateTopics request may create (KAFKA-17870)'})
  })
})

describe('KT206 disk-overflow', () => {
  it('compares the model storage per broker with usable disk', () => {
    const [f] = findingsOf(run([goodTopic('orders', {workload: w({request: {payloadBytesPerSec: 20e6, messageSizeBytes: 1000}})})]), 'KT206')
    expect(f).toMatchObject({severity: 'error', line: 12, column: 5})
    expect(f.message).toBe('planned storage 36.7 TB on 6 brokers = 6.12 TB per broker > 1.4 TB usable (2 TB disk × 70% fill); largest: orders (36.7 TB)')
    expect(f.fix).toBe('add brokers (27 hold it at 70% fill), bigger disks, or shorter retention on orders')
  })

  it('is not evaluated without a disk size', () => {
    const out = run([goodTopic('orders')], {cluster: goodCluster({hardware: undefined})})
    expect(out.notEvaluated).toContainEqual({ruleId: 'KT206', reason: 'the cluster profile has no disk size per broker'})
  })
})

describe('KT207 retention-bytes-too-small', () => {
  it('reports the window retention.bytes actually keeps', () => {
    const [f] = findingsOf(run([goodTopic('orders', {config: {'min.insync.replicas': 2, 'retention.bytes': 100e6}})]), 'KT207')
    expect(f).toMatchObject({severity: 'warning', line: 12})
    expect(f.message).toBe('retention.bytes 100,000,000 B (95.4 MiB) per partition holds 591,075 ms (9.85 min) at 169 kB/s per partition, less than retention.ms 604,800,000 ms (7 d)')
    expect(f.fix).toBe('set retention.bytes: 102322080000 (per partition) or remove it')
  })
})

describe('KT208 retention-requirement', () => {
  it('is an error below the declared requirement', () => {
    const [f] = findingsOf(run([goodTopic('orders', {config: {'min.insync.replicas': 2, 'retention.ms': 86_400_000}})]), 'KT208')
    expect(f).toMatchObject({severity: 'error', line: 12, message: 'retention.ms 86,400,000 ms (1 d) is shorter than the required 604,800,000 ms (7 d) (plan file)', fix: 'set retention.ms: 604800000'})
  })

  it('applies the policy maximum without any workload', () => {
    const out = run([topic('orders', {partitions: 12, rf: 3, config: {'retention.ms': -1}})], {policy: {retention: {maxMs: 2_592_000_000}}})
    expect(findingsOf(out, 'KT208')[0]).toMatchObject({severity: 'error', message: 'retention.ms -1 (infinite) is above the policy maximum 2,592,000,000 ms (30 d)', fix: 'set retention.ms: 2592000000'})
  })
})

describe('KT209 unbounded-retention', () => {
  it('reports infinite retention on a delete topic with traffic', () => {
    const [f] = findingsOf(run([goodTopic('orders', {config: {'min.insync.replicas': 2, 'retention.ms': -1, 'retention.bytes': -1}})]), 'KT209')
    expect(f).toMatchObject({severity: 'error', line: 12, fix: 'set retention.ms (e.g. 604800000 for 7 d) or cleanup.policy: compact'})
    expect(f.message).toBe("retention.ms -1 and retention.bytes -1 keep everything: 2 MB/s × RF 3 grows the cluster's disks by 518,400,000,000 B (483 GiB) per day, forever")
  })
})

describe('KT210 hot-partition', () => {
  it('reports a hot key above the per-partition budget and too few keys', () => {
    const fs = findingsOf(run([goodTopic('orders', {workload: w({request: {payloadBytesPerSec: 50e6, messageSizeBytes: 1000, keySkew: 0.3, distinctKeys: 5}})})], {cluster: bigDisks}), 'KT210')
    expect(fs.map((f) => [f.severity, f.line, f.message, f.fix])).toEqual([
      ['error', 2, 'the hottest key carries 30% of the peak: its partition takes 17.9 MB/s > 10 MB/s per-partition budget (4.3× the mean); more partitions do not help', 'salt the hot key over 2 partitions (loses strict per-key order), or move it to its own topic'],
      ['warning', 2, '5 distinct keys on 12 partitions: at least 7 partitions stay empty', 'set partitions to 5 or fewer, or use a key with more values'],
    ])
  })
})

describe('KT211 co-partitioning', () => {
  it('reports the topic whose count differs from the others joined by one app', () => {
    const app = w({coPartitionGroups: ['fraud-app']})
    const fs = findingsOf(run([goodTopic('a', {workload: app}), goodTopic('b', {workload: app}), goodTopic('c', {partitions: 6, workload: app})]), 'KT211')
    expect(fs).toHaveLength(1)
    expect(fs[0]).toMatchObject({severity: 'error', topic: 'c', line: 2, message: 'Streams app fraud-app joins a (12), b (12), c (6): co-partitioned topics need equal partition counts', fix: 'set partitions to 12'})
  })

  it('is not evaluated when no topic names a Streams app', () => {
    expect(run([goodTopic()]).notEvaluated).toContainEqual({ruleId: 'KT211', reason: 'no topic names a Streams app that joins it (coPartitionGroups)'})
  })
})

describe('KT212 replication-network', () => {
  it('reports network out above the target utilisation of the NIC', () => {
    const groups = [{name: 'a', instances: 6}, {name: 'b', instances: 6}, {name: 'c', instances: 6}]
    const out = run([goodTopic('orders', {partitions: 60, workload: w({request: {payloadBytesPerSec: 300e6, messageSizeBytes: 1000}, consumerGroups: groups})})], {cluster: goodCluster({hardware: {diskSizeBytes: 1000e12, networkBitsPerSec: 2.5e9}}), policy: {partitions: {min: 1, max: 1000}}})
    const [f] = findingsOf(out, 'KT212')
    expect(f).toMatchObject({severity: 'warning', line: 1, fix: 'add brokers (at least 9, in whole racks of 3, to stay under 80% with every broker up; `kafka-sizer plan --file` adds the headroom to lose one) or faster NICs'})
    expect(f.message).toBe('network out (replication + consumers) 252 MB/s per broker = 81% of 313 MB/s > 80% target; largest: orders')
  })

  it('names the brokers needed without rack rounding when the cluster has no racks', () => {
    const groups = [{name: 'a', instances: 6}, {name: 'b', instances: 6}, {name: 'c', instances: 6}]
    const out = run([goodTopic('orders', {partitions: 60, workload: w({request: {payloadBytesPerSec: 300e6, messageSizeBytes: 1000}, consumerGroups: groups})})], {cluster: goodCluster({racks: undefined, hardware: {diskSizeBytes: 1000e12, networkBitsPerSec: 2.5e9}}), policy: {partitions: {min: 1, max: 1000}}})
    const [f] = findingsOf(out, 'KT212')
    // 252 MB/s × 6 brokers ÷ (313 MB/s × 80%) = 6.05 → 7
    expect(f.fix).toBe('add brokers (at least 7 to stay under 80% with every broker up; `kafka-sizer plan --file` adds the headroom to lose one) or faster NICs')
  })

  it("holds client bytes against a managed unit's quotas, used in full (an error): here the ingress quota", () => {
    // Quotas far below the NIC: 30 MB/s in on 3 units is 10.1 MB/s each (stored bytes) > 8 MB/s, egress 20 MB/s each < 30 MB/s.
    const hardware = {diskSizeBytes: 1e15, networkBitsPerSec: 10e9, cores: 8, clientIngressBytesPerSec: 8e6, clientEgressBytesPerSec: 30e6}
    const out = run([goodTopic('orders', {workload: w({request: {payloadBytesPerSec: 30e6, messageSizeBytes: 1000}, consumerGroups: [{name: 'a', instances: 6}, {name: 'b', instances: 6}]})})], {cluster: goodCluster({brokers: 3, hardware, hardwareProfile: 'unit-x'})})
    const fs = findingsOf(out, 'KT212')
    expect(fs).toHaveLength(1)
    expect(fs[0]).toMatchObject({severity: 'error', line: 1, fix: 'add brokers (at least 6, in whole racks of 3, to stay within the quota with every broker up; `kafka-sizer plan --file` adds the headroom to lose one) or use a larger unit with a higher quota'})
    expect(fs[0].message).toBe('client ingress (producers) 10.1 MB/s per broker = 126% of the 8 MB/s ingress quota per broker of unit-x; largest: orders')
  })

  it('is not evaluated without a network figure', () => {
    expect(run([goodTopic()], {cluster: cluster({brokers: 3})}).notEvaluated).toContainEqual({ruleId: 'KT212', reason: 'the cluster profile has no network bandwidth per broker'})
  })
})
