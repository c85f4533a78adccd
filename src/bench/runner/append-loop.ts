// The hot loop: producers' batches appended to P partition logs, round robin, one write per batch, as a
// broker appends one produce request's batch per partition. Synchronous by design (it runs in a worker
// thread): sync fs calls measured ~3x faster than awaited ones on these machines (logbench §4.6).
//
// The same function runs twice per writer: first for the discarded warm-up on a scratch log, then timed.
// Calling one function for both is what makes the warm-up count: V8 keeps type feedback and optimised
// code per function, so the timed loop starts with the code the warm-up got optimised.
import type {PartitionLog} from '../log/partition-log.js'
import {BATCH_HEADER_BYTES} from '../log/record-batch.js'
import type {LatencyRecorder} from './latency.js'
import type {Progress} from './workload.js'

const PROGRESS_EVERY_MS = 200

/** What every batch is made of: built once per writer, shared by the warm-up and the timed loop. */
export interface BatchSource {
  /** Average records per batch (fractional averages alternate the two neighbouring whole counts). */
  average: number
  low: number
  lowTemplate: Buffer
  highTemplate: Buffer
  /** Reusable 61-byte header buffers (a few, so a batch in flight is never overwritten by the next). */
  headers: Buffer[]
  payloadPerRecord: number
  /** Open-loop pacing: seconds between batches at the target rate; 0 = as fast as the log takes them. */
  secondsPerBatch: number
}

export interface LoopLimits {
  durationMs: number
  totalBytes?: number
  maxBatches?: number
  /** Run retention every 256 batches (the workload has a per-partition retention). */
  retention: boolean
}

export interface LoopCounters {
  records: number
  batches: number
  logBytes: number
  payloadBytes: number
  diskFull: boolean
  /** Process-relative hrtime when the loop's clock started. */
  startNs: bigint
  elapsedMs: () => number
}

export function appendLoop(
  logs: PartitionLog[],
  source: BatchSource,
  limits: LoopLimits,
  latency: LatencyRecorder,
  fsync: LatencyRecorder,
  onProgress: ((p: Progress) => void) | undefined,
): LoopCounters {
  const {average, low, lowTemplate, highTemplate, headers, payloadPerRecord, secondsPerBatch} = source
  const maxBatches = limits.maxBatches ?? Number.POSITIVE_INFINITY
  const totalBytes = limits.totalBytes
  const start = process.hrtime.bigint()
  const startMs = Date.now()
  const out: LoopCounters = {records: 0, batches: 0, logBytes: 0, payloadBytes: 0, diskFull: false, startNs: start, elapsedMs: () => Number(process.hrtime.bigint() - start) / 1e6}
  let lastProgress = 0
  let carry = 0
  try {
    for (;;) {
      // One clock read per batch before the append (loop check, timestamp, latency start) and one after.
      let intendedNs = process.hrtime.bigint()
      const now = Number(intendedNs - start) / 1e6
      if (now >= limits.durationMs || out.batches >= maxBatches || (totalBytes !== undefined && out.payloadBytes >= totalBytes)) break
      // Open loop: each batch has an intended send time; latency counts from it (no coordinated omission).
      if (secondsPerBatch > 0) {
        const due = start + BigInt(Math.round(out.batches * secondsPerBatch * 1e9))
        while (process.hrtime.bigint() < due) {
          // busy-wait: sub-millisecond pacing; timers are too coarse for it
        }
        intendedNs = due
      }
      carry += average - low
      const count = carry >= 1 ? low + 1 : low
      if (count > low) carry -= 1
      const batchRecords = count > low ? highTemplate : lowTemplate
      const log = logs[out.batches % logs.length]
      const nowMs = startMs + Math.round(now)
      const appended = log.append(headers[out.batches % headers.length], batchRecords, count, nowMs, nowMs)
      const doneNs = process.hrtime.bigint()
      latency.record(Number(doneNs - intendedNs) / 1000)
      if (appended.flushMicros !== undefined) fsync.record(appended.flushMicros)
      const intervalFlush = log.maybeFlush(nowMs)
      if (intervalFlush !== undefined) fsync.record(intervalFlush)
      out.batches++
      out.records += count
      out.payloadBytes += count * payloadPerRecord
      out.logBytes += BATCH_HEADER_BYTES + batchRecords.length
      if (limits.retention && out.batches % 256 === 0) for (const l of logs) l.enforceRetention(nowMs)
      if (onProgress !== undefined && now - lastProgress >= PROGRESS_EVERY_MS) {
        lastProgress = now
        const byTime = now / limits.durationMs
        const byBytes = totalBytes ? out.payloadBytes / totalBytes : 0
        onProgress({phase: 'produce', fraction: Math.min(1, Math.max(byTime, byBytes)), records: out.records, payloadBytes: out.payloadBytes, seconds: now / 1000})
      }
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error
    out.diskFull = true
  }
  return out
}
