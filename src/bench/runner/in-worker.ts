// Runs a workload on worker threads: `threads` writers over disjoint partition subsets (the broker's
// num.io.threads appending to different partitions at once), then one reader. Progress arrives as it
// happens; terminate() stops everything at once (Ctrl-C).
import {Worker} from 'node:worker_threads'
import {type LatencySnapshot, mergeLatency} from './latency.js'
import {runWorkload} from './run-workload.js'
import type {WorkerJob} from './worker.js'
import type {BenchWorkload, ProduceResult, Progress, ReadResult, RunResult} from './workload.js'

export interface RunHandle {
  done: Promise<RunResult>
  terminate(): Promise<void>
}

export class BenchRunError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message)
  }
}

export interface ProduceShare {
  produce: ProduceResult
  latency: LatencySnapshot
  fsync: LatencySnapshot
  /** Process CPU (cumulative) when this writer's timed loop started and ended. */
  cpuWindow: {start: NodeJS.CpuUsage; end: NodeJS.CpuUsage}
  endOffsets: number[]
}

export function runInWorker(root: string, workload: BenchWorkload, onProgress: (p: Progress) => void, options: {inProcess?: boolean} = {}): RunHandle {
  const workerFile = new URL('./worker.js', import.meta.url)
  // Tests run the TypeScript sources, where there is no compiled worker file: one thread, in-process.
  if (options.inProcess || workerFile.pathname.includes('/src/')) {
    const done = new Promise<RunResult>((resolve, reject) => {
      try {
        resolve(runWorkload(root, workload, onProgress))
      } catch (error) {
        const e = error as NodeJS.ErrnoException
        reject(new BenchRunError(e.message, e.code))
      }
    })
    return {done, terminate: async () => {}}
  }
  const active = new Set<Worker>()
  const start = <T>(job: WorkerJob, progress: (p: Progress) => void, onReady?: () => void, onFail?: () => void): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const worker = new Worker(workerFile, {workerData: job})
      active.add(worker)
      const fail = (error: BenchRunError) => {
        onFail?.()
        reject(error)
      }
      worker.on('message', (m: {type: string; progress?: Progress; result?: T; error?: {message: string; code?: string}}) => {
        if (m.type === 'progress' && m.progress) progress(m.progress)
        else if (m.type === 'ready') onReady?.()
        else if (m.type === 'result') resolve(m.result as T)
        else if (m.type === 'error' && m.error) fail(new BenchRunError(m.error.message, m.error.code))
      })
      worker.on('error', (e) => fail(new BenchRunError(e.message, (e as NodeJS.ErrnoException).code)))
      worker.on('exit', (code) => {
        active.delete(worker)
        if (code !== 0) fail(new BenchRunError(`benchmark worker stopped (exit ${code})`))
      })
    })

  // Start gate: every writer sets up (module loading, files, buffers), then all start their clocks together,
  // so no timed loop shares the CPUs with another thread's start-up. Released early if a writer fails or on
  // terminate(), so no writer waits for a start that will not come.
  const gate = new Int32Array(new SharedArrayBuffer(4))
  const release = () => {
    Atomics.store(gate, 0, 1)
    Atomics.notify(gate, 0)
  }
  const done = (async (): Promise<RunResult> => {
    const threads = Math.max(1, Math.min(workload.threads ?? 1, workload.partitions))
    const subsets = Array.from({length: threads}, (_, t) => Array.from({length: workload.partitions}, (_, p) => p).filter((p) => p % threads === t))
    const fractions = new Array<number>(threads).fill(0)
    let ready = 0
    const shares = await Promise.all(
      subsets.map((partitionIds, t) =>
        start<ProduceShare>(
          {mode: 'produce', root, workload, partitionIds, startGate: gate.buffer as SharedArrayBuffer},
          (p) => {
            fractions[t] = p.fraction
            onProgress({...p, fraction: fractions.reduce((a, b) => a + b, 0) / threads})
          },
          () => {
            if (++ready === threads) release()
          },
          release,
        ),
      ),
    )
    const produce = mergeShares(shares)
    const endOffsets = new Array<number>(workload.partitions).fill(0)
    shares.forEach((s, t) => subsets[t].forEach((p, i) => (endOffsets[p] = s.endOffsets[i])))
    let reads: ReadResult[] = []
    if (workload.readers.tail || workload.readers.catchUp) {
      const recordBytes = produce.batchBytes / Math.max(1, produce.recordsPerBatch)
      reads = await start<ReadResult[]>({mode: 'read', root, workload, endOffsets, recordBytes}, onProgress)
    }
    return {produce, reads}
  })()
  return {
    done,
    terminate: async () => {
      release()
      await Promise.all([...active].map((w) => w.terminate()))
    },
  }
}

/**
 * One result from the writer threads: sums, the slowest thread's time, merged latency samples, and the process's
 * CPU from the first timed loop's start to the last one's end (set-up, closing and result passing left out).
 */
export function mergeShares(shares: ProduceShare[]): ProduceResult {
  const sum = (f: (p: ProduceResult) => number) => shares.reduce((a, s) => a + f(s.produce), 0)
  const max = (f: (p: ProduceResult) => number) => Math.max(...shares.map((s) => f(s.produce)))
  const records = sum((p) => p.records)
  const batches = sum((p) => p.batches)
  const logBytes = sum((p) => p.logBytes)
  return {
    records,
    batches,
    payloadBytes: sum((p) => p.payloadBytes),
    logBytes,
    indexBytes: sum((p) => p.indexBytes),
    seconds: max((p) => p.seconds),
    finalSyncSeconds: max((p) => p.finalSyncSeconds),
    recordsPerBatch: batches > 0 ? records / batches : 0,
    batchBytes: batches > 0 ? logBytes / batches : 0,
    latency: mergeLatency(shares.map((s) => s.latency)),
    fsync: mergeLatency(shares.map((s) => s.fsync)),
    segmentsRolled: sum((p) => p.segmentsRolled),
    segmentsDeleted: sum((p) => p.segmentsDeleted),
    offsetIndexEntries: sum((p) => p.offsetIndexEntries),
    timeIndexEntries: sum((p) => p.timeIndexEntries),
    rollFlushes: sum((p) => p.rollFlushes),
    // Workers share the process: its CPU over the timed window, from cumulative snapshots taken in the workers.
    cpuUserSeconds: (Math.max(...shares.map((s) => s.cpuWindow.end.user)) - Math.min(...shares.map((s) => s.cpuWindow.start.user))) / 1e6,
    cpuSysSeconds: (Math.max(...shares.map((s) => s.cpuWindow.end.system)) - Math.min(...shares.map((s) => s.cpuWindow.start.system))) / 1e6,
    diskFull: shares.some((s) => s.produce.diskFull),
    warmupBatches: sum((p) => p.warmupBatches),
    warmupSeconds: max((p) => p.warmupSeconds),
  }
}
