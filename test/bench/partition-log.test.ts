import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest'
import {OFFSET_INDEX_ENTRY_BYTES, TIME_INDEX_ENTRY_BYTES} from '../../src/bench/log/index-file.js'
import {filenamePrefixFromOffset} from '../../src/bench/log/names.js'
import {type LogConfig, MAX_PENDING_ROLL_FLUSHES, PartitionLog} from '../../src/bench/log/partition-log.js'
import {BATCH_HEADER_BYTES, batchCrcValid, readBatchHeader, recordsTemplate} from '../../src/bench/log/record-batch.js'

/** Records (null key, 1-byte varint fields) of `count` records whose batch is exactly `batchBytes` bytes. */
function recordsForBatch(batchBytes: number, count: number, fill = 0x5a): Buffer {
  for (let v = 1; v < batchBytes; v++) {
    const records = recordsTemplate(count, Buffer.alloc(v, fill), null)
    if (BATCH_HEADER_BYTES + records.length === batchBytes) return records
    if (BATCH_HEADER_BYTES + records.length > batchBytes) break
  }
  throw new Error(`no ${count}-record batch of exactly ${batchBytes} bytes`)
}

function readOffsetIndex(file: string): Array<{relativeOffset: number; position: number}> {
  const buf = fs.readFileSync(file)
  const out = []
  for (let p = 0; p + OFFSET_INDEX_ENTRY_BYTES <= buf.length; p += OFFSET_INDEX_ENTRY_BYTES) out.push({relativeOffset: buf.readUInt32BE(p), position: buf.readUInt32BE(p + 4)})
  return out
}

function readTimeIndex(file: string): Array<{timestamp: number; relativeOffset: number}> {
  const buf = fs.readFileSync(file)
  const out = []
  for (let p = 0; p + TIME_INDEX_ENTRY_BYTES <= buf.length; p += TIME_INDEX_ENTRY_BYTES) out.push({timestamp: Number(buf.readBigInt64BE(p)), relativeOffset: buf.readUInt32BE(p + 8)})
  return out
}

/** fds of this process that point into dir (Linux /proc). */
function openFdsUnder(dir: string): number {
  let n = 0
  for (const fd of fs.readdirSync('/proc/self/fd')) {
    try {
      if (fs.readlinkSync(`/proc/self/fd/${fd}`).startsWith(fs.realpathSync(dir) + path.sep)) n++
    } catch {
      // closed meanwhile
    }
  }
  return n
}

const BASE: LogConfig = {segmentBytes: 1024 * 1024 * 1024, segmentMs: 7 * 86_400_000, indexIntervalBytes: 4096, flush: {kind: 'none'}, sync: 'fdatasync'}
const T0 = 1_700_000_000_000

let dir: string
let logs: PartitionLog[]

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'partition-log-'))
  logs = []
})

afterEach(() => {
  for (const log of logs) {
    try {
      log.close()
    } catch {
      // already closed
    }
  }
  fs.rmSync(dir, {recursive: true, force: true})
})

function open(config: Partial<LogConfig>): PartitionLog {
  const log = PartitionLog.create(dir, {...BASE, ...config})
  logs.push(log)
  return log
}

const header = Buffer.alloc(BATCH_HEADER_BYTES)

describe('PartitionLog: segments and rolls', () => {
  it('rolls exactly at segment.bytes: size > segmentBytes − incoming bytes', () => {
    const log = open({segmentBytes: 10_000})
    const records = recordsForBatch(1000, 3)
    const rolledAt: number[] = []
    for (let i = 0; i < 35; i++) {
      const r = log.append(header, records, 3, T0, T0)
      if (r.rolled) rolledAt.push(i)
      expect(r.baseOffset).toBe(3 * i)
      expect(r.position).toBe((i % 10) * 1000)
      expect(r.segmentBaseOffset).toBe(30 * Math.floor(i / 10))
    }
    // 9,000 is not > 10,000 − 1,000, so the 10th batch still fits; at 10,000 the next one rolls.
    expect(rolledAt).toEqual([10, 20, 30])
    const files = log.segmentFiles()
    expect(files.map((f) => f.baseOffset)).toEqual([0, 30, 60, 90])
    expect(files.map((f) => path.basename(f.log))).toEqual(['00000000000000000000.log', '00000000000000000030.log', '00000000000000000060.log', '00000000000000000090.log'])
    expect(files.map((f) => fs.statSync(f.log).size)).toEqual([10_000, 10_000, 10_000, 5000])
    expect(files.map((f) => f.sizeBytes)).toEqual([10_000, 10_000, 10_000, 5000])
    expect(fs.readdirSync(dir).sort()).toEqual(
      [0, 30, 60, 90].flatMap((o) => ['.index', '.log', '.timeindex'].map((s) => filenamePrefixFromOffset(o) + s)).sort(),
    )
    expect(log.stats()).toMatchObject({segments: 4, segmentsRolled: 3, logBytes: 35_000, retainedLogBytes: 35_000, nextOffset: 105})
  })

  it('writes the caller\'s bytes: a segment is the batches back to back, offsets assigned, CRCs valid', () => {
    const log = open({})
    const a = recordsForBatch(1000, 3, 0x41)
    const b = recordsForBatch(2000, 1, 0x42)
    log.append(header, a, 3, T0, T0)
    log.append(header, b, 1, T0 + 7, T0 + 7)
    log.close()
    const file = fs.readFileSync(log.segmentFiles()[0].log)
    expect(file.length).toBe(3000)
    expect(readBatchHeader(file, 0)).toMatchObject({baseOffset: 0, batchLength: 988, magic: 2, lastOffsetDelta: 2, recordCount: 3, maxTimestamp: T0})
    expect(readBatchHeader(file, 1000)).toMatchObject({baseOffset: 3, batchLength: 1988, lastOffsetDelta: 0, recordCount: 1, maxTimestamp: T0 + 7})
    expect(batchCrcValid(file, 0) && batchCrcValid(file, 1000)).toBe(true)
    expect(file.subarray(BATCH_HEADER_BYTES, 1000).equals(a)).toBe(true)
    expect(file.subarray(1000 + BATCH_HEADER_BYTES).equals(b)).toBe(true)
  })

  it('rejects a batch larger than segment.bytes (RecordBatchTooLargeException)', () => {
    const log = open({segmentBytes: 1500})
    expect(() => log.append(header, recordsForBatch(2000, 1), 1, T0, T0)).toThrow(/exceeds segmentBytes/)
  })

  it('rolls when the segment is older than segment.ms, measured by message timestamps', () => {
    const log = open({segmentMs: 1000})
    const records = recordsForBatch(1000, 3)
    // first batch of a segment at t, the roll comes with the first batch whose timestamp is > t + 1000
    for (let i = 0; i < 10; i++) log.append(header, records, 3, 10_000 + 300 * i, 0)
    // batches at 10000..10900 | 11200..12100 | 12400..12700 → segments of 4, 4 and 2 batches
    expect(log.segmentFiles().map((f) => [f.baseOffset, f.sizeBytes])).toEqual([[0, 4000], [12, 4000], [24, 2000]])
  })

  it('rolls when the offset index is full, or the time index (one slot reserved for the roll entry)', () => {
    const records = recordsForBatch(5000, 1)
    // segmentIndexBytes 100: offset index 12 entries (96 B), time index 8 entries (96 B), full at 7.
    const constant = open({segmentIndexBytes: 100})
    for (let i = 0; i < 30; i++) constant.append(header, records, 1, T0, T0)
    // 5,000-byte batches: every batch but a segment's first gets an entry; 12 entries after 13 batches
    expect(constant.segmentFiles().map((f) => f.baseOffset)).toEqual([0, 13, 26])
    constant.close()
    for (const f of constant.segmentFiles()) {
      const entries = f.baseOffset === 26 ? 3 : 12
      expect(fs.statSync(f.index).size).toBe(entries * 8)
      expect(readTimeIndex(f.timeindex)).toEqual([{timestamp: T0, relativeOffset: 0}])
    }

    fs.rmSync(dir, {recursive: true})
    fs.mkdirSync(dir)
    const growing = open({segmentIndexBytes: 100})
    for (let i = 0; i < 20; i++) growing.append(header, records, 1, T0 + i, T0 + i)
    // every indexed batch also adds a time entry: 7 entries after 8 batches fill the time index
    expect(growing.segmentFiles().map((f) => f.baseOffset)).toEqual([0, 8, 16])
    const first = growing.segmentFiles()[0]
    expect(fs.statSync(first.index).size).toBe(7 * 8)
    expect(fs.statSync(first.timeindex).size).toBe(7 * 12)
    expect(readTimeIndex(first.timeindex).map((e) => e.relativeOffset)).toEqual([1, 2, 3, 4, 5, 6, 7])
  })
})

describe('PartitionLog: sparse indexes', () => {
  it('indexes one batch in 5 for 1 KiB batches; every entry points at the start of the batch ending at that offset', () => {
    const log = open({})
    const records = recordsForBatch(1024, 3)
    for (let i = 0; i < 50; i++) log.append(header, records, 3, T0, T0)
    log.close()
    const seg = log.segmentFiles()[0]
    const entries = readOffsetIndex(seg.index)
    // bytes since the last entry reach 5,120 > 4,096 before batches 5, 10, …, 45
    expect(entries).toEqual([5, 10, 15, 20, 25, 30, 35, 40, 45].map((b) => ({relativeOffset: 3 * b + 2, position: 1024 * b})))
    expect(log.stats().offsetIndexEntries).toBe(9)
  })

  it('across segments: each on-disk entry locates a batch whose last offset = base + relative offset', () => {
    const log = open({segmentBytes: 10_240})
    const small = recordsForBatch(1024, 3)
    const big = recordsForBatch(5000, 1)
    // 40 small batches (10 per segment: one entry each, at the 6th batch), then 9 big ones
    for (let i = 0; i < 40; i++) log.append(header, small, 3, T0, T0)
    for (let i = 0; i < 9; i++) log.append(header, big, 1, T0, T0)
    log.close()
    const segs = log.segmentFiles()
    // 120 offsets in 4 segments of 30; then big batches, 2 per segment (10,000 ≤ 10,240; a 3rd would pass it)
    expect(segs.map((s) => s.baseOffset)).toEqual([0, 30, 60, 90, 120, 122, 124, 126, 128])
    let total = 0
    for (const seg of segs) {
      const file = fs.readFileSync(seg.log)
      const entries = readOffsetIndex(seg.index)
      total += entries.length
      expect(fs.statSync(seg.index).size).toBe(entries.length * OFFSET_INDEX_ENTRY_BYTES)
      for (const e of entries) {
        const h = readBatchHeader(file, e.position)
        expect(h.magic).toBe(2)
        expect(h.baseOffset + h.lastOffsetDelta).toBe(seg.baseOffset + e.relativeOffset)
      }
      // small segments: 1 entry (batch 5); big-batch segments: every batch but the first
      expect(entries.length).toBe(seg.baseOffset < 120 ? 1 : file.length / 5000 - 1)
    }
    expect(total).toBe(4 * 1 + 4 * 1 + 0)
    expect(log.stats().offsetIndexEntries).toBe(total)
    expect(log.stats().indexBytes).toBe(total * 8 + log.stats().timeIndexEntries * 12)
  })

  it('adds a time index entry only when the max timestamp grew (plus the roll/close entry)', () => {
    const log = open({})
    const records = recordsForBatch(1024, 3)
    const ts = (k: number) => (k < 10 ? 1000 : k < 20 ? 2000 : k < 30 ? 1500 : k < 41 ? 3000 : 4000)
    for (let k = 0; k < 42; k++) log.append(header, records, 3, T0 + ts(k), T0)
    const seg = log.segmentFiles()[0]
    log.close()
    // offset entries at batches 5, 10, …, 40; time entries: at 5 (max 1000 from batch 0), at 10 (2000, batch 10),
    // at 30 (3000, batch 30); batch 41's 4000 is not at an index point, so close() appends it.
    expect(readOffsetIndex(seg.index)).toHaveLength(8)
    const last = (k: number) => 3 * k + 2
    expect(readTimeIndex(seg.timeindex)).toEqual([
      {timestamp: T0 + 1000, relativeOffset: last(0)},
      {timestamp: T0 + 2000, relativeOffset: last(10)},
      {timestamp: T0 + 3000, relativeOffset: last(30)},
      {timestamp: T0 + 4000, relativeOffset: last(41)},
    ])
    expect(log.stats().timeIndexEntries).toBe(4)
  })

  it('preallocates index files to segment.index.bytes (rounded down to the entry size) and close() trims them', () => {
    const log = open({segmentBytes: 100_000})
    const records = recordsForBatch(5000, 1)
    for (let i = 0; i < 30; i++) log.append(header, records, 1, T0 + i, T0)
    const [closed, active] = log.segmentFiles()
    // the rolled segment is trimmed at roll: 19 entries each (every batch but the first of 20)
    expect(fs.statSync(closed.index).size).toBe(19 * 8)
    expect(fs.statSync(closed.timeindex).size).toBe(19 * 12)
    expect(fs.statSync(active.index).size).toBe(10 * 1024 * 1024)
    expect(fs.statSync(active.timeindex).size).toBe(10 * 1024 * 1024 - ((10 * 1024 * 1024) % 12))
    expect(openFdsUnder(dir)).toBeGreaterThan(0)
    log.close()
    expect(fs.statSync(active.index).size).toBe(9 * 8)
    expect(fs.statSync(active.timeindex).size).toBe(9 * 12)
    expect(readOffsetIndex(active.index).map((e) => e.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9].map((b) => 5000 * b))
    // close() finished the pending roll flush itself: nothing of the log is left open
    expect(openFdsUnder(dir)).toBe(0)
    expect(() => log.append(header, records, 1, T0, T0)).toThrow(/closed/)
  })
})

describe('PartitionLog: retention', () => {
  function fill(log: PartitionLog, batches: number, ts: (k: number) => number): void {
    const records = recordsForBatch(1000, 1)
    for (let k = 0; k < batches; k++) log.append(header, records, 1, ts(k), ts(k))
  }

  it('by bytes: deletes oldest whole segments while total − segment ≥ retention.bytes, never the active one', () => {
    const log = open({segmentBytes: 10_000, retentionBytes: 22_000})
    fill(log, 45, () => T0) // 10,000 × 4 + 5,000
    const before = log.segmentFiles()
    // 45,000 − 22,000 = 23,000: drop 10,000, then 10,000 (3,000 left < 10,000)
    expect(log.enforceRetention(T0)).toEqual({segmentsDeleted: 2, bytesDeleted: 20_000})
    expect(log.segmentFiles().map((f) => f.baseOffset)).toEqual([20, 30, 40])
    for (const f of before.slice(0, 2)) for (const file of [f.log, f.index, f.timeindex]) expect(fs.existsSync(file)).toBe(false)
    expect(log.stats()).toMatchObject({segments: 3, segmentsDeleted: 2, retainedLogBytes: 25_000, logBytes: 45_000})
    expect(log.enforceRetention(T0)).toEqual({segmentsDeleted: 0, bytesDeleted: 0})
  })

  it('by bytes, retention 0: every closed segment goes, the active one stays', () => {
    const log = open({segmentBytes: 10_000, retentionBytes: 0})
    fill(log, 45, () => T0)
    expect(log.enforceRetention(T0)).toEqual({segmentsDeleted: 4, bytesDeleted: 40_000})
    expect(log.segmentFiles().map((f) => [f.baseOffset, f.sizeBytes])).toEqual([[40, 5000]])
    fill(log, 1, () => T0)
    expect(log.stats().nextOffset).toBe(46)
  })

  it('by time: deletes closed segments whose largest timestamp is more than retention.ms old', () => {
    const log = open({segmentBytes: 10_000, retentionMs: 4000})
    fill(log, 45, (k) => 1000 + 100 * k) // segment max timestamps 1900, 2900, 3900, 4900; active 5400
    // now 7000: 7000 − 1900 and 7000 − 2900 exceed 4000
    expect(log.enforceRetention(7000)).toEqual({segmentsDeleted: 2, bytesDeleted: 20_000})
    expect(log.segmentFiles().map((f) => f.baseOffset)).toEqual([20, 30, 40])
    expect(log.enforceRetention(100_000)).toEqual({segmentsDeleted: 2, bytesDeleted: 20_000})
    expect(log.segmentFiles().map((f) => f.baseOffset)).toEqual([40])
  })
})

describe('PartitionLog: flush policies', () => {
  const records = recordsForBatch(1000, 3)

  it("'batch' flushes after every append", () => {
    const log = open({flush: {kind: 'batch'}})
    for (let i = 0; i < 20; i++) {
      const r = log.append(header, records, 3, T0, T0)
      expect(r.flushMicros).toBeGreaterThan(0)
    }
    expect(log.stats()).toMatchObject({flushes: 20, rollFlushes: 0})
  })

  it("'messages' flushes when unflushed messages reach N", () => {
    const log = open({flush: {kind: 'messages', every: 10}})
    const flushedAt: number[] = []
    for (let i = 0; i < 20; i++) if (log.append(header, records, 3, T0, T0).flushMicros !== undefined) flushedAt.push(i)
    // 3 records per append: 12 ≥ 10 after every 4th append
    expect(flushedAt).toEqual([3, 7, 11, 15, 19])
    expect(log.stats().flushes).toBe(5)
  })

  it("'none' never flushes on append; each roll schedules one background flush", async () => {
    const done: number[] = []
    const log = open({segmentBytes: 10_000, onRollFlush: (micros) => done.push(micros)})
    for (let i = 0; i < 45; i++) expect(log.append(header, records, 3, T0, T0).flushMicros).toBeUndefined()
    expect(log.stats()).toMatchObject({flushes: 0, segmentsRolled: 4, rollFlushes: 4})
    // the syncs run on the threadpool; completions (which close the fds) arrive when the event loop turns
    await vi.waitFor(() => expect(log.stats().rollFlushesPending).toBe(0), {timeout: 5000})
    expect(done).toHaveLength(4)
    expect(done.every((m) => m > 0)).toBe(true)
    log.close()
    expect(openFdsUnder(dir)).toBe(0)
  })

  it('a loop that never yields keeps at most MAX_PENDING_ROLL_FLUSHES roll flushes (and their fds) open', () => {
    const log = open({segmentBytes: 2000, sync: 'fsync'})
    for (let i = 0; i < 100; i++) log.append(header, records, 3, T0, T0)
    const stats = log.stats()
    expect(stats).toMatchObject({segmentsRolled: 49, rollFlushes: 49})
    expect(stats.rollFlushesPending).toBeLessThanOrEqual(MAX_PENDING_ROLL_FLUSHES)
    // 3 fds per pending roll flush + 3 for the active segment (+ the directory)
    expect(openFdsUnder(dir)).toBeLessThanOrEqual(3 * MAX_PENDING_ROLL_FLUSHES + 3)
    log.close()
    expect(log.stats().rollFlushesPending).toBe(0)
    expect(openFdsUnder(dir)).toBe(0)
  })

  it("'interval' flushes via maybeFlush once flush.ms passed and something is unflushed", () => {
    const log = open({flush: {kind: 'interval', ms: 100}})
    const flushedAt: number[] = []
    for (let i = 0; i < 50; i++) {
      const now = T0 + 10 * i
      expect(log.append(header, records, 3, now, now).flushMicros).toBeUndefined()
      if (log.maybeFlush(now) !== undefined) flushedAt.push(now - T0)
    }
    expect(flushedAt).toEqual([100, 200, 300, 400])
    // appends at 410..490 are still unflushed: the next check flushes them; after that, nothing to flush
    expect(log.maybeFlush(T0 + 10_000)).toBeGreaterThan(0)
    expect(log.maybeFlush(T0 + 20_000)).toBeUndefined()
    expect(log.stats().flushes).toBe(5)
  })

  it('flush() syncs on demand with fsync too, and returns micros', () => {
    const log = open({sync: 'fsync'})
    log.append(header, records, 3, T0, T0)
    expect(log.flush()).toBeGreaterThan(0)
    expect(log.flush()).toBeGreaterThan(0)
    expect(log.stats().flushes).toBe(2)
  })

  it('refuses a non-empty directory', () => {
    fs.writeFileSync(path.join(dir, 'x'), 'x')
    expect(() => PartitionLog.create(dir, BASE)).toThrow(/not empty/)
  })
})
