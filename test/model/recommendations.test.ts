import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {GiB, KiB, MiB} from '../../src/model/constants.js'
import {type PlanRequest, resolvePlanInput} from '../../src/model/inputs.js'
import {type PlanCore, computePlan} from '../../src/model/plan.js'
import {PROFILE_NAMES, type Recommendation} from '../../src/model/types.js'
import {recommend} from '../../src/model/recommendations/index.js'

const plan = (req: PlanRequest): PlanCore => computePlan(resolvePlanInput(req).input)
const BASE: PlanRequest = {payloadBytesPerSec: 20e6, messageSizeBytes: 1024, consumerGroups: 3, maxConsumers: 12, azs: 3}

function get(recs: Recommendation[], scope: Recommendation['scope'], key: string): Recommendation {
  const found = recs.find((r) => r.scope === scope && r.key === key)
  if (!found) throw new Error(`no ${scope} ${key} in ${recs.map((r) => `${r.scope}:${r.key}`).join(', ')}`)
  return found
}
const value = (req: PlanRequest, scope: Recommendation['scope'], key: string) => get(recommend(plan(req)), scope, key).value
const has = (req: PlanRequest, scope: Recommendation['scope'], key: string) => recommend(plan(req)).some((r) => r.scope === scope && r.key === key)

describe('every recommendation', () => {
  it('has a value and a one-line why without NaN/undefined, and no duplicate keys, for any profile and workload', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PROFILE_NAMES),
        fc.double({min: 1e4, max: 5e8, noNaN: true}),
        fc.integer({min: 10, max: 2_000_000}),
        fc.boolean(),
        fc.option(fc.double({min: 0.01, max: 1e5, noNaN: true}), {nil: undefined}),
        (profile, payload, size, keyed, consumerRate) => {
          const recs = recommend(
            plan({
              profile,
              payloadBytesPerSec: payload,
              messageSizeBytes: size,
              keySizeBytes: keyed ? 16 : undefined,
              consumerRate: consumerRate === undefined ? undefined : {messagesPerSec: consumerRate},
            }),
          )
          for (const r of recs) {
            expect(r.value.length, r.key).toBeGreaterThan(0)
            expect(r.why.length, r.key).toBeGreaterThan(20)
            expect(r.why, r.key).not.toContain('\n')
            expect(`${r.value} ${r.why}`, r.key).not.toMatch(/NaN|undefined|Infinity/)
          }
          const keys = recs.map((r) => `${r.scope}:${r.key}`)
          expect(new Set(keys).size).toBe(keys.length)
        },
      ),
      {numRuns: 60},
    )
  })

  it('covers every scope', () => {
    const scopes = new Set(recommend(plan(BASE)).map((r) => r.scope))
    expect([...scopes].sort()).toEqual(['broker', 'consumer', 'os', 'producer', 'topic'])
  })
})

describe('topic', () => {
  it('durable RF 3 gets min.insync.replicas 2 on the topic and as the cluster default', () => {
    const recs = recommend(plan(BASE))
    expect(get(recs, 'topic', 'replication.factor').value).toBe('3')
    expect(get(recs, 'topic', 'min.insync.replicas').value).toBe('2')
    expect(get(recs, 'broker', 'min.insync.replicas').value).toBe('2')
    expect(get(recs, 'broker', 'default.replication.factor').value).toBe('3')
    expect(get(recs, 'topic', 'unclean.leader.election.enable').value).toBe('false')
    expect(get(recs, 'topic', 'compression.type').value).toBe('producer')
    expect(get(recs, 'topic', 'cleanup.policy').value).toBe('delete')
  })

  it('retention.ms is the input, -1 when infinite (and then retention.bytes is -1 too)', () => {
    expect(value(BASE, 'topic', 'retention.ms')).toBe('604800000')
    const es = {...BASE, profile: 'event-sourcing' as const, keySizeBytes: 16}
    expect(value(es, 'topic', 'retention.ms')).toBe('-1')
    expect(value(es, 'topic', 'retention.bytes')).toBe('-1')
  })

  it('retention.bytes is per partition: the window of one partition plus a segment, with ~10% headroom', () => {
    const p = plan(BASE)
    const window = ((p.traffic.storedBytesPerSec / p.partitions) * 604_800_000) / 1000
    const cap = Number(get(recommend(p), 'topic', 'retention.bytes').value)
    expect(cap).toBeGreaterThan(window * 1.1)
    expect(cap).toBeLessThanOrEqual((window + GiB + 300 * (p.traffic.storedBytesPerSec / p.partitions)) * 1.1 + MiB)
    expect(cap % MiB).toBe(0)
    expect(value({...BASE, retentionBytesPerPartition: 5 * GiB}, 'topic', 'retention.bytes')).toBe(String(5 * GiB))
  })

  it('segment.bytes: 1 GiB for big partitions, ~1/10 of a small partition, never below 100 MiB', () => {
    expect(value(BASE, 'topic', 'segment.bytes')).toBe(String(GiB))
    // 120 MB/s over 24 partitions for 30 min: ~8.5 GiB per replica → 1/10, whole MiB.
    const mid = plan({payloadBytesPerSec: 120e6, messageSizeBytes: 1024, maxConsumers: 24, retentionMs: 1_800_000})
    const retained = (mid.storage.breakdown.logBytes + mid.storage.breakdown.dirtyBytes) / (mid.partitions * 3)
    expect(get(recommend(mid), 'topic', 'segment.bytes').value).toBe(String(Math.floor(retained / 10 / MiB) * MiB))
    expect(value({payloadBytesPerSec: 1e5, messageSizeBytes: 200, retentionMs: 3_600_000}, 'topic', 'segment.bytes')).toBe(String(100 * MiB))
  })

  it('max.message.bytes stays the default unless one record needs more; then the producer max.request.size follows', () => {
    expect(value(BASE, 'topic', 'max.message.bytes')).toBe('1048588')
    expect(has(BASE, 'producer', 'max.request.size')).toBe(false)
    const big = {...BASE, messageSizeBytes: 2_000_000}
    const needed = Number(value(big, 'topic', 'max.message.bytes'))
    expect(needed).toBeGreaterThanOrEqual(2_000_000 + 61)
    expect(needed).toBeLessThan(2_000_000 + 200)
    expect(value(big, 'producer', 'max.request.size')).toBe(String(needed))
  })
})

describe('producer', () => {
  it('buffer.memory: 48 partitions × 64 KiB = 3,145,728 B stays at the 32 MiB default', () => {
    const p = plan({...BASE, partitions: 48})
    expect(p.input.batchSizeBytes).toBe(64 * KiB)
    expect(get(recommend(p), 'producer', 'buffer.memory').value).toBe('33554432')
    expect(get(recommend(p), 'producer', 'buffer.memory').why).toContain('3,145,728')
  })

  it('buffer.memory grows to partitions × batch.size when that exceeds 32 MiB', () => {
    expect(value({...BASE, partitions: 1000}, 'producer', 'buffer.memory')).toBe(String(1000 * 64 * KiB))
  })

  it('durable: acks=all with idempotence, 5 in flight, lz4 by default, the user codec when given', () => {
    expect(value(BASE, 'producer', 'acks')).toBe('all')
    expect(value(BASE, 'producer', 'enable.idempotence')).toBe('true')
    expect(value(BASE, 'producer', 'max.in.flight.requests.per.connection')).toBe('5')
    expect(value(BASE, 'producer', 'compression.type')).toBe('lz4')
    expect(value({...BASE, compression: 'zstd'}, 'producer', 'compression.type')).toBe('zstd')
    expect(value(BASE, 'producer', 'linger.ms')).toBe('5')
    expect(value(BASE, 'producer', 'batch.size')).toBe(String(64 * KiB))
    expect(has(BASE, 'producer', 'transactional.id')).toBe(false)
  })

  it('throughput: acks=1 without idempotence; 1 in flight when keyed (per-key order), 5 when not', () => {
    const t = {...BASE, profile: 'throughput' as const}
    expect(value(t, 'producer', 'acks')).toBe('1')
    expect(value(t, 'producer', 'enable.idempotence')).toBe('false')
    expect(value(t, 'producer', 'max.in.flight.requests.per.connection')).toBe('5')
    expect(value({...t, keySizeBytes: 16}, 'producer', 'max.in.flight.requests.per.connection')).toBe('1')
    expect(value(t, 'producer', 'linger.ms')).toBe('20')
  })

  it('low-latency recommends no compression; exactly-once adds transactional.id', () => {
    expect(value({...BASE, profile: 'low-latency'}, 'producer', 'compression.type')).toBe('none')
    expect(has({...BASE, profile: 'exactly-once'}, 'producer', 'transactional.id')).toBe(true)
  })
})

describe('consumer', () => {
  it('cooperative-sticky assignment mentioning KIP-848, static membership', () => {
    const recs = recommend(plan(BASE))
    const strategy = get(recs, 'consumer', 'partition.assignment.strategy')
    expect(strategy.value).toBe('org.apache.kafka.clients.consumer.CooperativeStickyAssignor')
    expect(strategy.why).toContain('group.protocol=consumer')
    expect(get(recs, 'consumer', 'group.instance.id').value).toBe('<host-or-pod-name>')
  })

  it('max.poll.* are the defaults, said so, when the processing rate is unknown', () => {
    const recs = recommend(plan(BASE))
    expect(get(recs, 'consumer', 'max.poll.records')).toMatchObject({value: '500', why: expect.stringContaining('default')})
    expect(get(recs, 'consumer', 'max.poll.interval.ms')).toMatchObject({value: '300000', why: expect.stringContaining('default')})
  })

  it('max.poll.records keeps a poll within half of max.poll.interval.ms', () => {
    // 2 msg/s = 500 ms a record: 150 s ÷ 0.5 s = 300 records.
    expect(value({...BASE, consumerRate: {messagesPerSec: 2}}, 'consumer', 'max.poll.records')).toBe('300')
    expect(value({...BASE, consumerRate: {messagesPerSec: 2}}, 'consumer', 'max.poll.interval.ms')).toBe('300000')
    expect(value({...BASE, consumerRate: {messagesPerSec: 5000}}, 'consumer', 'max.poll.records')).toBe('500')
    // 1000 s a record: one record a poll, and the interval grows to twice that.
    expect(value({...BASE, consumerRate: {messagesPerSec: 0.001}}, 'consumer', 'max.poll.records')).toBe('1')
    expect(value({...BASE, consumerRate: {messagesPerSec: 0.001}}, 'consumer', 'max.poll.interval.ms')).toBe('2000000')
  })

  it('exactly-once reads committed and disables auto-commit; throughput tunes fetches', () => {
    const eos = {...BASE, profile: 'exactly-once' as const}
    expect(value(eos, 'consumer', 'isolation.level')).toBe('read_committed')
    expect(value(eos, 'consumer', 'enable.auto.commit')).toBe('false')
    expect(value(BASE, 'consumer', 'isolation.level')).toBe('read_uncommitted')
    expect(has(BASE, 'consumer', 'fetch.min.bytes')).toBe(false)
    const min = Number(value({...BASE, profile: 'throughput'}, 'consumer', 'fetch.min.bytes'))
    expect(min).toBeGreaterThanOrEqual(1)
    expect(min).toBeLessThanOrEqual(MiB)
  })
})

describe('broker', () => {
  it('threads follow the cores (io = vCPUs, network = vCPUs/2), never below Kafka defaults 8/3', () => {
    expect(value({...BASE, hardware: {cores: 16}}, 'broker', 'num.io.threads')).toBe('16')
    expect(value({...BASE, hardware: {cores: 16}}, 'broker', 'num.network.threads')).toBe('8')
    expect(value({...BASE, hardware: {cores: 4}}, 'broker', 'num.io.threads')).toBe('8')
    expect(value({...BASE, hardware: {cores: 4}}, 'broker', 'num.network.threads')).toBe('3')
  })

  it('num.replica.fetchers grows with replication bytes per broker', () => {
    expect(value(BASE, 'broker', 'num.replica.fetchers')).toBe('1')
    // 120 MB/s on 3 brokers: 2 × 121 MB/s ÷ 3 ≈ 81 MB/s of replication each → 2 threads.
    const busy = {payloadBytesPerSec: 120e6, messageSizeBytes: 1024, maxConsumers: 24, retentionMs: 1_800_000}
    expect(plan(busy).brokers).toBe(3)
    expect(value(busy, 'broker', 'num.replica.fetchers')).toBe('2')
  })

  it('log.retention.check.interval.ms only when retention is short', () => {
    expect(has(BASE, 'broker', 'log.retention.check.interval.ms')).toBe(false)
    expect(value({...BASE, retentionMs: 1_800_000}, 'broker', 'log.retention.check.interval.ms')).toBe('180000')
  })
})

describe('os', () => {
  it('vm.max_map_count and LimitNOFILE come from plan.os', () => {
    // Many partitions on few brokers with 30 d retention: more segments than Linux's default allows.
    const p = plan({payloadBytesPerSec: 200e6, messageSizeBytes: 1024, partitions: 6000, brokers: 3, retentionMs: 30 * 86_400_000, hardware: {diskSizeBytes: 1e15, maxPartitionReplicas: 10_000}})
    expect(p.os.recommendedMaxMapCount).toBeGreaterThan(65_530)
    const recs = recommend(p)
    expect(get(recs, 'topic', 'segment.bytes').value).toBe(String(GiB))
    expect(get(recs, 'os', 'vm.max_map_count').value).toBe(String(p.os.recommendedMaxMapCount))
    expect(get(recs, 'os', 'LimitNOFILE').value).toBe(String(p.os.recommendedOpenFiles))
    expect(get(recs, 'os', 'vm.swappiness').value).toBe('1')
  })

  it('limits cover the extra segments when segment.bytes is reduced', () => {
    const p = plan({payloadBytesPerSec: 1e6, messageSizeBytes: 200, partitions: 20_000, brokers: 6, hardware: {maxPartitionReplicas: 20_000}})
    const recs = recommend(p)
    expect(Number(get(recs, 'topic', 'segment.bytes').value)).toBeLessThan(GiB)
    expect(Number(get(recs, 'os', 'vm.max_map_count').value)).toBeGreaterThan(p.os.recommendedMaxMapCount)
  })

  it('page cache: needed bytes from the plan, and the why says when RAM falls short', () => {
    const ok = plan(BASE)
    expect(get(recommend(ok), 'os', 'page-cache-bytes').value).toBe(String(Math.ceil(ok.pageCache.neededBytes)))
    const short = plan({...BASE, hardware: {memoryBytes: 7 * GiB}})
    expect(get(recommend(short), 'os', 'page-cache-bytes').why).toContain('disk')
  })
})

describe('tiered storage recommendations', () => {
  it('a plan with --local-retention gets remote.storage.enable, local.retention.ms and the broker switch', () => {
    const plan = computePlan(resolvePlanInput({payloadBytesPerSec: 50e6, retentionMs: 30 * 86_400_000, localRetentionMs: 86_400_000}).input)
    const recs = recommend(plan)
    const get = (scope: string, key: string) => recs.find((r) => r.scope === scope && r.key === key)?.value
    expect(get('topic', 'remote.storage.enable')).toBe('true')
    expect(get('topic', 'local.retention.ms')).toBe('86400000')
    expect(get('broker', 'remote.log.storage.system.enable')).toBe('true')
  })
  it('a plan without tiered storage gets none of them', () => {
    const recs = recommend(computePlan(resolvePlanInput({payloadBytesPerSec: 50e6}).input))
    expect(recs.some((r) => r.key.includes('remote'))).toBe(false)
  })
})
