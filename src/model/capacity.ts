// Reverse mode: for a given cluster, the largest ingress it sustains and the resource that stops it.
// It searches with the same plan model, so capacity and plan can never disagree: a plan at the maximum
// ingress fits in the given brokers, and one a hair above does not.
import type {Scenario} from './brokers.js'
import {type PlanCore, computePlan} from './plan.js'
import type {PlanInput, ResourceLoad, ResourceName} from './types.js'
import {largestPassing} from './search.js'

export interface CapacityInput {
  /** The cluster and workload shape; payload/message rates are replaced during the search. */
  input: PlanInput & {brokers: number}
  /** Ingress to compare against the maximum, payload bytes/s (optional). */
  targetPayloadBytesPerSec?: number
}

export interface ResourceCeiling {
  resource: ResourceName
  scenario: Scenario
  /** Highest peak payload ingress this resource alone allows, bytes/s (Infinity: never binds). */
  maxIngressBytesPerSecond: number
}

export interface CapacityResult {
  brokers: number
  /** Highest sustainable peak producer payload (key + value, before compression), bytes/s. */
  maxIngressBytesPerSecond: number
  maxIngressMessagesPerSecond: number
  /** Consumer egress at that ingress: every group reads everything, bytes/s. */
  maxEgressBytesPerSecond: number
  bindingResource: ResourceName
  bindingScenario: Scenario
  ceilings: ResourceCeiling[]
  /** The plan at the maximum ingress: loads, storage and failure checks. */
  atMaximum: PlanCore
  target?: {
    payloadBytesPerSec: number
    /** target ÷ maximum. */
    utilization: number
    headroomBytesPerSec: number
    fits: boolean
  }
}

interface Violation {
  resource: ResourceName
  scenario: Scenario
}

/** The plan for a given peak payload rate on the fixed cluster. */
function planAt(base: PlanInput, peakPayload: number): PlanCore {
  const bytesPerMessage = base.messageSizeBytes + base.keySizeBytes
  const payload = peakPayload / base.peakFactor
  return computePlan({...base, payloadBytesPerSec: payload, messagesPerSec: payload / bytesPerMessage})
}

const over = (l: ResourceLoad, limit: number) => l.utilization > limit + 1e-9

/** Every limit the plan at this rate breaks. */
function violations(plan: PlanCore): Violation[] {
  const out: Violation[] = []
  for (const l of plan.loads) if (over(l, l.limit)) out.push({resource: l.resource, scenario: 'normal'})
  for (const f of plan.failures) for (const l of f.loads) if (over(l, 1)) out.push({resource: l.resource, scenario: f.kind})
  const p = plan.input.partitionThroughputBytesPerSec
  if (plan.input.partitions !== undefined && plan.traffic.peakPayloadBytesPerSec > plan.partitions * p * (1 + 1e-9)) {
    out.push({resource: 'partition-throughput', scenario: 'normal'})
  }
  const c = plan.input.consumerRate?.bytesPerSec
  const consumers = Math.min(plan.input.maxConsumers, plan.partitions)
  if (c !== undefined && plan.traffic.peakPayloadBytesPerSec > consumers * c * (1 + 1e-9)) {
    out.push({resource: 'consumer-throughput', scenario: 'normal'})
  }
  return out
}


const PROBE_RATE = 1e6

/** Linear estimate of the rate at which a resource reaches its limit, from its utilisation at the probe rate. */
function linearEstimate(probe: PlanCore, v: Violation): number {
  const scale = (load: ResourceLoad | undefined, limit: number) => (load && load.utilization > 0 ? (PROBE_RATE * limit) / load.utilization : Infinity)
  if (v.scenario === 'normal') {
    const load = probe.loads.find((l) => l.resource === v.resource)
    if (load) return scale(load, load.limit)
    if (v.resource === 'partition-throughput') return probe.partitions * probe.input.partitionThroughputBytesPerSec
    const c = probe.input.consumerRate?.bytesPerSec
    return c === undefined ? Infinity : Math.min(probe.input.maxConsumers, probe.partitions) * c
  }
  const scenario = probe.failures.find((f) => f.kind === v.scenario)
  return scale(scenario?.loads.find((l) => l.resource === v.resource), 1)
}

export function computeCapacity({input, targetPayloadBytesPerSec}: CapacityInput): CapacityResult {
  const probePlan = planAt(input, PROBE_RATE)
  const probe = violations(planAt(input, 1))
  // Resources that fail even at 1 B/s (e.g. RF > brokers leaves nothing to search) are reported at 0.
  const names = new Set<string>()
  const ceilings: ResourceCeiling[] = []
  // A managed unit's client quotas are ceilings too, where the hardware has them.
  const hw = input.hardware
  const quotas: ResourceName[] = [
    ...(hw.clientIngressBytesPerSec === undefined ? [] : (['client-ingress'] as const)),
    ...(hw.clientEgressBytesPerSec === undefined ? [] : (['client-egress'] as const)),
  ]
  const throughput: ResourceName[] = ['network-in', 'network-out', 'disk-throughput', 'cpu', ...quotas]
  const candidates: Violation[] = [
    ...[...throughput, 'storage', 'partition-replicas', 'partition-throughput', 'consumer-throughput'].map((r) => ({resource: r as ResourceName, scenario: 'normal' as Scenario})),
    ...(['broker-loss', 'az-loss'] as Scenario[]).flatMap((scenario) => throughput.map((resource) => ({resource, scenario}))),
  ]
  for (const c of candidates) {
    const key = `${c.resource}/${c.scenario}`
    if (names.has(key)) continue
    names.add(key)
    const breaks = (plan: PlanCore) => violations(plan).some((v) => v.resource === c.resource && v.scenario === c.scenario)
    const applies = c.scenario === 'normal' || probePlan.failures.some((f) => f.kind === c.scenario)
    const estimate = linearEstimate(probePlan, c)
    let max: number
    if (!applies || !Number.isFinite(estimate)) max = Infinity
    else if (probe.some((v) => v.resource === c.resource && v.scenario === c.scenario)) max = 0
    else max = largestPassing((rate) => !breaks(planAt(input, rate)), estimate)
    ceilings.push({resource: c.resource, scenario: c.scenario, maxIngressBytesPerSecond: max})
  }
  const finite = ceilings.filter((c) => Number.isFinite(c.maxIngressBytesPerSecond))
  const binding = finite.reduce((a, b) => (b.maxIngressBytesPerSecond < a.maxIngressBytesPerSecond ? b : a), finite[0])
  const max = binding ? binding.maxIngressBytesPerSecond : Infinity
  const atMaximum = planAt(input, Number.isFinite(max) && max > 0 ? max : 1)
  const bytesPerMessage = input.messageSizeBytes + input.keySizeBytes
  const result: CapacityResult = {
    brokers: input.brokers,
    maxIngressBytesPerSecond: max,
    maxIngressMessagesPerSecond: max / bytesPerMessage,
    maxEgressBytesPerSecond: max * input.consumerGroups,
    bindingResource: binding?.resource ?? 'network-in',
    bindingScenario: binding?.scenario ?? 'normal',
    ceilings: ceilings.sort((a, b) => a.maxIngressBytesPerSecond - b.maxIngressBytesPerSecond),
    atMaximum,
  }
  if (targetPayloadBytesPerSec !== undefined) {
    result.target = {
      payloadBytesPerSec: targetPayloadBytesPerSec,
      utilization: max > 0 ? targetPayloadBytesPerSec / max : Infinity,
      headroomBytesPerSec: max - targetPayloadBytesPerSec,
      fits: targetPayloadBytesPerSec <= max,
    }
  }
  return result
}
