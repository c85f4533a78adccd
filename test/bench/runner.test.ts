import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {type ProduceShare, mergeShares} from '../../src/bench/runner/in-worker.js'
import {runProduce} from '../../src/bench/runner/produce-loop.js'
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
      expect(fs.readdirSync(root).sort()).toEqual(['bench-topic-0', 'bench-topic-1'])
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
})
