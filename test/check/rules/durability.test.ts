// §5.2 rules: one test per rule that fails when the rule is removed.
import {describe, expect, it} from 'vitest'
import {cluster, findingsOf, goodCluster, goodTopic, run, topic} from './builders.js'

describe('KT101 rf-below-floor', () => {
  it('reports RF 2 against the floor of 3, at the replication factor', () => {
    const [f] = findingsOf(run([goodTopic('orders', {rf: 2, config: {'min.insync.replicas': 1}})]), 'KT101')
    expect(f).toMatchObject({ruleId: 'KT101', severity: 'error', line: 3, column: 3, message: 'replication factor 2 is below the floor of 3', fix: 'set replication factor: 3'})
  })

  it("says when the RF is Kafka's default because nothing sets it", () => {
    const [f] = findingsOf(run([topic('orders', {partitions: 6})], {cluster: cluster({brokers: 3})}), 'KT101')
    expect(f.message).toBe("replication factor 1 (not set: Kafka's default.replication.factor) is below the floor of 3")
    expect(f.line).toBe(1)
  })
})

describe('KT102 rf-one-multi-broker', () => {
  it('is an error in production and a warning elsewhere', () => {
    const prod = findingsOf(run([goodTopic('orders', {rf: 1, config: {'min.insync.replicas': 1}})]), 'KT102')
    expect(prod[0]).toMatchObject({severity: 'error', line: 3, message: 'replication factor 1 on a 6-broker cluster: one broker restart takes partitions offline, one disk loss destroys them', fix: 'set replication factor: 3'})
    const dev = findingsOf(run([goodTopic('orders', {rf: 1, config: {'min.insync.replicas': 1}})], {cluster: goodCluster({environment: 'dev'})}), 'KT102')
    expect(dev[0].severity).toBe('warning')
  })

  it('is not evaluated without a broker count', () => {
    const out = run([goodTopic('orders', {rf: 1})], {cluster: cluster()})
    expect(findingsOf(out, 'KT102')).toEqual([])
    expect(out.notEvaluated).toContainEqual({ruleId: 'KT102', reason: 'the cluster profile has no broker count'})
  })
})

describe('KT103 rf-exceeds-brokers', () => {
  it('reports RF above brokers (error) and above racks (warning)', () => {
    const brokers = findingsOf(run([goodTopic('orders', {rf: 4})], {cluster: goodCluster({brokers: 3, racks: 3})}), 'KT103')
    expect(brokers[0]).toMatchObject({severity: 'error', line: 3, message: 'replication factor 4 > 3 brokers: Kafka refuses to create the topic', fix: 'set replication factor: 3 or add 1 broker(s)'})
    const racks = findingsOf(run([goodTopic('orders', {rf: 3})], {cluster: goodCluster({racks: 2})}), 'KT103')
    expect(racks[0]).toMatchObject({severity: 'warning', message: 'replication factor 3 > 2 racks: two replicas share a rack, so one rack failure loses two copies'})
  })
})

describe('KT104 min-isr-above-rf', () => {
  it('reports min.insync.replicas above RF at the setting', () => {
    const [f] = findingsOf(run([goodTopic('orders', {rf: 3, config: {'min.insync.replicas': 4}})]), 'KT104')
    expect(f).toMatchObject({severity: 'error', line: 11, column: 5, message: 'min.insync.replicas 4 (set on the topic) > replication factor 3: every acks=all write fails', fix: 'set min.insync.replicas: 2'})
  })
})

describe('KT105 min-isr-equals-rf', () => {
  it('warns when min.insync.replicas equals RF, including a broker default', () => {
    const [f] = findingsOf(run([goodTopic('orders', {rf: 2, config: {}})], {policy: {minReplicationFactor: 2}}), 'KT105')
    expect(f).toMatchObject({severity: 'warning', line: 1, message: 'min.insync.replicas 2 = replication factor 2: one broker down (or a rolling restart) blocks acks=all writes', fix: 'set min.insync.replicas: 1'})
  })
})

describe('KT106 min-isr-one-acks-all', () => {
  it('is an error when producers declare acks=all, with where min ISR comes from', () => {
    const [f] = findingsOf(run([goodTopic('orders', {config: {}})], {cluster: goodCluster({brokerDefaults: {'default.replication.factor': 3}})}), 'KT106')
    expect(f).toMatchObject({severity: 'error', line: 1, fix: 'set min.insync.replicas: 2'})
    expect(f.message).toBe("min.insync.replicas 1 (Kafka's default) with replication factor 3 while producers use acks=all (plan file): acks=all then succeeds with the leader alone")
  })

  it('is a warning when only the durability tier is critical', () => {
    const t = topic('ledger', {partitions: 12, rf: 3, config: {'min.insync.replicas': 1}, labels: {durability: 'critical'}})
    const [f] = findingsOf(run([t]), 'KT106')
    expect(f).toMatchObject({severity: 'warning', line: 11})
    expect(f.message).toContain('durability tier durability=critical')
  })

  it('is not evaluated when no topic declares acks or a tier', () => {
    const out = run([topic('orders', {partitions: 12, rf: 3})])
    expect(out.notEvaluated).toContainEqual({ruleId: 'KT106', reason: 'no topic declares producer acks or a durability tier'})
  })
})

describe('KT107 min-isr-not-explicit', () => {
  it('warns when the topic inherits min.insync.replicas 1 from the broker default', () => {
    const [f] = findingsOf(run([goodTopic('orders', {config: {}})], {cluster: goodCluster({brokerDefaults: {'min.insync.replicas': 1}})}), 'KT107')
    expect(f).toMatchObject({severity: 'warning', line: 1, column: 1, message: 'min.insync.replicas is not set: the topic inherits 1 (broker default min.insync.replicas=1 (cluster.yaml))', fix: 'set min.insync.replicas: 2'})
  })

  it('is silent when the broker default is already 2', () => {
    expect(findingsOf(run([goodTopic('orders', {config: {}})]), 'KT107')).toEqual([])
  })
})

describe('KT108 unclean-election-durable', () => {
  it('reports unclean election on a topic with min.insync.replicas 2', () => {
    const [f] = findingsOf(run([goodTopic('orders', {config: {'min.insync.replicas': 2, 'unclean.leader.election.enable': 'true'}})]), 'KT108')
    expect(f).toMatchObject({severity: 'error', line: 12, message: 'unclean.leader.election.enable=true (set on the topic) with min.insync.replicas 2: an out-of-sync leader discards acknowledged writes', fix: 'set unclean.leader.election.enable: false'})
  })
})

describe('KT109 rf-reduced-below-min-isr', () => {
  it('reports an RF cut below min.insync.replicas against the baseline', () => {
    const [f] = findingsOf(run([goodTopic('orders', {rf: 1})], {baseline: [goodTopic('orders')]}), 'KT109')
    expect(f).toMatchObject({severity: 'error', line: 3, message: 'replication factor drops from 3 (origin/main) to 1, below min.insync.replicas 2: acks=all writes will fail', fix: 'keep replication factor 3, or set min.insync.replicas: 1 first'})
  })

  it('is not evaluated without a baseline', () => {
    expect(run([goodTopic('orders', {rf: 1})]).notEvaluated).toContainEqual({ruleId: 'KT109', reason: 'no baseline (--baseline-ref) to compare with'})
  })
})
