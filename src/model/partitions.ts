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
 * Multipliers that make round, highly divisible counts: 2^a · 3^b · 5^c with b ≤ 2 and c ≤ 1
 * (1, 2, 3, 4, 5, 6, 8, 9, 10, 12, 15, 16, 18, 20, 24, 30, 32, 36, 40, 45, 48, 60, …). Neighbours are at
 * most 1/3 apart, so rounding never costs much. Returns the smallest such multiplier ≥ m, in O(1).
 */
function nextRoundMultiplier(m: number): number {
  let best = Infinity
  for (const odd of [1, 3, 5, 9, 15, 45]) {
    const power = Math.max(0, Math.ceil(Math.log2(m / odd) - 1e-12))
    let candidate = odd * 2 ** power
    // Guard the float log: step down while a smaller power still reaches m.
    while (candidate / 2 >= m && candidate % 2 === 0) candidate /= 2
    if (candidate >= m) best = Math.min(best, candidate)
  }
  return best
}

/**
 * The smallest count ≥ required of the form brokers × m, with m a round multiplier: leaders and data
 * spread evenly over the brokers, and many consumer-group sizes divide the count. Choosing the smallest
 * member of a fixed set keeps the rounding monotone: more traffic never yields fewer partitions.
 */
export function roundPartitions(required: number, brokers: number, maxConsumers: number): {partitions: number; rounding: string} {
  const step = Math.max(1, brokers)
  const m = nextRoundMultiplier(Math.max(1, Math.ceil(required / step - 1e-9)))
  const partitions = m * step
  const parts = [`${required} required`]
  const why = step === 1 ? 'a round count that many group sizes divide' : `${step} brokers × ${m}: leaders and data spread evenly`
  parts.push(partitions !== required ? `→ ${partitions} (${why})` : `(${why})`)
  if (maxConsumers > 1 && partitions % maxConsumers !== 0) parts.push(`; the largest group (${maxConsumers}) does not divide it, so some instances get one partition more`)
  return {partitions, rounding: parts.join(' ').replace(' ;', ';')}
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
