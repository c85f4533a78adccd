#!/usr/bin/env node
// Startup benchmark: median wall time of a bare `node -e ''` and of kafka-sizer commands, measured
// interleaved in one run, and each command's ratio to the bare Node start. Goal: plan ≤ 4× node -e ''.
// Usage: npm run build && node bench/startup.mjs [--runs 15]
import {spawnSync} from 'node:child_process'
import {fileURLToPath} from 'node:url'
import path from 'node:path'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const bin = path.join(root, 'bin', 'run.js')
const runsArg = process.argv.indexOf('--runs')
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 15

const cases = [
  {name: "node -e ''", args: ['-e', '']},
  {name: 'kafka-sizer --version', args: [bin, '--version']},
  {name: 'kafka-sizer plan', args: [bin, 'plan', '--throughput', '120 MB/s', '--message-size', '1 KiB', '--retention', '7d', '--consumer-groups', '3', '--max-consumers', '24']},
  {name: 'kafka-sizer plan --json', args: [bin, 'plan', '--throughput', '120 MB/s', '--json']},
  {name: 'kafka-sizer calc', args: [bin, 'calc', '500M msg/day * 500 B * 7 days * 3 to TB']},
  {name: 'kafka-sizer capacity', args: [bin, 'capacity', '--brokers', '6', '--consumer-groups', '3']},
]

function timeOnce(args) {
  const start = process.hrtime.bigint()
  const r = spawnSync(process.execPath, args, {cwd: root, env: {...process.env, NO_COLOR: '1'}, stdio: ['ignore', 'ignore', 'pipe']})
  const ms = Number(process.hrtime.bigint() - start) / 1e6
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`)
  return ms
}

const samples = new Map(cases.map((c) => [c.name, []]))
for (const c of cases) timeOnce(c.args) // warm the file cache once
// Interleave: one run of every case per round, so machine noise hits all cases alike.
for (let i = 0; i < runs; i++) for (const c of cases) samples.get(c.name).push(timeOnce(c.args))

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}
const base = median(samples.get("node -e ''"))
console.log(`startup, ${runs} interleaved runs each (median, min-max), ratio to node -e ''`)
for (const c of cases) {
  const xs = samples.get(c.name)
  const m = median(xs)
  console.log(`${c.name.padEnd(28)} ${m.toFixed(0).padStart(5)} ms  [${Math.min(...xs).toFixed(0)}-${Math.max(...xs).toFixed(0)}]  ratio ${(m / base).toFixed(2)}`)
}
