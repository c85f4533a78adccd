// What-ifs offered when storage binds: the same workload on bigger disks, or with tiered storage.
// Each is a full re-run of the plan model, so the numbers are as trustworthy as the plan's own.
import {DAY_MS, TB} from './constants.js'
import {type PlanCore, computePlan} from './plan.js'
import type {PlanInput, ResourceName} from './types.js'

/** AWS MSK's largest storage per broker: 16,384 GiB (kafka-facts.md, MSK limits). */
const LARGEST_BROKER_STORAGE_BYTES = 16_384 * 1024 ** 3

export interface Alternative {
  /** What changes, in words a user can act on. */
  change: string
  /** The flags that express it. */
  flags: string
  brokers: number
  partitions: number
  bindingResource: ResourceName
}

export function storageAlternatives(core: PlanCore): Alternative[] {
  if (core.bindingResource !== 'storage') return []
  const input = core.input
  const out: Alternative[] = []
  const from = (change: string, flags: string, variant: PlanInput): void => {
    const p = computePlan(variant)
    if (p.brokers < core.brokers) out.push({change, flags, brokers: p.brokers, partitions: p.partitions, bindingResource: p.bindingResource})
  }
  const perBroker = input.hardware.diskSizeBytes * input.hardware.disks
  if (perBroker < LARGEST_BROKER_STORAGE_BYTES) {
    const perDisk = LARGEST_BROKER_STORAGE_BYTES / input.hardware.disks
    from(
      `${(LARGEST_BROKER_STORAGE_BYTES / TB).toFixed(1)} TB per broker (MSK's maximum, 16,384 GiB)`,
      `--disk-size "${Math.floor(perDisk / 1024 ** 3)} GiB"${input.hardware.disks > 1 ? ` --disks ${input.hardware.disks}` : ''}`,
      {...input, hardware: {...input.hardware, diskSizeBytes: perDisk}},
    )
  }
  if (input.localRetentionMs === undefined && input.retentionMs > DAY_MS) {
    from('tiered storage: 1 day on local disks, the rest in object storage', '--local-retention 1d', {...input, localRetentionMs: DAY_MS})
  }
  return out
}
