import {describe, expect, it} from 'vitest'
import {requiredPartitions, roundPartitions, sizePartitions, yearsUntilPartitionsExhausted} from '../../src/model/partitions.js'
import {hotKeyLoad} from '../../src/model/hot-keys.js'
import {consumerLag} from '../../src/model/lag.js'

const base = {peakPayloadBytesPerSec: 200e6, growthPerYear: 1, horizonYears: 2, partitionThroughputBytesPerSec: 10e6, maxConsumers: 1}

describe('partitions (sizing-model §4)', () => {
  it('golden §8.2: 200 MB/s ÷ 10 MB/s per partition = 20', () => {
    expect(requiredPartitions(base).required).toBe(20)
  })
  it('takes the max of t/p, t/c and the largest consumer group', () => {
    expect(requiredPartitions({...base, consumerBytesPerSec: 5e6}).required).toBe(40)
    expect(requiredPartitions({...base, maxConsumers: 64}).required).toBe(64)
  })
  it('sizes for the growth horizon: 2x/year over 2 years is 4x the traffic', () => {
    const r = requiredPartitions({...base, growthPerYear: 2})
    expect(r.horizonPeak).toBe(800e6)
    expect(r.required).toBe(80)
  })
  it('rounds to a multiple of the broker count, preferring counts many group sizes divide', () => {
    expect(roundPartitions(20, 3, 1).partitions % 3).toBe(0)
    expect(roundPartitions(20, 3, 1).partitions).toBe(24)
    expect(roundPartitions(24, 6, 24).partitions).toBe(24)
    expect(roundPartitions(7, 1, 1).partitions).toBe(8)
  })
  it('lists the consumer-group sizes that divide the count evenly', () => {
    expect(sizePartitions({...base, peakPayloadBytesPerSec: 120e6}, 3).evenConsumerCounts).toEqual([1, 2, 3, 4, 6, 12])
  })
  it('years until traffic outgrows the partitions', () => {
    expect(yearsUntilPartitionsExhausted(20, 10e6, 50e6, 2)).toBeCloseTo(2, 9)
    expect(yearsUntilPartitionsExhausted(20, 10e6, 50e6, 1)).toBe(Infinity)
    expect(yearsUntilPartitionsExhausted(20, 10e6, 300e6, 2)).toBe(0)
  })
})

describe('hot keys (sizing-model §5)', () => {
  it('a key with 30% of 100 MB/s overloads a 10 MB/s partition: salt it over ceil(30/10) = 3', () => {
    const h = hotKeyLoad({keySkew: 0.3, peakPayloadBytesPerSec: 100e6, partitions: 20, partitionThroughputBytesPerSec: 10e6})
    expect(h.hottestKeyBytesPerSec).toBeCloseTo(30e6, 3)
    expect(h.hottestPartitionBytesPerSec).toBeCloseTo(30e6 + 70e6 / 20, 3)
    expect(h.overloaded).toBe(true)
    expect(h.saltingFactor).toBe(3)
  })
  it('an even key spread needs no salting', () => {
    const h = hotKeyLoad({keySkew: 0.01, peakPayloadBytesPerSec: 100e6, partitions: 20, partitionThroughputBytesPerSec: 10e6})
    expect(h.overloaded).toBe(false)
    expect(h.saltingFactor).toBe(1)
  })
})

describe('consumer lag (sizing-model §6)', () => {
  it('backlog = rate × outage; catch-up = backlog ÷ (capacity − rate)', () => {
    const l = consumerLag({messagesPerSec: 1000, outageMs: 3_600_000, retentionMs: 86_400_000, consumerMessagesPerSec: 500, activeConsumers: 4})
    expect(l.backlogMessages).toBe(3_600_000)
    expect(l.catchUpMs).toBe((3_600_000 / 1000) * 1000)
    expect(l.dataLost).toBe(false)
  })
  it('never catches up when the group is not faster than the producers; loses data past retention', () => {
    const l = consumerLag({messagesPerSec: 1000, outageMs: 2 * 86_400_000, retentionMs: 86_400_000, consumerMessagesPerSec: 250, activeConsumers: 4})
    expect(l.catchUpMs).toBe(Infinity)
    expect(l.dataLost).toBe(true)
  })
})

describe('round partition counts', () => {
  it('uses brokers × the next of 1, 2, 3, 4, 5, 6, 8, 9, 10, 12, 15, 16, 18, 20, 24, 30, 32, 36, 40, 45, 48, 60…', () => {
    const round = (n: number) => roundPartitions(n, 1, 1).partitions
    expect([1, 7, 11, 13, 17, 21, 25, 31, 33, 37, 41, 46, 49, 61].map(round)).toEqual([1, 8, 12, 15, 18, 24, 30, 32, 36, 40, 45, 48, 60, 64])
    expect(roundPartitions(147, 8, 1).partitions).toBe(160)
    expect(roundPartitions(1_000_001, 1, 1).partitions).toBe(1_048_576)
  })
  it('is monotone: more required partitions never round to fewer', () => {
    for (const brokers of [1, 2, 3, 5, 6, 7, 12, 158]) {
      let previous = 0
      for (let required = 1; required <= 3000; required++) {
        const p = roundPartitions(required, brokers, 1).partitions
        expect(p).toBeGreaterThanOrEqual(previous)
        expect(p).toBeGreaterThanOrEqual(required)
        expect(p % brokers).toBe(0)
        previous = p
      }
    }
  })
})
