import {describe, expect, it} from 'vitest'
import {appendSeconds, fitAppendCosts, fitFsyncCosts, worstAppendFit} from '../../src/model/calibration/fit.js'
import {linearAlgebra as math} from '../../src/units/mathjs-matrix.js'

// A fixed pseudo-random sequence, so the test is repeatable.
function noise(seed: number): () => number {
  let s = seed
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31
    return s / 2 ** 31 - 0.5
  }
}

describe('least-squares calibration fit', () => {
  const truth = {perBatchSeconds: 12e-6, perRecordSeconds: 0.15e-6, perByteSeconds: 0.4e-9}
  const shapes = [100, 512, 1024, 4096].flatMap((value) => [16_384, 65_536, 262_144, 1_048_576].map((batch) => ({records: Math.max(1, Math.floor(batch / (value + 10))), batchBytes: batch})))

  it('recovers known per-batch, per-record and per-byte costs exactly from exact data', () => {
    const points = shapes.map((s) => ({...s, secondsPerBatch: appendSeconds(truth, s.records, s.batchBytes)}))
    const fit = fitAppendCosts(points, math)
    expect(fit.perBatchSeconds).toBeCloseTo(truth.perBatchSeconds, 12)
    expect(fit.perRecordSeconds).toBeCloseTo(truth.perRecordSeconds, 14)
    expect(fit.perByteSeconds).toBeCloseTo(truth.perByteSeconds, 16)
    expect(fit.quality.r2).toBeCloseTo(1, 9)
  })

  it('recovers them within 10% from data with ±5% noise, and reports the fit quality', () => {
    const rand = noise(42)
    const points = shapes.map((s) => ({...s, secondsPerBatch: appendSeconds(truth, s.records, s.batchBytes) * (1 + 0.1 * rand())}))
    const fit = fitAppendCosts(points, math)
    expect(Math.abs(fit.perByteSeconds / truth.perByteSeconds - 1)).toBeLessThan(0.1)
    expect(Math.abs(fit.perRecordSeconds / truth.perRecordSeconds - 1)).toBeLessThan(0.1)
    expect(fit.quality.r2).toBeGreaterThan(0.95)
    expect(fit.quality.maxRelativeError).toBeLessThan(0.1)
  })

  it('drops a coefficient that comes out negative and refits the rest', () => {
    // Pure per-byte cost: noise could push the intercept below zero; the fit must not report a negative cost.
    const points = shapes.map((s, i) => ({...s, secondsPerBatch: s.batchBytes * 1e-9 - (i % 2 === 0 ? 2e-6 : 0)}))
    const fit = fitAppendCosts(points, math)
    expect(fit.perBatchSeconds).toBeGreaterThanOrEqual(0)
    expect(fit.perRecordSeconds).toBeGreaterThanOrEqual(0)
    expect(fit.perByteSeconds).toBeGreaterThan(0)
  })

  it('fits fsync as fixed + per dirty byte (logbench: ~0.26 ms + ~0.4 ms per MiB)', () => {
    const points = [16_384, 65_536, 262_144, 1_048_576, 4_194_304].map((bytes) => ({bytes, seconds: 260e-6 + (0.4e-3 * bytes) / 2 ** 20}))
    const fit = fitFsyncCosts(points, math)
    expect(fit.fixedSeconds).toBeCloseTo(260e-6, 9)
    expect(fit.perByteSeconds * 2 ** 20).toBeCloseTo(0.4e-3, 9)
  })
})

describe('worstAppendFit', () => {
  const costs = {perBatchSeconds: 0, perRecordSeconds: 0, perByteSeconds: 3.4e-9}
  it('names the point the fit misses most, relative to its measurement', () => {
    const points = [
      {records: 148, batchBytes: 16_277, secondsPerBatch: 15.3e-6}, // fitted 55.3 µs: +262 %
      {records: 1014, batchBytes: 1_048_473, secondsPerBatch: 3.6e-3}, // fitted 3.565 ms: −1 %
    ]
    const worst = worstAppendFit(costs, points)
    expect(worst?.point).toBe(points[0])
    expect(worst?.predictedSeconds).toBeCloseTo(16_277 * 3.4e-9, 12)
    expect(worst?.relativeError).toBeCloseTo((16_277 * 3.4e-9) / 15.3e-6 - 1, 9)
  })

  it('skips points without a measurement and has nothing to say about none', () => {
    expect(worstAppendFit(costs, [])).toBeUndefined()
    expect(worstAppendFit(costs, [{records: 1, batchBytes: 100, secondsPerBatch: 0}])).toBeUndefined()
  })
})
