// A faithful miniature of ONE Kafka partition log (UnifiedLog / LocalLog / LogSegment), synchronous so it can run in
// a worker thread's tight loop: one positional writev per appended batch, sparse indexes, size/time/index-full
// rolls with a background flush of the rolled segment, flush.messages / flush.ms / per-batch flush policies, and
// size/time retention of whole segments. See docs/logbench.md §1.1 and §3.1.
import * as fs from 'node:fs'
import {DEFAULT_SEGMENT_INDEX_BYTES, OFFSET_INDEX_ENTRY_BYTES, TIME_INDEX_ENTRY_BYTES} from './index-file.js'
import {type AppendResult, type LogConfig, type LogStats, type SegmentFileInfo, validateConfig} from './log-config.js'
import {BATCH_HEADER_BYTES, type HeaderFields, writeBatchHeader} from './record-batch.js'
import {RollFlusher} from './roll-flush.js'
import {LogSegment, type RollParams} from './segment.js'

// The log's settings and result types live in log-config.ts; re-exported so callers import one module.
export * from './log-config.js'
export {MAX_PENDING_ROLL_FLUSHES} from './roll-flush.js'

const EMPTY = Buffer.alloc(0)

export class PartitionLog {
  private readonly segments: LogSegment[] = []
  private active: LogSegment
  private readonly dirFd: number
  private readonly rollFlusher: RollFlusher
  private readonly iov: Buffer[] = [EMPTY, EMPTY]
  private readonly fields: HeaderFields = {baseOffset: 0, recordCount: 1, baseTimestamp: 0, maxTimestamp: 0}
  private readonly rollParams: RollParams = {maxSegmentBytes: 0, maxSegmentMs: 0, maxTimestampInMessages: 0, maxOffsetInMessages: 0, messagesSize: 0, now: 0}
  private readonly segmentIndexBytes: number
  private nextOffset = 0
  /** LocalLog.unflushedMessages = log end offset − recovery point. */
  private unflushedMessages = 0
  private lastFlushMs: number | undefined
  private lastNowMs: number | undefined
  private closed = false
  private segmentsRolled = 0
  private segmentsDeleted = 0
  private flushes = 0
  private logBytes = 0
  private retainedBytes = 0
  private deletedOffsetEntries = 0
  private deletedTimeEntries = 0

  private constructor(
    readonly dir: string,
    readonly config: Readonly<LogConfig>,
  ) {
    this.segmentIndexBytes = config.segmentIndexBytes ?? DEFAULT_SEGMENT_INDEX_BYTES
    this.dirFd = fs.openSync(dir, 'r')
    this.rollFlusher = new RollFlusher(this.dirFd, config.sync, config.onRollFlush)
    try {
      this.active = LogSegment.create(dir, 0, this.segmentIndexBytes, undefined)
    } catch (error) {
      fs.closeSync(this.dirFd)
      throw error
    }
    this.segments.push(this.active)
  }

  /** Creates an empty log (one segment at offset 0) in dir, which must exist and be empty. */
  static create(dir: string, config: LogConfig): PartitionLog {
    validateConfig(config)
    const existing = fs.readdirSync(dir)
    if (existing.length > 0) throw new Error(`log directory ${dir} is not empty (${existing.length} entries)`)
    return new PartitionLog(dir, {...config, flush: {...config.flush}})
  }

  /**
   * Appends one record batch: `records` is the records section of `recordCount` records (offset deltas 0..n−1),
   * `header` a 61-byte buffer this call fills. Like UnifiedLog.append: roll first if the active segment should roll,
   * assign offsets (LogValidator patches baseOffset in place; the CRC-32C, which covers attributes..end, is computed
   * here over the batch as the stand-in for the broker's batch.isValid check), write header + records with one
   * positional writev, update the indexes, then apply the flush policy (UnifiedLog: unflushedMessages ≥ flush.messages).
   */
  append(header: Buffer, records: Buffer, recordCount: number, maxTimestampMs: number, nowMs: number, baseTimestampMs = maxTimestampMs): AppendResult {
    this.checkUsable()
    if (header.length !== BATCH_HEADER_BYTES) throw new RangeError(`header must be ${BATCH_HEADER_BYTES} bytes, got ${header.length}`)
    if (!Number.isInteger(recordCount) || recordCount < 1) throw new RangeError(`recordCount must be a positive integer, got ${recordCount}`)
    const bytes = BATCH_HEADER_BYTES + records.length
    // UnifiedLog.analyzeAndValidateRecords: RecordBatchTooLargeException when a batch exceeds segment.bytes
    if (bytes > this.config.segmentBytes) throw new RangeError(`batch of ${bytes} bytes exceeds segmentBytes ${this.config.segmentBytes}`)
    this.lastNowMs = nowMs
    if (this.lastFlushMs === undefined) this.lastFlushMs = nowMs // LocalLog.lastFlushedTime starts at load time
    const baseOffset = this.nextOffset
    const lastOffset = baseOffset + recordCount - 1

    let active = this.active
    if (active.createdMs === undefined) active.createdMs = nowMs
    let rolled = false
    // UnifiedLog.maybeRoll
    const roll = this.rollParams
    roll.maxSegmentBytes = this.config.segmentBytes
    roll.maxSegmentMs = this.config.segmentMs
    roll.maxTimestampInMessages = maxTimestampMs
    roll.maxOffsetInMessages = lastOffset
    roll.messagesSize = bytes
    roll.now = nowMs
    if (active.shouldRoll(roll)) {
      active = this.roll(nowMs)
      rolled = true
    }

    const fields = this.fields
    fields.baseOffset = baseOffset
    fields.recordCount = recordCount
    fields.baseTimestamp = baseTimestampMs
    fields.maxTimestamp = maxTimestampMs
    writeBatchHeader(header, fields, records)
    this.iov[0] = header
    this.iov[1] = records
    const position = active.append(this.iov, bytes, lastOffset, maxTimestampMs, this.config.indexIntervalBytes)
    this.iov[0] = EMPTY
    this.iov[1] = EMPTY
    this.nextOffset = lastOffset + 1
    this.logBytes += bytes
    this.retainedBytes += bytes
    this.unflushedMessages += recordCount

    let flushMicros: number | undefined
    const policy = this.config.flush
    if (policy.kind === 'batch' || (policy.kind === 'messages' && this.unflushedMessages >= policy.every)) flushMicros = this.flush(this.policyFlushIndexes())
    return flushMicros === undefined
      ? {baseOffset, position, segmentBaseOffset: active.baseOffset, rolled}
      : {baseOffset, position, segmentBaseOffset: active.baseOffset, flushMicros, rolled}
  }

  /**
   * The flush.ms check (LogManager.flushDirtyLogs): flush if at least flush.ms passed since the last flush and there
   * is something unflushed. Returns the flush micros if it flushed; undefined otherwise or for other policies.
   */
  maybeFlush(nowMs: number): number | undefined {
    this.checkUsable()
    const policy = this.config.flush
    if (policy.kind !== 'interval') return undefined
    if (this.lastFlushMs === undefined) {
      this.lastFlushMs = nowMs
      return undefined
    }
    if (nowMs - this.lastFlushMs < policy.ms || this.unflushedMessages === 0) return undefined
    this.lastNowMs = nowMs
    return this.flush(this.policyFlushIndexes())
  }

  private policyFlushIndexes(): boolean {
    return this.config.syncIndexesOnFlush ?? false
  }

  /**
   * Flushes the active segment now (LogSegment.flush: .log, then offset index, then time index; LocalLog.flush also
   * fsyncs the directory when the segment had never been flushed). Returns the micros it took.
   */
  flush(indexes = true): number {
    this.checkUsable()
    const start = process.hrtime.bigint()
    const active = this.active
    active.syncSync(this.config.sync, indexes)
    if (!active.dirFlushed) {
      fs.fsyncSync(this.dirFd) // Utils.flushDir: FileChannel.force(true) on the directory
      active.dirFlushed = true
    }
    const micros = Number(process.hrtime.bigint() - start) / 1000
    this.flushes++
    this.unflushedMessages = 0
    if (this.lastNowMs !== undefined) this.lastFlushMs = this.lastNowMs
    return micros
  }

  /**
   * UnifiedLog.deleteOldSegments: retention.ms first (closed segments whose largest timestamp is more than
   * retentionMs old), then retention.bytes (delete while total − segment ≥ retentionBytes), oldest first, stopping at
   * the first segment that must stay; never the active segment. Files are unlinked immediately.
   */
  enforceRetention(nowMs: number): {segmentsDeleted: number; bytesDeleted: number} {
    this.checkUsable()
    let segmentsDeleted = 0
    let bytesDeleted = 0
    const drop = (): void => {
      const segment = this.segments.shift() as LogSegment
      segmentsDeleted++
      bytesDeleted += segment.size
      this.retainedBytes -= segment.size
      this.deletedOffsetEntries += segment.offsetIndexEntries
      this.deletedTimeEntries += segment.timeIndexEntries
      segment.deleteFiles()
    }
    const retentionMs = this.config.retentionMs
    if (retentionMs !== undefined && retentionMs >= 0) {
      while (this.segments.length > 1 && nowMs - this.segments[0].largestTimestamp() > retentionMs) drop()
    }
    const retentionBytes = this.config.retentionBytes
    if (retentionBytes !== undefined && retentionBytes >= 0 && this.retainedBytes >= retentionBytes) {
      let diff = this.retainedBytes - retentionBytes
      while (this.segments.length > 1 && diff - this.segments[0].size >= 0) {
        diff -= this.segments[0].size
        drop()
      }
    }
    this.segmentsDeleted += segmentsDeleted
    return {segmentsDeleted, bytesDeleted}
  }

  stats(): LogStats {
    let offsetIndexEntries = this.deletedOffsetEntries
    let timeIndexEntries = this.deletedTimeEntries
    for (const segment of this.segments) {
      offsetIndexEntries += segment.offsetIndexEntries
      timeIndexEntries += segment.timeIndexEntries
    }
    return {
      segments: this.segments.length,
      segmentsRolled: this.segmentsRolled,
      segmentsDeleted: this.segmentsDeleted,
      offsetIndexEntries,
      timeIndexEntries,
      logBytes: this.logBytes,
      indexBytes: offsetIndexEntries * OFFSET_INDEX_ENTRY_BYTES + timeIndexEntries * TIME_INDEX_ENTRY_BYTES,
      flushes: this.flushes,
      rollFlushes: this.rollFlusher.scheduled,
      rollFlushesPending: this.rollFlusher.pendingCount,
      retainedLogBytes: this.retainedBytes,
      nextOffset: this.nextOffset,
    }
  }

  segmentFiles(): SegmentFileInfo[] {
    return this.segments.map((s) => ({baseOffset: s.baseOffset, log: s.paths.log, index: s.paths.index, timeindex: s.paths.timeindex, sizeBytes: s.size}))
  }

  /**
   * Closes the log: the active segment gets its last time index entry and trimmed indexes (LogSegment.close), roll
   * flushes still pending are finished synchronously, and every fd is closed. The active segment is not flushed
   * (call flush() first to model a clean broker shutdown, which flushes).
   */
  close(): void {
    if (this.closed) return
    this.closed = true
    let firstError: unknown
    const attempt = (fn: () => void): void => {
      try {
        fn()
      } catch (error) {
        firstError ??= error
      }
    }
    attempt(() => this.active.onBecomeInactive())
    attempt(() => this.active.close())
    attempt(() => this.rollFlusher.finishAll())
    attempt(() => fs.closeSync(this.dirFd))
    if (firstError !== undefined) throw firstError
    if (this.rollFlusher.error !== undefined) throw this.rollFlusher.error
  }

  /**
   * LocalLog.roll: the old segment becomes inactive (last time entry, trimmed indexes), a new segment starts at the
   * log end offset, then (UnifiedLog.roll) a flush of the old segment is scheduled in the background.
   */
  private roll(nowMs: number): LogSegment {
    const old = this.active
    old.onBecomeInactive()
    const segment = LogSegment.create(this.dir, this.nextOffset, this.segmentIndexBytes, nowMs)
    this.segments.push(segment)
    this.active = segment
    this.segmentsRolled++
    this.rollFlusher.schedule(old)
    // The scheduled flush covers every message before the new segment (it moves the recovery point to its base).
    this.unflushedMessages = 0
    return segment
  }

  private checkUsable(): void {
    if (this.closed) throw new Error(`log ${this.dir} is closed`)
    if (this.rollFlusher.error !== undefined) throw this.rollFlusher.error
  }
}

