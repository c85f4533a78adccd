import {describe, expect, it} from 'vitest'
import {computeStorage, indexBytesPerLogByte} from '../../src/model/storage.js'

const DAY = 86_400_000
const base = {
  payloadBytesPerSec: (500e6 * 500) / 86_400, // 500M messages/day × 500 B
  storedBytesPerSec: (500e6 * 500) / 86_400,
  messagesPerSec: 500e6 / 86_400,
  compressionRatio: 1,
  batchBytes: 65_536,
  replicationFactor: 3,
  partitions: 30,
  brokers: 3,
  retentionMs: 7 * DAY,
  segmentBytes: 1_073_741_824,
  segmentMs: 7 * DAY,
  cleanupPolicy: 'delete' as const,
  storedBytesPerMessage: 500,
  maxDiskFill: 0.7,
}

describe('storage (sizing-model §3)', () => {
  it('golden §8.1: 500M msg/day × 500 B × 7 d × RF 3 = 5.25 TB of payload, 1.75 TB per broker on 3 brokers', () => {
    const s = computeStorage(base)
    expect(s.breakdown.payloadOneCopyBytes * 3).toBeCloseTo(5.25e12, -3)
    expect(s.breakdown.logBytes / 3).toBeCloseTo(1.75e12, -3)
    // With overheads the total is a little more than the payload, never less.
    expect(s.totalBytes).toBeGreaterThan(5.25e12)
    expect(s.totalBytes).toBeLessThan(5.25e12 * 1.05)
    expect(s.perBrokerBytes).toBeCloseTo(s.totalBytes / 3, 0)
  })

  it('retention.bytes is per partition: it caps each partition’s window', () => {
    const perPartitionRate = base.storedBytesPerSec / base.partitions
    const s = computeStorage({...base, retentionBytesPerPartition: 10e9})
    expect(s.retentionLimitedBy).toBe('retention.bytes')
    expect(s.effectiveRetentionMs).toBeCloseTo((10e9 / perPartitionRate) * 1000, 0)
    expect(s.breakdown.logBytes).toBeCloseTo(10e9 * base.partitions * 3, -3)
  })

  it('each replica can hold one extra segment beyond retention', () => {
    const s = computeStorage(base)
    const perPartitionRate = base.storedBytesPerSec / base.partitions
    const segment = Math.min(base.segmentBytes, perPartitionRate * 7 * 86_400)
    expect(s.breakdown.activeSegmentBytes).toBeCloseTo(90 * (segment + perPartitionRate * 300), -3)
  })

  it('index entries: one 20-byte pair per batch above 4 KiB, every k batches below', () => {
    expect(indexBytesPerLogByte(65_536)).toBeCloseTo(20 / 65_536, 12)
    expect(indexBytesPerLogByte(4096)).toBeCloseTo(20 / 8192, 12)
    expect(indexBytesPerLogByte(1000)).toBeCloseTo(20 / 5000, 12)
  })

  it('tiered storage: local disks hold the local window, object storage one copy of everything', () => {
    const s = computeStorage({...base, localRetentionMs: DAY})
    expect(s.retentionLimitedBy).toBe('local.retention.ms')
    expect(s.tiered?.remoteBytes).toBeCloseTo(base.storedBytesPerSec * 7 * 86_400, -3)
    expect(s.breakdown.logBytes).toBeCloseTo(base.storedBytesPerSec * 86_400 * 3, -3)
  })

  it('compacted topics: distinct keys × record size × RF, plus at most as much dirty data (ratio 0.5)', () => {
    const s = computeStorage({...base, cleanupPolicy: 'compact', distinctKeys: 1e6, retentionMs: Infinity})
    expect(s.retentionLimitedBy).toBe('compaction')
    expect(s.breakdown.logBytes).toBe(1e6 * 500 * 3)
    expect(s.breakdown.dirtyBytes).toBe(1e6 * 500 * 3)
  })

  it('provisioned disk keeps the total within the fill limit', () => {
    const s = computeStorage(base)
    expect(s.provisionedBytes * 0.7).toBeCloseTo(s.totalBytes, 0)
  })
})
