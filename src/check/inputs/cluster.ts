// The cluster profile: from --cluster-file (a kafka-sizer plan file's `cluster:` or a topicctl cluster.yaml),
// else from the one plan file or topicctl cluster.yaml among the inputs, with flags on top (flags win).
import {UserError} from '../../lib/errors.js'
import type {ClusterProfile, InputProblem} from '../types.js'

/** Where each part comes from, in increasing precedence. */
export function mergeCluster(...parts: Array<Partial<ClusterProfile> | undefined>): ClusterProfile {
  const out: ClusterProfile = {brokerDefaults: {}, source: ''}
  const sources: string[] = []
  for (const part of parts) {
    if (part === undefined) continue
    const {brokerDefaults, hardware, source, pos, ...facts} = part
    let contributed = false
    for (const [key, value] of Object.entries(facts)) {
      if (value === undefined) continue
      ;(out as unknown as Record<string, unknown>)[key] = value
      contributed = true
    }
    if (hardware !== undefined && Object.keys(hardware).length > 0) {
      out.hardware = {...out.hardware, ...hardware}
      contributed = true
    }
    if (brokerDefaults !== undefined && Object.keys(brokerDefaults).length > 0) {
      out.brokerDefaults = {...out.brokerDefaults, ...brokerDefaults}
      contributed = true
    }
    if (pos !== undefined && out.pos === undefined) out.pos = pos
    if (source !== undefined && (contributed || pos !== undefined)) sources.push(source)
  }
  out.source = sources.length > 0 ? [...new Set(sources)].join(' + ') : 'none (no cluster file or flags)'
  return out
}

/**
 * The named catalogue profile's figures under the stated ones (file and flags), through the mapping `plan` uses
 * (withHardwareProfile), not a copy of it: a managed unit's client quotas (MSK Express, Confluent CKU) come with
 * the figures, so the capacity rules bound what `plan` bounds.
 */
export async function resolveClusterHardware(cluster: ClusterProfile): Promise<InputProblem | undefined> {
  if (cluster.hardwareProfile === undefined) return undefined
  const {withHardwareProfile} = await import('../../services/hardware-profile.js')
  try {
    const {hardware} = await withHardwareProfile({hardware: cluster.hardware}, {hardwareProfile: cluster.hardwareProfile})
    const figures = {...hardware}
    delete figures.name
    cluster.hardware = figures
    return undefined
  } catch (error) {
    if (!(error instanceof UserError)) throw error
    // An unknown name (plan --file rejects it): reported where it is written; the stated figures stay, and the
    // rules that need the missing ones say "not evaluated".
    const pos = cluster.hardwareProfilePos ?? cluster.pos ?? {file: cluster.planFile ?? cluster.source, line: 1, column: 1}
    // The service words it for the --hardware flag; in a file, the key is what to fix.
    const advice = error.suggestions.filter((s) => !s.startsWith('--'))
    const hint = advice.length > 0 ? ` (${advice.join('; ')})` : ''
    return {...pos, severity: 'error', message: `cluster.hardware: ${error.message.replace(/^--hardware: /, '')}${hint}`}
  }
}

export interface ClusterCandidate {
  profile: Partial<ClusterProfile>
  /** "plan file" or "topicctl cluster config", for the message when there are several. */
  what: string
  file: string
}

/**
 * The profile from the inputs themselves, when there is exactly one candidate; with several (a repo of many
 * clusters) none is used, and an info problem says to pick one with --cluster-file.
 */
export function clusterFromInputs(candidates: ClusterCandidate[]): {profile?: Partial<ClusterProfile>; problems: InputProblem[]} {
  if (candidates.length === 0) return {problems: []}
  if (candidates.length === 1) return {profile: candidates[0]!.profile, problems: []}
  const first = candidates[0]!
  const files = candidates.map((c) => c.file)
  const shown = files.length > 4 ? `${files.slice(0, 4).join(', ')} and ${files.length - 4} more` : files.join(', ')
  return {
    problems: [
      {
        file: first.file,
        line: first.profile.pos?.line ?? 1,
        column: first.profile.pos?.column ?? 1,
        severity: 'info',
        message: `${candidates.length} cluster definitions among the inputs (${shown}); none was used as the cluster profile: name one with --cluster-file`,
      },
    ],
  }
}
