// §5.4 and §5.5 rules: one test per rule that fails when the rule is removed.
import {describe, expect, it} from 'vitest'
import {findingsOf, goodCluster, goodTopic, run, topic} from './builders.js'

const cfg = (c: Record<string, unknown>) => ({config: {'min.insync.replicas': 2, ...c}})

describe('KT301 segment-too-small', () => {
  it('warns on a segment below 1 MiB on a 3.x cluster (4.0 rejects it)', () => {
    const [f] = findingsOf(run([goodTopic('orders', cfg({'segment.bytes': 524_288}))], {cluster: goodCluster({kafkaVersion: '3.9'})}), 'KT301')
    expect(f).toMatchObject({ruleId: 'KT301', severity: 'warning', line: 12, column: 5, fix: 'set segment.bytes: 67108864'})
    expect(f.message).toBe('segment.bytes 524,288 B (512 KiB) is below 1 MiB: Kafka 3.9 accepts it, but 4.0 and later reject it (KIP-1030), and tiny segments mean a roll and two mmapped indexes per few records')
  })

  it('warns on segments below 2% of retention.bytes', () => {
    const [f] = findingsOf(run([goodTopic('orders', cfg({'segment.bytes': 1_048_576, 'retention.bytes': 1_073_741_824}))]), 'KT301')
    expect(f.message).toBe('segment.bytes 1,048,576 B (1 MiB) is 0.1% of retention.bytes 1,073,741,824 B (1 GiB): 1,024 segments per partition')
    expect(f.fix).toBe('set segment.bytes: 54525952 (about 5% of retention.bytes)')
  })
})

describe('KT302 segment-vs-retention-bytes', () => {
  it('reports the overshoot of the never-deleted active segment', () => {
    const [f] = findingsOf(run([goodTopic('orders', cfg({'retention.bytes': 1_073_741_824}))]), 'KT302')
    expect(f).toMatchObject({severity: 'warning', line: 12})
    expect(f.message).toBe('segment.bytes 1,073,741,824 B (1 GiB) > 50% of retention.bytes 1,073,741,824 B (1 GiB): a partition holds up to 2,147,483,648 B (2 GiB) because the active segment is never deleted')
    expect(f.fix).toBe('set segment.bytes: 106954752 (a tenth of retention.bytes)')
  })
})

describe('KT303 segment-ms', () => {
  it('warns below the 1 h floor and notes the 5.0 minimum', () => {
    const [f] = findingsOf(run([goodTopic('orders', cfg({'segment.ms': 30_000}))]), 'KT303')
    expect(f).toMatchObject({severity: 'warning', line: 12, fix: 'set segment.ms: 3600000'})
    expect(f.message).toBe('segment.ms 30,000 ms (30 s) is below the 3,600,000 ms (1 h) floor; below 1 min it is invalid from Kafka 5.0 (KIP-1030): every partition rolls a segment that often')
  })

  it('warns when segment.ms outlives retention.ms', () => {
    const [f] = findingsOf(run([goodTopic('orders', cfg({'retention.ms': 86_400_000}))]), 'KT303')
    expect(f.message).toBe("segment.ms 604,800,000 ms (7 d) (Kafka's default) > retention.ms 86,400,000 ms (1 d): on a quiet partition data stays up to 691,200,000 ms (8 d)")
    expect(f).toMatchObject({line: 12, fix: 'set segment.ms: 86400000'})
  })
})

describe('KT304 max-message-vs-segment', () => {
  it('reports max.message.bytes above segment.bytes', () => {
    const [f] = findingsOf(run([goodTopic('orders', cfg({'segment.bytes': 2_097_152, 'max.message.bytes': 4_194_304}))]), 'KT304')
    expect(f).toMatchObject({severity: 'warning', line: 13, message: 'max.message.bytes 4,194,304 B (4 MiB) > segment.bytes 2,097,152 B (2 MiB)', fix: 'set max.message.bytes: 2097152 or raise segment.bytes'})
  })
})

describe('KT305 max-message-chain', () => {
  it('reports a value above the platform cap', () => {
    const [f] = findingsOf(run([goodTopic('orders', cfg({'max.message.bytes': 10_485_760}))]), 'KT305')
    expect(f).toMatchObject({severity: 'warning', line: 12, message: 'max.message.bytes 10,485,760 B (10 MiB) is above the platform cap 5,242,880 B (5 MiB)'})
  })

  it('reports a value above the declared producer max.request.size', () => {
    const t = goodTopic('orders', {...cfg({'max.message.bytes': 2_097_152}), workload: {request: {}, consumerGroups: [], producerMaxRequestSize: 1_048_576}})
    const [f] = findingsOf(run([t]), 'KT305')
    expect(f.message).toBe('max.message.bytes 2,097,152 B (2 MiB) > producer max.request.size 1,048,576 B (1 MiB) (plan file): producers cannot send batches the topic accepts')
    expect(f.fix).toBe('set max.message.bytes: 1048576, or raise producer max.request.size to 2097152')
  })
})

describe('KT306 record-exceeds-max-message', () => {
  it('reports a p99 record that cannot be produced', () => {
    const t = goodTopic('orders', {...cfg({}), workload: {request: {messageSizeBytes: 1000}, consumerGroups: [], p99MessageBytes: 2_000_000}})
    const [f] = findingsOf(run([t]), 'KT306')
    expect(f).toMatchObject({severity: 'error', line: 1})
    expect(f.message).toBe("p99 record 2,000,000 B (1.91 MiB) makes a 2,000,082 B (1.91 MiB) batch > max.message.bytes 1,048,588 B (1 MiB) (Kafka's default): produce fails with RecordTooLargeException")
    expect(f.fix).toBe('set max.message.bytes: 2200576, and producer max.request.size to match')
  })

  it('is not evaluated without record sizes', () => {
    expect(run([topic('orders', {partitions: 12, rf: 3})]).notEvaluated).toContainEqual({ruleId: 'KT306', reason: 'no topic has workload expectations with a record size'})
  })
})

describe('KT401 compact-with-retention', () => {
  it('reports retention settings a compact-only policy ignores', () => {
    const [f] = findingsOf(run([goodTopic('users', cfg({'cleanup.policy': 'compact', 'retention.ms': 86_400_000}))]), 'KT401')
    expect(f).toMatchObject({severity: 'warning', line: 13, message: 'retention.ms is ignored with cleanup.policy=compact: compaction alone never deletes by age or size', fix: 'remove retention.ms, or set cleanup.policy: compact,delete'})
  })

  it('reports compact,delete retention shorter than the consumer rebuild time', () => {
    const t = goodTopic('users', {...cfg({'cleanup.policy': 'compact,delete', 'retention.ms': 3_600_000}), workload: {request: {}, consumerGroups: [], consumerDowntimeMs: 86_400_000}})
    const [f] = findingsOf(run([t]), 'KT401')
    expect(f.message).toBe('cleanup.policy=compact,delete with retention.ms 3,600,000 ms (1 h) < consumer rebuild time 86,400,000 ms (1 d) (plan file): state is deleted before a rebuilding consumer reads it')
  })
})

describe('KT402 compact-tiered', () => {
  it('reports tiered storage on a compacted topic', () => {
    const [f] = findingsOf(run([goodTopic('users', cfg({'cleanup.policy': 'compact', 'remote.storage.enable': true}))]), 'KT402')
    expect(f).toMatchObject({severity: 'error', line: 13, message: 'cleanup.policy=compact with remote.storage.enable=true: tiered storage supports only cleanup.policy=delete', fix: 'set remote.storage.enable: false, or cleanup.policy: delete'})
  })
})

describe('KT403 local-retention', () => {
  it('reports local retention without tiered storage, and above total retention', () => {
    const off = findingsOf(run([goodTopic('orders', cfg({'local.retention.ms': 3_600_000}))]), 'KT403')
    expect(off[0]).toMatchObject({severity: 'error', line: 12, message: 'local.retention.ms is set but remote.storage.enable is not true: there is no remote tier, so the setting does nothing'})
    const above = findingsOf(run([goodTopic('orders', cfg({'remote.storage.enable': true, 'retention.ms': 86_400_000, 'local.retention.ms': 172_800_000}))]), 'KT403')
    expect(above[0].message).toBe('local.retention.ms 172,800,000 ms (2 d) > retention.ms 86,400,000 ms (1 d): Kafka rejects local retention above total retention')
    expect(above[0].fix).toBe('set local.retention.ms: 86400000 or less')
  })
})

describe('KT404 compaction-timing', () => {
  it('reports tombstones removed before a returning consumer reads them', () => {
    const t = goodTopic('users', {...cfg({'cleanup.policy': 'compact'}), workload: {request: {}, consumerGroups: [], consumerDowntimeMs: 259_200_000}})
    const [f] = findingsOf(run([t]), 'KT404')
    expect(f).toMatchObject({severity: 'warning', line: 1, fix: 'set delete.retention.ms: 259200000'})
    expect(f.message).toBe("delete.retention.ms 86,400,000 ms (1 d) < consumer downtime 259,200,000 ms (3 d) (plan file): tombstones are removed before a returning consumer reads them")
  })

  it('reports a quiet compacted topic whose active segment rolls only by segment.ms', () => {
    const t = goodTopic('users', {...cfg({'cleanup.policy': 'compact'}), workload: {request: {payloadBytesPerSec: 100, messageSizeBytes: 100}, consumerGroups: []}})
    const [f] = findingsOf(run([t]), 'KT404')
    expect(f.message).toContain('segment.ms 604,800,000 ms (7 d) rolls the active segment before segment.bytes fills')
    expect(f.fix).toBe('set max.compaction.lag.ms: 86400000 (or a shorter segment.ms)')
  })
})

describe('KT405 changelog-not-compacted', () => {
  it('reports a changelog topic with the delete policy', () => {
    const t = goodTopic('app-store-changelog', {...cfg({'cleanup.policy': 'delete'}), workload: {request: {}, consumerGroups: [], changelog: true}})
    const [f] = findingsOf(run([t]), 'KT405')
    expect(f).toMatchObject({severity: 'warning', line: 12, message: 'the topic is a changelog (plan file) but cleanup.policy=delete: keys older than retention are lost', fix: 'set cleanup.policy: compact'})
  })
})
