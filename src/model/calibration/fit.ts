// Least-squares fits of the benchmark's measurements: what one append costs per batch, per record and
// per byte, and what one fsync costs fixed and per dirty byte. Pure: the caller passes the linear
// algebra (mathjs lusolve/multiply/transpose), so the model stays free of imports with load costs.

export interface LinearAlgebra {
  multiply(a: number[][], b: number[][]): number[][]
  transpose(a: number[][]): number[][]
  lusolve(a: number[][], b: number[][]): number[][]
}

export interface FitQuality {
  points: number
  /** Coefficient of determination of the fit (1 = perfect). */
  r2: number
  /** Root-mean-square error, in the unit of the fitted quantity. */
  rmse: number
  /** Largest |predicted − measured| ÷ measured over the points. */
  maxRelativeError: number
  /** Coefficients that came out negative (noise) were dropped and the rest refitted. */
  dropped: string[]
}

/**
 * Ordinary least squares y ≈ X·β by the normal equations (XᵀX)β = Xᵀy. A negative coefficient is
 * physically meaningless here (a cost cannot be negative): it is fixed at 0 and the rest refitted.
 */
export function leastSquares(rows: number[][], y: number[], names: string[], la: LinearAlgebra): {coefficients: number[]; quality: FitQuality} {
  let active = names.map((_, i) => i)
  const dropped: string[] = []
  for (;;) {
    const x = rows.map((r) => active.map((i) => r[i]))
    const xt = la.transpose(x)
    const beta = la.lusolve(la.multiply(xt, x), la.multiply(xt, y.map((v) => [v]))).map((r) => r[0])
    const negative = beta.findIndex((b) => b < 0)
    if (negative === -1 || active.length === 1) {
      const coefficients = names.map(() => 0)
      active.forEach((i, k) => (coefficients[i] = Math.max(0, beta[k])))
      return {coefficients, quality: quality(rows, y, coefficients, dropped)}
    }
    dropped.push(names[active[negative]])
    active = active.filter((_, k) => k !== negative)
  }
}

function quality(rows: number[][], y: number[], beta: number[], dropped: string[]): FitQuality {
  const predicted = rows.map((r) => r.reduce((s, v, i) => s + v * beta[i], 0))
  const mean = y.reduce((a, b) => a + b, 0) / y.length
  const ssRes = y.reduce((s, v, i) => s + (v - predicted[i]) ** 2, 0)
  const ssTot = y.reduce((s, v) => s + (v - mean) ** 2, 0)
  return {
    points: y.length,
    r2: ssTot > 0 ? 1 - ssRes / ssTot : 1,
    rmse: Math.sqrt(ssRes / y.length),
    maxRelativeError: Math.max(...y.map((v, i) => (v > 0 ? Math.abs(predicted[i] - v) / v : 0))),
    dropped,
  }
}

export interface AppendPoint {
  /** Records per batch and bytes per batch (as written, header included). */
  records: number
  batchBytes: number
  /** Measured seconds per appended batch (wall time ÷ batches) with no flush. */
  secondsPerBatch: number
}

/** A run's totals as a point of the append fit: records and bytes per batch, and the seconds per batch. */
export function appendPointOf(run: {recordsPerBatch: number; batchBytes: number; seconds: number; batches: number}): AppendPoint {
  return {records: run.recordsPerBatch, batchBytes: run.batchBytes, secondsPerBatch: run.seconds / Math.max(1, run.batches)}
}

export interface AppendCosts {
  perBatchSeconds: number
  perRecordSeconds: number
  perByteSeconds: number
  quality: FitQuality
}

export function fitAppendCosts(points: AppendPoint[], la: LinearAlgebra): AppendCosts {
  const {coefficients, quality} = leastSquares(
    points.map((p) => [1, p.records, p.batchBytes]),
    points.map((p) => p.secondsPerBatch),
    ['perBatch', 'perRecord', 'perByte'],
    la,
  )
  return {perBatchSeconds: coefficients[0], perRecordSeconds: coefficients[1], perByteSeconds: coefficients[2], quality}
}

export interface FsyncPoint {
  /** Dirty bytes the sync wrote back. */
  bytes: number
  seconds: number
}

export interface FsyncCosts {
  fixedSeconds: number
  perByteSeconds: number
  quality: FitQuality
}

export function fitFsyncCosts(points: FsyncPoint[], la: LinearAlgebra): FsyncCosts {
  const {coefficients, quality} = leastSquares(
    points.map((p) => [1, p.bytes]),
    points.map((p) => p.seconds),
    ['fixed', 'perByte'],
    la,
  )
  return {fixedSeconds: coefficients[0], perByteSeconds: coefficients[1], quality}
}

/** Predicted seconds to append one batch. */
export function appendSeconds(costs: Pick<AppendCosts, 'perBatchSeconds' | 'perRecordSeconds' | 'perByteSeconds'>, records: number, batchBytes: number): number {
  return costs.perBatchSeconds + costs.perRecordSeconds * records + costs.perByteSeconds * batchBytes
}

/** The point the append fit misses most, relative to its measurement. */
export function worstAppendFit<P extends AppendPoint>(costs: Pick<AppendCosts, 'perBatchSeconds' | 'perRecordSeconds' | 'perByteSeconds'>, points: readonly P[]): {point: P; predictedSeconds: number; relativeError: number} | undefined {
  let worst: {point: P; predictedSeconds: number; relativeError: number} | undefined
  for (const point of points) {
    if (!(point.secondsPerBatch > 0)) continue
    const predictedSeconds = appendSeconds(costs, point.records, point.batchBytes)
    const relativeError = Math.abs(predictedSeconds - point.secondsPerBatch) / point.secondsPerBatch
    if (worst === undefined || relativeError > worst.relativeError) worst = {point, predictedSeconds, relativeError}
  }
  return worst
}
