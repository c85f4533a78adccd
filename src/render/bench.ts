// Bench output in the shapes users know: kafka-producer-perf-test's final line, kafka-consumer-perf-test's
// CSV line (both count MiB, as those tools do), then the log's own figures.
import type {BenchResult, ProduceSummary} from '../services/bench.js'
import {formatBytes, formatCount, formatDuration, formatNumber, formatPercent, formatRate} from '../units/format.js'
import {style, table} from './style.js'

const MiB = 1024 ** 2
const ms = (micros: number) => Math.round(micros / 1000)
const mib = (bytes: number) => (bytes / MiB).toFixed(2)

export function renderBench(r: BenchResult): string {
  if (r.mode === 'sample') return renderSample(r)
  const out: string[] = []
  if (r.produce) out.push(produceBlock(r.produce, r))
  if (r.reads && r.reads.length > 0) out.push(readsBlock(r))
  if (r.mode === 'calibrate' && r.profile) out.push(calibrationBlock(r))
  if (r.environment) {
    const e = r.environment
    out.push(
      style.dim(
        `environment: ${e.dir} (${e.fileSystem ?? 'file system unknown'}), ${formatBytes(e.freeBytes)} free, budget ${formatBytes(e.diskBudgetBytes)}; ` +
          `Node ${e.node}, libuv ${e.libuv}, UV_THREADPOOL_SIZE ${e.uvThreadpoolSize ?? 'default'}; vm.dirty_ratio ${e.dirtyRatio ?? '?'}, dirty_background_ratio ${e.dirtyBackgroundRatio ?? '?'}`,
      ),
    )
  }
  return out.join('\n\n')
}

function produceBlock(p: ProduceSummary, r: BenchResult): string {
  const l = p.latency
  const w = r.workload
  const lines = [
    style.heading(r.mode === 'calibrate' ? 'Sustained write (calibration)' : 'Produce'),
    `${formatCount(p.records)} records sent, ${p.recordsPerSecond.toFixed(1)} records/sec (${mib(p.bytesPerSecond)} MiB/sec), ${ms(l.avgMicros)} ms avg latency, ${ms(l.maxMicros)} ms max latency, ` +
      `${ms(l.p50Micros)} ms 50th, ${ms(l.p95Micros)} ms 95th, ${ms(l.p99Micros)} ms 99th, ${ms(l.p999Micros)} ms 99.9th.`,
    style.dim('  (kafka-producer-perf-test format: payload bytes, MiB = 2^20 B; latency per batch append, integer ms)'),
    `  append latency µs: avg ${formatNumber(l.avgMicros)}, p50 ${formatNumber(l.p50Micros)}, p95 ${formatNumber(l.p95Micros)}, p99 ${formatNumber(l.p99Micros)}, p99.9 ${formatNumber(l.p999Micros)}, max ${formatNumber(l.maxMicros)}`,
    `  log: ${formatRate(p.logBytesPerSecond)} (${mib(p.logBytesPerSecond)} MiB/s) written with batch and record overhead; ${formatNumber(p.recordsPerBatch)} records, ${formatBytes(p.batchBytes)} per batch; ` +
      `${formatCount(p.segmentsRolled)} segment(s) rolled, ${formatCount(p.segmentsDeleted)} deleted by retention, ${formatCount(p.offsetIndexEntries)} index entries (${formatBytes(p.indexBytes)})`,
  ]
  if (p.fsync.count > 0) {
    const f = p.fsync
    lines.push(`  syncs: ${formatCount(f.count)} (incl. ${formatCount(p.rollFlushes)} background on roll), µs p50 ${formatNumber(f.p50Micros)}, p99 ${formatNumber(f.p99Micros)}, p99.9 ${formatNumber(f.p999Micros)}, max ${formatNumber(f.maxMicros)}`)
  }
  if (p.finalSyncSeconds > 0) lines.push(`  the closing sync took ${formatDuration(p.finalSyncSeconds * 1000)} and is counted: this is the sustained (device) rate`)
  lines.push(`  CPU: ${p.cpuUserSeconds.toFixed(2)} s user, ${p.cpuSysSeconds.toFixed(2)} s sys over ${p.seconds.toFixed(2)} s`)
  if (p.warmupBatches > 0) lines.push(style.dim(`  warm-up: ${formatCount(p.warmupBatches)} batches (${formatDuration(p.warmupSeconds * 1000)}) to a scratch log before the clock started, not counted (a broker runs warm)`))
  if (w) {
    lines.push(
      style.dim(
        `  workload: ${formatBytes(w.messageBytes)} values${w.keyBytes ? ` + ${formatBytes(w.keyBytes)} keys` : ''}, ${w.partitions} partition(s), batch.size ${formatBytes(w.batchSizeBytes)}, linger ${w.lingerMs} ms, flush ${flushText(w.flush)}`,
      ),
    )
  }
  return lines.join('\n')
}

function flushText(f: NonNullable<BenchResult['workload']>['flush']): string {
  return f.kind === 'none' ? 'none (page cache)' : f.kind === 'batch' ? 'every batch' : f.kind === 'messages' ? `every ${f.every} messages` : `every ${f.ms} ms`
}

function readsBlock(r: BenchResult): string {
  const rows = (r.reads ?? []).map((x) => [
    x.kind,
    x.cache === 'cold' ? 'cold (caches dropped)' : x.cache === 'hot' ? 'hot (page cache)' : 'unknown (caches not dropped)',
    mib(x.bytes),
    mib(x.bytesPerSecond),
    formatCount(x.records),
    x.recordsPerSecond.toFixed(1),
    formatNumber(x.fetchLatency.p99Micros),
    x.crcChecked ? String(x.crcErrors) : 'not checked',
  ])
  return [
    style.heading('Consume') + style.dim('  (kafka-consumer-perf-test columns; MiB = 2^20 B; 1 MiB fetches)'),
    table({head: ['reader', 'served from', 'data.consumed.in.MiB', 'MiB.sec', 'nMsg', 'nMsg.sec', 'fetch p99 µs', 'CRC errors'], align: ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right']}, rows),
  ].join('\n')
}

function calibrationBlock(r: BenchResult): string {
  const p = r.profile!
  const a = p.append
  const f = p.fsync
  return [
    style.heading(`Calibration profile written to ${r.profilePath}`),
    `  disk: sustained write ${formatRate(p.disk.sustainedWriteBytesPerSec)}, page-cache burst ${formatRate(p.disk.burstWriteBytesPerSec)}` +
      `${p.disk.coldReadBytesPerSec ? `, catch-up read ${formatRate(p.disk.coldReadBytesPerSec)} (${p.disk.coldReadVerified ? 'cold' : 'cache state unknown'})` : ''}` +
      `${p.disk.hotReadBytesPerSec ? `, tail read ${formatRate(p.disk.hotReadBytesPerSec)}` : ''}`,
    `  append cost per batch = ${formatNumber(a.perBatchSeconds * 1e6)} µs + ${formatNumber(a.perRecordSeconds * 1e9)} ns × records + ${formatNumber(a.perByteSeconds * 1e9)} ns × bytes` +
      `  (fit over ${a.quality.points} runs: R² ${a.quality.r2.toFixed(3)}, worst error ${formatPercent(a.quality.maxRelativeError)}${a.quality.dropped.length ? `; dropped ${a.quality.dropped.join(', ')}` : ''})`,
    `  fsync = ${formatNumber(f.fixedSeconds * 1e6)} µs + ${formatNumber(f.perByteSeconds * 1e9 * MiB / 1e3)} µs per MiB dirty; per small batch p50 ${formatNumber(f.p50Micros)} µs, p99 ${formatNumber(f.p99Micros)} µs (${formatCount(f.count)} syncs)`,
    style.dim(`  use it: kafka-sizer plan … --calibration ${r.profilePath}`),
  ].join('\n')
}

function renderSample(r: BenchResult): string {
  const c = r.compression!
  const rows = c.codecs.map((x) => [
    x.codec,
    x.available ? (x.ratio === null ? '—' : `${formatNumber(x.ratio)}×`) : style.warn('unavailable'),
    x.compressBytesPerSecond === null ? '—' : formatRate(x.compressBytesPerSecond),
    x.decompressBytesPerSecond === null ? '—' : formatRate(x.decompressBytesPerSecond),
    x.available ? (x.library ?? '') : (x.error ?? ''),
  ])
  return [
    style.heading('Compression of your messages') + style.dim(`  (${formatCount(c.records)} records in ${formatCount(c.batches)} batches of ~${formatBytes(c.averageBatchBytes)}, batch.size ${formatBytes(c.batchSizeBytes)}; MB = 10^6 B)`),
    table({head: ['codec', 'ratio', 'compress', 'decompress', 'library / error'], align: ['left', 'right', 'right', 'right', 'left']}, rows),
    `  recommendation: ${style.strong(c.recommendation.codec)}: ${c.recommendation.why}`,
    style.dim(`  use it: kafka-sizer plan … --compression ${c.recommendation.codec}${c.recommendation.codec === 'none' ? '' : ` --compression-ratio ${formatNumber(c.codecs.find((x) => x.codec === c.recommendation.codec)?.ratio ?? 1)}`}`),
  ].join('\n')
}
