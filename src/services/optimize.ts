// Optimize: the cluster of a plan file on every catalogue profile (× disk counts when asked), ranked by
// monthly cost where prices are known, else by broker count; each candidate with its binding resource.
import {UserError} from '../lib/errors.js'
import type {ResourceName} from '../model/types.js'
import type {Scenario} from '../model/brokers.js'
import type {PlanFile} from '../planfile/types.js'
import {clusterPlanFromFile} from './cluster-plan.js'
import type {PlanCost} from './plan.js'
import {loadProfiles} from './hardware-profile.js'

export interface OptimizeOptions {
  cataloguePath?: string
  vendor?: string
  /** Disk counts per broker to try (default: each profile's own). */
  disks?: number[]
  /** How many candidates to return. */
  top: number
}

export interface Candidate {
  rank: number
  profile: string
  vendor: string
  disks: number
  brokers: number
  cores: number
  bindingResource: ResourceName
  bindingScenario: Scenario
  partitions: number
  monthlyUsd: number | null
  cost?: PlanCost
}

export interface OptimizeResult {
  file: string
  failurePolicy: string
  candidates: Candidate[]
  /** Profiles evaluated; those that could not host the plan are listed with the reason. */
  evaluated: number
  skipped: Array<{profile: string; reason: string}>
  warnings: string[]
}

export async function optimizeService(file: string, options: OptimizeOptions): Promise<OptimizeResult> {
  const {readPlanFile} = await import('../planfile/read.js')
  const pf = await readPlanFile(file, {cataloguePath: options.cataloguePath})
  const profiles = (await loadProfiles(options.cataloguePath)).filter((p) => p.kind === 'broker' && (options.vendor === undefined || p.vendor === options.vendor))
  if (profiles.length === 0) throw new UserError(`--vendor: no broker profiles from "${options.vendor}"`, {suggestions: ['see the vendors with `kafka-sizer hardware list`']})
  const rows: Omit<Candidate, 'rank'>[] = []
  const skipped: OptimizeResult['skipped'] = []
  for (const p of profiles) {
    for (const disks of options.disks ?? [p.hardware.disks]) {
      // The candidate's hardware replaces the file's; the broker count is sized, never fixed.
      const variant: PlanFile = {...pf, cluster: {...pf.cluster, hardwareProfile: p.name, hardware: disks === p.hardware.disks ? undefined : {disks}, brokers: undefined}}
      try {
        const r = await clusterPlanFromFile(variant, {cataloguePath: options.cataloguePath})
        rows.push({
          profile: p.name,
          vendor: p.vendor,
          disks,
          brokers: r.brokers,
          cores: p.hardware.cores,
          bindingResource: r.bindingResource,
          bindingScenario: r.bindingScenario,
          partitions: r.partitions.total,
          monthlyUsd: r.cost?.brokersUsd === null || r.cost === undefined ? null : r.cost.monthlyUsd,
          ...(r.cost ? {cost: r.cost} : {}),
        })
      } catch (error) {
        skipped.push({profile: `${p.name} × ${disks} disk(s)`, reason: (error as Error).message})
      }
    }
  }
  // Priced candidates by cost; then the unpriced ones by brokers, then total vCPUs (a proxy for size).
  rows.sort((a, b) => {
    if ((a.monthlyUsd === null) !== (b.monthlyUsd === null)) return a.monthlyUsd === null ? 1 : -1
    if (a.monthlyUsd !== null && b.monthlyUsd !== null && a.monthlyUsd !== b.monthlyUsd) return a.monthlyUsd - b.monthlyUsd
    return a.brokers - b.brokers || a.brokers * a.cores - b.brokers * b.cores
  })
  const warnings: string[] = []
  if (rows.every((r) => r.monthlyUsd === null)) {
    warnings.push('no candidate has a price, so the ranking is by broker count: give a catalogue (--catalogue) whose profiles have priceUsdPerHour to rank by cost')
  }
  // A priced candidate whose storage (say) has no price is cheaper on paper than it is: say which.
  const partial = rows.slice(0, options.top).filter((r) => r.monthlyUsd !== null && (r.cost?.unpriced.length ?? 0) > 0)
  if (partial.length > 0) {
    const parts = [...new Set(partial.flatMap((r) => r.cost!.unpriced))].join(', ')
    warnings.push(`the monthly cost of ${partial.map((r) => r.profile).join(', ')} leaves out ${parts} (no price), so it is a lower bound; price it in the plan file (cluster prices) or a catalogue to compare like with like`)
  }
  return {
    file: pf.path,
    failurePolicy: pf.cluster.failurePolicy,
    candidates: rows.slice(0, options.top).map((r, i) => ({rank: i + 1, ...r})),
    evaluated: rows.length + skipped.length,
    skipped,
    warnings,
  }
}
