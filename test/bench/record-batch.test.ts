import {describe, expect, it} from 'vitest'
import {
  BATCH_HEADER_BYTES,
  batchCrcValid,
  encodeBatch,
  encodeRecords,
  readBatchHeader,
  readVarint,
  recordsTemplate,
  writeInt64,
  writeVarint,
} from '../../src/bench/log/record-batch.js'
import {batchOf, recordsFittingInBatch} from '../../src/model/record-format.js'

describe('record batch v2 encoder', () => {
  it('varints round-trip, zig-zag encoded', () => {
    const buf = Buffer.alloc(10)
    for (const v of [0, -1, 1, 63, -64, 64, 8191, 8192, -8193, 1_048_575, 2 ** 31 - 1, -(2 ** 31)]) {
      const end = writeVarint(buf, 0, v)
      expect(readVarint(buf, 0)).toEqual({value: v, next: end})
    }
    expect(writeVarint(buf, 0, -1)).toBe(1)
    expect(buf[0]).toBe(1)
  })

  it('matches the sizing model byte for byte (logbench.md §1.2 table)', () => {
    for (const [valueBytes, batchSize] of [[100, 16_384], [512, 16_384], [1024, 16_384], [1024, 1_048_576], [4096, 16_384], [16_384, 16_384]]) {
      const shape = {keyBytes: 0, keyed: false, valueBytes}
      const n = recordsFittingInBatch(shape, batchSize)
      const batch = encodeBatch({baseOffset: 0, recordCount: n, baseTimestamp: 1_700_000_000_000, maxTimestamp: 1_700_000_000_000}, recordsTemplate(n, Buffer.alloc(valueBytes, 7), null))
      expect(batch.length).toBe(batchOf(shape, n).batchBytes)
    }
  })

  it('keyed records: key length varint + key bytes, as the model counts them', () => {
    const shape = {keyBytes: 16, keyed: true, valueBytes: 200}
    const records = recordsTemplate(100, Buffer.alloc(200), Buffer.alloc(16))
    expect(BATCH_HEADER_BYTES + records.length).toBe(batchOf(shape, 100).batchBytes)
  })

  it('writes a header Kafka can read back, with a valid CRC-32C that breaks when a byte flips', () => {
    const records = encodeRecords([
      {key: null, value: Buffer.from('hello'), timestampDelta: 0},
      {key: Buffer.from('k'), value: Buffer.from('world'), timestampDelta: 3},
    ])
    const batch = encodeBatch({baseOffset: 42, recordCount: 2, baseTimestamp: 1000, maxTimestamp: 1003}, records)
    const h = readBatchHeader(batch)
    expect(h).toMatchObject({baseOffset: 42, batchLength: batch.length - 12, magic: 2, lastOffsetDelta: 1, baseTimestamp: 1000, maxTimestamp: 1003, producerId: -1, recordCount: 2})
    expect(batchCrcValid(batch)).toBe(true)
    batch[batch.length - 3] ^= 0xff
    expect(batchCrcValid(batch)).toBe(false)
  })

  it('writes i64 fields without BigInt, two\'s complement like writeBigInt64BE, for every safe integer', () => {
    const ours = Buffer.alloc(8)
    const node = Buffer.alloc(8)
    for (const v of [0, 1, -1, 42, 2 ** 32 - 1, 2 ** 32, -(2 ** 32), -(2 ** 32) - 1, 1_700_000_000_123, -1_700_000_000_123, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER]) {
      writeInt64(ours, v, 0)
      node.writeBigInt64BE(BigInt(v), 0)
      expect(ours.toString('hex'), String(v)).toBe(node.toString('hex'))
      expect(Number(ours.readBigInt64BE(0))).toBe(v)
    }
    expect(() => writeInt64(ours, 0.5, 0)).toThrow(RangeError)
  })
})
