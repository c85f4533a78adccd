import {describe, expect, it} from 'vitest'
import {batchOf, recordSize, recordsFittingInBatch, sizeOfVarint} from '../../src/model/record-format.js'

const nullKey = (valueBytes: number) => ({keyBytes: 0, keyed: false, valueBytes})

describe('varints (ByteUtils.sizeOfVarint, zig-zag)', () => {
  it('uses 1 byte for -64..63, 2 bytes up to 8191, 3 bytes up to ~1M', () => {
    expect(sizeOfVarint(0)).toBe(1)
    expect(sizeOfVarint(-1)).toBe(1)
    expect(sizeOfVarint(63)).toBe(1)
    expect(sizeOfVarint(64)).toBe(2)
    expect(sizeOfVarint(-64)).toBe(1)
    expect(sizeOfVarint(-65)).toBe(2)
    expect(sizeOfVarint(8191)).toBe(2)
    expect(sizeOfVarint(8192)).toBe(3)
    expect(sizeOfVarint(1_048_575)).toBe(3)
    expect(sizeOfVarint(1_048_576)).toBe(4)
  })
})

describe('record size (DefaultRecord.sizeInBytes)', () => {
  it('a 100 B value with a null key costs 109 B at offset delta 0 and 110 B from delta 64', () => {
    // length(2) + attributes(1) + tsDelta(1) + offsetDelta(1|2) + keyLen(1) + valueLen(2) + value(100) + headers(1)
    expect(recordSize(nullKey(100), 0, 0)).toBe(109)
    expect(recordSize(nullKey(100), 64, 0)).toBe(110)
  })
  it('never exceeds value + key + 21 bytes of overhead (MAX_RECORD_OVERHEAD) for small keys', () => {
    for (const v of [0, 1, 63, 64, 100, 1024, 8192, 1_000_000]) {
      expect(recordSize(nullKey(v), 100_000, 1000) - v).toBeLessThanOrEqual(21)
    }
  })
})

describe('batches filled to batch.size (logbench.md §1.2 worked examples)', () => {
  it.each([
    [100, 16_384, 148, 16_277],
    [100, 1_048_576, 9_520, 1_048_525],
    [512, 16_384, 31, 16_212],
    [1024, 16_384, 15, 15_556],
    [1024, 1_048_576, 1_014, 1_048_473],
    [4096, 16_384, 3, 12_376],
    [16_384, 16_384, 1, 16_456],
  ])('%i B values in a %i B batch: %i records, %i bytes', (value, batchSize, records, bytes) => {
    const n = recordsFittingInBatch(nullKey(value), batchSize)
    // A single record larger than batch.size still forms a batch of one (the producer never splits a record).
    expect(n).toBe(records)
    expect(batchOf(nullKey(value), n).batchBytes).toBe(bytes)
  })

  it('compression applies to the records section only; the 61-byte header stays', () => {
    const plain = batchOf(nullKey(1024), 10)
    const compressed = batchOf(nullKey(1024), 10, 4)
    expect(compressed.batchBytes - 61).toBeCloseTo((plain.batchBytes - 61) / 4, 6)
  })
})
