// Bench service: one workload on the embedded log, the calibration sweep, or compression of sample
// messages. Owns the workspace (disk budget, cleanup on every path) and the progress reports.
import fs from 'node:fs'
import path from 'node:path'
import {UserError} from '../lib/errors.js'
import type {BenchWorkload, Progress, ProduceResult, ReadResult} from '../bench/runner/workload.js'
import type {CalibrationProfile} from '../bench/calibration/profile.js'
import type {CompressionReport} from '../bench/compression/measure.js'
import {cleanupOnSignals, openWorkspace} from '../bench/workspace.js'
import {type AppendCosts, appendPointOf, worstAppendFit} from '../model/calibration/fit.js'
import {formatBytes, formatNumber} from '../units/format.js'

export interface BenchOptions {
  dir?: string
  maxDiskBytes?: number
  quick: boolean
  calibrate: boolean
  /** Where --calibrate writes the profile. */
  output: string
  sample?: string
  workload: BenchWorkload
  /** Time budget of a calibration, ms. */
  budgetMs: number
  toolVersion: string
  onProgress?: (label: string, fraction: number) => void
  /** Run the log in this thread (tests of the TypeScript sources). */
  inProcess?: boolean
}

export interface BenchEnvironment {
  dir: string
  fileSystem: string | null
  freeBytes: number
  diskBudgetBytes: number
  node: string
  libuv: string
  uvThreadpoolSize: string | null
  dirtyRatio: string | null
  dirtyBackgroundRatio: string | null
}

export interface ProduceSummary extends ProduceResult {
  /** Payload (key + value) bytes per second, as kafka-producer-perf-test reports (it prints MiB). */
  bytesPerSecond: number
  recordsPerSecond: number
  /** Bytes appended to the log per second (batch headers and varints included). */
  logBytesPerSecond: number
}

export interface BenchResult {
  mode: 'run' | 'calibrate' | 'sample'
  workload?: BenchWorkload
  produce?: ProduceSummary
  reads?: Array<ReadResult & {bytesPerSecond: number; recordsPerSecond: number}>
  environment?: BenchEnvironment
  /** --calibrate: where the profile was written, and what it holds. */
  profilePath?: string
  profile?: CalibrationProfile
  /** --sample: compression of the user's messages. */
  codecs?: CompressionReport['codecs']
  compression?: CompressionReport
  warnings: string[]
}

function readSysctl(name: string): string | null {
  try {
    return fs.readFileSync(`/proc/sys/vm/${name}`, 'utf8').trim()
  } catch {
    return null
  }
}

export function summarizeProduce(p: ProduceResult): ProduceSummary {
  return {...p, bytesPerSecond: p.payloadBytes / p.seconds, recordsPerSecond: p.records / p.seconds, logBytesPerSecond: p.logBytes / p.seconds}
}

export async function benchService(options: BenchOptions): Promise<BenchResult> {
  if (options.sample !== undefined) return sampleService(options)
  const ws = openWorkspace({dir: options.dir, maxDiskBytes: options.maxDiskBytes})
  const removeSignalHandlers = cleanupOnSignals(ws.cleanup)
  const {mountOf} = await import('../bench/calibration/build-profile.js')
  const environment: BenchEnvironment = {
    dir: ws.root,
    fileSystem: mountOf(ws.root).type,
    freeBytes: ws.freeBytes,
    diskBudgetBytes: ws.budgetBytes,
    node: process.version,
    libuv: process.versions.uv ?? 'unknown',
    uvThreadpoolSize: process.env.UV_THREADPOOL_SIZE ?? null,
    dirtyRatio: readSysctl('dirty_ratio'),
    dirtyBackgroundRatio: readSysctl('dirty_background_ratio'),
  }
  try {
    return options.calibrate ? await calibrate(options, ws, environment) : await runOne(options, ws, environment)
  } catch (error) {
    const code = (error as {code?: string}).code
    if (code === 'ENOSPC') {
      throw new UserError(`the disk at ${ws.root} filled up during the benchmark (ENOSPC); everything it wrote has been removed`, {
        suggestions: ['lower --max-disk, or give --dir on a file system with more free space'],
      })
    }
    throw error
  } finally {
    ws.cleanup()
    removeSignalHandlers()
  }
}

async function runOne(options: BenchOptions, ws: ReturnType<typeof openWorkspace>, environment: BenchEnvironment): Promise<BenchResult> {
  const {runInWorker} = await import('../bench/runner/in-worker.js')
  const w = {...options.workload}
  // Stay within the disk budget: retention deletes old segments as the run writes (as a broker would).
  if (w.retentionBytesPerPartition === undefined) w.retentionBytesPerPartition = Math.floor((ws.budgetBytes * 0.8) / w.partitions)
  w.segmentBytes = Math.max(1024 ** 2, Math.min(w.segmentBytes, Math.floor(w.retentionBytesPerPartition / 4)))
  const report = (p: Progress) => options.onProgress?.(p.phase === 'produce' ? 'producing' : p.phase === 'sync' ? 'final fdatasync' : 'reading back', p.fraction)
  const result = await runInWorker(ws.runDir('run'), w, report, {inProcess: options.inProcess}).done
  const warnings: string[] = []
  if (result.produce.diskFull) warnings.push('the disk filled up (ENOSPC): the results cover what was written before that')
  if (w.flush.kind === 'none' && !w.syncAtEnd) {
    warnings.push('no flush and no closing sync: this measures the page cache, not the disk (add --sync-at-end for the sustained rate)')
  }
  for (const r of result.reads) if (r.kind === 'catch-up' && r.cache !== 'cold') warnings.push('catch-up read: the page cache could not be dropped (needs root), so it may have been served from memory')
  return {
    mode: 'run',
    workload: w,
    produce: summarizeProduce(result.produce),
    reads: result.reads.map((r) => ({...r, bytesPerSecond: r.bytes / r.seconds, recordsPerSecond: r.records / r.seconds})),
    environment,
    warnings,
  }
}

async function calibrate(options: BenchOptions, ws: ReturnType<typeof openWorkspace>, environment: BenchEnvironment): Promise<BenchResult> {
  const {planSweep, runSweep} = await import('../bench/calibration/sweep.js')
  const {buildProfile} = await import('../bench/calibration/build-profile.js')
  const plan = planSweep(options.budgetMs, ws.budgetBytes, options.quick)
  const sweep = await runSweep(ws, plan, (label, fraction) => options.onProgress?.(label, fraction), {inProcess: options.inProcess})
  const profile = await buildProfile(sweep, ws.root, ws.freeBytes, options.toolVersion)
  const profilePath = path.resolve(options.output)
  fs.writeFileSync(profilePath, `${JSON.stringify(profile, null, 2)}\n`)
  const warnings: string[] = []
  if (!profile.disk.coldReadVerified) warnings.push('the page cache could not be dropped (needs root): the cold-read figure may be from memory')
  const q = profile.append.quality
  if (q.r2 < 0.8) {
    const few = options.quick ? '; --quick fits few runs, so calibrate without it' : ''
    warnings.push(`the append-cost fit is loose (R² ${q.r2.toFixed(2)} over ${q.points} runs): the machine may have been busy, or its costs are not linear in batches, records and bytes${few}`)
  }
  warnings.push(...appendFitWarnings(profile.append, sweep.grid))
  return {
    mode: 'calibrate',
    workload: plan.sustained,
    produce: summarizeProduce(sweep.sustained.result.produce),
    reads: sweep.sustained.result.reads.map((r) => ({...r, bytesPerSecond: r.bytes / r.seconds, recordsPerSecond: r.records / r.seconds})),
    environment,
    profilePath: path.relative(process.cwd(), profilePath) || profilePath,
    profile,
    warnings,
  }
}

/** Misses above this share of a run's measured cost are worth a warning even when R² looks good. */
const APPEND_FIT_TOLERANCE = 0.5

/**
 * R² is dominated by the largest batches: a fit can score 0.99 and still miss small batches several times over
 * (seen on a microVM whose host reclaims free guest pages: new page-cache pages cost more per byte as batches
 * grow, so the fit puts everything on the per-byte cost). Name the worst run, so the reader knows where the
 * calibrated per-partition ceiling is rough.
 */
export function appendFitWarnings(
  costs: Pick<AppendCosts, 'perBatchSeconds' | 'perRecordSeconds' | 'perByteSeconds'>,
  grid: ReadonlyArray<{workload: BenchWorkload; result: {produce: ProduceResult}}>,
): string[] {
  const points = grid.map(({workload, result}) => ({workload, ...appendPointOf(result.produce)}))
  const worst = worstAppendFit(costs, points)
  if (worst === undefined || worst.relativeError <= APPEND_FIT_TOLERANCE) return []
  const w = worst.point.workload
  const us = (s: number) => formatNumber(s * 1e6)
  return [
    `the append-cost fit misses one run by ${Math.round(worst.relativeError * 100)}% (${formatBytes(w.messageBytes)} messages, batch.size ${formatBytes(w.batchSizeBytes)}, ${w.partitions} partition(s): ` +
      `${us(worst.point.secondsPerBatch)} µs per batch measured, ${us(worst.predictedSeconds)} µs fitted), so the calibrated per-partition ceiling is rough near that batch size; ` +
      'a VM whose host reclaims free guest memory makes new page-cache pages costly: calibrate on the broker host itself',
  ]
}

async function sampleService(options: BenchOptions): Promise<BenchResult> {
  const {readSamples} = await import('../bench/compression/samples.js')
  const {loadCodecs} = await import('../bench/compression/codecs.js')
  const {measureCompression} = await import('../bench/compression/measure.js')
  const samples = await readSamples(options.sample as string)
  const codecs = await loadCodecs()
  const report = measureCompression(samples.messages, codecs, {
    batchSizeBytes: options.workload.batchSizeBytes,
    lingerMs: options.workload.lingerMs,
    messagesPerSec: options.workload.targetMessagesPerSec,
    timeBudgetMs: options.quick ? 3000 : 10_000,
  })
  const warnings = report.codecs.filter((c) => !c.available).map((c) => `${c.codec} could not be measured: ${c.error ?? 'unavailable'}`)
  return {mode: 'sample', codecs: report.codecs, compression: report, warnings}
}
