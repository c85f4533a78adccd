import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {clusterCatchUp, fairShares} from '../../src/model/catch-up.js'
import type {Hardware} from '../../src/model/types.js'

const hw: Hardware = {
  name: 'test',
  diskThroughputBytesPerSec: 100e6,
  diskSizeBytes: 1e13,
  disks: 1,
  networkBitsPerSec: 8e9, // 1 GB/s: the disk binds
  cores: 16,
  memoryBytes: 64e9,
  maxPartitionReplicas: 4000,
}
const group = (over: Partial<Parameters<typeof clusterCatchUp>[0]['groups'][number]> = {}) => ({
  topic: 't',
  group: 'g',
  storedBytesPerSec: 10e6,
  outageMs: 3_600_000,
  retentionMs: 7 * 86_400_000,
  ...over,
})

describe('fair shares of a shared resource', () => {
  it('meets small demands in full and splits the rest equally', () => {
    expect(fairShares([10, Infinity, 100], 120)).toEqual([10, 55, 55])
    expect(fairShares([10, 20], 100)).toEqual([10, 20])
    expect(fairShares([Infinity, Infinity], 0)).toEqual([0, 0])
  })

  it('never exceeds a demand or the capacity, and more capacity never shrinks a share', () => {
    const demand = fc.oneof(fc.double({min: 0, max: 1e9, noNaN: true}), fc.constant(Infinity))
    fc.assert(
      fc.property(fc.array(demand, {minLength: 1, maxLength: 8}), fc.double({min: 0, max: 1e9, noNaN: true}), fc.double({min: 0, max: 1e9, noNaN: true}), (ds, cap, extra) => {
        const a = fairShares(ds, cap)
        const b = fairShares(ds, cap + extra)
        expect(a.reduce((x, y) => x + y, 0)).toBeLessThanOrEqual(cap * (1 + 1e-9) + 1e-6)
        a.forEach((s, i) => {
          expect(s).toBeLessThanOrEqual(ds[i])
          expect(b[i]).toBeGreaterThanOrEqual(s - 1e-6 * Math.max(1, s))
        })
      }),
    )
  })
})

describe('cluster-wide consumer catch-up', () => {
  it('hand-computed: two groups share the spare disk of 3 brokers', () => {
    // 3 × 100 MB/s of disk − RF 3 × 10 MB/s of writes = 270 MB/s spare. One group can read 50 MB/s, the
    // other's rate is unknown: 50 and 220 MB/s. Backlog 1 h × 10 MB/s = 36 GB.
    const r = clusterCatchUp({groups: [group({group: 'slow', demandBytesPerSec: 50e6}), group({group: 'fast'})], brokers: 3, hardware: hw, diskWriteBytesPerSec: 30e6, replicationBytesPerSec: 20e6})
    expect(r.groups.map((g) => g.readBytesPerSec)).toEqual([50e6, 220e6])
    expect(r.groups[0].catchUpSeconds).toBeCloseTo(36e9 / 40e6, 6) // 900 s
    expect(r.groups[1].catchUpSeconds).toBeCloseTo(36e9 / 210e6, 6)
    expect(r.limitedBy).toBe('broker disk')
    expect(r.diskUtilization).toBeCloseTo(1, 9)
    expect(r.diskReadPerBroker).toBeCloseTo(90e6, 3)
  })

  it('groups whose rates fit are limited by themselves', () => {
    const r = clusterCatchUp({groups: [group({demandBytesPerSec: 30e6})], brokers: 3, hardware: hw, diskWriteBytesPerSec: 30e6, replicationBytesPerSec: 20e6})
    expect(r.limitedBy).toBe('consumers')
    expect(r.groups[0].catchUpSeconds).toBeCloseTo(36e9 / 20e6, 6)
  })

  it('a group slower than the produce rate never catches up, and says when its data ages out', () => {
    // Reads 5 of the 10 MB/s written: unread data ages 0.5 s per second; 7 d − 1 h of retention left.
    const r = clusterCatchUp({groups: [group({demandBytesPerSec: 5e6})], brokers: 3, hardware: hw, diskWriteBytesPerSec: 30e6, replicationBytesPerSec: 20e6})
    expect(r.groups[0].catchUpSeconds).toBeNull()
    expect(r.groups[0].agesOutAfterSeconds).toBeCloseTo((7 * 86_400 - 3_600) / 0.5, 6)
  })

  it('an outage longer than retention loses data before the group returns', () => {
    const r = clusterCatchUp({groups: [group({outageMs: 8 * 86_400_000})], brokers: 3, hardware: hw, diskWriteBytesPerSec: 30e6, replicationBytesPerSec: 20e6})
    expect(r.groups[0].dataLostDuringOutage).toBe(true)
  })

  it('the network out binds when it has less spare than the disks', () => {
    const r = clusterCatchUp({groups: [group()], brokers: 3, hardware: {...hw, networkBitsPerSec: 0.8e9}, diskWriteBytesPerSec: 30e6, replicationBytesPerSec: 240e6})
    // 3 × 100 MB/s NIC − 240 MB/s of follower fetches = 60 MB/s spare (the disks have 270).
    expect(r.limitedBy).toBe('broker network out')
    expect(r.readBytesPerSec).toBeCloseTo(60e6, 3)
  })
})
