// Partitions service: the quick partition answer, with the broker count it rounds to (given, or sized
// by the same model as plan so the two commands always agree).
import {resolvePlanInput, type PlanRequest} from '../model/inputs.js'
import {computePlan} from '../model/plan.js'
import type {HotKeyResult} from '../model/hot-keys.js'
import {type PartitionReason, yearsUntilPartitionsExhausted} from '../model/partitions.js'
import type {Assumption} from '../model/types.js'
import {validateRequest} from './validate-request.js'

export interface PartitionsResult {
  partitions: number
  /** Before rounding. */
  required: number
  reasons: PartitionReason[]
  rounding: string
  brokers: number
  brokersFrom: 'flag' | 'model'
  evenConsumerCounts: number[]
  /** Peak payload bytes/s at the end of the growth horizon (what the count is sized for). */
  horizonPeakBytesPerSec: number
  /** Years until traffic outgrows partitions × p at the stated growth (null: never). */
  yearsUntilExhausted: number | null
  hotKey?: HotKeyResult
  assumptions: Assumption[]
}

export function partitionsService(request: PlanRequest): PartitionsResult {
  validateRequest(request, {requireRate: true})
  const {input, assumptions} = resolvePlanInput(request)
  const plan = computePlan(input)
  const years = yearsUntilPartitionsExhausted(plan.partitions, input.partitionThroughputBytesPerSec, plan.traffic.peakPayloadBytesPerSec, input.growthPerYear)
  return {
    partitions: plan.partitions,
    required: plan.partitionSizing.required,
    reasons: plan.partitionSizing.reasons,
    rounding: plan.partitionSizing.rounding,
    brokers: plan.brokers,
    brokersFrom: request.brokers === undefined ? 'model' : 'flag',
    evenConsumerCounts: plan.partitionSizing.evenConsumerCounts,
    horizonPeakBytesPerSec: plan.partitionSizing.horizonPeakBytesPerSec,
    yearsUntilExhausted: Number.isFinite(years) ? years : null,
    hotKey: plan.hotKey,
    assumptions,
  }
}
