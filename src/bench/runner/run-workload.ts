// One benchmark run end to end in this thread: produce, optionally sync, read back. The worker threads
// run its two halves (produce on a subset of partitions; reads); tests run it whole.
import {dropPageCache, readBack} from './read-loop.js'
import {runProduce} from './produce-loop.js'
import type {BenchWorkload, Progress, ReadResult, RunResult} from './workload.js'

export function runReads(root: string, w: BenchWorkload, endOffsets: number[], recordBytes: number, onProgress: (p: Progress) => void): ReadResult[] {
  const reads: ReadResult[] = []
  const records = endOffsets.reduce((a, b) => a + b, 0)
  if (records === 0) return reads
  const progress = (fraction: number) => onProgress({phase: 'read', fraction, records, payloadBytes: 0, seconds: 0})
  if (w.readers.tail) {
    progress(0)
    // Just written: the page cache holds it, as it does for a caught-up consumer.
    reads.push(readBack(root, w.partitions, endOffsets, 'tail', 'hot', recordBytes))
  }
  if (w.readers.catchUp) {
    progress(0.5)
    const cold = w.dropCaches && dropPageCache()
    reads.push(readBack(root, w.partitions, endOffsets, 'catch-up', cold ? 'cold' : 'unknown', recordBytes))
  }
  return reads
}

export function runWorkload(root: string, w: BenchWorkload, onProgress: (p: Progress) => void): RunResult {
  const {result: produce, logs} = runProduce(root, w, onProgress)
  const endOffsets = logs.map((l) => l.stats().nextOffset)
  for (const log of logs) log.close()
  const recordBytes = produce.batchBytes / Math.max(1, produce.recordsPerBatch)
  return {produce, reads: runReads(root, w, endOffsets, recordBytes, onProgress)}
}
