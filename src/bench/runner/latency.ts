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

  summary(): LatencySummary {
    const sorted = this.samples.slice(0, this.stored).sort()
    const at = (q: number) => (sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))])
    return {
      count: this.seen,
      avgMicros: this.seen > 0 ? this.sum / this.seen : 0,
      maxMicros: this.max,
      p50Micros: at(0.5),
      p95Micros: at(0.95),
      p99Micros: at(0.99),
      p999Micros: at(0.999),
    }
  }
}
