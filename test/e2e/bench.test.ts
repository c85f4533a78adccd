// End-to-end: the built binary's benchmark, as a user runs it, including Ctrl-C/SIGTERM cleanup.
import {spawn, spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {root} from '../helpers/run-command.js'

const bin = path.join(root, 'bin', 'run.js')
let tmp: string
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ks-e2e-bench-'))
})
afterEach(() => fs.rmSync(tmp, {recursive: true, force: true}))

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return []
  return fs.readdirSync(dir, {recursive: true}).map(String)
}

describe('kafka-sizer bench (binary)', () => {
  it('bench --quick --json: a real run in the worker thread, JSON on stdout, nothing left on disk', () => {
    const dir = path.join(tmp, 'work')
    const r = spawnSync(process.execPath, [bin, 'bench', '--quick', '--json', '--dir', dir, '--max-disk', '512 MiB'], {encoding: 'utf8'})
    expect(r.status).toBe(0)
    const json = JSON.parse(r.stdout)
    expect(json.produce.bytesPerSecond).toBeGreaterThan(0)
    expect(json.produce.recordsPerSecond).toBeGreaterThan(0)
    for (const p of ['p50Micros', 'p95Micros', 'p99Micros', 'p999Micros']) expect(typeof json.produce.latency[p]).toBe('number')
    expect(json.produce.segmentsRolled).toBeGreaterThan(0)
    expect(fs.existsSync(dir)).toBe(false)
  }, 60_000)

  it('two writer threads wait for each other at the start gate, then both write; CPU is counted over the timed loops', () => {
    const dir = path.join(tmp, 'work')
    const r = spawnSync(process.execPath, [bin, 'bench', '--partitions', '2', '--threads', '2', '--duration', '300ms', '--readers', 'none', '--json', '--dir', dir, '--max-disk', '256 MiB'], {encoding: 'utf8', timeout: 50_000})
    expect(r.status).toBe(0)
    const json = JSON.parse(r.stdout)
    expect(json.produce.records).toBeGreaterThan(0)
    expect(json.produce.seconds).toBeLessThan(1)
    expect(json.produce.cpuUserSeconds + json.produce.cpuSysSeconds).toBeGreaterThan(0)
    expect(fs.existsSync(dir)).toBe(false)
  }, 60_000)

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`${signal} mid-run removes every file it wrote and exits ${signal === 'SIGTERM' ? 143 : 130}`, async () => {
      const dir = path.join(tmp, 'work')
      const child = spawn(process.execPath, [bin, 'bench', '--duration', '60s', '--dir', dir, '--max-disk', '256 MiB', '--readers', 'none'], {stdio: ['ignore', 'pipe', 'pipe']})
      let stderr = ''
      child.stderr.on('data', (d) => (stderr += String(d)))
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
      // Wait until the log has segment files on disk, then stop it.
      const deadline = Date.now() + 20_000
      while (!filesUnder(dir).some((f) => f.endsWith('.log')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50))
      expect(filesUnder(dir).some((f) => f.endsWith('.log'))).toBe(true)
      child.kill(signal)
      expect(await exited).toBe(signal === 'SIGTERM' ? 143 : 130)
      expect(stderr).toContain(`stopped by ${signal}`)
      expect(fs.existsSync(dir)).toBe(false)
    }, 60_000)
  }
})
