// One writer's run: set up the partition logs, warm up on a scratch log, then the timed append loop
// (append-loop.ts), then the closing sync and the result.
import {randomBytes} from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import {achievedBatch} from '../../model/batching.js'
import {BATCH_HEADER_BYTES, recordsTemplate} from '../log/record-batch.js'
import {type LogConfig, PartitionLog} from '../log/partition-log.js'
import {type BatchSource, appendLoop} from './append-loop.js'
import {type LatencySnapshot, LatencyRecorder} from './latency.js'
import type {BenchWorkload, ProduceResult, Progress} from './workload.js'

const INDEX_INTERVAL_BYTES = 4096 // Kafka index.interval.bytes default
const SEGMENT_MS = 604_800_000 // Kafka segment.ms default: rolls here come from segment.bytes

/**
 * Warm-up before the clock starts: a broker is a long-running, JIT-warm process, and a fresh writer thread
 * is not. Measured here (1 KiB records, 64 KiB batches, fdatasync per batch on tmpfs so the disk does not
 * hide it; 3 fresh processes, per 1,000 appends): 41-52 µs for the first 1,000, 36-39 µs for the next,
 * then flat at 34-35 µs. So each writer first appends up to this many batches to a scratch log, with the
 * same log settings, and throws the figures away; the warm-up is reported next to the results.
 */
export const DEFAULT_WARMUP_BATCHES = 2000
/** Warm-up bounds: it never takes more than this long, nor more than 5 % of the run's duration... */
const WARMUP_MAX_MS = 500
const WARMUP_SHARE_OF_DURATION = 0.05
/**
 * ...nor writes more than this (nor more than the run itself, nor an eighth of its retention, which keeps it
 * inside the disk budget). Enough for 2,000 batches of 64 KiB: with large batches, the appends are few and the
 * per-append start-up cost is small next to the copy anyway.
 */
const WARMUP_MAX_BYTES = 128 * 1024 * 1024

export function partitionDir(root: string, partition: number): string {
  return path.join(root, `bench-topic-${partition}`)
}

/** The scratch log a writer warms up on (one per writer thread, named by its first partition). */
export function warmupDir(root: string, firstPartition: number): string {
  return path.join(root, `warmup-${firstPartition}`)
}

/** Average records per batch the producers achieve for this workload (the sizing model's arithmetic). */
export function recordsPerBatch(w: BenchWorkload): number {
  const rate = w.targetMessagesPerSec ?? Number.MAX_SAFE_INTEGER
  const batch = achievedBatch(
    {
      messagesPerSec: rate,
      shape: {keyBytes: w.keyBytes, keyed: w.keyBytes > 0, valueBytes: w.messageBytes},
      batchSizeBytes: w.batchSizeBytes,
      lingerMs: w.lingerMs,
      partitions: w.partitions,
      producers: w.producers,
      compressionRatio: 1,
    },
    w.keyBytes > 0,
  )
  return batch.records
}

export interface ProduceOutput {
  result: ProduceResult
  logs: PartitionLog[]
  latency: LatencySnapshot
  fsync: LatencySnapshot
  /** process.cpuUsage() (the whole process, cumulative) when the timed loop started and ended. */
  cpuWindow: {start: NodeJS.CpuUsage; end: NodeJS.CpuUsage}
}

function batchSource(w: BenchWorkload): BatchSource {
  const value = randomBytes(w.messageBytes)
  const key = w.keyBytes > 0 ? randomBytes(w.keyBytes) : null
  const average = recordsPerBatch(w)
  const low = Math.max(1, Math.floor(average))
  return {
    average,
    low,
    lowTemplate: recordsTemplate(low, value, key),
    highTemplate: recordsTemplate(low + 1, value, key),
    headers: Array.from({length: 64}, () => Buffer.allocUnsafe(BATCH_HEADER_BYTES)),
    payloadPerRecord: w.messageBytes + w.keyBytes,
    secondsPerBatch: w.targetMessagesPerSec ? average / w.targetMessagesPerSec : 0,
  }
}

function logConfig(w: BenchWorkload, retention: boolean): LogConfig {
  return {
    segmentBytes: w.segmentBytes,
    segmentMs: SEGMENT_MS,
    indexIntervalBytes: INDEX_INTERVAL_BYTES,
    retentionBytes: retention ? w.retentionBytesPerPartition : undefined,
    flush: w.flush,
    sync: w.sync,
  }
}

/**
 * The warm-up: the same append loop on a scratch log (same batches, flush policy and sync call), its
 * figures discarded. Its data is synced so that none of it is written back during the timed loop; the
 * scratch log is deleted after the timed loop, so its deletion (and the discards it may trigger) cannot
 * land inside the measurement either.
 */
function warmUp(dir: string, w: BenchWorkload, source: BatchSource, totalBytes: number | undefined, share: number): {log: PartitionLog | undefined; batches: number; seconds: number} {
  const maxBatches = w.warmupBatches ?? DEFAULT_WARMUP_BATCHES
  if (maxBatches <= 0) return {log: undefined, batches: 0, seconds: 0}
  const byteCaps = [WARMUP_MAX_BYTES, totalBytes ?? Infinity, w.retentionBytesPerPartition === undefined ? Infinity : (w.retentionBytesPerPartition * w.partitions * share) / 8]
  fs.mkdirSync(dir)
  const log = PartitionLog.create(dir, logConfig(w, false))
  const discard = new LatencyRecorder(maxBatches, Math.min(maxBatches, 4096))
  const out = appendLoop([log], source, {durationMs: Math.min(WARMUP_MAX_MS, w.durationMs * WARMUP_SHARE_OF_DURATION), totalBytes: Math.min(...byteCaps), maxBatches, retention: false}, discard, discard, undefined)
  if (!out.diskFull) log.flush()
  return {log, batches: out.batches, seconds: out.elapsedMs() / 1000}
}

/**
 * Appends to the partitions in `partitionIds` (default: all). Threads that share a workload each take a
 * subset, as a broker's request handler threads (num.io.threads) append to different partitions at once;
 * each stops at its share of totalBytes. `beforeStart` runs after the set-up and the warm-up, just before
 * the clock starts (writer threads wait there for each other, so no thread's timed loop overlaps another's
 * start-up).
 */
export function runProduce(root: string, w: BenchWorkload, onProgress: (p: Progress) => void, partitionIds?: number[], beforeStart?: () => void): ProduceOutput {
  const ids = partitionIds ?? Array.from({length: w.partitions}, (_, p) => p)
  const share = ids.length / w.partitions
  const totalBytes = w.totalBytes === undefined ? undefined : w.totalBytes * share
  const source = batchSource(w)
  const logs = ids.map((p) => {
    const dir = partitionDir(root, p)
    fs.mkdirSync(dir)
    return PartitionLog.create(dir, logConfig(w, true))
  })
  const scratchDir = warmupDir(root, ids[0] ?? 0)
  const warm = warmUp(scratchDir, w, source, totalBytes, share)
  try {
    const expectedBatches = totalBytes ? totalBytes / (source.average * w.messageBytes) : 1_000_000
    const latency = new LatencyRecorder(expectedBatches)
    const fsync = new LatencyRecorder(expectedBatches)
    beforeStart?.()
    const cpu0 = process.cpuUsage()
    const loop = appendLoop(logs, source, {durationMs: w.durationMs, totalBytes, retention: w.retentionBytesPerPartition !== undefined}, latency, fsync, onProgress)

    let finalSyncSeconds = 0
    if (w.syncAtEnd && !loop.diskFull) {
      onProgress({phase: 'sync', fraction: 1, records: loop.records, payloadBytes: loop.payloadBytes, seconds: loop.elapsedMs() / 1000})
      const t0 = process.hrtime.bigint()
      for (const log of logs) fsync.record(log.flush())
      finalSyncSeconds = Number(process.hrtime.bigint() - t0) / 1e9
    }
    const seconds = loop.elapsedMs() / 1000
    const cpuEnd = process.cpuUsage()
    const cpu = process.cpuUsage(cpu0)
    const stats = logs.map((l) => l.stats())
    const sum = (f: (s: (typeof stats)[number]) => number) => stats.reduce((a, s) => a + f(s), 0)
    const {records, batches, logBytes, payloadBytes, diskFull} = loop
    return {
      logs,
      latency: latency.snapshot(),
      fsync: fsync.snapshot(),
      cpuWindow: {start: cpu0, end: cpuEnd},
      result: {
        records,
        batches,
        payloadBytes,
        logBytes,
        indexBytes: sum((s) => s.indexBytes),
        seconds,
        finalSyncSeconds,
        recordsPerBatch: batches > 0 ? records / batches : 0,
        batchBytes: batches > 0 ? logBytes / batches : 0,
        latency: latency.summary(),
        fsync: fsync.summary(),
        segmentsRolled: sum((s) => s.segmentsRolled),
        segmentsDeleted: sum((s) => s.segmentsDeleted),
        offsetIndexEntries: sum((s) => s.offsetIndexEntries),
        timeIndexEntries: sum((s) => s.timeIndexEntries),
        rollFlushes: sum((s) => s.rollFlushes),
        cpuUserSeconds: cpu.user / 1e6,
        cpuSysSeconds: cpu.system / 1e6,
        diskFull,
        warmupBatches: warm.batches,
        warmupSeconds: warm.seconds,
      },
    }
  } finally {
    warm.log?.close()
    fs.rmSync(scratchDir, {recursive: true, force: true})
  }
}
