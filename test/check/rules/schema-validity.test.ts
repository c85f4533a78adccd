// §5.1 rules: one test per rule that fails when the rule is removed (id, severity, numbers, fix, position).
import {describe, expect, it} from 'vitest'
import {cluster, findingsOf, goodCluster, goodTopic, run} from './builders.js'

describe('KT001 unknown-config-key', () => {
  it('suggests the closest key for a typo, at the setting', () => {
    const [f, ...rest] = findingsOf(run([goodTopic('orders', {config: {'retention.msec': 1000}})]), 'KT001')
    expect(rest).toEqual([])
    expect(f).toMatchObject({ruleId: 'KT001', severity: 'error', topic: 'orders', file: 'topics/orders.yaml', line: 11, column: 5})
    expect(f.message).toBe('unknown topic config retention.msec; did you mean retention.ms?')
    expect(f.fix).toBe('rename retention.msec to retention.ms')
  })

  it('names the topic key for a broker key and converts common mistakes', () => {
    const out = run([goodTopic('orders', {config: {'log.retention.hours': 168, 'retention.hours': 24}})])
    const [broker, mistake] = findingsOf(out, 'KT001')
    expect(broker.message).toBe('log.retention.hours is a broker setting (server.properties), not a topic config')
    expect(broker.fix).toBe('set retention.ms on the topic instead')
    expect(mistake.message).toBe('retention.hours is not a Kafka topic config')
    expect(mistake.fix).toBe('set retention.ms: 86,400,000 (retention.hours × 3,600,000)')
    expect(mistake.line).toBe(12)
  })

  it('reports keys removed in, or added after, the cluster version', () => {
    const out = run([goodTopic('orders', {config: {'message.format.version': '3.0', 'remote.log.copy.disable': false}})], {cluster: goodCluster({kafkaVersion: '3.7.1'})})
    expect(findingsOf(out, 'KT001').map((f) => f.message)).toEqual(['remote.log.copy.disable exists from Kafka 3.9; the cluster runs 3.7.1'])
    const v4 = findingsOf(run([goodTopic('orders', {config: {'message.format.version': '3.0'}})]), 'KT001')
    expect(v4[0].message).toContain('message.format.version was removed in Kafka 4.0')
    expect(v4[0].message).toContain('the cluster runs 4.1')
  })

  it('leaves vendor keys (confluent.*) alone', () => {
    expect(findingsOf(run([goodTopic('orders', {config: {'confluent.value.schema.validation': true}})]), 'KT001')).toEqual([])
  })
})

describe('KT002 invalid-enum-value', () => {
  it('rejects compression.type none with the topic name for it', () => {
    const [f] = findingsOf(run([goodTopic('orders', {config: {'compression.type': 'none'}})]), 'KT002')
    expect(f).toMatchObject({severity: 'error', line: 11, column: 5})
    expect(f.message).toBe('compression.type: "none" is not one of uncompressed, zstd, lz4, snappy, gzip, producer')
    expect(f.fix).toBe('set compression.type: uncompressed')
  })

  it('is case-sensitive and checks each cleanup.policy item', () => {
    const [f] = findingsOf(run([goodTopic('orders', {config: {'cleanup.policy': 'Compact,delete'}})]), 'KT002')
    expect(f.message).toBe('cleanup.policy: "Compact" is not one of compact, delete (values are case-sensitive)')
    expect(f.fix).toBe('set cleanup.policy: compact,delete')
  })

  it('accepts an empty cleanup.policy only from Kafka 4.2', () => {
    expect(findingsOf(run([goodTopic('t', {config: {'cleanup.policy': ''}})], {cluster: goodCluster({kafkaVersion: '4.2'})}), 'KT002')).toEqual([])
    expect(findingsOf(run([goodTopic('t', {config: {'cleanup.policy': ''}})]), 'KT002')[0].message).toContain('legal only from Kafka 4.2')
  })
})

describe('KT003 invalid-type-or-range', () => {
  it('parses like Kafka: "1d" is not a long, with the ms value as the fix', () => {
    const [f] = findingsOf(run([goodTopic('orders', {config: {'retention.ms': '1d'}})]), 'KT003')
    expect(f).toMatchObject({severity: 'error', line: 11, column: 5})
    expect(f.message).toBe('retention.ms: "1d" is not a long (Kafka parses a plain integer)')
    expect(f.fix).toBe('set retention.ms: 86400000')
  })

  it('applies the version-dependent minimum of segment.bytes (1 MiB from 4.0, KIP-1030)', () => {
    const [f] = findingsOf(run([goodTopic('orders', {config: {'segment.bytes': 524_288}})]), 'KT003')
    expect(f.message).toBe("segment.bytes: 524,288 is below Kafka's minimum 1,048,576 (KIP-1030: minimum segment.bytes 1 MiB from Kafka 4.0 (4.0 upgrade notes))")
    expect(f.fix).toBe('set segment.bytes: 1048576')
    expect(findingsOf(run([goodTopic('orders', {config: {'segment.bytes': 524_288}})], {cluster: goodCluster({kafkaVersion: '3.9'})}), 'KT003')).toEqual([])
  })

  it('reports int overflow, doubles out of range and min.compaction.lag.ms > max.compaction.lag.ms', () => {
    const out = run([goodTopic('orders', {config: {'max.message.bytes': '3000000000', 'min.cleanable.dirty.ratio': 1.5, 'min.compaction.lag.ms': 5000, 'max.compaction.lag.ms': 1000}})])
    expect(findingsOf(out, 'KT003').map((f) => f.message)).toEqual([
      'max.message.bytes: "3000000000" is outside the int range (max 2,147,483,647)',
      "min.cleanable.dirty.ratio: 1.5 is above Kafka's maximum 1",
      'min.compaction.lag.ms 5,000 > max.compaction.lag.ms 1,000: Kafka rejects the topic',
    ])
  })
})

describe('KT004 invalid-count', () => {
  it('rejects 0 partitions and a non-numeric replication factor at their keys', () => {
    const fs = findingsOf(run([goodTopic('orders', {partitions: 0, rf: 'three'})]), 'KT004')
    expect(fs.map((f) => [f.message, f.line, f.severity])).toEqual([
      ['partitions: 0 is below 1', 2, 'error'],
      ['replication factor: "three" is not a whole number', 3, 'error'],
    ])
    expect(fs[1].fix).toBe('set replication factor to a whole number ≥ 1 (3 by policy)')
  })

  it('accepts -1 only when the policy allows broker defaults', () => {
    expect(findingsOf(run([goodTopic('orders', {partitions: -1})]), 'KT004')[0].message).toBe('partitions: -1 (the broker default) is not allowed by the policy')
    expect(findingsOf(run([goodTopic('orders', {partitions: -1})], {policy: {allowBrokerDefaultCounts: true}}), 'KT004')).toEqual([])
  })
})

describe('KT005 duplicate-topic', () => {
  it('reports the second definition, naming the first', () => {
    const out = run([goodTopic('orders', {file: 'a.yaml'}), goodTopic('orders', {file: 'b.yaml'}), goodTopic('orders', {file: 'c.yaml', environment: 'staging'})], {cluster: goodCluster({environment: undefined})})
    const fs = findingsOf(out, 'KT005')
    expect(fs).toHaveLength(1)
    expect(fs[0]).toMatchObject({severity: 'error', file: 'b.yaml', line: 1, column: 1, message: 'topic orders is already defined at a.yaml:1', fix: 'keep one definition: remove this one or the one at a.yaml:1'})
  })
})

describe('KT006 illegal-topic-name', () => {
  it('rejects illegal characters at the name key', () => {
    const [f] = findingsOf(run([goodTopic('orders/v1')]), 'KT006')
    expect(f).toMatchObject({severity: 'error', line: 1, column: 7, message: 'topic name "orders/v1" contains "/" (allowed: A-Z a-z 0-9 . _ -)', fix: 'rename the topic to "orders-v1"'})
  })

  it('warns when names collide on "." and "_"', () => {
    const fs = findingsOf(run([goodTopic('orders.v1'), goodTopic('orders_v1')]), 'KT006')
    expect(fs).toHaveLength(1)
    expect(fs[0]).toMatchObject({severity: 'warning', topic: 'orders_v1', message: 'topic name "orders_v1" collides with "orders.v1": Kafka treats "." and "_" alike and refuses the second'})
  })

  it('rejects names over 249 characters', () => {
    expect(findingsOf(run([goodTopic('x'.repeat(250))]), 'KT006')[0].message).toContain('is 250 characters long (max 249)')
  })
})

describe('KT007 conflicting-settings', () => {
  it('reports two written keys that map to one Kafka key with different values', () => {
    const t = goodTopic('orders', {config: [['min.insync.replicas', 2], ['retention.ms', 3_600_000, 'retentionMinutes'], ['retention.ms', 7_200_000]]})
    const [f] = findingsOf(run([t]), 'KT007')
    expect(f).toMatchObject({severity: 'error', line: 13, column: 5})
    expect(f.message).toBe('retention.ms is set twice: retentionMinutes: 3600000 (line 12) and retention.ms: 7200000 (line 13); the last one wins')
    expect(f.fix).toBe('keep one of retentionMinutes and retention.ms')
  })

  it('is silent when the values agree', () => {
    expect(findingsOf(run([goodTopic('o', {config: [['min.insync.replicas', 2], ['min.insync.replicas', '2']]})]), 'KT007')).toEqual([])
  })
})

describe('KT008 wrong-cluster', () => {
  it('reports a topic that targets another cluster, at its cluster key', () => {
    const [f] = findingsOf(run([goodTopic('orders', {cluster: 'analytics'})]), 'KT008')
    expect(f).toMatchObject({severity: 'error', line: 4, column: 3, message: 'topic targets cluster "analytics" but the cluster profile (cluster.yaml) is cluster "main"', fix: 'check it against the profile of cluster "analytics", or set cluster: main'})
  })

  it('is not evaluated when the profile names no cluster', () => {
    const out = run([goodTopic('orders', {cluster: 'analytics'})], {cluster: cluster()})
    expect(findingsOf(out, 'KT008')).toEqual([])
    expect(out.notEvaluated).toContainEqual({ruleId: 'KT008', reason: 'topics name a cluster or environment but the cluster profile names none'})
  })
})
