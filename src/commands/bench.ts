import {availableParallelism} from 'node:os'
import {Flags} from '@oclif/core'
import {BaseCommand} from '../lib/base-command.js'
import {InputError} from '../lib/errors.js'
import {countFlag, countOrZeroFlag, durationFlag, durationOrZeroFlag, rateFlag, sizeFlag} from '../flags/quantity-flags.js'
import type {FlushPolicy} from '../bench/log/partition-log.js'
import type {BenchResult} from '../services/bench.js'

const KiB = 1024
const MiB = 1024 * KiB

export default class Bench extends BaseCommand<typeof Bench> {
  static summary = 'Measure this machine with an embedded Kafka-like log: a workload, a calibration sweep, or your messages’ compression.'

  static description = `The embedded log writes real record batches (format v2, CRC-32C) into segmented partition logs with sparse offset and time indexes, rolls and deletes segments as Kafka does, and flushes by the policy you choose. It reports like kafka-producer-perf-test and kafka-consumer-perf-test (MiB = 2^20 B, as those tools count).

--calibrate sweeps message sizes × batch sizes × partition counts × flush policies within a time budget (under 60 s; --quick under 15 s), fits the per-batch, per-record and per-byte append costs and the fsync cost by least squares, and writes a calibration profile for plan, partitions and capacity (--calibration FILE).

--sample measures gzip, snappy, lz4 and zstd on your own messages, batched as your producer would batch them, and recommends a codec.

It writes only under --dir (default: a new temporary directory), refuses a non-empty directory it did not create, stays within --max-disk (default 10% of the free space, at most 4 GiB), and removes everything it wrote when it ends, fails, or is stopped with Ctrl-C.`

  static examples = [
    {description: 'A 10-second run: 1 KiB messages, 8 partitions, 64 KiB batches, page cache only', command: '<%= config.bin %> <%= command.id %> --partitions 8 --batch-size "64 KiB"'},
    {description: 'fdatasync after every batch (flush.messages=1), as the "fsync every message" benchmarks do', command: '<%= config.bin %> <%= command.id %> --flush batch --batch-size "16 KiB" --duration 5s'},
    {description: 'Calibrate this machine (about a minute) and size a plan with the result', command: '<%= config.bin %> <%= command.id %> --calibrate --dir /data/kafka-bench --output cal.json && <%= config.bin %> plan --throughput "200 MB/s" --calibration cal.json'},
    {description: 'How well do my messages compress?', command: '<%= config.bin %> <%= command.id %> --sample events.jsonl --batch-size "64 KiB" --linger 10ms'},
  ]

  static flags = {
    dir: Flags.string({helpGroup: 'SAFETY', description: 'Directory to write under: new or empty (default: a fresh temporary directory). Put it on the disk you want to measure.'}),
    'max-disk': sizeFlag({name: 'max-disk', helpGroup: 'SAFETY', description: 'Most disk the benchmark may use: "2 GiB". Default 10% of the free space, at most 4 GiB.'}),
    calibrate: Flags.boolean({helpGroup: 'MODE', description: 'Run the calibration sweep and write a profile (see --output).'}),
    quick: Flags.boolean({helpGroup: 'MODE', description: 'Short runs: a calibration under 15 s, a workload of 3 s.'}),
    output: Flags.string({helpGroup: 'MODE', default: './kafka-sizer-calibration.json', description: 'Where --calibrate writes the calibration profile.'}),
    budget: durationFlag({name: 'budget', helpGroup: 'MODE', description: 'Time budget of --calibrate: "50s". Default 50 s (--quick: 12 s).'}),
    sample: Flags.string({helpGroup: 'MODE', description: 'Measure compression on these messages: a .jsonl file (one per line), a text file (one per line), or a directory (one per file).'}),
    'message-size': sizeFlag({name: 'message-size', helpGroup: 'WORKLOAD', description: 'Value size: "1 KiB". Default 1 KiB.'}),
    'key-size': sizeFlag({name: 'key-size', helpGroup: 'WORKLOAD', description: 'Key size (keyed records spread over partitions). Default: null key.'}),
    partitions: countFlag({name: 'partitions', helpGroup: 'WORKLOAD', description: 'Partition logs written round robin. Default 1.'}),
    threads: countFlag({name: 'threads', helpGroup: 'WORKLOAD', description: 'Writer threads, each appending to its own partitions, as a broker’s request handler threads do. Default: min(partitions, CPU cores).'}),
    producers: countFlag({name: 'producers', helpGroup: 'WORKLOAD', description: 'Producer instances (they shape batches). Default 1.'}),
    'batch-size': sizeFlag({name: 'batch-size', helpGroup: 'WORKLOAD', description: 'Producer batch.size. Default 16 KiB (Kafka default).'}),
    linger: durationOrZeroFlag({name: 'linger', helpGroup: 'WORKLOAD', description: 'Producer linger.ms. Default 5 ms (Kafka 4.0 default).'}),
    rate: rateFlag({name: 'rate', helpGroup: 'WORKLOAD', description: 'Target rate (open loop), e.g. "50k msg/s" or "50 MB/s"; latency counts from each batch’s intended time. Default: as fast as possible.'}),
    flush: Flags.string({helpGroup: 'WORKLOAD', default: 'none', description: 'none (page cache, Kafka default) | batch (fdatasync per batch, = flush.messages=1) | messages=N | ms=T.'}),
    sync: Flags.option({options: ['fdatasync', 'fsync'] as const, helpGroup: 'WORKLOAD', default: 'fdatasync' as const, description: 'What a flush calls. Kafka calls fsync (force(true)).'})(),
    duration: durationFlag({name: 'duration', helpGroup: 'WORKLOAD', description: 'Run length: "10s". Default 10 s (--quick: 3 s).'}),
    'total-bytes': sizeFlag({name: 'total-bytes', helpGroup: 'WORKLOAD', description: 'Stop after this much payload: "2 GiB".'}),
    'segment-bytes': sizeFlag({name: 'segment-bytes', helpGroup: 'WORKLOAD', description: 'segment.bytes. Default 128 MiB so that rolls (and their background fsync) happen in a short run.'}),
    'sync-at-end': Flags.boolean({helpGroup: 'WORKLOAD', default: true, allowNo: true, description: 'Count a closing fdatasync of every partition in the time: the sustained (device) rate. --no-sync-at-end: page-cache burst rate.'}),
    warmup: countOrZeroFlag({name: 'warmup', helpGroup: 'WORKLOAD', description: 'Batches each writer appends to a scratch log before the clock starts, not counted (a broker runs JIT-warm). Default 2000, bounded to 500 ms and 128 MiB; 0: none.'}),
    readers: Flags.string({helpGroup: 'WORKLOAD', default: 'tail,catch-up', description: 'Read back after writing: tail (newest data, page cache), catch-up (from the start, cold when the cache can be dropped), both, or none.'}),
  }

  public async run(): Promise<BenchResult> {
    const f = this.flags
    const quick = f.quick
    const rate = f.rate
    const messageBytes = f['message-size'] ?? KiB
    const keyBytes = f['key-size'] ?? 0
    const readers = parseReaders(f.readers)
    const {benchService} = await import('../services/bench.js')
    const progress = this.jsonEnabled() || !process.stderr.isTTY ? undefined : await import('../render/progress.js').then((m) => m.progressBar())
    try {
      const result = await benchService({
        dir: f.dir,
        maxDiskBytes: f['max-disk'],
        quick,
        calibrate: f.calibrate,
        output: f.output,
        sample: f.sample,
        budgetMs: f.budget ?? (quick ? 12_000 : 50_000),
        toolVersion: this.config.version,
        onProgress: progress?.update,
        workload: {
          messageBytes,
          keyBytes,
          partitions: f.partitions ?? 1,
          threads: f.threads ?? Math.min(f.partitions ?? 1, availableParallelism()),
          producers: f.producers ?? 1,
          batchSizeBytes: f['batch-size'] ?? 16 * KiB,
          lingerMs: f.linger ?? 5,
          targetMessagesPerSec: rate === undefined ? undefined : rate.kind === 'messages' ? rate.messagesPerSec : rate.bytesPerSec / (messageBytes + keyBytes),
          flush: parseFlush(f.flush),
          sync: f.sync,
          durationMs: f.duration ?? (quick ? 3000 : 10_000),
          totalBytes: f['total-bytes'],
          segmentBytes: f['segment-bytes'] ?? 128 * MiB,
          syncAtEnd: f['sync-at-end'],
          warmupBatches: f.warmup,
          readers,
          dropCaches: readers.catchUp,
        },
      })
      progress?.stop()
      if (!this.jsonEnabled()) {
        const {renderBench} = await import('../render/bench.js')
        this.log(renderBench(result))
        for (const w of result.warnings) this.note(`warning: ${w}`)
      }
      // A run cut short by a full disk printed its partial results; it did not succeed.
      if (result.produce?.diskFull) process.exitCode = 1
      return result
    } finally {
      progress?.stop()
    }
  }
}

export function parseFlush(text: string): FlushPolicy {
  const t = text.trim().toLowerCase()
  if (t === 'none') return {kind: 'none'}
  if (t === 'batch' || t === 'every-message' || t === 'every-batch') return {kind: 'batch'}
  const m = /^(messages|ms)=(\d+)$/.exec(t)
  if (m && Number(m[2]) > 0) return m[1] === 'messages' ? {kind: 'messages', every: Number(m[2])} : {kind: 'interval', ms: Number(m[2])}
  throw new InputError('--flush', `"${text}" is not a flush policy`, 'none, batch (fdatasync per batch), messages=N or ms=T', 'messages=1000')
}

function parseReaders(text: string): {catchUp: boolean; tail: boolean} {
  const parts = text.split(',').map((s) => s.trim().toLowerCase())
  if (parts.includes('none')) return {catchUp: false, tail: false}
  if (parts.includes('both')) return {catchUp: true, tail: true}
  const unknown = parts.filter((p) => p !== 'tail' && p !== 'catch-up')
  if (unknown.length > 0) throw new InputError('--readers', `"${unknown[0]}" is not a reader`, 'tail, catch-up, both or none', 'tail,catch-up')
  return {catchUp: parts.includes('catch-up'), tail: parts.includes('tail')}
}
