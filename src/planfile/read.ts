// Reads a cluster plan file (YAML, or JSON read as YAML 1.2, its superset) into the PlanFile contract.
// Every problem names file:line:col of the offending node and its path (topics[2].throughput); up to
// MAX_PROBLEMS are reported together, as one usage error (exit 2).
import {readFile} from 'node:fs/promises'
import nodePath from 'node:path'
import type {Document, LineCounter, Node as YamlNode} from 'yaml'
import type {z} from 'zod'
import {type HardwareProfile, listProfiles} from '../catalogue/index.js'
import {UserError} from '../lib/errors.js'
import {loadQuantityParser} from '../units/quantity.js'
import {type CheckInput, crossChecks, type Path, type Problem} from './checks.js'
import {knownKeysAt, type ParsedCluster, type ParsedTopic, planFileParts, planFileSchema, show} from './schema.js'
import {closest} from './suggest.js'
import {toClusterSpec, toTopicSpec} from './to-spec.js'
import type {PlanFile} from './types.js'

export {planFileJsonSchema} from './schema.js'

/** Problems reported together; the rest are counted. */
export const MAX_PROBLEMS = 10

const SUGGESTIONS = ['see "Cluster plan files" in the README for the format; `kafka-sizer init` writes a commented starter file']

export interface ReadPlanFileOptions {
  /** Hardware profiles that `cluster.hardware` may name. Default: the built-in catalogue. */
  profiles?: readonly HardwareProfile[]
  /** A user catalogue (as --catalogue) whose profiles `cluster.hardware` may also name; ignored with `profiles`. */
  cataloguePath?: string
}

/** "topics[2].throughput"; the root is "(top level)". */
export function formatPath(path: Path): string {
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('') || '(top level)'
}

/** The path for messages: relative to the working directory when inside it, else absolute. */
function displayPath(file: string): string {
  const relative = nodePath.relative(process.cwd(), file)
  return relative === '' ? file : relative.startsWith('..') || nodePath.isAbsolute(relative) ? nodePath.resolve(file) : relative
}

interface Position {
  line: number
  col: number
}

interface Located extends Problem {
  /** Point at the key rather than the value (unknown keys). */
  atKey?: boolean
  /** For an unknown key: the known key it is probably a misspelling of. */
  suggested?: string
}

const MISSING = 'missing (required)'

export async function readPlanFile(file: string, options: ReadPlanFileOptions = {}): Promise<PlanFile> {
  const shown = displayPath(file)
  const fail = (message: string): never => {
    throw new UserError(message, {suggestions: SUGGESTIONS})
  }

  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a directory, not a plan file'
          : code === 'EACCES'
            ? 'permission denied'
            : (error as Error).message
    throw new UserError(`${shown}: ${why}`, {suggestions: ['write a starter plan file with `kafka-sizer init` (or `kafka-sizer init --preset twitter`)']})
  }
  if (text.trim() === '') return fail(`${shown}: the file is empty; expected "version: 1", "cluster:" and "topics:"`)

  const {LineCounter: Counter, parseDocument, isMap, isScalar, isSeq} = await import('yaml')
  const lineCounter: LineCounter = new Counter()
  const doc: Document = parseDocument(text, {lineCounter, prettyErrors: false, uniqueKeys: true})
  if (doc.errors.length > 0) {
    const first = doc.errors[0]!
    const {line, col} = lineCounter.linePos(first.pos[0])
    const more = doc.errors.length > 1 ? ` (${doc.errors.length - 1} more syntax error(s) may follow from this one)` : ''
    const message = first.code === 'DUPLICATE_KEY' ? 'the same key appears twice in one mapping' : first.message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, '')
    return fail(`${shown}:${line}:${col}: not valid YAML or JSON: ${message}${more}`)
  }
  const data: unknown = doc.toJS({maxAliasCount: 1000})
  if (data === null || data === undefined) return fail(`${shown}: the file has no content (only comments?); expected "version: 1", "cluster:" and "topics:"`)
  if (typeof data !== 'object' || Array.isArray(data)) {
    return fail(`${shown}:1:1: expected a mapping with "version: 1", "cluster:" and "topics:", not ${show(data)}`)
  }

  // --- Positions -------------------------------------------------------------------------------------
  const keyText = (key: unknown): string => (isScalar(key) ? String(key.value) : String(key))
  const positionOf = (node: unknown): Position | undefined => {
    const range = (node as YamlNode | null | undefined)?.range
    return range ? lineCounter.linePos(range[0]) : undefined
  }
  /** The position of `path`: its value (or key), or for a path that does not exist, its deepest existing parent. */
  const locate = (path: Path, atKey = false): Position | undefined => {
    let node: unknown = doc.contents
    let key: unknown
    let depth = 0
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => keyText(item.key) === String(segment))
        if (pair === undefined) break
        key = pair.key
        node = pair.value
      } else if (isSeq(node) && typeof segment === 'number' && segment < node.items.length) {
        key = undefined
        node = node.items[segment]
      } else break
      depth++
    }
    const complete = depth === path.length
    if (complete && !atKey) return positionOf(node) ?? positionOf(key)
    // An unknown key, or a missing field: the key of the mapping it belongs to ("cluster:"), or its start.
    return positionOf(key) ?? positionOf(node) ?? {line: 1, col: 1}
  }
  const lineOf = (path: Path) => locate(path)?.line

  // "cluster:" with every field commented out is YAML null: the same as no cluster section.
  if ((data as {cluster?: unknown}).cluster === null) delete (data as {cluster?: unknown}).cluster

  // --- Structure and values (zod, with quantities parsed by the units module) ----------------------------
  const units = await loadQuantityParser()
  const schema = planFileSchema(units)
  const result = schema.safeParse(data, {reportInput: true})
  const problems: Located[] = result.success ? [] : issueProblems(result.error.issues, schema)

  // --- Cross-field checks, on the parts that are valid -------------------------------------------------
  const raw = data as {cluster?: unknown; topics?: unknown}
  let cluster: Partial<ParsedCluster> | undefined
  const topics: CheckInput['topics'] = []
  if (result.success) {
    cluster = result.data.cluster
    result.data.topics.forEach((t, index) => topics.push({index, complete: true, spec: toTopicSpec(t, lineOf(['topics', index]))}))
  } else {
    // Keep every valid field, so that the checks below report alongside the problems above.
    const parts = planFileParts(units)
    cluster = salvage(parts.cluster, raw.cluster ?? {}) as Partial<ParsedCluster> | undefined
    if (Array.isArray(raw.topics)) {
      raw.topics.forEach((t: unknown, index) => {
        const fields = salvage(parts.topic, t) as Partial<ParsedTopic> | undefined
        if (fields?.name !== undefined) topics.push({index, complete: false, spec: toTopicSpec(fields as ParsedTopic, lineOf(['topics', index]))})
      })
    }
  }
  const names = Array.isArray(raw.topics) ? raw.topics.map((t: unknown) => (t !== null && typeof t === 'object' ? (t as {name?: unknown}).name : undefined)) : []
  const profiles = options.profiles ?? (options.cataloguePath === undefined ? listProfiles() : await loadCatalogue(options.cataloguePath))
  problems.push(...crossChecks({cluster, topics, names, profiles, lineOf}))

  if (problems.length > 0) {
    const lines = problems
      .map((p) => {
        const pos = locate(p.path, p.atKey)
        return {pos, text: `${shown}${pos ? `:${pos.line}:${pos.col}` : ''}: ${formatPath(p.path)}: ${p.message}`}
      })
      .sort((a, b) => (a.pos?.line ?? 0) - (b.pos?.line ?? 0) || (a.pos?.col ?? 0) - (b.pos?.col ?? 0))
      .map((l) => l.text)
      .filter((l, i, all) => all.indexOf(l) === i)
    if (lines.length === 1) return fail(lines[0]!)
    const shownLines = lines.slice(0, MAX_PROBLEMS)
    const rest = lines.length > MAX_PROBLEMS ? `\n  … and ${lines.length - MAX_PROBLEMS} more` : ''
    return fail(`${shown}: ${lines.length} problems:\n  ${shownLines.join('\n  ')}${rest}`)
  }

  const parsed = result.data!
  return {path: file, version: 1, cluster: toClusterSpec(parsed.cluster), topics: topics.map((t) => t.spec)}
}

/** The fields of `value` (a mapping) that parse on their own, with defaults for absent ones. */
export function salvage(shape: Record<string, z.ZodType>, value: unknown): Record<string, unknown> | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined
  const out: Record<string, unknown> = {}
  for (const [key, field] of Object.entries(shape)) {
    const r = field.safeParse((value as Record<string, unknown>)[key])
    if (r.success && r.data !== undefined) out[key] = r.data
  }
  return out
}

async function loadCatalogue(cataloguePath: string): Promise<HardwareProfile[]> {
  const {loadProfiles} = await import('../services/hardware-profile.js')
  return loadProfiles(cataloguePath)
}

// --- zod issues to problems ------------------------------------------------------------------------------

type Issue = z.core.$ZodIssue
const ROOT_MISMATCH = new Set(['invalid_type', 'invalid_value'])

/**
 * A union's failure as the problems of the one option that matched the value's shape (a mapping given for
 * "name or mapping": that mapping's problems); otherwise the union's own message.
 */
function flatten(issues: readonly Issue[], prefix: Path = []): Array<Issue & {fullPath: Path}> {
  const out: Array<Issue & {fullPath: Path}> = []
  for (const issue of issues) {
    const fullPath = [...prefix, ...(issue.path as Array<string | number>)]
    if (issue.code === 'invalid_union') {
      const matching = issue.errors.filter((option) => !option.some((i) => i.path.length === 0 && ROOT_MISMATCH.has(i.code)))
      if (matching.length === 1) {
        out.push(...flatten(matching[0]!, fullPath))
        continue
      }
    }
    out.push({...issue, fullPath})
  }
  return out
}

const NOUNS: Record<string, string> = {
  string: 'a text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'a mapping',
  array: 'a list',
}

function issueProblems(issues: readonly Issue[], schema: unknown): Located[] {
  const problems: Located[] = []
  for (const issue of flatten(issues)) {
    const input = (issue as {input?: unknown}).input
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeysAt(schema, issue.fullPath)
      for (const key of issue.keys) {
        const suggested = closest(key, known)
        const hint = suggested !== undefined ? `; did you mean "${suggested}"?` : known.length > 0 && known.length <= 8 ? `; the keys here are ${known.join(', ')}` : ''
        problems.push({path: [...issue.fullPath, key], atKey: true, suggested, message: `unknown key${hint}`})
      }
      continue
    }
    let message = issue.message
    if ((issue.code === 'invalid_type' || issue.code === 'invalid_union') && input === undefined) message = MISSING
    else if (issue.code === 'invalid_type' && message.startsWith('Invalid input')) message = `expected ${NOUNS[issue.expected] ?? issue.expected}, not ${show(input)}`
    else if (message === 'Invalid input') message = `${show(input)} has the wrong form`
    problems.push({path: issue.fullPath, message})
  }
  // A misspelt required key is one problem, not two: drop "every: missing" next to "evry: did you mean every".
  const misspelt = new Set(problems.filter((p) => p.suggested !== undefined).map((p) => formatPath([...p.path.slice(0, -1), p.suggested!])))
  return problems.filter((p) => !(p.message === MISSING && misspelt.has(formatPath(p.path))))
}
