#!/usr/bin/env node
// Embedded log vs raw references (dd, fio) on the same file system, interleaved pair by pair at the same
// write size, as logbench.md §3.2 asks. Prints one `ratio` line per path: median of per-pair ratios
// [min-max] over the pairs. Needs a build (npm run build). Usage:
//   node bench/logbench-vs-disk.mjs [--dir /path/on/the/disk] [--pairs 3] [--size-mib 1024]
import {execFileSync, spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? process.argv[i + 1] : fallback
}
const pairs = Number(arg('pairs', '3'))
const sizeMiB = Number(arg('size-mib', '1024'))
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
  const job = JSON.parse(r.stdout).jobs[0]
  return job.write.bw_bytes || job.read.bw_bytes
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}
const results = new Map()
const add = (name, ours, ref, note = '') => {
  if (!results.has(name)) results.set(name, {ratios: [], ours: [], ref: [], note})
  const e = results.get(name)
  e.ratios.push(ours / ref)
  e.ours.push(ours / MiB)
  e.ref.push(ref / MiB)
}

const file = path.join(base, 'ref.dat')
const dsyncMiB = Math.min(sizeMiB, 128)
const {runInWorker} = await import(path.join(root, 'dist/bench/runner/in-worker.js'))
const {LogReader} = await import(path.join(root, 'dist/bench/log/reader.js'))
const workload = (over) => ({messageBytes: 1024, keyBytes: 0, partitions: 1, producers: 1, batchSizeBytes: MiB, lingerMs: 5, flush: {kind: 'none'}, sync: 'fdatasync', durationMs: 600_000, totalBytes: sizeMiB * MiB, segmentBytes: 1024 * MiB, syncAtEnd: false, readers: {catchUp: false, tail: false}, dropCaches: false, ...over})
const sleep = (ms) => new Promise((r) => setTimeout(r, ms))
/** After deleting files, let writeback and the discards of the `discard` mount option finish (logbench.md §4.15). */
const settle = async () => {
  execFileSync('sync')
  await sleep(2000)
}
/** Runs the two sides of a pair in alternating order (pair index), each after a settle, to cancel drift. */
async function pair(i, ours, ref) {
  const a = []
  for (const f of i % 2 === 0 ? [ours, ref] : [ref, ours]) {
    await settle()
    a.push(await f())
  }
  return i % 2 === 0 ? a : [a[1], a[0]]
}
/** The embedded log on worker threads, exactly as `kafka-sizer bench` runs it (files kept for the read test). */
async function logbench(over) {
  const dir = path.join(base, 'lb')
  fs.rmSync(dir, {recursive: true, force: true})
  fs.mkdirSync(dir)
  return {dir, result: (await runInWorker(dir, workload(over), () => {}).done).produce}
}
const rate = (p) => p.logBytes / p.seconds
try {
  for (let i = 0; i < pairs; i++) {
    // 1. Sustained writes, 1 MiB per write, the closing fdatasync counted.
    warm()
    const lb1 = await logbench({syncAtEnd: true, segmentBytes: 256 * MiB})
    warm()
    add('sustained write + closing fdatasync (1 MiB writes) vs dd conv=fdatasync', rate(lb1.result), dd(['if=/dev/zero', `of=${file}`, 'bs=1M', `count=${sizeMiB}`, 'conv=fdatasync']))
    fs.rmSync(file, {force: true})

    // 3. Cold catch-up read of the log just written, vs dd over the very same segment files: both after
    // drop_caches and a pause (free-page reporting settles), alternating which goes first.
    const segments = fs.readdirSync(path.join(lb1.dir, 'bench-topic-0')).filter((f) => f.endsWith('.log')).sort().map((f) => path.join(lb1.dir, 'bench-topic-0', f))
    const readLog = () => {
      const reader = new LogReader(path.join(lb1.dir, 'bench-topic-0'), {verifyCrc: false})
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
    // Same protocol for both: drop the page cache, let free-page reporting settle, then read.
    const cold = async (read) => {
      dropCaches()
      await sleep(3000)
      return read()
    }
    if (dropCaches()) {
      const first = i % 2 === 0
      const a = await cold(first ? readLog : readDd)
      const b = await cold(first ? readDd : readLog)
      const [ours, ref] = first ? [a, b] : [b, a]
      add('cold catch-up read (1 MiB fetches) vs dd bs=1M over the same segment files, after drop_caches', ours, ref)
    }
    fs.rmSync(lb1.dir, {recursive: true, force: true})

    // 2. fdatasync after every batch (flush.messages=1) at 64 KiB.
    const [lb2, ref2] = await pair(
      i,
      async () => {
        warm()
        const r = await logbench({batchSizeBytes: 64 * 1024, flush: {kind: 'batch'}, totalBytes: dsyncMiB * MiB, segmentBytes: 1024 * MiB})
        fs.rmSync(r.dir, {recursive: true, force: true})
        return r
      },
      async () => {
        warm()
        const v = fio
          ? fioRun([`--filename=${file}`, '--rw=write', '--bs=64k', '--fdatasync=1', `--size=${dsyncMiB}m`])
          : dd(['if=/dev/zero', `of=${file}`, 'bs=64k', `count=${dsyncMiB * 16}`, 'oflag=dsync'])
        fs.rmSync(file, {force: true})
        return v
      },
    )
    add(`fdatasync per batch (64 KiB) vs ${fio ? 'fio --fdatasync=1' : 'dd oflag=dsync'}`, rate(lb2.result), ref2)

    // 4. The full log path (encode, CRC-32C, index, writev) without any flush vs raw buffered writes, same
    // write size. One 1 GiB segment per partition, as Kafka's default: no roll, so no roll-time fsync, which
    // a buffered dd never pays either (rolls are measured by the sustained run).
    const [lb4, ref4] = await pair(
      i,
      async () => {
        warm()
        const r = await logbench({batchSizeBytes: 64 * 1024, partitions: 4, threads: 2})
        fs.rmSync(r.dir, {recursive: true, force: true})
        return r
      },
      async () => {
        warm()
        const v = dd(['if=/dev/zero', `of=${file}`, 'bs=64k', `count=${sizeMiB * 16}`])
        fs.rmSync(file, {force: true})
        return v
      },
    )
    add('full log path, no flush (64 KiB batches, 4 partitions on 2 writer threads) vs dd buffered 64 KiB', rate(lb4.result), ref4, `logbench CPU ${lb4.result.cpuUserSeconds.toFixed(2)} s user, ${lb4.result.cpuSysSeconds.toFixed(2)} s sys`)
  }
} finally {
  fs.rmSync(base, {recursive: true, force: true})
}

console.log(`logbench vs raw disk references, ${pairs} interleaved pair(s), ${sizeMiB} MiB per sustained run (MiB/s; ratio = logbench ÷ reference)`)
for (const [name, e] of results) {
  console.log(`ratio ${median(e.ratios).toFixed(2)} [${Math.min(...e.ratios).toFixed(2)}-${Math.max(...e.ratios).toFixed(2)}]  ${name}: logbench ${median(e.ours).toFixed(0)} MiB/s, reference ${median(e.ref).toFixed(0)} MiB/s${e.note ? `; ${e.note}` : ''}`)
}
