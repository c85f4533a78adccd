// The hardware catalogue: built-in profiles (one file per vendor under ./profiles), merged with a user's
// own profiles, and lookup by name with "did you mean" suggestions.
import {UserError} from '../lib/errors.js'
import {AWS_EC2_PROFILES} from './profiles/aws-ec2.js'
import {AWS_MSK_PROFILES} from './profiles/aws-msk.js'
import {AZURE_PROFILES} from './profiles/azure.js'
import {CONFLUENT_PROFILES} from './profiles/confluent.js'
import {GCP_PROFILES} from './profiles/gcp.js'
import {GENERIC_PROFILES} from './profiles/generic.js'
import type {HardwareProfile} from './types.js'

export * from './types.js'

const BUILT_IN: readonly HardwareProfile[] = [
  ...GENERIC_PROFILES,
  ...AWS_MSK_PROFILES,
  ...AWS_EC2_PROFILES,
  ...GCP_PROFILES,
  ...AZURE_PROFILES,
  ...CONFLUENT_PROFILES,
].map((p) => ({...p, catalogue: 'built-in'}))

/** The built-in profiles followed by `extra` (a user catalogue): an extra profile replaces a built-in of the same name. */
export function listProfiles(extra: readonly HardwareProfile[] = []): HardwareProfile[] {
  const byName = new Map<string, HardwareProfile>()
  for (const p of [...BUILT_IN, ...extra]) byName.set(p.name.toLowerCase(), p)
  return [...byName.values()]
}

/** The profile with this name (case-insensitive), or undefined. */
export function findProfile(name: string, profiles: readonly HardwareProfile[] = listProfiles()): HardwareProfile | undefined {
  const wanted = name.trim().toLowerCase()
  return profiles.find((p) => p.name.toLowerCase() === wanted)
}

/** Levenshtein distance (insert, delete, substitute: cost 1 each). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0
  let previous = Array.from({length: b.length + 1}, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution))
    }
    previous = current
  }
  return previous[b.length]!
}

/**
 * Up to `max` names close to `name`: within an edit distance of a third of its length (at least 2), or
 * containing it (or contained in it) when it is at least 3 characters long. Closest first.
 */
export function suggestNames(name: string, names: readonly string[], max = 3): string[] {
  const wanted = name.trim().toLowerCase()
  if (wanted === '') return []
  const limit = Math.max(2, Math.floor(wanted.length / 3))
  const scored: Array<{name: string; score: number}> = []
  for (const candidate of names) {
    const lower = candidate.toLowerCase()
    const distance = editDistance(wanted, lower)
    if (distance <= limit) scored.push({name: candidate, score: distance})
    else if (wanted.length >= 3 && (lower.includes(wanted) || wanted.includes(lower))) scored.push({name: candidate, score: limit + 1 + Math.abs(lower.length - wanted.length) / 100})
  }
  scored.sort((x, y) => x.score - y.score || x.name.localeCompare(y.name))
  // A near miss (one or two edits) hides the looser matches: "m5.2xlarg" suggests m5.2xlarge, not m5.12xlarge.
  const best = scored[0]?.score ?? 0
  const cutoff = best <= 2 ? best : limit + 1
  return scored
    .filter((s) => s.score <= cutoff || best > limit)
    .slice(0, max)
    .map((s) => s.name)
}

/** The profile, or a usage error (exit 2) that names the closest profiles. `where` is the flag or argument. */
export function requireProfile(name: string, profiles: readonly HardwareProfile[], where: string): HardwareProfile {
  const found = findProfile(name, profiles)
  if (found) return found
  const close = suggestNames(name, profiles.map((p) => p.name))
  const didYouMean = close.length > 0 ? ` Did you mean ${close.map((c) => `"${c}"`).join(', ')}?` : ''
  throw new UserError(`${where}: no hardware profile named "${name}".${didYouMean}`, {
    suggestions: [
      ...close.map((c) => `${where.startsWith('--') ? `${where} ` : 'kafka-sizer hardware show '}${c}`),
      'list every profile with `kafka-sizer hardware list`',
    ],
  })
}

/** Vendors in catalogue order. */
export function vendors(profiles: readonly HardwareProfile[]): string[] {
  return [...new Set(profiles.map((p) => p.vendor))]
}
