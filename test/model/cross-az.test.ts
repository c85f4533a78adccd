import {describe, expect, it} from 'vitest'
import {crossAzTraffic} from '../../src/model/cross-az.js'

describe('cross-AZ traffic (sizing-model §2.9, §8.6)', () => {
  it('golden §8.6: 30 MB/s, RF 3, 3 groups, 3 AZs → 20 + 60 + 60 = 140 MB/s ≈ 12.1 TB/day ≈ $242/day at $0.02/GB', () => {
    const t = crossAzTraffic({storedBytesPerSec: 30e6, replicationFactor: 3, consumerGroups: 3, azs: 3, fetchFromFollower: false})
    expect(t.produceBytesPerSec).toBeCloseTo(20e6, 0)
    expect(t.replicationBytesPerSec).toBeCloseTo(60e6, 0)
    expect(t.consumeBytesPerSec).toBeCloseTo(60e6, 0)
    expect(t.totalBytesPerSec).toBeCloseTo(140e6, 0)
    expect(t.gbPerDay).toBeCloseTo(12_096, 0)
    expect(t.gbPerDay * 0.02).toBeCloseTo(241.92, 2)
  })
  it('fetch-from-follower removes consume traffic when every zone holds a replica', () => {
    const t = crossAzTraffic({storedBytesPerSec: 30e6, replicationFactor: 3, consumerGroups: 3, azs: 3, fetchFromFollower: true})
    expect(t.consumeBytesPerSec).toBe(0)
    expect(t.totalBytesPerSec).toBeCloseTo(80e6, 0)
  })
  it('a single zone crosses nothing', () => {
    expect(crossAzTraffic({storedBytesPerSec: 30e6, replicationFactor: 3, consumerGroups: 3, azs: 1, fetchFromFollower: false}).totalBytesPerSec).toBe(0)
  })
  it('RF 2 over 3 zones: one follower crosses; with fetch-from-follower one zone in three still reads across', () => {
    const t = crossAzTraffic({storedBytesPerSec: 30e6, replicationFactor: 2, consumerGroups: 3, azs: 3, fetchFromFollower: true})
    expect(t.replicationBytesPerSec).toBeCloseTo(30e6, 0)
    expect(t.consumeBytesPerSec).toBeCloseTo(30e6, 0)
  })
})

import {AWS_CROSS_AZ_USD_PER_GB, HOURS_PER_MONTH, monthlyCost} from '../../src/model/cost.js'

describe('monthly cost', () => {
  it('adds brokers, storage and transfer; lists what it could not price', () => {
    const c = monthlyCost({brokers: 6, provisionedStorageBytes: 12e12, crossAzGbPerDay: 12_096, replicationGbPerDay: 5_184, prices: {brokerUsdPerHour: 0.84, transferUsdPerGb: AWS_CROSS_AZ_USD_PER_GB}})
    expect(c.brokersUsd).toBeCloseTo(6 * 0.84 * HOURS_PER_MONTH, 6)
    expect(c.transferUsd).toBeCloseTo(12_096 * 0.02 * (365 / 12), 6)
    expect(c.storageUsd).toBeNull()
    expect(c.unpriced).toEqual(['storage'])
    expect(c.monthlyUsd).toBeCloseTo((c.brokersUsd as number) + (c.transferUsd as number), 6)
  })
})
