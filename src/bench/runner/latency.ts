// Latency samples in microseconds, kept like kafka-producer-perf-test keeps them: every k-th value up to
// a fixed number of samples (ProducerPerformance samples at most 500,000), with exact count, sum and max.

export interface LatencySummary {
  count: number
  avgMicros: number
  maxMicros: number
  p50Micros: number
  p95Micros: number
  p99Micros: number
  p999Micros: number
}

export class LatencyRecorder {
  private readonly samples: Float64Array
  private stored = 0
  private seen = 0
  private sum = 0
  private max = 0
  private readonly every: number

  /** expectedCount sets the sampling stride so the samples cover the whole run. */
  constructor(expectedCount = 500_000, maxSamples = 500_000) {
    this.every = Math.max(1, Math.ceil(expectedCount / maxSamples))
    this.samples = new Float64Array(maxSamples)
  }

  record(micros: number): void {
    if (this.seen % this.every === 0 && this.stored < this.samples.length) this.samples[this.stored++] = micros
    this.seen++
    this.sum += micros
    if (micros > this.max) this.max = micros
  }

  /** The raw state, to send across threads and merge (see mergeLatency). */
  snapshot(): LatencySnapshot {
    return {samples: this.samples.slice(0, this.stored), count: this.seen, sum: this.sum, max: this.max}
  }

  summary(): LatencySummary {
    return summarize(this.snapshot())
  }
}

export interface LatencySnapshot {
  samples: Float64Array
  count: number
  sum: number
  max: number
}

/** Percentiles over the union of several recorders' samples (threads writing different partitions). */
export function mergeLatency(snapshots: LatencySnapshot[]): LatencySummary {
  const total = snapshots.reduce((n, s) => n + s.samples.length, 0)
  const samples = new Float64Array(total)
  let at = 0
  for (const s of snapshots) {
    samples.set(s.samples, at)
    at += s.samples.length
  }
  return summarize({
    samples,
    count: snapshots.reduce((n, s) => n + s.count, 0),
    sum: snapshots.reduce((n, s) => n + s.sum, 0),
    max: Math.max(0, ...snapshots.map((s) => s.max)),
  })
}

function summarize(snap: LatencySnapshot): LatencySummary {
  const sorted = snap.samples.slice().sort()
  const at = (q: number) => (sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))])
  return {
    count: snap.count,
    avgMicros: snap.count > 0 ? snap.sum / snap.count : 0,
    maxMicros: snap.max,
    p50Micros: at(0.5),
    p95Micros: at(0.95),
    p99Micros: at(0.99),
    p999Micros: at(0.999),
  }
}
