#!/usr/bin/env node
// Embedded log vs raw references (dd, fio) on the same file system, as logbench.md §3.2 asks. Prints one `ratio`
// line per path: median of per-pair ratios [min-max] over the pairs. Needs a build (npm run build). Usage:
//   node bench/logbench-vs-disk.mjs [--dir /path/on/the/disk] [--pairs 3] [--size-mib 1024] [--warmup N] [--verbose]
//
// Fairness rules (each side gets the same treatment, nothing is dropped from either):
// - A pair is an ABBA quad (ours, ref, ref, ours; the next pair starts with ref) and its ratio is the ratio of the
//   mean rates: drift within a pair (writeback, discards, the host) and "who goes first" cancel out.
// - Before every measured write: settle (sync, pause for discards), then warm() so both sides reuse guest pages the
//   host still backs (the microVM free-page-reporting artifact of logbench.md §2.1, up to 5x on buffered writes).
// - fdatasync per batch: fio writes the logbench batch size (65,200 B for 64 KiB batches of 1 KiB records, not
//   65,536) and as many writes as logbench appends batches: the same bytes per sync and the same file size.
// - Cold reads: the same segment files for both, page cache dropped, then the same memory preparation (coldRead).
// - CPU placement is left to the scheduler on both sides, and it is the largest source of spread: on this VM the
//   block device's interrupts land on one vCPU, and fio pinned there measured fdatasync p50 232 µs (243 MiB/s)
//   against 346 µs (160 MiB/s) pinned to the other. Pinning both sides is no fairer (Node's threads would then
//   share one CPU); interleaving spreads the luck, and single pairs still vary by ±20 %.
// - Warm-up: logbench's writers run `kafka-sizer bench`'s default warm-up (up to 2,000 batches on a scratch log
//   before the clock starts, as a broker runs JIT-warm); fio and dd are compiled and need none. `--warmup 0`
//   measures a cold writer thread instead.
import {execFileSync, spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {Worker} from 'node:worker_threads'
import {fileURLToPath} from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? process.argv[i + 1] : fallback
}
const pairs = Number(arg('pairs', '3'))
const verbose = process.argv.includes('--verbose') // every measurement of every quad, on stderr
const sizeMiB = Number(arg('size-mib', '1024'))
const warmupBatches = arg('warmup') === undefined ? undefined : Number(arg('warmup'))
const base = fs.mkdtempSync(path.join(arg('dir', os.tmpdir()), 'logbench-vs-disk-'))
const MiB = 1024 ** 2

const have = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0
if (!have('fio') && process.getuid?.() === 0) {
  // Debian's fio, installed once if missing (the reference for per-batch fdatasync).
  spawnSync('sh', ['-c', 'apt-get install -y fio >/dev/null 2>&1 || (apt-get update >/dev/null 2>&1 && apt-get install -y fio >/dev/null 2>&1)'])
}
const fio = have('fio')

function dropCaches() {
  try {
    execFileSync('sync')
    fs.writeFileSync('/proc/sys/vm/drop_caches', '3')
    return true
  } catch {
    return false
  }
}

/** Warm-up pass (logbench.md §2.1): write and delete a scratch file so the next run gets backed pages. */
function warm() {
  const f = path.join(base, 'warm')
  spawnSync('dd', ['if=/dev/zero', `of=${f}`, 'bs=1M', `count=${Math.min(sizeMiB, 1024)}`], {stdio: 'ignore'})
  fs.rmSync(f, {force: true})
  execFileSync('sync')
}

/** dd: parses "N bytes … copied, T s" (decimal MB/s printed; we compute bytes/s ourselves). */
function dd(args) {
  const r = spawnSync('dd', args, {encoding: 'utf8'})
  const m = /(\d+) bytes .* copied, ([\d.]+) s/.exec(r.stderr)
  if (!m) throw new Error(`dd failed: ${r.stderr}`)
  return Number(m[1]) / Number(m[2])
}

function fioRun(args) {
  const r = spawnSync('fio', ['--output-format=json', '--ioengine=psync', '--fallocate=none', '--name=ref', ...args], {encoding: 'utf8'})
  return JSON.parse(r.stdout).jobs[0]
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length
const results = new Map()
const add = (name, ours, ref, notes = {}) => {
  if (!results.has(name)) results.set(name, {ratios: [], ours: [], ref: [], notes: {}})
  const e = results.get(name)
  e.ratios.push(ours / ref)
  e.ours.push(ours / MiB)
  e.ref.push(ref / MiB)
  for (const [k, v] of Object.entries(notes)) (e.notes[k] ??= []).push(v)
}

const file = path.join(base, 'ref.dat')
const dsyncMiB = Math.min(sizeMiB, 128)
const {runInWorker} = await import(path.join(root, 'dist/bench/runner/in-worker.js'))
const {recordsPerBatch} = await import(path.join(root, 'dist/bench/runner/produce-loop.js'))
const {LogReader} = await import(path.join(root, 'dist/bench/log/reader.js'))
const {BATCH_HEADER_BYTES, recordsTemplate} = await import(path.join(root, 'dist/bench/log/record-batch.js'))
const workload = (over) => ({messageBytes: 1024, keyBytes: 0, partitions: 1, producers: 1, batchSizeBytes: MiB, lingerMs: 5, flush: {kind: 'none'}, sync: 'fdatasync', durationMs: 600_000, totalBytes: sizeMiB * MiB, segmentBytes: 1024 * MiB, syncAtEnd: false, readers: {catchUp: false, tail: false}, dropCaches: false, warmupBatches, ...over})
const sleep = (ms) => new Promise((r) => setTimeout(r, ms))
/** After deleting files, let writeback and the discards of the `discard` mount option finish (logbench.md §4.15). */
const settle = async () => {
  execFileSync('sync')
  await sleep(2000)
}
/**
 * Each side twice, mirrored: ABBA (BAAB for odd pairs), or ABCCBA with three sides, so drift within the pair
 * and "who goes first" cancel out. Returns each side's results.
 */
async function interleave(i, sides) {
  const names = Object.keys(sides)
  const once = i % 2 === 0 ? names : [...names].reverse()
  const order = [...once, ...[...once].reverse()]
  const got = Object.fromEntries(names.map((n) => [n, []]))
  for (const side of order) got[side].push(await sides[side]())
  if (verbose) console.error(`pair ${i + 1} ${order.join(',')}: ${names.map((n) => `${n} ${got[n].map((v) => (v / MiB).toFixed(0)).join(', ')}`).join(' / ')} MiB/s`)
  return got
}
const quad = (i, ours, ref) => interleave(i, {ours, ref})

/** The floor under the fdatasync path, in a worker thread (lib/raw-append-worker.mjs). */
function rawAppend(batchBytes, batches, warmupBatches) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./lib/raw-append-worker.mjs', import.meta.url), {workerData: {file: path.join(base, 'floor.dat'), batchBytes, batches, warmupBatches}})
    worker.once('message', resolve)
    worker.once('error', reject)
  })
}
let lastWarmup = 2000
/** The embedded log on worker threads, exactly as `kafka-sizer bench` runs it (files kept for the read test). */
async function logbench(over) {
  const dir = path.join(base, 'lb')
  fs.rmSync(dir, {recursive: true, force: true})
  fs.mkdirSync(dir)
  return {dir, result: (await runInWorker(dir, workload(over), () => {}).done).produce}
}
const rate = (p) => p.logBytes / p.seconds

/**
 * A cold read: the page cache dropped, a pause so the free-page reporting of the dropped pages is over, then
 * anonymous memory (2x the log) touched and freed so the reads' page-cache pages are backed by the host. Without
 * that, each read pays the host's re-faults of reported pages (about 2 s sys per GiB here, varying 0.1-2.8 s
 * from one read to the next) and the ratio measures which side got luckier pages, not the reader or the disk.
 */
async function coldRead(read, logMiB) {
  dropCaches()
  await sleep(3000)
  spawnSync('dd', ['if=/dev/zero', 'of=/dev/null', `bs=${Math.max(1024, 2 * Math.ceil(logMiB))}M`, 'count=1'], {stdio: 'ignore'})
  return read()
}

try {
  for (let i = 0; i < pairs; i++) {
    // 1. Sustained writes, 1 MiB per write, the closing fdatasync counted. (Its log is read back in 3.)
    await settle()
    warm()
    const lb1 = await logbench({syncAtEnd: true, segmentBytes: 256 * MiB})
    await settle()
    warm()
    add('sustained write + closing fdatasync (1 MiB writes) vs dd conv=fdatasync', rate(lb1.result), dd(['if=/dev/zero', `of=${file}`, 'bs=1M', `count=${sizeMiB}`, 'conv=fdatasync']))
    fs.rmSync(file, {force: true})

    // 3. Cold catch-up read of the log just written (1 MiB fetches, Kafka's max.partition.fetch.bytes), vs dd
    // over the very same segment files.
    const topic = path.join(lb1.dir, 'bench-topic-0')
    const segments = fs.readdirSync(topic).filter((f) => f.endsWith('.log')).sort().map((f) => path.join(topic, f))
    const logMiB = lb1.result.logBytes / MiB
    const readLog = () => {
      const reader = new LogReader(topic, {verifyCrc: false})
      const into = Buffer.allocUnsafe(MiB)
      let offset = reader.firstOffset()
      let bytes = 0
      const t0 = process.hrtime.bigint()
      for (;;) {
        const got = reader.fetch(offset, MiB, into)
        if (got.records === 0) break
        bytes += got.bytes
        offset = got.nextOffset
      }
      reader.close()
      return bytes / (Number(process.hrtime.bigint() - t0) / 1e9)
    }
    const readDd = () => {
      let bytes = 0
      let seconds = 0
      for (const s of segments) {
        const r = spawnSync('dd', [`if=${s}`, 'of=/dev/null', 'bs=1M'], {encoding: 'utf8'})
        const m = /(\d+) bytes .* copied, ([\d.]+) s/.exec(r.stderr)
        bytes += Number(m[1])
        seconds += Number(m[2])
      }
      return bytes / seconds
    }
    if (dropCaches()) {
      // A throwaway cold read first: the first one after the writes ran measurably slower here (more re-faulted
      // pages), and within an ABBA quad that penalty would land on one side only.
      await coldRead(i % 2 === 0 ? readDd : readLog, logMiB)
      const r = await quad(i, () => coldRead(readLog, logMiB), () => coldRead(readDd, logMiB))
      add('cold catch-up read (1 MiB fetches) vs dd bs=1M over the same segment files, after drop_caches', mean(r.ours), mean(r.ref))
    }
    fs.rmSync(lb1.dir, {recursive: true, force: true})

    // 2. fdatasync after every batch (flush.messages=1) at 64 KiB batches, fio writing the same bytes per sync.
    // Each logbench append also checks the batch's CRC-32C first (the broker's batch.isValid, on the same thread
    // before the write, as Kafka does for one producer connection): 11 µs of compute per 64 KiB with
    // @node-rs/crc32 (5.8 GB/s here, single-stream hardware CRC), about 20-25 µs of wall time per batch once the
    // longer gap before each fdatasync is counted, that fio never pays.
    // A third side, the floor, does only that CRC, the writev and the fdatasync in a worker: logbench ÷ floor is
    // what the log's own machinery costs, floor ÷ fio what Node and the CRC cost.
    const w2 = {batchSizeBytes: 64 * 1024, flush: {kind: 'batch'}, totalBytes: dsyncMiB * MiB, segmentBytes: 1024 * MiB}
    const perBatch = Math.round(recordsPerBatch(workload(w2)))
    const batchBytes = BATCH_HEADER_BYTES + recordsTemplate(perBatch, Buffer.alloc(1024), null).length
    const batches = Math.ceil((dsyncMiB * MiB) / (perBatch * 1024))
    const syncP50 = {ours: [], ref: [], floor: []}
    const r2 = await interleave(i, {
      ours: async () => {
        await settle()
        warm()
        const r = await logbench(w2)
        fs.rmSync(r.dir, {recursive: true, force: true})
        syncP50.ours.push(r.result.fsync.p50Micros)
        lastWarmup = r.result.warmupBatches
        return rate(r.result)
      },
      ref: async () => {
        await settle()
        warm()
        let v
        if (fio) {
          const job = fioRun([`--filename=${file}`, '--rw=write', `--bs=${batchBytes}`, '--fdatasync=1', `--size=${batches * batchBytes}`])
          syncP50.ref.push(job.sync.lat_ns.percentile['50.000000'] / 1000)
          v = job.write.bw_bytes
        } else v = dd(['if=/dev/zero', `of=${file}`, `bs=${batchBytes}`, `count=${batches}`, 'oflag=dsync'])
        fs.rmSync(file, {force: true})
        return v
      },
      // The floor: Node's own writev + CRC-32C + fdatasync per batch in a worker, no log (lib/raw-append-worker.mjs).
      floor: async () => {
        await settle()
        warm()
        const r = await rawAppend(batchBytes, batches, lastWarmup)
        syncP50.floor.push(r.fsyncP50Micros)
        return r.bytesPerSecond
      },
    })
    const p50 = (k) => median(syncP50[k]).toFixed(0)
    const syncNote = fio ? {'fdatasync p50 µs (logbench / floor / fio)': `${p50('ours')} / ${p50('floor')} / ${p50('ref')}`} : {}
    add(`fdatasync per batch (64 KiB batches = ${batchBytes} B writes) vs ${fio ? 'fio --fdatasync=1' : 'dd oflag=dsync'} at bs=${batchBytes}`, mean(r2.ours), mean(r2.ref), syncNote)
    add(`  diagnostic: the floor (Node writev + CRC-32C + fdatasync per batch in a worker, no log) vs the same reference`, mean(r2.floor), mean(r2.ref))
    add(`  diagnostic: logbench vs the floor (what the log itself adds on this path)`, mean(r2.ours), mean(r2.floor))

    // 4. The full log path (encode, CRC-32C, index, writev) without any flush vs raw buffered writes, same
    // write size. One 1 GiB segment per partition, as Kafka's default: no roll, so no roll-time fsync, which
    // a buffered dd never pays either (rolls are measured by the sustained run).
    const cpu = []
    const r4 = await quad(
      i,
      async () => {
        await settle()
        warm()
        const r = await logbench({batchSizeBytes: 64 * 1024, partitions: 4, threads: 2})
        fs.rmSync(r.dir, {recursive: true, force: true})
        cpu.push(r.result)
        return rate(r.result)
      },
      async () => {
        await settle()
        warm()
        const v = dd(['if=/dev/zero', `of=${file}`, 'bs=64k', `count=${sizeMiB * 16}`])
        fs.rmSync(file, {force: true})
        return v
      },
    )
    const perGiB = (k) => mean(cpu.map((p) => p[k] / (p.logBytes / 1024 ** 3)))
    add('full log path, no flush (64 KiB batches, 4 partitions on 2 writer threads) vs dd buffered 64 KiB', mean(r4.ours), mean(r4.ref), {
      'logbench CPU s per GiB (user / sys)': `${perGiB('cpuUserSeconds').toFixed(2)} / ${perGiB('cpuSysSeconds').toFixed(2)}`,
    })
  }
} finally {
  fs.rmSync(base, {recursive: true, force: true})
}

console.log(`logbench vs raw disk references, ${pairs} ABBA pair(s), ${sizeMiB} MiB per sustained run, warm-up ${warmupBatches ?? 'default (2,000 batches)'} (MiB/s; ratio = logbench ÷ reference)`)
for (const [name, e] of results) {
  const notes = Object.entries(e.notes).map(([k, v]) => `; ${k}: ${v.join(', ')}`).join('')
  console.log(`ratio ${median(e.ratios).toFixed(2)} [${Math.min(...e.ratios).toFixed(2)}-${Math.max(...e.ratios).toFixed(2)}]  ${name}: logbench ${median(e.ours).toFixed(0)} MiB/s, reference ${median(e.ref).toFixed(0)} MiB/s${notes}`)
}
