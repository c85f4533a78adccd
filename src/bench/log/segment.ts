// One log segment, writer side (Kafka LogSegment + FileRecords): a `.log` file that grows by positional writes of
// whole record batches, plus its sparse `.index` and `.timeindex`.
import * as fs from 'node:fs'
import {OffsetIndexWriter, type SyncKind, TimeIndexWriter, syncFdSync} from './index-file.js'
import {type SegmentPaths, segmentPaths} from './names.js'

/** Largest offset delta a 4-byte relative offset can hold (AbstractIndex.canAppendOffset / toRelative). */
export const MAX_RELATIVE_OFFSET = 2 ** 31 - 1

/** Kafka RollParams. */
export interface RollParams {
  maxSegmentBytes: number
  maxSegmentMs: number
  maxTimestampInMessages: number
  maxOffsetInMessages: number
  messagesSize: number
  now: number
}

export class LogSegment {
  readonly paths: SegmentPaths
  /** Bytes in the .log file (FileRecords.sizeInBytes): also the position of the next append. */
  size = 0
  /** Wall-clock creation time; set by the owner on the first append when not known at creation. */
  createdMs: number | undefined
  /** LogSegment.rollingBasedTimestamp: the first batch's max timestamp. */
  private rollingBasedTimestamp: number | undefined
  /** LogSegment.maxTimestampAndOffsetSoFar. */
  maxTimestampSoFar = -1
  private offsetOfMaxTimestampSoFar: number
  private bytesSinceLastIndexEntry = 0
  /** Whether a flush of this segment has already fsynced the directory (LocalLog.flush flushes the dir once per new segment). */
  dirFlushed = false
  private logFd: number
  private offsetIndex: OffsetIndexWriter | undefined
  private timeIndex: TimeIndexWriter | undefined
  private offsetEntries = 0
  private timeEntries = 0

  private constructor(
    readonly baseOffset: number,
    paths: SegmentPaths,
    logFd: number,
    offsetIndex: OffsetIndexWriter,
    timeIndex: TimeIndexWriter,
    createdMs: number | undefined,
  ) {
    this.paths = paths
    this.logFd = logFd
    this.offsetIndex = offsetIndex
    this.timeIndex = timeIndex
    this.createdMs = createdMs
    this.offsetOfMaxTimestampSoFar = baseOffset
  }

  /** LogSegment.open for a new segment: creates the three files (the log is not preallocated: preallocate=false). */
  static create(dir: string, baseOffset: number, segmentIndexBytes: number, createdMs: number | undefined): LogSegment {
    const paths = segmentPaths(dir, baseOffset)
    // 'wx' = O_WRONLY|O_CREAT|O_EXCL. Never O_APPEND: positional writes to an O_APPEND fd ignore the position on Linux.
    const logFd = fs.openSync(paths.log, 'wx')
    let offsetIndex: OffsetIndexWriter | undefined
    try {
      offsetIndex = new OffsetIndexWriter(paths.index, segmentIndexBytes)
      const timeIndex = new TimeIndexWriter(paths.timeindex, segmentIndexBytes)
      return new LogSegment(baseOffset, paths, logFd, offsetIndex, timeIndex, createdMs)
    } catch (error) {
      offsetIndex?.close()
      fs.closeSync(logFd)
      throw error
    }
  }

  get isOpen(): boolean {
    return this.logFd >= 0
  }

  get offsetIndexEntries(): number {
    return this.offsetIndex?.entries ?? this.offsetEntries
  }

  get timeIndexEntries(): number {
    return this.timeIndex?.entries ?? this.timeEntries
  }

  /**
   * LogSegment.shouldRoll: size > segment.bytes − incoming bytes, or (non-empty and) waited longer than segment.ms
   * (segment.jitter.ms = 0), or either index full, or the incoming last offset does not fit a 4-byte relative offset.
   */
  shouldRoll(p: RollParams): boolean {
    const offsetIndex = this.openOffsetIndex()
    const timeIndex = this.openTimeIndex()
    const rollTs = this.rollingBasedTimestamp
    // LogSegment.timeWaitedForRoll: message timestamps when the first batch had one, else wall clock since creation
    const waited = rollTs !== undefined && rollTs >= 0 ? p.maxTimestampInMessages - rollTs : p.now - (this.createdMs ?? p.now)
    return (
      this.size > p.maxSegmentBytes - p.messagesSize ||
      (this.size > 0 && waited > p.maxSegmentMs) ||
      offsetIndex.isFull() ||
      timeIndex.isFull() ||
      p.maxOffsetInMessages - this.baseOffset > MAX_RELATIVE_OFFSET
    )
  }

  /**
   * LogSegment.append: one positional writev of the batch (header + records), then the sparse index rule: if more
   * than indexIntervalBytes were appended since the last entry, index this batch (its last offset -> its start
   * position) and add a time index entry if the max timestamp grew; reset the counter; then count this batch.
   * Returns the position the batch was written at.
   */
  append(iov: Buffer[], bytes: number, lastOffset: number, maxTimestampMs: number, indexIntervalBytes: number): number {
    const offsetIndex = this.openOffsetIndex()
    const timeIndex = this.openTimeIndex()
    const position = this.size
    if (position === 0) this.rollingBasedTimestamp = maxTimestampMs
    if (lastOffset - this.baseOffset > MAX_RELATIVE_OFFSET) throw new RangeError(`offset ${lastOffset} overflows segment ${this.baseOffset}`)
    const written = fs.writevSync(this.logFd, iov, position)
    if (written !== bytes) this.writeRest(iov, written, bytes, position)
    this.size = position + bytes
    if (maxTimestampMs > this.maxTimestampSoFar) {
      this.maxTimestampSoFar = maxTimestampMs
      this.offsetOfMaxTimestampSoFar = lastOffset
    }
    if (this.bytesSinceLastIndexEntry > indexIntervalBytes) {
      offsetIndex.append(lastOffset - this.baseOffset, position)
      timeIndex.maybeAppend(this.maxTimestampSoFar, this.offsetOfMaxTimestampSoFar - this.baseOffset)
      this.bytesSinceLastIndexEntry = 0
    }
    this.bytesSinceLastIndexEntry += bytes
    return position
  }

  /**
   * libuv returns a short count (not the error) when a writev stops part-way, e.g. on a full disk: write the rest
   * so the real errno (ENOSPC, EDQUOT, …) surfaces as the thrown error's code.
   */
  private writeRest(iov: Buffer[], written: number, bytes: number, position: number): void {
    let skip = written
    let at = position + written
    for (const buf of iov) {
      if (skip >= buf.length) {
        skip -= buf.length
        continue
      }
      let from = skip
      skip = 0
      while (from < buf.length) {
        const n = fs.writeSync(this.logFd, buf, from, buf.length - from, at)
        if (n <= 0) throw new Error(`short write to ${this.paths.log}: ${at - position} of ${bytes} bytes`)
        from += n
        at += n
      }
    }
  }

  /**
   * LogSegment.onBecomeInactiveSegment (also what LogSegment.close does): a last time index entry with the largest
   * timestamp if it grew, then trim both indexes to their valid size. (log.trim() is a no-op without preallocation.)
   */
  onBecomeInactive(): void {
    const timeIndex = this.openTimeIndex()
    timeIndex.maybeAppend(this.maxTimestampSoFar, this.offsetOfMaxTimestampSoFar - this.baseOffset, true)
    this.openOffsetIndex().trimToValidSize()
    timeIndex.trimToValidSize()
  }

  /** LogSegment.flush: the .log, then the offset index, then the time index. */
  syncSync(kind: SyncKind, indexes = true): void {
    syncFdSync(this.logFd, kind)
    if (!indexes) return
    this.openOffsetIndex().sync(kind)
    this.openTimeIndex().sync(kind)
  }

  /** Closes the three fds. */
  close(): void {
    for (const fd of this.releaseFds()) fs.closeSync(fd)
  }

  /**
   * Hands the three fds (log, offset index, time index) to the caller, who closes them, e.g. once a background
   * sync completes. Buffered index entries are written first. The segment keeps its metadata.
   */
  releaseFds(): number[] {
    if (!this.isOpen) return []
    const offsetIndex = this.openOffsetIndex()
    const timeIndex = this.openTimeIndex()
    this.offsetEntries = offsetIndex.entries
    this.timeEntries = timeIndex.entries
    const fds = [this.logFd, offsetIndex.release(), timeIndex.release()]
    this.logFd = -1
    this.offsetIndex = undefined
    this.timeIndex = undefined
    return fds
  }

  /** LogSegment.largestTimestamp: the max timestamp if any, else the .log file's mtime. */
  largestTimestamp(): number {
    if (this.maxTimestampSoFar >= 0) return this.maxTimestampSoFar
    return fs.statSync(this.paths.log).mtimeMs
  }

  /** LogSegment.deleteIfExists (Kafka renames to .deleted and deletes after file.delete.delay.ms; here: unlink now). */
  deleteFiles(): void {
    for (const file of [this.paths.log, this.paths.index, this.paths.timeindex]) fs.rmSync(file, {force: true})
  }

  private openOffsetIndex(): OffsetIndexWriter {
    if (this.offsetIndex === undefined) throw new Error(`segment ${this.paths.log} is closed`)
    return this.offsetIndex
  }

  private openTimeIndex(): TimeIndexWriter {
    if (this.timeIndex === undefined) throw new Error(`segment ${this.paths.log} is closed`)
    return this.timeIndex
  }
}
