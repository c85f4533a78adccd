// Plans for the emitter tests, from the plan service itself (the same PlanResult the command passes on).
import {execFileSync} from 'node:child_process'
import type {PlanRequest} from '../../src/model/inputs.js'
import {type PlanResult, planService} from '../../src/services/plan.js'

export const MB = 1e6

/** The README's quick-start workload on the default broker (2 TB disk, 2.5 Gbit/s NIC, 8 cores). */
export const README_REQUEST: PlanRequest = {
  payloadBytesPerSec: 120 * MB,
  messageSizeBytes: 1024,
  retentionMs: 7 * 86_400_000,
  replicationFactor: 3,
  consumerGroups: 3,
  maxConsumers: 24,
}

export function planFor(request: PlanRequest = README_REQUEST): Promise<PlanResult> {
  return planService(request)
}

export const OPTIONS = {topic: 'orders.placed.v1', clusterName: 'prod-kafka'}

/** Whether a program runs here (tests that need a real parser skip without it). */
export function has(command: string, args: string[] = ['--version']): boolean {
  try {
    execFileSync(command, args, {stdio: 'ignore', timeout: 20_000})
    return true
  } catch {
    return false
  }
}
