// A catch-up consumer's fetch against a partition log on disk (Kafka LocalLog.read -> LogSegment.read ->
// LogSegment.translateOffset (OffsetIndex.lookup + FileRecords.searchForOffsetWithSize) -> a slice of the file).
// Kafka sends the slice with sendfile; here one readSync into a reused Buffer stands in for it (a conservative proxy:
// one copy). A sequential consumer costs one read per fetch: the header scan after an index lookup reads a whole
// fetch-sized chunk and, when the wanted batch starts that chunk (always so at a segment's start), the fetch is
// served from it. (On the dev VM, a 61-byte header read before each segment's 1 MiB reads made cold reads about
// 5-15 % slower, and it is one syscall more per segment.) Everything comes from the files, so the log may be
// written by this or another process, and may still be growing (an active segment's index is preallocated and
// partly written; see loadMoreIndex).
import * as fs from 'node:fs'
import {BATCH_HEADER_BYTES, LOG_OVERHEAD, MAGIC_V2, batchCrcValid} from './record-batch.js'
import {OFFSET_INDEX_ENTRY_BYTES, offsetIndexFloorSlot} from './index-file.js'
import {listSegmentBaseOffsets, segmentPaths} from './names.js'

export interface FetchResult {
  /** Bytes of the whole batches placed at the start of `into`. */
  bytes: number
  /** Whole batches returned (the first one contains the requested offset). */
  batches: number
  /** Records at or after the requested offset (what a consumer delivers; earlier records of the first batch are skipped). */
  records: number
  /** The offset to fetch next: last returned batch's last offset + 1 (the requested offset if nothing was returned). */
  nextOffset: number
  /** Returned batches whose CRC-32C did not match (or whose header was malformed), as the consumer's check.crcs finds. */
  crcErrors: number
}

/** Kafka consumer max.partition.fetch.bytes default. */
export const DEFAULT_MAX_PARTITION_FETCH_BYTES = 1024 * 1024

const INDEX_READ_CHUNK_BYTES = 64 * 1024
const TWO_POW_32 = 4294967296

interface OpenSegment {
  baseOffset: number
  fd: number
  /** The .index fd, open until the whole (trimmed) index has been loaded; -1 after. */
  indexFd: number
  /** Offset index entries loaded into memory (raw 8-byte entries). */
  index: Buffer
  entries: number
  /** True once the whole index file was read and every entry was valid (a trimmed, closed segment). */
  indexComplete: boolean
}

export class LogReader {
  private bases: number[] = []
  private segment: OpenSegment | undefined
  private readonly header = Buffer.allocUnsafe(BATCH_HEADER_BYTES)
  private indexChunk: Buffer | undefined
  private closed = false

  /** Where the previous fetch ended: a consumer reading on continues there without an index lookup. */
  private continuation?: {segmentBase: number; position: number; offset: number}
  private readonly verifyCrc: boolean
  /** Bytes of `into` that locate() left holding the .log from the position it returned (0: none). */
  private preloaded = 0
  /** read(2) calls on .log files so far (index files not counted). */
  logReads = 0

  /**
   * verifyCrc: check every batch's CRC-32C as a consumer does (check.crcs=true). A broker serving a fetch
   * does not (it sends file bytes with sendfile), so the catch-up benchmark turns it off.
   */
  constructor(
    readonly dir: string,
    options: {verifyCrc?: boolean} = {},
  ) {
    this.bases = listSegmentBaseOffsets(dir)
    this.verifyCrc = options.verifyCrc ?? true
  }

  /** The log start offset: the first segment's base offset (re-read from the directory). */
  firstOffset(): number {
    this.bases = listSegmentBaseOffsets(this.dir)
    if (this.bases.length === 0) throw new Error(`no log segments in ${this.dir}`)
    return this.bases[0]
  }

  /**
   * Reads up to maxBytes of whole batches, starting with the batch that contains `offset`, into `into` (from 0). As
   * Kafka does for the first partition of a fetch (minOneMessage), a first batch larger than maxBytes is returned
   * whole if `into` can hold it. Reads from one segment per call; an offset past a segment's end moves to the next
   * segment. At the log end it returns nothing (nextOffset = offset). Throws for an offset below the log start.
   */
  fetch(offset: number, maxBytes: number, into: Buffer): FetchResult {
    if (this.closed) throw new Error('reader is closed')
    if (!Number.isSafeInteger(offset) || offset < 0) throw new RangeError(`invalid fetch offset ${offset}`)
    let i = floorIndex(this.bases, offset)
    const cont = this.continuation
    // Reading on where the last fetch ended, unless the offset is known to start the next segment (then the read
    // at this segment's end would only return nothing).
    if (cont && cont.offset === offset && this.segment?.baseOffset === cont.segmentBase && this.bases[i] === cont.segmentBase) {
      const sequential = this.readFrom(this.segment, cont.position, offset, maxBytes, into)
      if (sequential.batches > 0) return sequential
    }
    if (i < 0) {
      this.bases = listSegmentBaseOffsets(this.dir)
      i = floorIndex(this.bases, offset)
      if (i < 0) throw new RangeError(`offset ${offset} is out of range: log ${this.dir} starts at ${this.bases[0] ?? 'nothing (no segments)'}`)
    }
    for (;;) {
      const segment = this.openSegment(this.bases[i])
      if (segment === undefined) {
        // deleted by retention since we listed: re-list and retry
        this.bases = listSegmentBaseOffsets(this.dir)
        i = floorIndex(this.bases, offset)
        if (i < 0) throw new RangeError(`offset ${offset} is out of range: log ${this.dir} starts at ${this.bases[0] ?? 'nothing (no segments)'}`)
        continue
      }
      const found = this.locate(segment, offset, maxBytes, into)
      if (found >= 0) return this.readFrom(segment, found, offset, maxBytes, into)
      // LocalLog.read: nothing at or after offset in this segment, try the next one
      if (i + 1 >= this.bases.length) {
        const last = this.bases[this.bases.length - 1]
        this.bases = listSegmentBaseOffsets(this.dir)
        i = this.bases.indexOf(last)
        if (i < 0 || i + 1 >= this.bases.length) return empty(offset)
      }
      i++
    }
  }

  close(): void {
    if (this.closed) return
    this.closed = true
    this.closeSegment()
  }

  /**
   * LogSegment.translateOffset: floor entry of the offset index (OffsetIndex.lookup; none -> position 0), then scan
   * batch headers forward to the first batch whose last offset is >= offset (FileRecords.searchForOffsetWithSize).
   * Returns that batch's position, or -1 if the segment holds no such batch. The scan reads fetch-sized chunks into
   * `into` (header-sized ones when the fetch is smaller than a header); if the batch found starts the last chunk,
   * `preloaded` says how many bytes of it readFrom can use without reading again.
   */
  private locate(segment: OpenSegment, offset: number, maxBytes: number, into: Buffer): number {
    const relative = offset - segment.baseOffset
    let slot = offsetIndexFloorSlot(segment.index, segment.entries, relative)
    // An active segment's index may have grown since we loaded it: pick up new entries before scanning far.
    if (!segment.indexComplete && slot === segment.entries - 1 && this.loadMoreIndex(segment)) {
      slot = offsetIndexFloorSlot(segment.index, segment.entries, relative)
    }
    let position = slot < 0 ? 0 : segment.index.readUInt32BE(slot * OFFSET_INDEX_ENTRY_BYTES + 4)
    const want = Math.min(Math.max(0, maxBytes), into.length)
    const buf = want >= BATCH_HEADER_BYTES ? into : this.header
    const chunk = buf === into ? want : BATCH_HEADER_BYTES
    this.preloaded = 0
    for (;;) {
      const n = this.readLog(segment.fd, buf, chunk, position)
      let p = 0
      while (p + BATCH_HEADER_BYTES <= n) {
        const size = LOG_OVERHEAD + buf.readInt32BE(p + 8)
        if (size < BATCH_HEADER_BYTES || buf[p + 16] !== MAGIC_V2) {
          throw new Error(`corrupt batch header in ${segmentPaths(this.dir, segment.baseOffset).log} at position ${position + p}`)
        }
        if (readOffset(buf, p) + buf.readInt32BE(p + 23) >= offset) {
          if (p === 0 && buf === into) this.preloaded = n
          return position + p
        }
        p += size
      }
      if (n < chunk) return -1 // end of the segment (or a batch still being written)
      position += p
    }
  }

  /** LogSegment.read: whole batches from `position`, up to maxBytes (at least the first batch), CRC-checked. */
  private readFrom(segment: OpenSegment, position: number, offset: number, maxBytes: number, into: Buffer): FetchResult {
    const want = Math.min(Math.max(0, maxBytes), into.length)
    let n = this.preloaded > 0 ? Math.min(this.preloaded, want) : want > 0 ? this.readLog(segment.fd, into, want, position) : 0
    this.preloaded = 0
    let first: number
    if (n >= LOG_OVERHEAD) first = LOG_OVERHEAD + into.readInt32BE(8)
    else if (n === want) {
      // maxBytes is below the log overhead: read the first batch's size on its own
      if (this.readLog(segment.fd, this.header, LOG_OVERHEAD, position) < LOG_OVERHEAD) return empty(offset)
      first = LOG_OVERHEAD + this.header.readInt32BE(8)
    } else return empty(offset) // the segment ends here (or its next batch is still being written)
    if (first > n && n === want) {
      // the first batch does not fit in maxBytes: return it whole (minOneMessage) if the buffer can hold it
      if (first > into.length) throw new RangeError(`fetch buffer of ${into.length} bytes cannot hold the ${first}-byte batch at offset ${offset}`)
      n = this.readLog(segment.fd, into, first, position)
    }
    let batches = 0
    let records = 0
    let crcErrors = 0
    let nextOffset = offset
    let p = 0
    while (p + LOG_OVERHEAD <= n) {
      const size = LOG_OVERHEAD + into.readInt32BE(p + 8)
      if (size < BATCH_HEADER_BYTES || (p + BATCH_HEADER_BYTES <= n && into[p + 16] !== MAGIC_V2)) {
        crcErrors++ // cannot frame further batches
        break
      }
      if (p + size > n) break
      if (this.verifyCrc && !batchCrcValid(into, p)) crcErrors++
      const base = readOffset(into, p)
      const last = base + into.readInt32BE(p + 23)
      records += base >= offset ? into.readInt32BE(p + 57) : last - offset + 1
      nextOffset = last + 1
      batches++
      p += size
    }
    this.continuation = batches > 0 ? {segmentBase: segment.baseOffset, position: position + p, offset: nextOffset} : undefined
    return {bytes: p, batches, records, nextOffset, crcErrors}
  }

  private readLog(fd: number, buf: Buffer, length: number, position: number): number {
    this.logReads++
    return fs.readSync(fd, buf, 0, length, position)
  }

  /** Opens a segment (closing the previous one) and loads its offset index; undefined if its files are gone. */
  private openSegment(baseOffset: number): OpenSegment | undefined {
    if (this.segment?.baseOffset === baseOffset) return this.segment
    this.closeSegment()
    const paths = segmentPaths(this.dir, baseOffset)
    let fd: number
    try {
      fd = fs.openSync(paths.log, 'r')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
      throw error
    }
    let indexFd = -1
    try {
      indexFd = fs.openSync(paths.index, 'r')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        fs.closeSync(fd)
        throw error
      }
    }
    // A missing index (deleted under us) means: scan from position 0.
    const segment: OpenSegment = {baseOffset, fd, indexFd, index: Buffer.alloc(0), entries: 0, indexComplete: indexFd < 0}
    this.segment = segment
    this.loadMoreIndex(segment)
    return segment
  }

  /**
   * Reads offset index entries past the ones loaded, in chunks, until the end of the file or the first invalid
   * entry. A closed segment's index is trimmed (every entry valid); an active one is preallocated with zeros and
   * the writer may still buffer its newest entries. Valid entries have strictly increasing positions, and position 0
   * never appears (the first batch of a segment is never indexed). Returns whether any entry was added.
   */
  private loadMoreIndex(segment: OpenSegment): boolean {
    const fd = segment.indexFd
    if (fd < 0) return false
    const before = segment.entries
    const chunk = (this.indexChunk ??= Buffer.allocUnsafe(INDEX_READ_CHUNK_BYTES))
    let lastRel = segment.entries > 0 ? segment.index.readUInt32BE((segment.entries - 1) * OFFSET_INDEX_ENTRY_BYTES) : -1
    let lastPos = segment.entries > 0 ? segment.index.readUInt32BE((segment.entries - 1) * OFFSET_INDEX_ENTRY_BYTES + 4) : 0
    for (;;) {
      const n = fs.readSync(fd, chunk, 0, chunk.length, segment.entries * OFFSET_INDEX_ENTRY_BYTES)
      const whole = n - (n % OFFSET_INDEX_ENTRY_BYTES)
      let valid = 0
      while (valid < whole) {
        const rel = chunk.readUInt32BE(valid)
        const pos = chunk.readUInt32BE(valid + 4)
        if (pos <= lastPos || rel <= lastRel) break
        lastRel = rel
        lastPos = pos
        valid += OFFSET_INDEX_ENTRY_BYTES
      }
      if (valid > 0) {
        const needed = segment.entries * OFFSET_INDEX_ENTRY_BYTES + valid
        if (needed > segment.index.length) {
          const grown = Buffer.allocUnsafe(Math.max(needed, segment.index.length * 2))
          segment.index.copy(grown, 0, 0, segment.entries * OFFSET_INDEX_ENTRY_BYTES)
          segment.index = grown
        }
        chunk.copy(segment.index, segment.entries * OFFSET_INDEX_ENTRY_BYTES, 0, valid)
        segment.entries += valid / OFFSET_INDEX_ENTRY_BYTES
      }
      if (valid < whole) break // an invalid (unwritten) entry: the rest is preallocation
      if (n < chunk.length) {
        segment.indexComplete = n === whole // read to the end of a trimmed file
        break
      }
    }
    if (segment.indexComplete) {
      fs.closeSync(fd)
      segment.indexFd = -1
    }
    return segment.entries > before
  }

  private closeSegment(): void {
    if (this.segment === undefined) return
    fs.closeSync(this.segment.fd)
    if (this.segment.indexFd >= 0) fs.closeSync(this.segment.indexFd)
    this.segment = undefined
  }
}

function empty(offset: number): FetchResult {
  return {bytes: 0, batches: 0, records: 0, nextOffset: offset, crcErrors: 0}
}

/** Index of the largest base offset <= offset, or -1. */
function floorIndex(bases: number[], offset: number): number {
  let lo = 0
  let hi = bases.length - 1
  let found = -1
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1
    if (bases[mid] <= offset) {
      found = mid
      lo = mid + 1
    } else hi = mid - 1
  }
  return found
}

/** A non-negative i64 offset as a number, without a BigInt. */
function readOffset(buf: Buffer, pos: number): number {
  return buf.readUInt32BE(pos) * TWO_POW_32 + buf.readUInt32BE(pos + 4)
}
