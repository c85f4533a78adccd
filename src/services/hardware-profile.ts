// Hardware profiles for the sizing commands: the built-in catalogue plus a user's catalogue file (YAML or
// JSON, validated by a schema, errors naming file:line and field), and the merge of a profile into a
// request: explicit hardware flags win, a calibration profile's disk figure wins, the catalogue fills the rest.
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {HARDWARE_FIELDS, type HardwareField, type HardwareProfile, listProfiles, requireProfile, suggestNames} from '../catalogue/index.js'
import {UserError} from '../lib/errors.js'
import {ioReason} from '../lib/io-errors.js'
import {partitionReplicasForCores} from '../model/constants.js'
import type {PlanRequest} from '../model/inputs.js'
import type {Hardware} from '../model/types.js'
import {loadQuantityParser, parseCount} from '../units/quantity.js'
import {profilePrices} from './profile-prices.js'

export interface HardwareProfileOptions {
  /** A catalogue profile name (--hardware). */
  hardwareProfile?: string
  /** A user catalogue file (--catalogue), YAML or JSON. */
  cataloguePath?: string
}

export interface ResolvedHardwareProfile {
  profile: HardwareProfile
  /** The profile's figures (all of them) and its name. */
  hardware: Partial<Hardware> & {name: string}
  /** The source of each figure, keyed by Hardware field, plus "name" for the profile itself. */
  sources: Record<string, string>
}

/** Every profile: built-in, then the user catalogue's (which replace built-ins of the same name). */
export async function loadProfiles(cataloguePath?: string): Promise<HardwareProfile[]> {
  return listProfiles(cataloguePath === undefined ? [] : await readCatalogue(cataloguePath))
}

export async function resolveHardwareProfile(name: string, cataloguePath?: string, where = '--hardware'): Promise<ResolvedHardwareProfile> {
  const profile = requireProfile(name, await loadProfiles(cataloguePath), where)
  const origin = profile.catalogue === 'built-in' ? 'kafka-sizer catalogue' : `catalogue ${profile.catalogue}`
  const sources: Record<string, string> = {name: `${origin}: ${profile.description}`}
  for (const field of HARDWARE_FIELDS) sources[field] = `${profile.name} (${origin}): ${profile.sources[field] ?? 'no source given'}`
  return {profile, hardware: {name: profile.name, ...profile.hardware}, sources}
}

/**
 * The request with the profile's figures under the ones the user stated. A figure given by a flag keeps
 * the flag's value; with a calibration profile the measured disk throughput replaces the catalogue's.
 * Figures taken from the catalogue are named in `hardwareSources`, so that the assumptions cite them.
 */
export async function withHardwareProfile(request: PlanRequest, options: HardwareProfileOptions): Promise<PlanRequest> {
  if (options.hardwareProfile === undefined) {
    // A catalogue without --hardware: still read it, so that a broken file is reported.
    if (options.cataloguePath !== undefined) await readCatalogue(options.cataloguePath)
    return request
  }
  const resolved = await resolveHardwareProfile(options.hardwareProfile, options.cataloguePath)
  const stated = request.hardware ?? {}
  const hardware: NonNullable<PlanRequest['hardware']> = {...stated}
  const hardwareSources: Record<string, string> = {name: resolved.sources.name!}
  const overridden: HardwareField[] = []
  for (const field of HARDWARE_FIELDS) {
    if (stated[field] !== undefined) {
      overridden.push(field)
      continue
    }
    if (field === 'diskThroughputBytesPerSec' && request.calibration !== undefined) continue
    hardware[field] = resolved.profile.hardware[field]
    hardwareSources[field] = resolved.sources[field]!
  }
  // A managed unit's published client quotas bound its ingress and egress as well as the mapped figures.
  const quotas = [
    ['clientIngressBytesPerSec', resolved.profile.limits?.ingressBytesPerSec, 'limits.ingressBytesPerSec'],
    ['clientEgressBytesPerSec', resolved.profile.limits?.egressBytesPerSec, 'limits.egressBytesPerSec'],
  ] as const
  for (const [field, value, sourceKey] of quotas) {
    if (value === undefined || stated[field] !== undefined) continue
    hardware[field] = value
    hardwareSources[field] = `${resolved.profile.name}: ${resolved.profile.sources[sourceKey] ?? 'no source given'}`
  }
  hardware.name = overridden.length === 0 ? resolved.profile.name : `${resolved.profile.name}, with ${overridden.length} figure(s) from flags`
  // The entry's prices price the brokers, their storage and the transfer, unless the user's prices say otherwise.
  return {...request, hardware, hardwareSources, ...profilePrices(request, resolved.profile)}
}

// --- `hardware list` and `hardware show` ------------------------------------------------------------

export interface HardwareListResult {
  profiles: HardwareProfile[]
}

export async function listHardwareService(options: {vendor?: string; cataloguePath?: string}): Promise<HardwareListResult> {
  const profiles = await loadProfiles(options.cataloguePath)
  if (options.vendor === undefined) return {profiles}
  const wanted = options.vendor.trim().toLowerCase()
  const known = [...new Set(profiles.map((p) => p.vendor))]
  if (!known.some((v) => v.toLowerCase() === wanted)) {
    const close = suggestNames(wanted, known)
    throw new UserError(`--vendor: no profiles of vendor "${options.vendor}".${close.length > 0 ? ` Did you mean ${close.map((c) => `"${c}"`).join(', ')}?` : ''} Vendors: ${known.join(', ')}`, {
      suggestions: [...close.map((c) => `kafka-sizer hardware list --vendor ${c}`), 'kafka-sizer hardware list'],
    })
  }
  return {profiles: profiles.filter((p) => p.vendor.toLowerCase() === wanted)}
}

export async function showHardwareService(name: string, cataloguePath?: string): Promise<HardwareProfile> {
  return requireProfile(name, await loadProfiles(cataloguePath), 'hardware show')
}

// --- User catalogue files ------------------------------------------------------------------------

type Path = ReadonlyArray<string | number>

const QUANTITY_FIELDS = {
  diskThroughputBytesPerSec: 'byteRate',
  diskSizeBytes: 'size',
  networkBitsPerSec: 'bandwidth',
  memoryBytes: 'size',
} as const

/** "profiles[0].hardware.cores" */
function formatPath(p: Path): string {
  return p.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('') || '(top level)'
}

/** Reads and validates a user catalogue; every profile's `catalogue` is its path (relative to cwd when inside it). */
export async function readCatalogue(file: string): Promise<HardwareProfile[]> {
  const relative = path.relative(process.cwd(), file)
  const shown = relative === '' ? file : relative.startsWith('..') ? path.resolve(file) : relative
  const fail = (where: string, message: string): never => {
    throw new UserError(`--catalogue: ${where}: ${message}`, {
      suggestions: ['see the catalogue format under "Hardware catalogue" in the README (`profiles:`, each with name and hardware figures)'],
    })
  }
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    const why = ioReason(error)
    return fail(shown, why)
  }

  const {LineCounter, parseDocument, isMap, isScalar} = await import('yaml')
  const lineCounter = new LineCounter()
  // YAML 1.2 is a superset of JSON: one parser for both, with line numbers for either.
  const doc = parseDocument(text, {lineCounter, prettyErrors: false, uniqueKeys: true})
  if (doc.errors.length > 0) {
    const first = doc.errors[0]!
    const line = first.linePos?.[0]?.line
    return fail(`${shown}${line ? `:${line}` : ''}`, `not valid YAML or JSON (${first.message.split('\n')[0]})`)
  }
  const data: unknown = doc.toJS()

  type Ranged = {range?: [number, number, number]} | null | undefined
  /** The line of `key` in the map at `parent`, when both exist. */
  const keyLine = (parent: Path, key: string | number): number | undefined => {
    const node = doc.getIn(parent, true) as Ranged
    if (!isMap(node)) return undefined
    const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(key))
    const keyNode = pair?.key as Ranged
    return keyNode?.range ? lineCounter.linePos(keyNode.range[0]).line : undefined
  }
  /** The line of `p` (or of `key` under it); a missing field reports the line of its deepest existing parent. */
  const lineOf = (p: Path, key?: string): number | undefined => {
    if (key !== undefined) {
      const line = keyLine(p, key)
      if (line !== undefined) return line
    }
    for (let n = p.length; n >= 0; n--) {
      const node = doc.getIn(p.slice(0, n), true) as Ranged
      if (node === undefined || node === null) continue
      const last = p[n - 1]
      if (n > 0 && typeof last === 'string') {
        const line = keyLine(p.slice(0, n - 1), last)
        if (line !== undefined) return line
      }
      if (node.range) return lineCounter.linePos(node.range[0]).line
    }
    return undefined
  }
  const at = (p: Path, key?: string): string => {
    const line = lineOf(p, key)
    return `${shown}${line ? `:${line}` : ''}: ${formatPath(key === undefined ? p : [...p, key])}`
  }

  const root: Path = Array.isArray(data) ? [] : ['profiles']
  const entries = Array.isArray(data) ? data : (data as {profiles?: unknown} | null)?.profiles
  if (data === null || data === undefined) return fail(shown, 'the file is empty; expected `profiles:` with a list of hardware profiles')
  if (!Array.isArray(entries)) return fail(at([]), 'expected `profiles:` with a list of hardware profiles (or a top-level list)')
  if (!Array.isArray(data)) {
    const extra = Object.keys(data as object).filter((k) => k !== 'profiles')
    if (extra.length > 0) return fail(at([], extra[0]), `unknown key "${extra[0]}"; a catalogue holds only \`profiles:\``)
  }

  const {z} = await import('zod')
  const figure = (example: string) =>
    z.union([z.number().positive(), z.string().min(1)], {error: `expected a positive number in base units or a quantity such as "${example}"`})
  const count = z.union([z.number().int().positive(), z.string().min(1)], {error: 'expected a whole number greater than zero, such as 4'})
  const positive = z.number().positive()
  const entrySchema = z.strictObject({
    name: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'expected a lower-case name of letters, digits, ".", "_" and "-", such as "onprem-r740"'),
    vendor: z.string().min(1).default('custom'),
    kind: z.enum(['broker', 'capacity-target']).default('broker'),
    description: z.string().default(''),
    hardware: z.strictObject({
      diskThroughputBytesPerSec: figure('250 MiB/s'),
      diskSizeBytes: figure('2 TB'),
      disks: count,
      networkBitsPerSec: figure('10 Gbit/s'),
      cores: count,
      memoryBytes: figure('32 GiB'),
      maxPartitionReplicas: count.optional(),
    }),
    limits: z.strictObject({ingressBytesPerSec: figure('60 MB/s').optional(), egressBytesPerSec: figure('180 MB/s').optional(), partitions: count.optional()}).optional(),
    priceUsdPerHour: positive.optional(),
    priceDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD').optional(),
    priceRegion: z.string().min(1).optional(),
    storagePriceUsdPerGbMonth: positive.optional(),
    // 0 is a price: a vendor that bills nothing for crossing zones (Azure) is priced, not unknown.
    transferUsdPerGb: z.number({error: 'expected a price of 0 or more USD per GB'}).nonnegative('expected a price of 0 or more USD per GB').optional(),
    replicationTransferBilled: z.boolean({error: 'expected true or false'}).optional(),
    notes: z.array(z.string()).optional(),
    sources: z.record(z.string(), z.string().min(1)).optional(),
  })
  type Entry = ReturnType<typeof entrySchema.parse>

  const parsed: Array<{entry: Entry; p: Path}> = []
  for (const [i, raw] of entries.entries()) {
    const p: Path = [...root, i]
    const result = entrySchema.safeParse(raw)
    if (!result.success) {
      const issue = result.error.issues[0]!
      const issuePath = [...p, ...(issue.path as Array<string | number>)]
      const unknownKey = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined
      const value = (issue.path as Array<string | number>).reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined), raw)
      const missing = unknownKey === undefined && value === undefined
      const message = unknownKey !== undefined ? `unknown field "${unknownKey}"` : missing ? 'missing' : issue.message
      return fail(unknownKey !== undefined ? at(issuePath, unknownKey) : at(issuePath), message)
    }
    parsed.push({entry: result.data, p})
  }

  const seen = new Map<string, number>()
  for (const [i, {entry, p}] of parsed.entries()) {
    const before = seen.get(entry.name)
    if (before !== undefined) return fail(at([...p, 'name']), `"${entry.name}" is already defined by ${formatPath([...root, before])}`)
    seen.set(entry.name, i)
  }

  const needsUnits = parsed.some(({entry}) => [...Object.values(entry.hardware), ...Object.values(entry.limits ?? {})].some((v) => typeof v === 'string'))
  const units = needsUnits ? await loadQuantityParser() : undefined
  const quantity = (value: number | string, kind: 'byteRate' | 'size' | 'bandwidth', p: Path): number =>
    typeof value === 'number' ? value : units![kind](value, `--catalogue: ${at(p)}`)
  const whole = (value: number | string, p: Path): number => (typeof value === 'number' ? value : parseCount(value, `--catalogue: ${at(p)}`))

  return parsed.map(({entry, p}) => {
    const hw = entry.hardware
    const hp = [...p, 'hardware']
    const cores = whole(hw.cores, [...hp, 'cores'])
    const byCores = partitionReplicasForCores(cores)
    const hardware = {
      diskThroughputBytesPerSec: quantity(hw.diskThroughputBytesPerSec, QUANTITY_FIELDS.diskThroughputBytesPerSec, [...hp, 'diskThroughputBytesPerSec']),
      diskSizeBytes: quantity(hw.diskSizeBytes, QUANTITY_FIELDS.diskSizeBytes, [...hp, 'diskSizeBytes']),
      disks: whole(hw.disks, [...hp, 'disks']),
      networkBitsPerSec: quantity(hw.networkBitsPerSec, QUANTITY_FIELDS.networkBitsPerSec, [...hp, 'networkBitsPerSec']),
      cores,
      memoryBytes: quantity(hw.memoryBytes, QUANTITY_FIELDS.memoryBytes, [...hp, 'memoryBytes']),
      maxPartitionReplicas: hw.maxPartitionReplicas === undefined ? byCores.value : whole(hw.maxPartitionReplicas, [...hp, 'maxPartitionReplicas']),
    }
    const lp = [...p, 'limits']
    const limits =
      entry.limits === undefined
        ? undefined
        : {
            ...(entry.limits.ingressBytesPerSec === undefined ? {} : {ingressBytesPerSec: quantity(entry.limits.ingressBytesPerSec, 'byteRate', [...lp, 'ingressBytesPerSec'])}),
            ...(entry.limits.egressBytesPerSec === undefined ? {} : {egressBytesPerSec: quantity(entry.limits.egressBytesPerSec, 'byteRate', [...lp, 'egressBytesPerSec'])}),
            ...(entry.limits.partitions === undefined ? {} : {partitions: whole(entry.limits.partitions, [...lp, 'partitions'])}),
          }
    const unsourced = `${shown}, profile ${entry.name} (no source given)`
    const sources: Record<string, string> = {}
    for (const field of HARDWARE_FIELDS) sources[field] = entry.sources?.[field] ?? unsourced
    if (hw.maxPartitionReplicas === undefined && entry.sources?.maxPartitionReplicas === undefined) sources.maxPartitionReplicas = `${byCores.source} (not given in ${shown})`
    for (const key of Object.keys(limits ?? {})) sources[`limits.${key}`] = entry.sources?.[`limits.${key}`] ?? unsourced
    if (entry.priceUsdPerHour !== undefined) sources.priceUsdPerHour = entry.sources?.priceUsdPerHour ?? unsourced
    if (entry.storagePriceUsdPerGbMonth !== undefined) sources.storagePriceUsdPerGbMonth = entry.sources?.storagePriceUsdPerGbMonth ?? unsourced
    if (entry.transferUsdPerGb !== undefined) sources.transferUsdPerGb = entry.sources?.transferUsdPerGb ?? unsourced
    if (entry.replicationTransferBilled !== undefined) sources.replicationTransferBilled = entry.sources?.replicationTransferBilled ?? unsourced
    for (const key of Object.keys(entry.sources ?? {})) if (!(key in sources)) fail(at([...p, 'sources'], key), `"${key}" is not a figure of this profile`)
    const profile: HardwareProfile = {
      name: entry.name,
      vendor: entry.vendor,
      kind: entry.kind,
      description: entry.description || `${entry.name} (from ${shown})`,
      hardware,
      ...(limits === undefined ? {} : {limits}),
      ...(entry.priceUsdPerHour === undefined ? {} : {priceUsdPerHour: entry.priceUsdPerHour}),
      ...(entry.priceDate === undefined ? {} : {priceDate: entry.priceDate}),
      ...(entry.priceRegion === undefined ? {} : {priceRegion: entry.priceRegion}),
      ...(entry.storagePriceUsdPerGbMonth === undefined ? {} : {storagePriceUsdPerGbMonth: entry.storagePriceUsdPerGbMonth}),
      ...(entry.transferUsdPerGb === undefined ? {} : {transferUsdPerGb: entry.transferUsdPerGb}),
      ...(entry.replicationTransferBilled === undefined ? {} : {replicationTransferBilled: entry.replicationTransferBilled}),
      ...(entry.notes === undefined ? {} : {notes: entry.notes}),
      sources,
      catalogue: shown,
    }
    return profile
  })
}
