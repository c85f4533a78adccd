#!/usr/bin/env node
// `kafka-sizer check` scaling benchmark: generates N Strimzi KafkaTopic files (one topic each, one in ten with a
// finding) in a temp directory for N = 10, 1,000 and 10,000, runs the built binary on each directory, and prints
// the median wall time per N and its ratio to N = 10, all in one run. Linear work makes 10,000 files cost
// about 1,000× the per-file part of N = 10 on top of the fixed start-up.
// Usage: npm run build && node bench/check.mjs [--runs 3] [--sizes 10,1000,10000]
import {spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const bin = path.join(root, 'bin', 'run.js')
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name)
  return i > 0 ? process.argv[i + 1] : fallback
}
const runs = Number(arg('--runs', '3'))
const sizes = arg('--sizes', '10,1000,10000').split(',').map(Number)

function topicFile(i) {
  const minIsr = i % 10 === 0 ? 4 : 2 // one topic in ten: min.insync.replicas > RF (KT104)
  return `apiVersion: kafka.strimzi.io/v1beta2
kind: KafkaTopic
metadata:
  name: bench-topic-${i}
  labels:
    strimzi.io/cluster: bench
spec:
  topicName: bench.topic.${i}.v1
  partitions: ${6 * (1 + (i % 4))}
  replicas: 3
  config:
    min.insync.replicas: ${minIsr}
    retention.ms: 604800000
    segment.ms: 86400000
    cleanup.policy: delete
    compression.type: zstd
`
}

const base = mkdtempSync(path.join(tmpdir(), 'kafka-sizer-bench-check-'))
try {
  const dirs = new Map()
  for (const n of sizes) {
    const dir = path.join(base, `n${n}`, 'topics')
    mkdirSync(dir, {recursive: true})
    for (let i = 0; i < n; i++) writeFileSync(path.join(dir, `topic-${String(i).padStart(5, '0')}.yaml`), topicFile(i))
    dirs.set(n, dir)
  }
  const timeOnce = (n) => {
    const start = process.hrtime.bigint()
    const r = spawnSync(process.execPath, [bin, 'check', 'topics', '--json'], {cwd: path.dirname(dirs.get(n)), env: {...process.env, NO_COLOR: '1'}, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30})
    const ms = Number(process.hrtime.bigint() - start) / 1e6
    if (r.status !== 0 && r.status !== 1) throw new Error(`check on ${n} files exited ${r.status}: ${r.stderr}`)
    const {summary} = JSON.parse(r.stdout)
    if (summary.topics !== n) throw new Error(`check on ${n} files saw ${summary.topics} topics`)
    return {ms, findings: summary.errors + summary.warnings + summary.infos}
  }
  timeOnce(sizes[0]) // warm the file cache and the compile cache once
  const samples = new Map(sizes.map((n) => [n, []]))
  const found = new Map()
  for (let r = 0; r < runs; r++) {
    for (const n of sizes) {
      const {ms, findings} = timeOnce(n)
      samples.get(n).push(ms)
      found.set(n, findings)
    }
  }
  const median = (xs) => {
    const s = [...xs].sort((a, b) => a - b)
    return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
  }
  const first = median(samples.get(sizes[0]))
  console.log(`kafka-sizer check, ${runs} interleaved runs per size (median, min-max), ratio to N = ${sizes[0]}`)
  for (const n of sizes) {
    const xs = samples.get(n)
    const m = median(xs)
    const perFile = n > sizes[0] ? ` ${((m - first) / (n - sizes[0])).toFixed(2)} ms/file above N = ${sizes[0]}` : ''
    console.log(`N = ${String(n).padEnd(6)} ${m.toFixed(0).padStart(7)} ms  [${Math.min(...xs).toFixed(0)}-${Math.max(...xs).toFixed(0)}]  ratio ${(m / first).toFixed(2)}  (${found.get(n)} findings)${perFile}`)
  }
} finally {
  rmSync(base, {recursive: true, force: true})
}
