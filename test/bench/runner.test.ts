import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {type ProduceShare, mergeShares} from '../../src/bench/runner/in-worker.js'
import {DEFAULT_WARMUP_BATCHES, runProduce, warmupDir} from '../../src/bench/runner/produce-loop.js'
import type {BenchWorkload} from '../../src/bench/runner/workload.js'

const MiB = 1024 * 1024
const workload: BenchWorkload = {messageBytes: 1024, keyBytes: 0, partitions: 2, producers: 1, batchSizeBytes: 16 * 1024, lingerMs: 5, flush: {kind: 'none'}, sync: 'fdatasync', durationMs: 60_000, totalBytes: 2 * MiB, segmentBytes: MiB, syncAtEnd: false, readers: {catchUp: false, tail: false}, dropCaches: false}

let root: string
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-runner-'))
})
afterEach(() => fs.rmSync(root, {recursive: true, force: true}))

describe('runProduce', () => {
  it('calls beforeStart once, after the logs exist and before the clock starts', () => {
    let calls = 0
    const out = runProduce(root, workload, () => {}, undefined, () => {
      calls++
      // the partition logs, and the warm-up's scratch log (kept until the timed loop is over)
      expect(fs.readdirSync(root).sort()).toEqual(['bench-topic-0', 'bench-topic-1', 'warmup-0'])
      const until = Date.now() + 300
      while (Date.now() < until) {
        // a slow start-up: not part of the timed loop
      }
    })
    for (const log of out.logs) log.close()
    expect(calls).toBe(1)
    expect(out.result.payloadBytes).toBeGreaterThanOrEqual(2 * MiB)
    expect(out.result.seconds).toBeLessThan(0.3)
    expect(out.cpuWindow.end.user).toBeGreaterThanOrEqual(out.cpuWindow.start.user)
  })
})

describe('warm-up', () => {
    it('appends to a scratch log before the clock starts, counts none of it, and deletes it afterwards', () => {
    // 1 KiB records in 16 KiB batches; a 64 MiB run, so the byte caps leave the batch cap in charge
    const w = {...workload, partitions: 1, totalBytes: 64 * MiB, segmentBytes: 64 * MiB}
    let scratchAtStart: string[] = []
    const out = runProduce(root, w, () => {}, undefined, () => {
      scratchAtStart = fs.readdirSync(warmupDir(root, 0))
    })
    for (const log of out.logs) log.close()
    expect(scratchAtStart).toContain('00000000000000000000.log')
    expect(fs.existsSync(warmupDir(root, 0))).toBe(false)
    // bounded by the batch count (or 500 ms on a slow disk)
    expect(out.result.warmupBatches).toBeGreaterThan(0)
    expect(out.result.warmupBatches).toBeLessThanOrEqual(DEFAULT_WARMUP_BATCHES)
    // the timed figures start from offset 0 of the real logs: the warm-up's batches are not in them
    expect(out.logs[0].stats().nextOffset).toBe(out.result.records)
    expect(out.result.payloadBytes).toBeGreaterThanOrEqual(64 * MiB)
    expect(out.result.payloadBytes).toBeLessThan(64 * MiB + 16 * 1024)
  })

  it('writes no more than a small run itself, nor more than an eighth of the retention', () => {
    const small = runProduce(root, {...workload, partitions: 1, totalBytes: MiB}, () => {})
    for (const log of small.logs) log.close()
    const payloadPerBatch = small.result.payloadBytes / small.result.batches
    expect(small.result.warmupBatches * payloadPerBatch).toBeLessThanOrEqual(MiB + payloadPerBatch)
    expect(small.result.warmupBatches * payloadPerBatch).toBeGreaterThan(MiB / 2)
    const kept = runProduce(fs.mkdtempSync(path.join(root, 'r-')), {...workload, partitions: 1, totalBytes: 64 * MiB, retentionBytesPerPartition: 8 * MiB}, () => {})
    for (const log of kept.logs) log.close()
    expect(kept.result.warmupBatches * payloadPerBatch).toBeLessThanOrEqual(MiB + payloadPerBatch)
  })

  it('is skipped with warmupBatches 0', () => {
    const out = runProduce(root, {...workload, warmupBatches: 0}, () => {})
    for (const log of out.logs) log.close()
    expect(out.result.warmupBatches).toBe(0)
    expect(out.result.warmupSeconds).toBe(0)
    expect(fs.readdirSync(root).sort()).toEqual(['bench-topic-0', 'bench-topic-1'])
  })
})

describe('mergeShares', () => {
  const share = (startUser: number, endUser: number, seconds: number): ProduceShare => {
    const out = runProduce(fs.mkdtempSync(path.join(root, 's-')), {...workload, partitions: 1, totalBytes: 64 * 1024}, () => {})
    for (const log of out.logs) log.close()
    return {produce: {...out.result, seconds}, latency: out.latency, fsync: out.fsync, cpuWindow: {start: {user: startUser, system: 10}, end: {user: endUser, system: 30}}, endOffsets: [1]}
  }

  it("takes the process CPU from the first loop's start to the last one's end, and the slowest thread's time", () => {
    const merged = mergeShares([share(1_000_000, 3_000_000, 2), share(1_200_000, 3_500_000, 2.5)])
    expect(merged.cpuUserSeconds).toBeCloseTo(2.5)
    expect(merged.cpuSysSeconds).toBeCloseTo(0.00002)
    expect(merged.seconds).toBe(2.5)
  })

  it('sums the writers\' warm-up batches and takes the slowest warm-up', () => {
    const a = share(0, 1, 1)
    const b = share(0, 1, 1)
    a.produce = {...a.produce, warmupBatches: 300, warmupSeconds: 0.2}
    b.produce = {...b.produce, warmupBatches: 500, warmupSeconds: 0.3}
    const merged = mergeShares([a, b])
    expect(merged.warmupBatches).toBe(800)
    expect(merged.warmupSeconds).toBe(0.3)
  })
})
