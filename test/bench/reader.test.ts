import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {type LogConfig, PartitionLog} from '../../src/bench/log/partition-log.js'
import {type FetchResult, LogReader} from '../../src/bench/log/reader.js'
import {BATCH_HEADER_BYTES, readBatchHeader, readVarint, recordsTemplate} from '../../src/bench/log/record-batch.js'

const CONFIG: LogConfig = {segmentBytes: 20_000, segmentMs: 7 * 86_400_000, indexIntervalBytes: 4096, flush: {kind: 'none'}, sync: 'fdatasync'}
const T0 = 1_700_000_000_000

let dir: string
let log: PartitionLog | undefined
let reader: LogReader | undefined

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'log-reader-'))
})

afterEach(() => {
  reader?.close()
  reader = undefined
  try {
    log?.close()
  } catch {
    // already closed
  }
  log = undefined
  fs.rmSync(dir, {recursive: true, force: true})
})

/**
 * Writes `batches` batches of 1..7 records whose values are filled with a byte derived from the record's offset,
 * so a reader can check every record's identity and order. Returns the number of records.
 */
function writeLog(batches: number, config: Partial<LogConfig> = {}): number {
  log = PartitionLog.create(dir, {...CONFIG, ...config})
  const header = Buffer.alloc(BATCH_HEADER_BYTES)
  let offset = 0
  for (let b = 0; b < batches; b++) {
    const count = 1 + (b % 7)
    const valueBytes = 100 + ((b * 37) % 900)
    // one fill byte per batch: the batch's base offset mod 251, + 1 (never zero)
    const records = recordsTemplate(count, Buffer.alloc(valueBytes, (offset % 251) + 1), null)
    log.append(header, records, count, T0 + b, T0 + b)
    offset += count
  }
  return offset
}

/** Walks the records of the whole batches in a fetch result; returns their offsets (from `from` on). */
function recordOffsets(into: Buffer, got: FetchResult, from: number): number[] {
  const out: number[] = []
  let p = 0
  while (p < got.bytes) {
    const h = readBatchHeader(into, p)
    const fill = (h.baseOffset % 251) + 1
    let r = p + BATCH_HEADER_BYTES
    for (let i = 0; i < h.recordCount; i++) {
      const length = readVarint(into, r)
      let q = length.next + 1 // attributes
      q = readVarint(into, q).next // timestamp delta
      const offsetDelta = readVarint(into, q)
      q = readVarint(into, offsetDelta.next).next // key length (-1)
      const valueLength = readVarint(into, q)
      const value = into.subarray(valueLength.next, valueLength.next + valueLength.value)
      expect(offsetDelta.value).toBe(i)
      expect(value.every((byte) => byte === fill)).toBe(true)
      if (h.baseOffset + i >= from) out.push(h.baseOffset + i)
      r = length.next + length.value
    }
    expect(r).toBe(p + 12 + h.batchLength)
    p = r
  }
  return out
}

/** Fetches from `from` until the log end; returns the offsets delivered, fetches made and CRC errors. */
function readAll(r: LogReader, from: number, maxBytes: number): {offsets: number[]; fetches: number; crcErrors: number} {
  const into = Buffer.alloc(1024 * 1024)
  const offsets: number[] = []
  let crcErrors = 0
  let fetches = 0
  let offset = from
  for (;;) {
    const got = r.fetch(offset, maxBytes, into)
    if (got.bytes === 0) {
      expect(got).toEqual({bytes: 0, batches: 0, records: 0, nextOffset: offset, crcErrors: 0})
      break
    }
    fetches++
    if (got.batches > 1) expect(got.bytes).toBeLessThanOrEqual(maxBytes)
    const seen = recordOffsets(into, got, offset)
    expect(seen).toHaveLength(got.records)
    expect(seen[0]).toBe(offset)
    offsets.push(...seen)
    crcErrors += got.crcErrors
    offset = got.nextOffset
  }
  return {offsets, fetches, crcErrors}
}

const range = (from: number, to: number) => Array.from({length: to - from}, (_, i) => from + i)

describe('LogReader', () => {
  it('returns every record in order across segment boundaries, from offset 0, with valid CRCs', () => {
    const total = writeLog(300)
    log?.close()
    expect(log?.segmentFiles().length).toBeGreaterThan(5)
    reader = new LogReader(dir)
    expect(reader.firstOffset()).toBe(0)
    const whole = readAll(reader, 0, 1024 * 1024)
    expect(whole.offsets).toEqual(range(0, total))
    expect(whole.crcErrors).toBe(0)
    // one segment per fetch at 1 MiB (LocalLog.read reads a single segment)
    expect(whole.fetches).toBe(log?.segmentFiles().length)
    const small = readAll(reader, 0, 3000)
    expect(small.offsets).toEqual(range(0, total))
    expect(small.fetches).toBeGreaterThan(whole.fetches * 3)
  })

  it('a catch-up consumer costs one read of the .log per fetch, at segment starts too (no separate header read)', () => {
    const total = writeLog(300)
    log?.close()
    reader = new LogReader(dir, {verifyCrc: false})
    const into = Buffer.alloc(1024 * 1024)
    let offset = 0
    let fetches = 0
    while (offset < total) {
      const before = reader.logReads
      const got = reader.fetch(offset, into.length, into)
      expect(got.batches).toBeGreaterThan(0)
      expect(reader.logReads - before).toBe(1)
      fetches++
      offset = got.nextOffset
    }
    expect(fetches).toBe(log?.segmentFiles().length)
    // a fetch from the middle (index lookup, then the scan lands past the chunk's first batch) reads the batch again
    const before = reader.logReads
    expect(reader.fetch(777, 3000, into).records).toBeGreaterThan(0)
    expect(reader.logReads - before).toBeLessThanOrEqual(2)
  })

  it('starts from a middle offset: the batch that contains it, delivering records from that offset on', () => {
    const total = writeLog(300)
    log?.close()
    reader = new LogReader(dir)
    const into = Buffer.alloc(1024 * 1024)
    for (const from of [1, 5, 777, 1000, 1001, total - 1]) {
      const got = reader.fetch(from, 1024 * 1024, into)
      const h = readBatchHeader(into, 0)
      expect(h.baseOffset).toBeLessThanOrEqual(from)
      expect(h.baseOffset + h.lastOffsetDelta).toBeGreaterThanOrEqual(from)
      expect(recordOffsets(into, got, from)[0]).toBe(from)
    }
    expect(readAll(reader, 777, 1024 * 1024).offsets).toEqual(range(777, total))
    expect(readAll(reader, 1000, 5000).offsets).toEqual(range(1000, total))
    // at the log end: nothing, nextOffset unchanged
    expect(reader.fetch(total, 1024 * 1024, into)).toEqual({bytes: 0, batches: 0, records: 0, nextOffset: total, crcErrors: 0})
  })

  it('reads a log that is still open (preallocated, partly written active index) and sees later appends', () => {
    const total = writeLog(300, {segmentBytes: 1024 * 1024 * 1024})
    reader = new LogReader(dir)
    expect(readAll(reader, 0, 4096).offsets).toEqual(range(0, total))
    log?.flush() // writes the buffered index entries
    expect(readAll(reader, 900, 4096).offsets).toEqual(range(900, total))
    const header = Buffer.alloc(BATCH_HEADER_BYTES)
    log?.append(header, recordsTemplate(3, Buffer.alloc(50, (total % 251) + 1), null), 3, T0, T0)
    expect(readAll(reader, total - 1, 4096).offsets).toEqual(range(total - 1, total + 3))
  })

  it('binary-searches the offset index: any offset lands in its batch (one big segment, 1 KiB batches)', () => {
    log = PartitionLog.create(dir, {...CONFIG, segmentBytes: 1024 * 1024 * 1024})
    const records = recordsTemplate(3, Buffer.alloc(312, 1), null) // 1,024-byte batches
    const header = Buffer.alloc(BATCH_HEADER_BYTES)
    for (let b = 0; b < 2000; b++) log.append(header, records, 3, T0, T0)
    log.close()
    expect(log.stats().offsetIndexEntries).toBe(399) // batches 5, 10, …, 1995
    reader = new LogReader(dir)
    const into = Buffer.alloc(64 * 1024)
    for (let offset = 0; offset < 6000; offset += 97) {
      const got = reader.fetch(offset, into.length, into)
      expect(readBatchHeader(into, 0).baseOffset).toBe(offset - (offset % 3))
      expect(got.records).toBe(got.batches * 3 - (offset % 3))
      expect(got.bytes).toBe(got.batches * 1024)
    }
    // break batch 1's header: a fetch at offset 30 starts its scan at the index entry for batch 5 and never sees it,
    // while offset 3 (in batch 1) has no entry below it, so its scan from position 0 runs into the damage
    reader.close()
    const fd = fs.openSync(log.segmentFiles()[0].log, 'r+')
    fs.writeSync(fd, Buffer.from([7]), 0, 1, 1024 + 16) // magic
    fs.closeSync(fd)
    reader = new LogReader(dir)
    expect(reader.fetch(30, into.length, into)).toMatchObject({crcErrors: 0, records: 64 * 3})
    expect(() => reader?.fetch(3, into.length, into)).toThrow(/corrupt batch header/)
  })

  it('counts CRC errors when a byte of the file flips', () => {
    const total = writeLog(300)
    log?.close()
    const seg = log?.segmentFiles()[2]
    if (seg === undefined) throw new Error('expected a third segment')
    const fd = fs.openSync(seg.log, 'r+')
    const hdr = Buffer.alloc(BATCH_HEADER_BYTES)
    fs.readSync(fd, hdr, 0, BATCH_HEADER_BYTES, 0)
    const second = 12 + hdr.readInt32BE(8) // the second batch's position
    const byte = Buffer.alloc(1)
    fs.readSync(fd, byte, 0, 1, second + 70) // inside its records
    byte[0] ^= 0xff
    fs.writeSync(fd, byte, 0, 1, second + 70)
    fs.closeSync(fd)
    reader = new LogReader(dir)
    const into = Buffer.alloc(1024 * 1024)
    let crcErrors = 0
    let records = 0
    let offset = 0
    for (;;) {
      const got = reader.fetch(offset, 1024 * 1024, into)
      if (got.bytes === 0) break
      crcErrors += got.crcErrors
      records += got.records
      offset = got.nextOffset
    }
    expect(crcErrors).toBe(1)
    expect(records).toBe(total)
  })

  it('returns a first batch larger than maxBytes whole (minOneMessage), and refuses a buffer too small for it', () => {
    writeLog(10)
    reader = new LogReader(dir)
    const into = Buffer.alloc(64 * 1024)
    const got = reader.fetch(0, 10, into)
    expect(got.batches).toBe(1)
    expect(got.bytes).toBe(12 + into.readInt32BE(8))
    expect(got.nextOffset).toBe(1)
    expect(() => reader?.fetch(0, 10, Buffer.alloc(100))).toThrow(/cannot hold/)
  })

  it('after retention: the log start moves and older offsets are out of range', () => {
    const total = writeLog(300, {retentionBytes: 60_000})
    log?.enforceRetention(T0)
    const start = log?.segmentFiles()[0].baseOffset ?? 0
    expect(start).toBeGreaterThan(0)
    reader = new LogReader(dir)
    expect(reader.firstOffset()).toBe(start)
    expect(() => reader?.fetch(0, 1024, Buffer.alloc(1024 * 1024))).toThrow(/out of range/)
    expect(readAll(reader, start, 1024 * 1024).offsets).toEqual(range(start, total))
  })
})
