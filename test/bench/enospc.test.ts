// A full disk during the benchmark: the run stops, keeps its partial results, says so, and the
// workspace is removed. ENOSPC is simulated by failing fs.writevSync after a number of appends.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest'

const state = vi.hoisted(() => ({writesLeft: Infinity}))
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>()
  const writevSync = (...args: Parameters<typeof real.writevSync>) => {
    if (state.writesLeft-- <= 0) throw Object.assign(new Error('ENOSPC: no space left on device, write'), {code: 'ENOSPC', errno: -28})
    return real.writevSync(...args)
  }
  return {...real, default: {...real, writevSync}, writevSync}
})

const {benchService} = await import('../../src/services/bench.js')

let tmp: string
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ks-enospc-'))
})
afterEach(() => {
  state.writesLeft = Infinity
  fs.rmSync(tmp, {recursive: true, force: true})
})

const workload = {
  messageBytes: 1024,
  keyBytes: 0,
  partitions: 2,
  producers: 1,
  batchSizeBytes: 16_384,
  lingerMs: 5,
  flush: {kind: 'none' as const},
  sync: 'fdatasync' as const,
  durationMs: 5000,
  segmentBytes: 1_048_576,
  syncAtEnd: true,
  readers: {catchUp: true, tail: false},
  dropCaches: false,
  warmupBatches: 0, // the first test counts the timed loop's writes; the last one has a warm-up
}

describe('ENOSPC during the benchmark', () => {
  it('keeps the partial results, flags them, and removes what it wrote', async () => {
    state.writesLeft = 100
    const dir = path.join(tmp, 'work')
    const result = await benchService({dir, quick: true, calibrate: false, output: '', workload, budgetMs: 1000, toolVersion: 'test', inProcess: true})
    expect(result.produce?.diskFull).toBe(true)
    expect(result.produce?.batches).toBe(100)
    expect(result.produce?.records).toBe(1500)
    expect(result.warnings.join(' ')).toContain('ENOSPC')
    expect(fs.existsSync(dir)).toBe(false)
  })

  it('during the warm-up: no batch is timed, the result says the disk filled, and nothing is left behind', async () => {
    state.writesLeft = 10
    const dir = path.join(tmp, 'work')
    const result = await benchService({dir, quick: true, calibrate: false, output: '', workload: {...workload, warmupBatches: 500}, budgetMs: 1000, toolVersion: 'test', inProcess: true})
    expect(result.produce?.diskFull).toBe(true)
    expect(result.produce?.warmupBatches).toBe(10)
    expect(result.produce?.batches).toBe(0)
    expect(result.warnings.join(' ')).toContain('ENOSPC')
    expect(fs.existsSync(dir)).toBe(false)
  })
})
