import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import Bench from '../../src/commands/bench.js'
import Plan from '../../src/commands/plan.js'
import {calibrationProfile} from '../../src/bench/calibration/profile.js'
import {run, runJson} from '../helpers/run-command.js'

let tmp: string
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ks-bench-'))
})
afterEach(() => fs.rmSync(tmp, {recursive: true, force: true}))

interface BenchJson {
  produce: {bytesPerSecond: number; recordsPerSecond: number; records: number; recordsPerBatch: number; warmupBatches: number; warmupSeconds: number; latency: {p50Micros: number; p99Micros: number; p999Micros: number}; segmentsRolled: number}
  reads: Array<{kind: string; records: number}>
  profilePath?: string
  codecs?: Array<{codec: string; available: boolean; ratio: number | null}>
}

describe('bench', () => {
  it('runs a short workload and reports like producer-perf-test, leaving nothing behind', async () => {
    const dir = path.join(tmp, 'new-dir')
    const {json, exitCode} = await runJson<BenchJson>(Bench, ['--duration', '400ms', '--partitions', '2', '--batch-size', '16 KiB', '--segment-bytes', '1 MiB', '--dir', dir])
    expect(exitCode).toBe(0)
    expect(json.produce.bytesPerSecond).toBeGreaterThan(0)
    expect(json.produce.recordsPerSecond).toBeGreaterThan(0)
    // 1 KiB values fill a 16 KiB batch with 15 records (record-batch v2 arithmetic).
    expect(json.produce.recordsPerBatch).toBe(15)
    expect(json.produce.latency.p99Micros).toBeGreaterThanOrEqual(json.produce.latency.p50Micros)
    expect(json.reads.find((r) => r.kind === 'catch-up')?.records).toBe(json.produce.records)
    expect(fs.existsSync(dir)).toBe(false)
  })

  it('an existing empty --dir is emptied again, not removed', async () => {
    const {exitCode} = await runJson(Bench, ['--duration', '200ms', '--readers', 'none', '--dir', tmp])
    expect(exitCode).toBe(0)
    expect(fs.readdirSync(tmp)).toEqual([])
  })

  it('refuses a non-empty directory it did not create, and touches nothing in it', async () => {
    fs.writeFileSync(path.join(tmp, 'precious.txt'), 'keep me')
    const {exitCode, stderr} = await run(Bench, ['--duration', '200ms', '--dir', tmp])
    expect(exitCode).toBe(2)
    expect(stderr).toContain('is not empty and was not created by kafka-sizer')
    expect(fs.readdirSync(tmp)).toEqual(['precious.txt'])
  })

  it('refuses a disk budget larger than the free space', async () => {
    const {exitCode, stderr} = await run(Bench, ['--duration', '200ms', '--dir', path.join(tmp, 'x'), '--max-disk', '1 PB'])
    expect(exitCode).toBe(2)
    expect(stderr).toContain('--max-disk')
    expect(fs.existsSync(path.join(tmp, 'x'))).toBe(false)
  })

  it('warms up by default and reports it; --warmup 0 turns it off; a negative count is a usage error', async () => {
    const warm = await runJson<BenchJson>(Bench, ['--duration', '300ms', '--readers', 'none', '--dir', path.join(tmp, 'a')])
    expect(warm.exitCode).toBe(0)
    expect(warm.json.produce.warmupBatches).toBeGreaterThan(0)
    expect(warm.json.produce.warmupSeconds).toBeGreaterThan(0)
    const cold = await runJson<BenchJson>(Bench, ['--duration', '300ms', '--readers', 'none', '--warmup', '0', '--dir', path.join(tmp, 'b')])
    expect(cold.exitCode).toBe(0)
    expect(cold.json.produce.warmupBatches).toBe(0)
    expect(cold.json.produce.warmupSeconds).toBe(0)
    const bad = await run(Bench, ['--warmup', '-5'])
    expect(bad.exitCode).toBe(2)
    expect(bad.stderr).toContain('--warmup: "-5" must be zero or more')
  })

  it('rejects an unknown flush policy', async () => {
    const {exitCode, stderr} = await run(Bench, ['--flush', 'sometimes'])
    expect(exitCode).toBe(2)
    expect(stderr).toContain('--flush: "sometimes" is not a flush policy')
  })

  it('--calibrate writes a valid profile that plan then uses', async () => {
    const output = path.join(tmp, 'cal.json')
    const {json, exitCode} = await runJson<BenchJson>(Bench, ['--calibrate', '--quick', '--budget', '4s', '--max-disk', '256 MiB', '--dir', path.join(tmp, 'work'), '--output', output])
    expect(exitCode).toBe(0)
    expect(json.profilePath).toBe(path.relative(process.cwd(), output))
    const profile = calibrationProfile.parse(JSON.parse(fs.readFileSync(output, 'utf8')))
    expect(profile.disk.sustainedWriteBytesPerSec).toBeGreaterThan(0)
    expect(profile.points.length).toBeGreaterThan(5)
    const planned = await runJson<{assumptions: Array<{key: string; origin: string}>}>(Plan, ['--throughput', '50 MB/s', '--calibration', output])
    expect(planned.json.assumptions.find((a) => a.key === 'hardware.diskThroughputBytesPerSec')?.origin).toBe('calibration')
  }, 60_000)

  it('--sample measures every codec on the messages', async () => {
    const file = path.join(tmp, 'events.jsonl')
    const lines = Array.from({length: 2000}, (_, i) => JSON.stringify({event: 'page_view', user: `user-${i % 50}`, url: `/products/${i % 20}`, ts: 1_700_000_000_000 + i}))
    fs.writeFileSync(file, `${lines.join('\n')}\n`)
    const {json, exitCode} = await runJson<BenchJson>(Bench, ['--sample', file, '--quick'])
    expect(exitCode).toBe(0)
    expect(json.codecs?.map((c) => c.codec).sort()).toEqual(['gzip', 'lz4', 'snappy', 'zstd'])
    for (const c of json.codecs ?? []) if (c.available) expect(c.ratio).toBeGreaterThan(2)
  })
})
