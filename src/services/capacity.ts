// Capacity service (reverse mode): the largest ingress a given cluster sustains, and what stops it.
import {computeCapacity, type CapacityResult as ModelCapacity} from '../model/capacity.js'
import {resolvePlanInput, type PlanRequest} from '../model/inputs.js'
import type {Assumption, BrokerBound, FailureScenario, ResourceLoad} from '../model/types.js'
import type {BrokerLoadRow} from '../model/plan.js'
import {validateRequest} from './validate-request.js'
import {applySizingOptions, type SizingOptions} from './plan.js'
import type {SaturationOptions} from '../flags/saturation-flags.js'
import {type SaturationReport, saturationFor} from './saturation.js'

export interface CapacityResult extends Omit<ModelCapacity, 'atMaximum'> {
  /** The cluster at its maximum: per-broker loads, failure checks and the partition count used. */
  atMaximum: {
    partitions: number
    storageBytes: number
    brokerLoad: BrokerLoadRow[]
    loads: ResourceLoad[]
    failures: FailureScenario[]
    bounds: BrokerBound[]
  }
  /**
   * What a benchmark of this setup would measure: 100 % of the bottleneck, no failure headroom, clients
   * included. A range, the binding resource, and whether the clients or the brokers bind.
   */
  saturation: SaturationReport
  assumptions: Assumption[]
}

export async function capacityService(request: PlanRequest, options: SizingOptions = {}, saturation: SaturationOptions = {}): Promise<CapacityResult> {
  request = await applySizingOptions(request, options)
  validateRequest(request, {requireRate: false, requireBrokers: true})
  const hasTarget = request.payloadBytesPerSec !== undefined || request.messagesPerSec !== undefined
  // Without a target rate the workload only shapes the search (message size, RF, groups): any rate will do.
  const {input, assumptions} = resolvePlanInput(hasTarget ? request : {...request, payloadBytesPerSec: 1})
  const targetPayload = hasTarget ? input.payloadBytesPerSec * input.peakFactor : undefined
  const result = computeCapacity({input: {...input, brokers: request.brokers as number}, targetPayloadBytesPerSec: targetPayload})
  const m = result.atMaximum
  const brokers = request.brokers as number
  const sat = saturationFor(input, brokers, input.partitions ?? m.partitions, saturation, request.calibration)
  return {
    ...result,
    atMaximum: {
      partitions: m.partitions,
      storageBytes: m.storage.totalBytes,
      brokerLoad: m.brokerLoad,
      loads: m.loads,
      failures: m.failures,
      bounds: m.bounds,
    },
    saturation: sat,
    assumptions,
  }
}
