import {describe, expect, it} from 'vitest'
import {GiB} from '../../src/model/constants.js'
import {type PlanRequest, resolvePlanInput} from '../../src/model/inputs.js'
import {computePlan} from '../../src/model/plan.js'
import {planWarnings} from '../../src/model/warnings.js'

const warn = (req: PlanRequest) => planWarnings(computePlan(resolvePlanInput(req).input))
const codes = (req: PlanRequest) => warn(req).map((w) => w.code)

/** A healthy plan: RF 3 / min ISR 2 over 3 AZs, enough partitions, a consumer that keeps up, no codec. */
const HEALTHY: PlanRequest = {
  payloadBytesPerSec: 20e6,
  messageSizeBytes: 1024,
  consumerGroups: 3,
  maxConsumers: 12,
  azs: 3,
  consumerRate: {messagesPerSec: 5000},
}

// Each code with an input crafted to trigger it: a change of one or two inputs from the healthy plan.
const CRAFTED: [code: string, req: PlanRequest][] = [
  ['idle-consumers', {...HEALTHY, partitions: 6, maxConsumers: 12}],
  ['consumers-too-few', {...HEALTHY, peakFactor: 2, consumerRate: {messagesPerSec: 2500}}],
  ['message-too-large', {...HEALTHY, messageSizeBytes: 2_000_000}],
  ['batch-too-large', {...HEALTHY, batchSizeBytes: 4 * 1024 * 1024, lingerMs: 1000}],
  ['replication-factor-1', {...HEALTHY, replicationFactor: 1}],
  ['min-isr-exceeds-rf', {...HEALTHY, replicationFactor: 2, minInsyncReplicas: 3}],
  ['min-isr-equals-rf', {...HEALTHY, minInsyncReplicas: 3}],
  ['weak-acks', {...HEALTHY, acks: '1'}],
  ['partitions-per-broker', {...HEALTHY, partitions: 3000, brokers: 3, hardware: {diskSizeBytes: 1e15, maxPartitionReplicas: 2000}}],
  ['over-capacity', {...HEALTHY, brokers: 3}],
  ['writes-blocked-broker-loss', {...HEALTHY, minInsyncReplicas: 3}],
  ['writes-blocked-az-loss', {...HEALTHY, azs: 2}],
  ['over-capacity-broker-loss', {...HEALTHY, brokers: 3}],
  ['partition-growth', {...HEALTHY, keySizeBytes: 16, growthPerYear: 2, payloadBytesPerSec: 50e6, partitions: 12}],
  ['retention-shorter-than-outage', {...HEALTHY, retentionMs: 3_600_000}],
  ['never-catches-up', {...HEALTHY, consumerRate: {messagesPerSec: 100}, maxConsumers: 1}],
  ['hot-key', {...HEALTHY, keySizeBytes: 16, keySkew: 0.6}],
  ['page-cache-small', {...HEALTHY, hardware: {memoryBytes: 7 * GiB}}],
  ['compression-ratio-unknown', {...HEALTHY, compression: 'lz4'}],
  ['storage-window', {...HEALTHY, retentionMs: Infinity}],
  ['small-batches', {...HEALTHY, payloadBytesPerSec: 1e6, messageSizeBytes: 100, keySizeBytes: 8, partitions: 100}],
  ['compact-without-keys', {...HEALTHY, cleanupPolicy: 'compact'}],
  ['retention-bytes-limits', {...HEALTHY, retentionBytesPerPartition: GiB}],
]

describe('planWarnings', () => {
  it('is silent on a healthy plan', () => {
    expect(warn(HEALTHY)).toEqual([])
  })

  it.each(CRAFTED)('%s fires on its crafted input, with a message and an action', (code, req) => {
    expect(codes(HEALTHY)).not.toContain(code)
    const w = warn(req).find((x) => x.code === code)
    expect(w, `codes: ${codes(req).join(', ')}`).toBeDefined()
    expect(w?.message.length).toBeGreaterThan(20)
    expect(w?.action.length).toBeGreaterThan(10)
    expect(`${w?.message} ${w?.action}`).not.toMatch(/NaN|undefined/)
  })

  it('codes are unique per plan', () => {
    for (const [, req] of CRAFTED) {
      const c = codes(req)
      expect(new Set(c).size).toBe(c.length)
    }
  })

  it('min ISR = RF is not flagged when producers do not use acks=all, nor for RF 1', () => {
    expect(codes({...HEALTHY, profile: 'throughput', minInsyncReplicas: 3})).not.toContain('min-isr-equals-rf')
    expect(codes({...HEALTHY, replicationFactor: 1})).not.toContain('min-isr-equals-rf')
  })

  it('partition growth is not flagged when the partitions outlast the horizon by more than a year, or when unkeyed', () => {
    // 200 partitions × 10 MB/s = 2 GB/s against 20 MB/s × 2^y: about 6.6 years.
    expect(codes({...HEALTHY, keySizeBytes: 16, growthPerYear: 2, partitions: 200})).not.toContain('partition-growth')
    expect(codes({...HEALTHY, growthPerYear: 2, payloadBytesPerSec: 50e6, partitions: 12})).not.toContain('partition-growth')
  })

  it('consumers too few: N instances × c below the peak t, asks for ceil(t/c) instances', () => {
    // Peak t = 2 × 20 MB/s = 40 MB/s; c = 2500 msg/s × 1024 B = 2.56 MB/s; 12 × c = 30.7 MB/s; ceil(t/c) = 16.
    const w = warn({...HEALTHY, peakFactor: 2, consumerRate: {messagesPerSec: 2500}}).find((x) => x.code === 'consumers-too-few')
    expect(w?.message).toContain('12 instances at 2.56 MB/s each = 30.7 MB/s, below the 40 MB/s peak')
    expect(w?.action).toContain('at least 16 instances')
    expect(w?.action).toContain('3.33 MB/s per instance')
    // The average (20 MB/s) stays within 30.7 MB/s: only the peak outruns the group.
    expect(codes({...HEALTHY, peakFactor: 2, consumerRate: {messagesPerSec: 2500}})).not.toContain('never-catches-up')
    // Enough instances for the peak (t/c = 8 ≤ 12), or no consumer rate: silent.
    expect(codes({...HEALTHY, peakFactor: 2})).not.toContain('consumers-too-few')
    expect(codes({...HEALTHY, consumerRate: undefined})).not.toContain('consumers-too-few')
  })

  it('hot key suggests the salting factor', () => {
    const w = warn({...HEALTHY, keySizeBytes: 16, keySkew: 0.6}).find((x) => x.code === 'hot-key')
    // 0.6 × 20 MB/s = 12 MB/s over p = 10 MB/s → 2 partitions.
    expect(w?.action).toContain('over 2 partitions')
  })

  it('small batches: suggests a linger that brings overhead under 10%, or other changes when no sane linger does', () => {
    const small = warn({...HEALTHY, payloadBytesPerSec: 1e6, messageSizeBytes: 100, keySizeBytes: 8, partitions: 100}).find((x) => x.code === 'small-batches')
    expect(small?.action).toMatch(/linger\.ms to ~\d+/)
    const hopeless = warn({...HEALTHY, payloadBytesPerSec: 1e4, messageSizeBytes: 100, keySizeBytes: 8, partitions: 100}).find((x) => x.code === 'small-batches')
    expect(hopeless?.action).toContain('fewer partitions')
  })
})
