import {describe, expect, it} from 'vitest'
import type {BenchWorkload, ProduceResult} from '../../src/bench/runner/workload.js'
import {appendFitWarnings} from '../../src/services/bench.js'

const workload = (messageBytes: number, batchSizeBytes: number): BenchWorkload => ({messageBytes, keyBytes: 0, partitions: 1, producers: 1, batchSizeBytes, lingerMs: 5, flush: {kind: 'none'}, sync: 'fdatasync', durationMs: 1000, segmentBytes: 2 ** 27, syncAtEnd: false, readers: {catchUp: false, tail: false}, dropCaches: false})
const run = (records: number, batchBytes: number, batches: number, seconds: number) => ({produce: {recordsPerBatch: records, batchBytes, batches, seconds} as ProduceResult})

describe('appendFitWarnings', () => {
  // A fit that puts everything on the per-byte cost, as measured on a microVM (calibration of 2026-11-22).
  const costs = {perBatchSeconds: 0, perRecordSeconds: 0, perByteSeconds: 3.4e-9}

  it('names the run the fit misses by more than half, with measured and fitted costs', () => {
    const grid = [
      {workload: workload(100, 16_384), result: run(148, 16_277, 1000, 0.0153)},
      {workload: workload(1024, 1_048_576), result: run(1014, 1_048_473, 100, 0.36)},
    ]
    expect(appendFitWarnings(costs, grid)).toEqual([
      'the append-cost fit misses one run by 262% (100 B messages, batch.size 16.4 kB, 1 partition(s): 15.3 µs per batch measured, 55.3 µs fitted), ' +
        'so the calibrated per-partition ceiling is rough near that batch size; a VM whose host reclaims free guest memory makes new page-cache pages costly: calibrate on the broker host itself',
    ])
  })

  it('says nothing when every run is within half of the fit', () => {
    expect(appendFitWarnings(costs, [{workload: workload(1024, 1_048_576), result: run(1014, 1_048_473, 100, 0.36)}])).toEqual([])
  })
})
