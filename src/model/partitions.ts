// Partition count (sizing-model §4): max(t/p, t/c, largest consumer group), sized for the growth
// horizon, rounded to a count that spreads evenly over brokers and likely consumer counts.

export interface PartitionInput {
  /** Peak payload bytes/s today. */
  peakPayloadBytesPerSec: number
  growthPerYear: number
  horizonYears: number
  /** p: one partition's produce throughput, payload bytes/s. */
  partitionThroughputBytesPerSec: number
  /** c: one consumer instance's throughput, payload bytes/s (undefined: not a bound). */
  consumerBytesPerSec?: number
  maxConsumers: number
}

export interface PartitionReason {
  rule: 't/p' | 't/c' | 'consumers' | 'disk-fit'
  partitions: number
  detail: string
}

export interface PartitionSizing {
  partitions: number
  /** Before rounding. */
  required: number
  /** Peak payload bytes/s at the end of the horizon: what the count is sized for. */
  horizonPeakBytesPerSec: number
  reasons: PartitionReason[]
  rounding: string
  /** Consumer-group sizes that divide the count evenly (up to the count). */
  evenConsumerCounts: number[]
}

const mbps = (x: number) => `${(x / 1e6).toFixed(1)} MB/s`

export function requiredPartitions(input: PartitionInput): {required: number; horizonPeak: number; reasons: PartitionReason[]} {
  const horizonPeak = input.peakPayloadBytesPerSec * input.growthPerYear ** input.horizonYears
  const growthNote =
    input.growthPerYear !== 1 ? ` (${mbps(input.peakPayloadBytesPerSec)} × ${input.growthPerYear}^${input.horizonYears} y)` : ''
  const reasons: PartitionReason[] = [
    {
      rule: 't/p',
      partitions: Math.ceil(horizonPeak / input.partitionThroughputBytesPerSec - 1e-9),
      detail: `t ${mbps(horizonPeak)}${growthNote} ÷ p ${mbps(input.partitionThroughputBytesPerSec)} per partition`,
    },
  ]
  if (input.consumerBytesPerSec !== undefined) {
    reasons.push({
      rule: 't/c',
      partitions: Math.ceil(horizonPeak / input.consumerBytesPerSec - 1e-9),
      detail: `t ${mbps(horizonPeak)} ÷ c ${mbps(input.consumerBytesPerSec)} per consumer instance`,
    })
  }
  reasons.push({
    rule: 'consumers',
    partitions: input.maxConsumers,
    detail: `the largest consumer group runs ${input.maxConsumers} instance(s); each needs a partition`,
  })
  const required = Math.max(1, ...reasons.map((r) => r.partitions))
  return {required, horizonPeak, reasons}
}

/** Every divisor of n, ascending. */
export function divisors(n: number): number[] {
  const small: number[] = []
  const large: number[] = []
  for (let d = 1; d * d <= n; d++) {
    if (n % d !== 0) continue
    small.push(d)
    if (d * d !== n) large.unshift(n / d)
  }
  return [...small, ...large]
}

/**
 * The smallest count ≥ required that is a multiple of the broker count (so leaders spread evenly),
 * preferring, within 25% above the minimum multiple, the count with the most divisors (so more consumer
 * group sizes divide it evenly) and one that the largest group divides.
 */
export function roundPartitions(required: number, brokers: number, maxConsumers: number): {partitions: number; rounding: string} {
  const step = Math.max(1, brokers)
  const first = Math.ceil(required / step) * step
  const limit = Math.max(first, Math.floor(first * 1.25))
  let best = first
  let bestScore = -1
  // Above 10,000 partitions no consumer group divides the count by design: skip the search (it also
  // keeps capacity mode's search over huge rates fast). Otherwise at most 50 candidates.
  const searchLimit = first > 10_000 ? first : limit
  const stride = step * Math.max(1, Math.ceil((searchLimit - first) / step / 50))
  for (let n = first; n <= searchLimit; n += stride) {
    const score = divisors(n).length + (maxConsumers > 1 && n % maxConsumers === 0 ? 4 : 0)
    if (score > bestScore) {
      best = n
      bestScore = score
    }
  }
  const parts = [`${required} required`]
  if (first !== required) parts.push(`→ ${first} (a multiple of ${step} brokers, so leaders and data spread evenly)`)
  if (best !== first) parts.push(`→ ${best} (more consumer-group sizes divide it evenly)`)
  if (first === required && best === first && step > 1) parts.push(`is already a multiple of ${step} brokers`)
  return {partitions: best, rounding: parts.join(' ')}
}

export function sizePartitions(input: PartitionInput, brokers: number): PartitionSizing {
  const {required, horizonPeak, reasons} = requiredPartitions(input)
  const {partitions, rounding} = roundPartitions(required, brokers, input.maxConsumers)
  return {
    partitions,
    required,
    horizonPeakBytesPerSec: horizonPeak,
    reasons,
    rounding,
    evenConsumerCounts: divisors(partitions),
  }
}

/** Years until traffic growing at growthPerYear exceeds what `partitions` can carry at p (Infinity: never). */
export function yearsUntilPartitionsExhausted(partitions: number, p: number, peakToday: number, growthPerYear: number): number {
  const capacity = partitions * p
  if (peakToday >= capacity) return 0
  if (growthPerYear <= 1) return Infinity
  return Math.log(capacity / peakToday) / Math.log(growthPerYear)
}
