// The append loop: producers' batches appended to P partition logs, round robin, one write per batch,
// as a broker appends one produce request's batch per partition. Synchronous by design (it runs in a
// worker thread): sync fs calls measured ~3x faster than awaited ones on these machines (logbench §4.6).
import {randomBytes} from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import {achievedBatch} from '../../model/batching.js'
import {BATCH_HEADER_BYTES, recordsTemplate} from '../log/record-batch.js'
import {PartitionLog} from '../log/partition-log.js'
import {type LatencySnapshot, LatencyRecorder} from './latency.js'
import type {BenchWorkload, ProduceResult, Progress} from './workload.js'

const INDEX_INTERVAL_BYTES = 4096 // Kafka index.interval.bytes default
const SEGMENT_MS = 604_800_000 // Kafka segment.ms default: rolls here come from segment.bytes
const PROGRESS_EVERY_MS = 200

export function partitionDir(root: string, partition: number): string {
  return path.join(root, `bench-topic-${partition}`)
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

/**
 * Appends to the partitions in `partitionIds` (default: all). Threads that share a workload each take a
 * subset, as a broker's request handler threads (num.io.threads) append to different partitions at once;
 * each stops at its share of totalBytes. `beforeStart` runs after the set-up, just before the clock starts
 * (writer threads wait there for each other, so no thread's timed loop overlaps another's start-up).
 */
export function runProduce(root: string, w: BenchWorkload, onProgress: (p: Progress) => void, partitionIds?: number[], beforeStart?: () => void): ProduceOutput {
  const ids = partitionIds ?? Array.from({length: w.partitions}, (_, p) => p)
  const share = ids.length / w.partitions
  const totalBytes = w.totalBytes === undefined ? undefined : w.totalBytes * share
  const value = randomBytes(w.messageBytes)
  const key = w.keyBytes > 0 ? randomBytes(w.keyBytes) : null
  const average = recordsPerBatch(w)
  const low = Math.max(1, Math.floor(average))
  // Whole batches realise a fractional average by alternating the two neighbouring counts.
  const lowTemplate = recordsTemplate(low, value, key)
  const highTemplate = recordsTemplate(low + 1, value, key)
  const headers = Array.from({length: 64}, () => Buffer.allocUnsafe(BATCH_HEADER_BYTES))
  const logs = ids.map((p) => {
    const dir = partitionDir(root, p)
    fs.mkdirSync(dir)
    return PartitionLog.create(dir, {
      segmentBytes: w.segmentBytes,
      segmentMs: SEGMENT_MS,
      indexIntervalBytes: INDEX_INTERVAL_BYTES,
      retentionBytes: w.retentionBytesPerPartition,
      flush: w.flush,
      sync: w.sync,
    })
  })
  const expectedBatches = totalBytes ? totalBytes / (average * w.messageBytes) : 1_000_000
  const latency = new LatencyRecorder(expectedBatches)
  const fsync = new LatencyRecorder(expectedBatches)
  beforeStart?.()
  const cpu0 = process.cpuUsage()
  const start = process.hrtime.bigint()
  const startMs = Date.now()
  const elapsedMs = () => Number(process.hrtime.bigint() - start) / 1e6
  const payloadPerRecord = w.messageBytes + w.keyBytes
  const secondsPerBatch = w.targetMessagesPerSec ? average / w.targetMessagesPerSec : 0

  let records = 0
  let batches = 0
  let logBytes = 0
  let payloadBytes = 0
  let diskFull = false
  let lastProgress = 0
  let carry = 0
  try {
    for (;;) {
      // One clock read per batch before the append (loop check, timestamp, latency start) and one after.
      let intendedNs = process.hrtime.bigint()
      const now = Number(intendedNs - start) / 1e6
      if (now >= w.durationMs || (totalBytes !== undefined && payloadBytes >= totalBytes)) break
      // Open loop: each batch has an intended send time; latency counts from it (no coordinated omission).
      if (secondsPerBatch > 0) {
        const due = start + BigInt(Math.round(batches * secondsPerBatch * 1e9))
        while (process.hrtime.bigint() < due) {
          // busy-wait: sub-millisecond pacing; timers are too coarse for it
        }
        intendedNs = due
      }
      carry += average - low
      const count = carry >= 1 ? low + 1 : low
      if (count > low) carry -= 1
      const batchRecords = count > low ? highTemplate : lowTemplate
      const log = logs[batches % logs.length]
      const nowMs = startMs + Math.round(now)
      const appended = log.append(headers[batches % headers.length], batchRecords, count, nowMs, nowMs)
      const doneNs = process.hrtime.bigint()
      latency.record(Number(doneNs - intendedNs) / 1000)
      if (appended.flushMicros !== undefined) fsync.record(appended.flushMicros)
      const intervalFlush = log.maybeFlush(nowMs)
      if (intervalFlush !== undefined) fsync.record(intervalFlush)
      batches++
      records += count
      payloadBytes += count * payloadPerRecord
      logBytes += BATCH_HEADER_BYTES + batchRecords.length
      if (w.retentionBytesPerPartition !== undefined && batches % 256 === 0) for (const l of logs) l.enforceRetention(nowMs)
      if (now - lastProgress >= PROGRESS_EVERY_MS) {
        lastProgress = now
        const byTime = now / w.durationMs
        const byBytes = totalBytes ? payloadBytes / totalBytes : 0
        onProgress({phase: 'produce', fraction: Math.min(1, Math.max(byTime, byBytes)), records, payloadBytes, seconds: now / 1000})
      }
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error
    diskFull = true
  }

  let finalSyncSeconds = 0
  if (w.syncAtEnd && !diskFull) {
    onProgress({phase: 'sync', fraction: 1, records, payloadBytes, seconds: elapsedMs() / 1000})
    const t0 = process.hrtime.bigint()
    for (const log of logs) fsync.record(log.flush())
    finalSyncSeconds = Number(process.hrtime.bigint() - t0) / 1e9
  }
  const seconds = elapsedMs() / 1000
  const cpuEnd = process.cpuUsage()
  const cpu = process.cpuUsage(cpu0)
  const stats = logs.map((l) => l.stats())
  const sum = (f: (s: (typeof stats)[number]) => number) => stats.reduce((a, s) => a + f(s), 0)
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
    },
  }
}
