// The sparse offset and time indexes of one segment (Kafka AbstractIndex / OffsetIndex / TimeIndex).
//
// Kafka preallocates each index file to segment.index.bytes (rounded down to the entry size), memory-maps it and
// writes entries with plain stores; the file is trimmed to the valid size when the segment rolls or closes
// (AbstractIndex.trimToValidSize). Node has no mmap, so entries are buffered in memory and written with one positional
// write (pwrite) per chunk of WRITE_CHUNK_ENTRIES entries, and whenever the index is flushed or trimmed. Index bytes
// are about 0.5 % of the log, so this is a handful of syscalls per MiB of index.
//
// Offset index entry (8 bytes, OffsetIndex.ENTRY_SIZE): relative offset u32 BE | physical position u32 BE.
// Time index entry (12 bytes, TimeIndex.ENTRY_SIZE): timestamp i64 BE | relative offset u32 BE.
import * as fs from 'node:fs'

export const OFFSET_INDEX_ENTRY_BYTES = 8
export const TIME_INDEX_ENTRY_BYTES = 12
/** segment.index.bytes default (ServerLogConfigs.LOG_INDEX_SIZE_MAX_BYTES_DEFAULT). */
export const DEFAULT_SEGMENT_INDEX_BYTES = 10 * 1024 * 1024
/** Entries buffered before a positional write; also bounds how far the on-disk index lags the log. */
export const WRITE_CHUNK_ENTRIES = 1024
/** Smallest segment.index.bytes accepted: the time index needs 2 slots (one is reserved for the roll entry). */
export const MIN_SEGMENT_INDEX_BYTES = 2 * TIME_INDEX_ENTRY_BYTES

export type SyncKind = 'fdatasync' | 'fsync'

/** What a flush calls: fdatasync (data only) or fsync (Kafka's FileChannel.force(true)). */
export function syncFdSync(fd: number, kind: SyncKind): void {
  if (kind === 'fsync') fs.fsyncSync(fd)
  else fs.fdatasyncSync(fd)
}

/** The background (libuv threadpool) variant of syncFdSync. */
export function syncFdAsync(fd: number, kind: SyncKind, cb: (err: NodeJS.ErrnoException | null) => void): void {
  if (kind === 'fsync') fs.fsync(fd, cb)
  else fs.fdatasync(fd, cb)
}

abstract class IndexWriter {
  readonly fd: number
  /** maxIndexSize / entrySize (AbstractIndex.maxEntries). */
  readonly maxEntries: number
  /** Entries appended (buffered or written). */
  entries = 0
  /** Entries already written to the file. */
  private written = 0
  /** Entries in `chunk` not yet written. */
  private buffered = 0
  protected chunk: Buffer
  /** Bytes or length changed since the last sync (the preallocation counts). */
  private dirty = true
  private open = true

  constructor(
    readonly path: string,
    readonly entrySize: number,
    maxIndexBytes: number,
  ) {
    if (!Number.isInteger(maxIndexBytes) || maxIndexBytes < MIN_SEGMENT_INDEX_BYTES) {
      throw new RangeError(`segmentIndexBytes must be an integer >= ${MIN_SEGMENT_INDEX_BYTES}, got ${maxIndexBytes}`)
    }
    const length = maxIndexBytes - (maxIndexBytes % entrySize) // AbstractIndex.roundDownToExactMultiple
    this.maxEntries = length / entrySize
    // 'wx' = O_WRONLY|O_CREAT|O_EXCL: a new file, never O_APPEND (positional writes must land where asked).
    this.fd = fs.openSync(path, 'wx')
    try {
      fs.ftruncateSync(this.fd, length) // AbstractIndex: raf.setLength(roundDownToExactMultiple(maxIndexSize, entrySize))
    } catch (error) {
      fs.closeSync(this.fd)
      throw error
    }
    this.chunk = Buffer.allocUnsafe(Math.min(WRITE_CHUNK_ENTRIES, this.maxEntries) * entrySize)
  }

  /** Byte offset in `chunk` for the next entry, writing the chunk out first when it is full. */
  protected nextSlot(): number {
    if ((this.buffered + 1) * this.entrySize > this.chunk.length) this.writeBuffered()
    return this.buffered++ * this.entrySize
  }

  /** Writes buffered entries at their file position (one pwrite). */
  writeBuffered(): void {
    if (this.buffered === 0) return
    const bytes = this.buffered * this.entrySize
    const n = fs.writeSync(this.fd, this.chunk, 0, bytes, this.written * this.entrySize)
    if (n !== bytes) throw new Error(`short write to ${this.path}: ${n} of ${bytes} bytes`)
    this.written += this.buffered
    this.buffered = 0
    this.dirty = true
  }

  /** Writes buffered entries and syncs the file if anything changed (Kafka: mmap.force()). */
  sync(kind: SyncKind): void {
    this.writeBuffered()
    if (!this.dirty) return
    syncFdSync(this.fd, kind)
    this.dirty = false
  }

  /** AbstractIndex.trimToValidSize: shrink the preallocated file to entries × entry size. */
  trimToValidSize(): void {
    this.writeBuffered()
    fs.ftruncateSync(this.fd, this.entries * this.entrySize)
    this.dirty = true
  }

  /** Closes the fd (after trimming, if asked). Buffered entries are written first. */
  close(): void {
    if (!this.open) return
    this.writeBuffered()
    this.open = false
    fs.closeSync(this.fd)
    this.chunk = Buffer.alloc(0)
  }

  /** Gives up the fd without closing it (the caller closes it, e.g. after a background sync). */
  release(): number {
    this.writeBuffered()
    this.open = false
    this.chunk = Buffer.alloc(0)
    return this.fd
  }
}

/** OffsetIndex: relative offset of a batch's last offset -> physical position of the batch start. */
export class OffsetIndexWriter extends IndexWriter {
  private lastRelativeOffset = -1

  constructor(path: string, maxIndexBytes: number) {
    super(path, OFFSET_INDEX_ENTRY_BYTES, maxIndexBytes)
  }

  /** AbstractIndex.isFull. */
  isFull(): boolean {
    return this.entries >= this.maxEntries
  }

  /** OffsetIndex.append (offsets must increase strictly). */
  append(relativeOffset: number, position: number): void {
    if (this.isFull()) throw new Error(`attempt to append to a full index ${this.path} (${this.entries} entries)`)
    if (this.entries > 0 && relativeOffset <= this.lastRelativeOffset) {
      throw new Error(`index offset ${relativeOffset} not above the last one (${this.lastRelativeOffset}) in ${this.path}`)
    }
    const p = this.nextSlot()
    this.chunk.writeUInt32BE(relativeOffset, p)
    this.chunk.writeUInt32BE(position, p + 4)
    this.entries++
    this.lastRelativeOffset = relativeOffset
  }
}

const TWO_POW_32 = 4294967296

/** TimeIndex: max timestamp so far -> relative offset of the batch that carried it. */
export class TimeIndexWriter extends IndexWriter {
  /** RecordBatch.NO_TIMESTAMP until the first entry. */
  lastTimestamp = -1

  constructor(path: string, maxIndexBytes: number) {
    super(path, TIME_INDEX_ENTRY_BYTES, maxIndexBytes)
  }

  /** TimeIndex.isFull: the last slot is reserved for the entry appended on roll/close. */
  isFull(): boolean {
    return this.entries >= this.maxEntries - 1
  }

  /**
   * TimeIndex.maybeAppend: appends only if the timestamp is greater than the last entry's.
   * skipFullCheck is used on roll and close (LogSegment.onBecomeInactiveSegment / close).
   */
  maybeAppend(timestamp: number, relativeOffset: number, skipFullCheck = false): boolean {
    if (!skipFullCheck && this.isFull()) throw new Error(`attempt to append to a full time index ${this.path} (${this.entries} entries)`)
    if (timestamp <= this.lastTimestamp) return false
    if (this.entries >= this.maxEntries) throw new Error(`time index ${this.path} has no slot left`)
    const p = this.nextSlot()
    // timestamp > lastTimestamp >= -1, so it is a non-negative integer: write it as two u32 halves (no BigInt)
    this.chunk.writeUInt32BE(Math.floor(timestamp / TWO_POW_32), p)
    this.chunk.writeUInt32BE(timestamp % TWO_POW_32, p + 4)
    this.chunk.writeUInt32BE(relativeOffset, p + 8)
    this.entries++
    this.lastTimestamp = timestamp
    return true
  }
}

/**
 * OffsetIndex.lookup on raw entries: the slot of the largest entry whose relative offset is <= target, or -1 if
 * there is none (Kafka then answers (baseOffset, position 0)).
 */
export function offsetIndexFloorSlot(entries: Buffer, count: number, targetRelativeOffset: number): number {
  let lo = 0
  let hi = count - 1
  let found = -1
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1
    if (entries.readUInt32BE(mid * OFFSET_INDEX_ENTRY_BYTES) <= targetRelativeOffset) {
      found = mid
      lo = mid + 1
    } else hi = mid - 1
  }
  return found
}
