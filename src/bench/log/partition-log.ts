// A faithful miniature of ONE Kafka partition log (UnifiedLog / LocalLog / LogSegment), synchronous so it can run in
// a worker thread's tight loop: one positional writev per appended batch, sparse indexes, size/time/index-full
// rolls with a background flush of the rolled segment, flush.messages / flush.ms / per-batch flush policies, and
// size/time retention of whole segments. See docs/logbench.md §1.1 and §3.1.
import * as fs from 'node:fs'
import {BATCH_HEADER_BYTES, type HeaderFields, writeBatchHeader} from './record-batch.js'
import {DEFAULT_SEGMENT_INDEX_BYTES, OFFSET_INDEX_ENTRY_BYTES, type SyncKind, TIME_INDEX_ENTRY_BYTES, syncFdAsync, syncFdSync} from './index-file.js'
import {LogSegment, type RollParams} from './segment.js'

export type FlushPolicy =
  | {kind: 'none'} // Kafka default: page cache only
  | {kind: 'messages'; every: number} // flush.messages=N: flush when unflushed messages ≥ N after an append
  | {kind: 'interval'; ms: number} // flush.ms: a timer-driven flush; here checked in maybeFlush(nowMs)
  | {kind: 'batch'} // fdatasync after every append (flush.messages=1 per produce request)

export interface LogConfig {
  /** Roll when size > segmentBytes − incomingBytes (LogSegment.shouldRoll). Default 1 GiB. */
  segmentBytes: number
  /** Roll when the active segment is older than this (by message timestamps, else wall clock). Default 7 days. */
  segmentMs: number
  /** index.interval.bytes, default 4096. */
  indexIntervalBytes: number
  /** Index files are preallocated to this (10 MiB default) and trimmed to the valid size on roll/close. */
  segmentIndexBytes?: number
  /** Delete oldest whole closed segments while total log bytes − that segment ≥ retentionBytes. */
  retentionBytes?: number
  /** Delete closed segments whose largest timestamp is older than now − retentionMs. */
  retentionMs?: number
  flush: FlushPolicy
  /** What a flush calls. Kafka's FileChannel.force(true) is an fsync; the default here is 'fdatasync' (label it). */
  sync: SyncKind
  /**
   * Called when a roll's background flush completes, with the micros from scheduling to the completion callback
   * (an upper bound on the sync time: it includes any wait for the event loop to turn).
   */
  onRollFlush?: (micros: number) => void
  /**
   * Also sync the index files on every policy flush (flush.messages / flush.ms), as LogSegment.flush does with
   * its mmaps. Off by default: the benchmark's per-batch flush then costs one fdatasync of the log, the
   * durability that "fsync every message" benchmarks measure; indexes are synced on roll, close and explicit
   * flush() (Kafka rebuilds indexes from the log after an unclean shutdown, so their sync is not what keeps
   * data safe). With it on, each flush costs about three syncs.
   */
  syncIndexesOnFlush?: boolean
}

export const DEFAULT_SEGMENT_BYTES = 1024 * 1024 * 1024
export const DEFAULT_SEGMENT_MS = 7 * 24 * 60 * 60 * 1000
export const DEFAULT_INDEX_INTERVAL_BYTES = 4096

/** Kafka's defaults (flush off, 1 GiB segments, 7-day roll, 4 KiB index interval), with fdatasync as the sync call. */
export const DEFAULT_LOG_CONFIG: Readonly<LogConfig> = Object.freeze({
  segmentBytes: DEFAULT_SEGMENT_BYTES,
  segmentMs: DEFAULT_SEGMENT_MS,
  indexIntervalBytes: DEFAULT_INDEX_INTERVAL_BYTES,
  segmentIndexBytes: DEFAULT_SEGMENT_INDEX_BYTES,
  flush: Object.freeze({kind: 'none'}) as FlushPolicy,
  sync: 'fdatasync' as SyncKind,
})

export interface AppendResult {
  /** Offset assigned to the batch's first record. */
  baseOffset: number
  /** Byte position of the batch in its segment's .log file. */
  position: number
  segmentBaseOffset: number
  /** Micros of the flush this append triggered (flush policy 'batch' or 'messages'). */
  flushMicros?: number
  /** Whether the log rolled a new segment before this append. */
  rolled: boolean
}

export interface LogStats {
  /** Segments currently in the log (active included). */
  segments: number
  segmentsRolled: number
  segmentsDeleted: number
  /** Offset index entries written since creation (deleted segments included). */
  offsetIndexEntries: number
  /** Time index entries written since creation (deleted segments and roll/close entries included). */
  timeIndexEntries: number
  /** Bytes of batches appended since creation. */
  logBytes: number
  /** Bytes of index entries written since creation (8 per offset entry, 12 per time entry). */
  indexBytes: number
  /** Policy or explicit flushes (each: .log, then the indexes, plus the directory on a segment's first flush). */
  flushes: number
  /** Background flushes scheduled by rolls. */
  rollFlushes: number
  /** Roll flushes whose completion has not been seen yet (completions run when the event loop turns). */
  rollFlushesPending: number
  /** Bytes currently in the log's segments (what retention.bytes compares against). */
  retainedLogBytes: number
  /** The offset the next appended record gets (log end offset). */
  nextOffset: number
}

export interface SegmentFileInfo {
  baseOffset: number
  log: string
  index: string
  timeindex: string
  sizeBytes: number
}

/** Above this many unfinished roll flushes, the oldest is finished synchronously (bounds open fds in a loop that never yields). */
export const MAX_PENDING_ROLL_FLUSHES = 16

interface RollFlushJob {
  fds: number[]
  remaining: number
  withDir: boolean
  finished: boolean
  startNs: bigint
  error: Error | undefined
}

const EMPTY = Buffer.alloc(0)

export class PartitionLog {
  private readonly segments: LogSegment[] = []
  private active: LogSegment
  private readonly dirFd: number
  private readonly pendingRollFlushes = new Set<RollFlushJob>()
  private readonly iov: Buffer[] = [EMPTY, EMPTY]
  private readonly fields: HeaderFields = {baseOffset: 0, recordCount: 1, baseTimestamp: 0, maxTimestamp: 0}
  private readonly rollParams: RollParams = {maxSegmentBytes: 0, maxSegmentMs: 0, maxTimestampInMessages: 0, maxOffsetInMessages: 0, messagesSize: 0, now: 0}
  private readonly segmentIndexBytes: number
  private nextOffset = 0
  /** LocalLog.unflushedMessages = log end offset − recovery point. */
  private unflushedMessages = 0
  private lastFlushMs: number | undefined
  private lastNowMs: number | undefined
  private backgroundError: Error | undefined
  private closed = false
  private segmentsRolled = 0
  private segmentsDeleted = 0
  private flushes = 0
  private rollFlushes = 0
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
      rollFlushes: this.rollFlushes,
      rollFlushesPending: this.pendingRollFlushes.size,
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
    for (const job of [...this.pendingRollFlushes]) attempt(() => this.finishRollFlushSync(job))
    attempt(() => fs.closeSync(this.dirFd))
    if (firstError !== undefined) throw firstError
    if (this.backgroundError !== undefined) throw this.backgroundError
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
    this.scheduleRollFlush(old)
    // The scheduled flush covers every message before the new segment (it moves the recovery point to its base).
    this.unflushedMessages = 0
    return segment
  }

  /**
   * UnifiedLog.roll schedules "flush-log" (flushUptoOffsetExclusive(newSegment.baseOffset)) on the scheduler. Here:
   * async fdatasync/fsync of the .log and both indexes (+ the directory if the segment was never flushed, as
   * LocalLog.flush does) on libuv's threadpool; the fds close when all complete. The syncs run in the background
   * even while the caller's loop never yields; only the completion callbacks (which close the fds) wait for the
   * event loop, so more than MAX_PENDING_ROLL_FLUSHES unfinished jobs are finished synchronously, oldest first.
   */
  private scheduleRollFlush(segment: LogSegment): void {
    const withDir = !segment.dirFlushed
    segment.dirFlushed = true
    const job: RollFlushJob = {fds: segment.releaseFds(), remaining: 0, withDir, finished: false, startNs: process.hrtime.bigint(), error: undefined}
    job.remaining = job.fds.length + (withDir ? 1 : 0)
    const done = (err: NodeJS.ErrnoException | null): void => {
      if (err && job.error === undefined) job.error = err
      if (--job.remaining === 0 && !job.finished) this.completeRollFlush(job)
    }
    this.pendingRollFlushes.add(job)
    this.rollFlushes++
    for (const fd of job.fds) syncFdAsync(fd, this.config.sync, done)
    if (withDir) fs.fsync(this.dirFd, done)
    while (this.pendingRollFlushes.size > MAX_PENDING_ROLL_FLUSHES) {
      const oldest = this.pendingRollFlushes.values().next().value as RollFlushJob
      this.finishRollFlushSync(oldest)
    }
  }

  private completeRollFlush(job: RollFlushJob): void {
    job.finished = true
    this.pendingRollFlushes.delete(job)
    for (const fd of job.fds) {
      try {
        fs.closeSync(fd)
      } catch (error) {
        job.error ??= error as Error
      }
    }
    if (job.error !== undefined) this.backgroundError ??= job.error
    else this.config.onRollFlush?.(Number(process.hrtime.bigint() - job.startNs) / 1000)
  }

  /**
   * Finishes a roll flush without waiting for its callbacks: sync the fds here, close them, and mark the job so its
   * late callbacks do nothing. A threadpool sync that has not started yet may then hit a closed (or reused) fd
   * number: an fsync of another file or EBADF, both harmless, and its callback is ignored.
   */
  private finishRollFlushSync(job: RollFlushJob): void {
    if (job.finished) return
    job.finished = true
    this.pendingRollFlushes.delete(job)
    let firstError: unknown
    for (const fd of job.fds) {
      try {
        syncFdSync(fd, this.config.sync)
      } catch (error) {
        firstError ??= error
      }
      try {
        fs.closeSync(fd)
      } catch (error) {
        firstError ??= error
      }
    }
    if (job.withDir) {
      try {
        fs.fsyncSync(this.dirFd)
      } catch (error) {
        firstError ??= error
      }
    }
    if (firstError !== undefined) throw firstError
    this.config.onRollFlush?.(Number(process.hrtime.bigint() - job.startNs) / 1000)
  }

  private checkUsable(): void {
    if (this.closed) throw new Error(`log ${this.dir} is closed`)
    if (this.backgroundError !== undefined) throw this.backgroundError
  }
}

function validateConfig(config: LogConfig): void {
  const int = (name: string, value: number, min: number, max = Number.MAX_SAFE_INTEGER): void => {
    if (!Number.isInteger(value) || value < min || value > max) throw new RangeError(`${name} must be an integer in [${min}, ${max}], got ${value}`)
  }
  // segment.bytes is an int in Kafka; index positions are 4-byte.
  int('segmentBytes', config.segmentBytes, BATCH_HEADER_BYTES, 2 ** 31 - 1)
  if (!(config.segmentMs > 0)) throw new RangeError(`segmentMs must be > 0, got ${config.segmentMs}`)
  int('indexIntervalBytes', config.indexIntervalBytes, 0)
  if (config.flush.kind === 'messages') int('flush.every', config.flush.every, 1)
  if (config.flush.kind === 'interval' && !(config.flush.ms >= 0)) throw new RangeError(`flush.ms must be >= 0, got ${config.flush.ms}`)
  if (config.sync !== 'fdatasync' && config.sync !== 'fsync') throw new RangeError(`sync must be 'fdatasync' or 'fsync', got ${String(config.sync)}`)
}
