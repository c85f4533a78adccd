// Worker-thread entry. 'produce' appends to a subset of the partitions (one thread per subset, as a
// broker's request handler threads do); 'read' reads every partition back once the writers are done.
import {parentPort, workerData} from 'node:worker_threads'
import {runProduce} from './produce-loop.js'
import {runReads} from './run-workload.js'
import type {BenchWorkload, Progress} from './workload.js'

export type WorkerJob =
  // startGate: an Int32Array's buffer; the writer says 'ready' after its set-up and starts when slot 0 turns non-zero
  | {mode: 'produce'; root: string; workload: BenchWorkload; partitionIds: number[]; startGate?: SharedArrayBuffer}
  | {mode: 'read'; root: string; workload: BenchWorkload; endOffsets: number[]; recordBytes: number}

const GATE_TIMEOUT_MS = 60_000
const job = workerData as WorkerJob
const progress = (p: Progress) => parentPort?.postMessage({type: 'progress', progress: p})
try {
  if (job.mode === 'produce') {
    const gate = job.startGate === undefined ? undefined : new Int32Array(job.startGate)
    const waitForGo = () => {
      if (gate === undefined) return
      parentPort?.postMessage({type: 'ready'})
      Atomics.wait(gate, 0, 0, GATE_TIMEOUT_MS) // a worker thread may block; the timeout only guards against a lost release
    }
    const out = runProduce(job.root, job.workload, progress, job.partitionIds, waitForGo)
    const endOffsets = out.logs.map((l) => l.stats().nextOffset)
    for (const log of out.logs) log.close()
    parentPort?.postMessage({type: 'result', result: {produce: out.result, latency: out.latency, fsync: out.fsync, cpuWindow: out.cpuWindow, endOffsets}})
  } else {
    parentPort?.postMessage({type: 'result', result: runReads(job.root, job.workload, job.endOffsets, job.recordBytes, progress)})
  }
} catch (error) {
  const e = error as NodeJS.ErrnoException
  parentPort?.postMessage({type: 'error', error: {message: e.message, code: e.code, stack: e.stack}})
}
