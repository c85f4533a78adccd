// One benchmark run end to end: produce, optionally sync, read back. Used inside the worker thread, or
// in-process by tests.
import {dropPageCache, readBack} from './read-loop.js'
import {runProduce} from './produce-loop.js'
import type {BenchWorkload, Progress, ReadResult, RunResult} from './workload.js'

export function runWorkload(root: string, w: BenchWorkload, onProgress: (p: Progress) => void): RunResult {
  const {result: produce, logs} = runProduce(root, w, onProgress)
  const endOffsets = logs.map((l) => l.stats().nextOffset)
  for (const log of logs) log.close()
  const reads: ReadResult[] = []
  const recordBytes = produce.batchBytes / Math.max(1, produce.recordsPerBatch)
  if (w.readers.tail && produce.records > 0) {
    onProgress({phase: 'read', fraction: 0, records: produce.records, payloadBytes: produce.payloadBytes, seconds: produce.seconds})
    // Just written: the page cache holds it, as it does for a caught-up consumer.
    reads.push(readBack(root, w.partitions, endOffsets, 'tail', 'hot', recordBytes))
  }
  if (w.readers.catchUp && produce.records > 0) {
    onProgress({phase: 'read', fraction: 0.5, records: produce.records, payloadBytes: produce.payloadBytes, seconds: produce.seconds})
    const cold = w.dropCaches && dropPageCache()
    reads.push(readBack(root, w.partitions, endOffsets, 'catch-up', cold ? 'cold' : 'unknown', recordBytes))
  }
  return {produce, reads}
}
