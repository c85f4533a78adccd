// The settings, results and statistics of one partition log (Kafka LogConfig and friends), and the checks
// that a configuration is one Kafka would accept.
import {BATCH_HEADER_BYTES} from './record-batch.js'
import {DEFAULT_SEGMENT_INDEX_BYTES, type SyncKind} from './index-file.js'

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

export function validateConfig(config: LogConfig): void {
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
