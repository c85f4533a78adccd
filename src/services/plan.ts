// Plan service: validates the request, resolves defaults, runs the model, and attaches the
// recommendations, warnings and assumptions. No I/O yet (calibration profiles will add a file read).
import {type Alternative, storageAlternatives} from '../model/alternatives.js'
import type {Cost} from '../model/cost.js'
import {computePlan, type PlanCore} from '../model/plan.js'
import {type WhatIfs, whatIfs} from '../model/what-ifs.js'
import {type PlanRequest, resolvePlanInput} from '../model/inputs.js'
import {recommend} from '../model/recommendations/index.js'
import type {Assumption, Recommendation, Warning} from '../model/types.js'
import {planWarnings} from '../model/warnings.js'
import {validateRequest} from './validate-request.js'
import {readCalibration} from './calibration-file.js'

export const UNITS_NOTE = {
  bytes: 'B; MB = 10^6 B, MiB = 2^20 B',
  rates: 'B/s (payload = key + value before compression; stored = as written to disk)',
  durations: 'ms',
  network: 'bit/s',
} as const

/** The model's cost, with the source of the rule next to it when replication crossing zones is not billed. */
export type PlanCost = Cost & {replicationTransferSource?: string}

export interface PlanResult extends PlanCore {
  units: typeof UNITS_NOTE
  cost?: PlanCost
  recommendations: Recommendation[]
  warnings: Warning[]
  /** Cheaper shapes of the same workload when storage binds (bigger disks, tiered storage). */
  alternatives: Alternative[]
  /** Bytes/s crossing availability zones (produce + replication + consume), with --azs ≥ 2. */
  crossAzBytesPerSecond?: number
  /** Recovery time after a broker/AZ loss, consumer catch-up load, years of growth per resource. */
  whatIfs: WhatIfs
  assumptions: Assumption[]
}

export interface SizingOptions {
  /** A calibration profile from `bench --calibrate`: its measurements replace defaults. */
  calibrationPath?: string
  /** A hardware catalogue profile (`--hardware`): its figures replace the hardware defaults. */
  hardwareProfile?: string
  /** A user hardware catalogue file (`--catalogue`), YAML or JSON. */
  cataloguePath?: string
  /** Replication throttle for the recovery what-if, bytes/s. */
  replicationThrottleBytesPerSec?: number
}

/** Applies the file- and catalogue-based options to a request (calibration first: it wins over the catalogue's disk figure). */
export async function applySizingOptions(request: PlanRequest, options: SizingOptions): Promise<PlanRequest> {
  if (options.calibrationPath !== undefined) request = {...request, calibration: await readCalibration(options.calibrationPath)}
  if (options.hardwareProfile !== undefined || options.cataloguePath !== undefined) {
    const {withHardwareProfile} = await import('./hardware-profile.js')
    request = await withHardwareProfile(request, options)
  }
  return request
}

export async function planService(request: PlanRequest, options: SizingOptions = {}): Promise<PlanResult> {
  request = await applySizingOptions(request, options)
  validateRequest(request, {requireRate: true})
  const {input, assumptions} = resolvePlanInput(request)
  const core = computePlan(input)
  return {
    units: UNITS_NOTE,
    ...core,
    recommendations: recommend(core),
    warnings: planWarnings(core),
    alternatives: storageAlternatives(core),
    ...(core.crossAz ? {crossAzBytesPerSecond: core.crossAz.totalBytesPerSec} : {}),
    ...(core.cost ? {cost: withTransferSource(core.cost, assumptions)} : {}),
    whatIfs: whatIfs(core, options.replicationThrottleBytesPerSec),
    assumptions,
  }
}

/** Names why replication is left out of the transfer cost: the source of the profile's rule, from the assumptions. */
export function withTransferSource(cost: Cost, assumptions: Assumption[]): PlanCost {
  if (cost.replicationTransferBilled) return cost
  const source = assumptions.find((a) => a.key === 'prices.replicationTransferBilled')?.source
  return source === undefined ? cost : {...cost, replicationTransferSource: source}
}
