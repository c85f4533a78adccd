// What one benchmark run does. Plain data: it crosses into the worker thread as workerData.
import type {FlushPolicy} from '../log/partition-log.js'

export interface BenchWorkload {
  messageBytes: number
  /** Key bytes per record; 0 = null key (unkeyed, sticky partitioner). */
  keyBytes: number
  partitions: number
  /** Writer threads, each appending to its own subset of partitions (a broker's num.io.threads). */
  threads?: number
  producers: number
  batchSizeBytes: number
  lingerMs: number
  /** Open-loop target rate (messages/s); undefined = as fast as the log takes them (closed loop). */
  targetMessagesPerSec?: number
  flush: FlushPolicy
  sync: 'fdatasync' | 'fsync'
  /**
   * Batches each writer appends to a scratch log before the clock starts, figures discarded (default
   * DEFAULT_WARMUP_BATCHES in produce-loop.ts; 0 = no warm-up). Bounded in time and bytes there.
   */
  warmupBatches?: number
  /** Stop after this long or this many payload bytes, whichever first. */
  durationMs: number
  totalBytes?: number
  segmentBytes: number
  /** Per-partition retention that keeps the run within its disk budget. */
  retentionBytesPerPartition?: number
  /** Count the closing fdatasync of every partition in the time (the sustained rate). */
  syncAtEnd: boolean
  /** Read everything back from offset 0 after writing (catch-up) and the newest data (tail). */
  readers: {catchUp: boolean; tail: boolean}
  /** Try to drop the page cache before the catch-up read (root only; the result says if it worked). */
  dropCaches: boolean
}

export interface ProduceResult {
  records: number
  batches: number
  /** Key + value bytes, as kafka-producer-perf-test counts them. */
  payloadBytes: number
  /** Bytes appended to the logs (batches with their headers). */
  logBytes: number
  indexBytes: number
  seconds: number
  /** Seconds of the closing sync of every partition, included in `seconds` when syncAtEnd. */
  finalSyncSeconds: number
  recordsPerBatch: number
  batchBytes: number
  latency: import('./latency.js').LatencySummary
  fsync: import('./latency.js').LatencySummary
  segmentsRolled: number
  segmentsDeleted: number
  offsetIndexEntries: number
  timeIndexEntries: number
  rollFlushes: number
  cpuUserSeconds: number
  cpuSysSeconds: number
  /** The run ended early on a full disk (ENOSPC): the figures cover what was written. */
  diskFull: boolean
  /** Batches appended to a scratch log before the clock started (all writers), not counted above. */
  warmupBatches: number
  /** Seconds the warm-up took (the slowest writer's), not counted in `seconds`. */
  warmupSeconds: number
}

export interface ReadResult {
  kind: 'catch-up' | 'tail'
  bytes: number
  records: number
  fetches: number
  seconds: number
  /** Where the bytes came from: the device (caches dropped), the page cache, or unknown. */
  cache: 'cold' | 'hot' | 'unknown'
  /** Whether batches' CRCs were checked (consumer-like tail reads) or not (the broker's catch-up fetch path). */
  crcChecked: boolean
  crcErrors: number
  fetchLatency: import('./latency.js').LatencySummary
}

export interface RunResult {
  produce: ProduceResult
  reads: ReadResult[]
}

export type Progress = {phase: 'produce' | 'sync' | 'read'; fraction: number; records: number; payloadBytes: number; seconds: number}
