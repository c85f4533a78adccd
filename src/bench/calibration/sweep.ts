// The calibration sweep: a sustained-write run for the disk's absorb rate and read rates, then a grid of
// message sizes × batch sizes × partition counts without flush (append costs), then fsync per batch at a
// few batch sizes (fsync costs), each run within its share of the time budget and the disk budget.
import {runInWorker} from '../runner/in-worker.js'
import type {BenchWorkload, Progress, RunResult} from '../runner/workload.js'
import type {Workspace} from '../workspace.js'
import type {CalibrationPoint} from './profile.js'

const KiB = 1024
const MiB = 1024 * KiB

export interface SweepPlan {
  sustained: BenchWorkload
  grid: BenchWorkload[]
  fsync: BenchWorkload[]
}

export interface SweepResult {
  sustained: {workload: BenchWorkload; result: RunResult}
  grid: Array<{workload: BenchWorkload; result: RunResult}>
  fsync: Array<{workload: BenchWorkload; result: RunResult}>
}

function base(over: Partial<BenchWorkload>): BenchWorkload {
  return {
    messageBytes: 1024,
    keyBytes: 0,
    partitions: 1,
    // One writer thread: the fit divides a run's time by its batches, so appends must be serial.
    threads: 1,
    producers: 1,
    batchSizeBytes: 64 * KiB,
    lingerMs: 5,
    flush: {kind: 'none'},
    sync: 'fdatasync',
    durationMs: 1000,
    segmentBytes: 128 * MiB,
    syncAtEnd: false,
    readers: {catchUp: false, tail: false},
    dropCaches: false,
    ...over,
  }
}

/** The runs of a sweep that fits `budgetMs` and `budgetBytes`. */
export function planSweep(budgetMs: number, budgetBytes: number, quick: boolean): SweepPlan {
  const sizes = quick ? [100, 1024] : [100, 1024, 8 * KiB]
  const batches = quick ? [16 * KiB, 256 * KiB] : [16 * KiB, 64 * KiB, 256 * KiB, MiB]
  const partitions = quick ? [1, 16] : [1, 32]
  const fsyncBatches = quick ? [16 * KiB, 256 * KiB] : [16 * KiB, 64 * KiB, MiB]
  // A third of the time for the sustained run, most of the rest shared by the grid and fsync points; each
  // run's warm-up (at most 5 % of its duration, produce-loop.ts) comes out of the remaining 10 %.
  const sustainedBytes = Math.min(Math.floor(budgetBytes * 0.45), quick ? 512 * MiB : 2048 * MiB)
  const pointMs = Math.max(150, Math.floor((budgetMs * 0.57) / (sizes.length * batches.length * partitions.length + fsyncBatches.length)))
  const perRunDisk = Math.floor(budgetBytes * 0.45)
  const grid = sizes.flatMap((messageBytes) =>
    batches.flatMap((batchSizeBytes) =>
      partitions.map((p) =>
        base({
          messageBytes,
          batchSizeBytes,
          partitions: p,
          durationMs: pointMs,
          retentionBytesPerPartition: Math.max(4 * MiB, Math.floor(perRunDisk / p / 2)),
          segmentBytes: Math.max(MiB, Math.min(128 * MiB, Math.floor(perRunDisk / p / 8))),
        }),
      ),
    ),
  )
  const fsync = fsyncBatches.map((batchSizeBytes) =>
    base({batchSizeBytes, flush: {kind: 'batch'}, durationMs: pointMs, retentionBytesPerPartition: Math.floor(perRunDisk / 2), segmentBytes: 64 * MiB}),
  )
  const sustained = base({
    messageBytes: 1024,
    batchSizeBytes: MiB,
    durationMs: Math.max(2000, Math.floor(budgetMs * 0.33)),
    totalBytes: sustainedBytes,
    segmentBytes: 256 * MiB,
    syncAtEnd: true,
    readers: {catchUp: true, tail: true},
    dropCaches: true,
  })
  return {sustained, grid, fsync}
}

export async function runSweep(
  ws: Workspace,
  plan: SweepPlan,
  onProgress: (label: string, fraction: number) => void,
  options: {inProcess?: boolean} = {},
): Promise<SweepResult> {
  const total = 1 + plan.grid.length + plan.fsync.length
  let done = 0
  const run = async (label: string, w: BenchWorkload): Promise<RunResult> => {
    const dir = ws.runDir(label.replace(/[^a-z0-9-]+/gi, '-'))
    const report = (p: Progress) => onProgress(label, (done + Math.min(1, p.fraction)) / total)
    const result = await runInWorker(dir, w, report, options).done
    done++
    onProgress(label, done / total)
    return result
  }
  const sustained = {workload: plan.sustained, result: await run('sustained write', plan.sustained)}
  const grid = []
  for (const w of plan.grid) grid.push({workload: w, result: await run(`${w.messageBytes} B × ${w.batchSizeBytes / KiB} KiB × ${w.partitions} p`, w)})
  const fsync = []
  for (const w of plan.fsync) fsync.push({workload: w, result: await run(`fsync per ${w.batchSizeBytes / KiB} KiB batch`, w)})
  return {sustained, grid, fsync}
}

export function toPoint(w: BenchWorkload, r: RunResult): CalibrationPoint {
  const p = r.produce
  return {
    messageBytes: w.messageBytes,
    batchSizeBytes: w.batchSizeBytes,
    partitions: w.partitions,
    flush: w.flush.kind === 'none' ? 'none' : w.flush.kind === 'batch' ? 'every batch' : w.flush.kind === 'messages' ? `every ${w.flush.every} messages` : `every ${w.flush.ms} ms`,
    records: Math.max(p.recordsPerBatch, 1e-9),
    batchBytes: Math.max(p.batchBytes, 1e-9),
    batches: Math.max(1, p.batches),
    seconds: Math.max(p.seconds, 1e-9),
    logBytesPerSec: Math.max(p.logBytes / p.seconds, 1e-9),
    recordsPerSec: Math.max(p.records / p.seconds, 1e-9),
    appendP50Micros: p.latency.p50Micros,
    appendP99Micros: p.latency.p99Micros,
    cpuUserSeconds: p.cpuUserSeconds,
    cpuSysSeconds: p.cpuSysSeconds,
  }
}
