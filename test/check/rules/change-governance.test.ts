// §5.6 and §5.7 rules: one test per rule that fails when the rule is removed.
import {describe, expect, it} from 'vitest'
import {findingsOf, goodCluster, goodTopic, run, topic} from './builders.js'

const keyed = {request: {payloadBytesPerSec: 2e6, messageSizeBytes: 1000}, consumerGroups: [], keyed: true}

describe('KT501 partition-decrease', () => {
  it('reports a decrease against the baseline at the partitions key', () => {
    const [f] = findingsOf(run([goodTopic('orders', {partitions: 6})], {baseline: [goodTopic('orders')]}), 'KT501')
    expect(f).toMatchObject({ruleId: 'KT501', severity: 'error', line: 2, column: 3, fix: 'keep partitions: 12'})
    expect(f.message).toBe('partitions decrease from 12 (origin/main) to 6: Kafka cannot remove partitions; a tool that recreates the topic loses its data')
  })

  it('is not evaluated without a baseline', () => {
    expect(run([goodTopic('orders', {partitions: 6})]).notEvaluated).toContainEqual({ruleId: 'KT501', reason: 'no baseline (--baseline-ref) to compare with'})
  })
})

describe('KT502 partition-increase-keyed', () => {
  it('warns on a small increase of a keyed topic and errors from 2×', () => {
    const small = findingsOf(run([goodTopic('orders', {partitions: 18, workload: keyed})], {baseline: [goodTopic('orders')]}), 'KT502')
    expect(small[0]).toMatchObject({severity: 'warning', line: 2})
    expect(small[0].message).toBe('partitions increase from 12 (origin/main) to 18 (1.50×) on a keyed topic: keys move to other partitions, so per-key order breaks and Streams state diverges')
    expect(small[0].fix).toBe('keep partitions: 12, or migrate to a new topic with 18 partitions and switch consumers over')
    const large = findingsOf(run([goodTopic('orders', {partitions: 24, workload: keyed})], {baseline: [goodTopic('orders')]}), 'KT502')
    expect(large[0].severity).toBe('error')
  })

  it('is silent for an unkeyed topic', () => {
    expect(findingsOf(run([goodTopic('orders', {partitions: 24})], {baseline: [goodTopic('orders')]}), 'KT502')).toEqual([])
  })
})

describe('KT503 rf-change', () => {
  it('warns about an RF change, info with a reassignment plan', () => {
    const [f] = findingsOf(run([goodTopic('orders', {rf: 4})], {baseline: [goodTopic('orders')]}), 'KT503')
    expect(f).toMatchObject({severity: 'warning', line: 3, message: 'replication factor changes from 3 (origin/main) to 4: this needs a partition reassignment that copies every partition to new replicas'})
    const planned = findingsOf(run([goodTopic('orders', {rf: 4, annotations: {'kafka-sizer.io/reassignment-plan': 'plans/orders.json'}})], {baseline: [goodTopic('orders')]}), 'KT503')
    expect(planned[0].severity).toBe('info')
  })
})

describe('KT504 topic-deleted', () => {
  it('reports a deleted topic at the baseline file position', () => {
    const [f] = findingsOf(run([goodTopic('orders')], {baseline: [goodTopic('orders'), goodTopic('payments')]}), 'KT504')
    expect(f).toMatchObject({severity: 'error', topic: 'payments', file: 'topics/payments.yaml', line: 1, column: 1})
    expect(f.message).toBe('topic payments (in origin/main) is no longer defined: applying this deletes it and its data')
    expect(f.fix).toBe('restore the definition, or mark the topic as allowed to delete')
  })

  it('names a rename, and respects the allow-deletion marker', () => {
    const [f] = findingsOf(run([goodTopic('orders-v2', {file: 'topics.yaml'})], {baseline: [goodTopic('orders', {file: 'topics.yaml'})]}), 'KT504')
    expect(f.message).toBe('topic orders disappears and orders-v2 appears in the same file: a rename deletes orders and its data')
    expect(findingsOf(run([], {baseline: [goodTopic('orders', {allowDelete: true})]}), 'KT504')).toEqual([])
  })
})

describe('KT505 retention-drop', () => {
  it('reports a large drop with the data it deletes', () => {
    const [f] = findingsOf(run([goodTopic('orders', {config: {'min.insync.replicas': 2, 'retention.ms': 86_400_000}})], {baseline: [goodTopic('orders', {config: {'min.insync.replicas': 2, 'retention.ms': 2_592_000_000}})]}), 'KT505')
    expect(f).toMatchObject({severity: 'warning', line: 12, fix: 'lower retention.ms in steps (e.g. halve it per change) and check consumer lag first'})
    expect(f.message).toBe('retention.ms drops from 2,592,000,000 ms (30 d) (origin/main) to 86,400,000 ms (1 d); about 5.01 TB of payload (one copy) is deleted at once')
  })
})

describe('KT506 frozen-key-change', () => {
  it('reports a change to a key the policy freezes', () => {
    const now = goodTopic('orders', {config: {'min.insync.replicas': 2, 'message.timestamp.type': 'LogAppendTime'}})
    const [f] = findingsOf(run([now], {baseline: [goodTopic('orders')], policy: {frozenKeys: ['message.timestamp.type']}}), 'KT506')
    expect(f).toMatchObject({severity: 'error', line: 12, message: 'message.timestamp.type is frozen by policy but changes from (unset) (origin/main) to LogAppendTime', fix: 'remove message.timestamp.type'})
  })
})

describe('KT507 key-removed', () => {
  it('says what a removed key reverts to', () => {
    const [f] = findingsOf(run([goodTopic('orders', {config: {'min.insync.replicas': 2}})], {baseline: [goodTopic('orders')], cluster: goodCluster({brokerDefaults: {'min.insync.replicas': 2, 'log.retention.hours': 168}})}), 'KT507')
    expect(f).toMatchObject({severity: 'warning', line: 1, fix: 'keep retention.ms: 604800000, or accept 604800000 explicitly'})
    expect(f.message).toBe('retention.ms is removed: it reverts from 604800000 (origin/main) to 604800000 (broker default log.retention.hours=168 (cluster.yaml))')
  })
})

describe('KT508 cleanup-policy-flip', () => {
  it('reports delete → compact on a topic with data', () => {
    const [f] = findingsOf(run([goodTopic('orders', {config: {'min.insync.replicas': 2, 'cleanup.policy': 'compact'}})], {baseline: [goodTopic('orders')]}), 'KT508')
    expect(f).toMatchObject({severity: 'warning', line: 12, fix: 'keep cleanup.policy: delete, or migrate to a new topic'})
    expect(f.message).toBe('cleanup.policy changes from delete (origin/main) to compact: compaction will keep only the latest record per key of the existing data')
  })
})

describe('KT601 naming-convention', () => {
  it('reports names that do not match the pattern, at the name', () => {
    const [f] = findingsOf(run([goodTopic('Orders')], {policy: {namingPattern: '[a-z]+(\\.[a-z-]+)*'}}), 'KT601')
    expect(f).toMatchObject({severity: 'error', line: 1, column: 7, message: 'topic name "Orders" does not match the naming pattern [a-z]+(\\.[a-z-]+)*'})
  })

  it('is not evaluated without a pattern', () => {
    expect(run([goodTopic()]).notEvaluated).toContainEqual({ruleId: 'KT601', reason: 'the policy has no namingPattern'})
  })
})

describe('KT602 required-metadata', () => {
  it('lists the missing labels', () => {
    const [f] = findingsOf(run([goodTopic('orders')], {policy: {requiredLabels: ['owner', 'data-classification']}}), 'KT602')
    expect(f).toMatchObject({severity: 'warning', line: 1, message: 'missing required metadata: data-classification', fix: "add data-classification: <value> to the topic's labels"})
  })
})

describe('KT603 key-not-allowed', () => {
  it('reports denied keys and keys outside the allow-list', () => {
    const out = run([goodTopic('orders', {config: {'min.insync.replicas': 2, 'flush.ms': 1000, preallocate: true}})], {policy: {deniedKeys: ['flush.ms'], allowedKeys: ['min.insync.replicas', 'flush.ms', 'retention.ms']}})
    expect(findingsOf(out, 'KT603').map((f) => [f.severity, f.line, f.message])).toEqual([
      ['error', 12, "flush.ms is on the policy's deny-list"],
      ['error', 13, "preallocate is not on the policy's allow-list"],
    ])
  })
})

describe('KT604 throttle-committed', () => {
  it('reports a committed replication throttle', () => {
    const [f] = findingsOf(run([goodTopic('orders', {config: {'min.insync.replicas': 2, 'leader.replication.throttled.replicas': '0:1,1:2'}})]), 'KT604')
    expect(f).toMatchObject({severity: 'warning', line: 12, message: 'leader.replication.throttled.replicas is set to "0:1,1:2": a reassignment throttle left in the topic\'s config'})
  })
})

describe('KT605 environment-parity', () => {
  it('warns when prod is weaker than staging and notes diverging keys', () => {
    const staging = goodTopic('orders', {environment: 'staging', file: 'staging.yaml', config: {'min.insync.replicas': 2, 'retention.ms': 604_800_000, 'compression.type': 'zstd'}})
    const prod = goodTopic('orders', {environment: 'prod', file: 'prod.yaml', rf: 2, config: {'min.insync.replicas': 1, 'retention.ms': 604_800_000}})
    const fs = findingsOf(run([prod, staging], {cluster: goodCluster({environment: undefined})}), 'KT605')
    expect(fs.map((f) => [f.severity, f.file, f.line, f.message])).toEqual([
      ['warning', 'prod.yaml', 1, 'compression.type differs between staging (zstd) and prod (unset)'].map((x, i) => (i === 0 ? 'info' : x)),
      ['warning', 'prod.yaml', 3, 'replication factor 2 in prod is weaker than 3 in staging (staging.yaml:1)'],
      ['warning', 'prod.yaml', 11, 'min.insync.replicas 1 in prod is weaker than 2 in staging (staging.yaml:1)'],
    ])
  })

  it('is not evaluated when no topic names an environment', () => {
    expect(run([topic('orders', {partitions: 12, rf: 3})]).notEvaluated).toContainEqual({ruleId: 'KT605', reason: 'no topic names an environment or cluster'})
  })
})
