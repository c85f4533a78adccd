// Partitions service: the quick partition answer, with the broker count it rounds to (given, or sized
// by the same model as plan so the two commands always agree).
import {resolvePlanInput, type PlanRequest} from '../model/inputs.js'
import {computePlan} from '../model/plan.js'
import type {HotKeyResult} from '../model/hot-keys.js'
import {type PartitionReason, divisors, roundPartitions, yearsUntilPartitionsExhausted} from '../model/partitions.js'
import type {Assumption} from '../model/types.js'
import {validateRequest} from './validate-request.js'
import {applySizingOptions, type SizingOptions} from './plan.js'

export interface PartitionsResult {
  partitions: number
  /** Before rounding. */
  required: number
  reasons: PartitionReason[]
  rounding: string
  /** The broker count the partitions are a multiple of (--brokers); null when none was given. */
  brokers: number | null
  evenConsumerCounts: number[]
  /** Peak payload bytes/s at the end of the growth horizon (what the count is sized for). */
  horizonPeakBytesPerSec: number
  /** Years until traffic outgrows partitions × p at the stated growth (null: never). */
  yearsUntilExhausted: number | null
  hotKey?: HotKeyResult
  assumptions: Assumption[]
}

/**
 * Without --brokers the count is not rounded to a broker multiple: the quick answer should not depend on
 * a broker count sized from default hardware (plan does that, and may differ for that reason).
 */
export async function partitionsService(request: PlanRequest, options: SizingOptions = {}): Promise<PartitionsResult> {
  request = await applySizingOptions(request, options)
  validateRequest(request, {requireRate: true})
  const {input, assumptions} = resolvePlanInput(request)
  const plan = computePlan(input)
  const required = plan.partitionSizing.required
  const rounded =
    request.brokers === undefined
      ? roundPartitions(required, 1, input.maxConsumers)
      : {partitions: plan.partitions, rounding: plan.partitionSizing.rounding}
  const rounding = request.brokers === undefined ? `${rounded.rounding}; give --brokers to round to a multiple of your broker count` : rounded.rounding
  const years = yearsUntilPartitionsExhausted(rounded.partitions, input.partitionThroughputBytesPerSec, plan.traffic.peakPayloadBytesPerSec, input.growthPerYear)
  return {
    partitions: rounded.partitions,
    required,
    reasons: plan.partitionSizing.reasons,
    rounding,
    brokers: request.brokers ?? null,
    evenConsumerCounts: divisors(rounded.partitions),
    horizonPeakBytesPerSec: plan.partitionSizing.horizonPeakBytesPerSec,
    yearsUntilExhausted: Number.isFinite(years) ? years : null,
    hotKey: plan.hotKey,
    assumptions,
  }
}
