// The rules file of `kafka-sizer check` (.kafka-sizer-check.yaml in the working directory, or --rules FILE):
// --fail-on, a severity per rule, overrides per topic pattern, file pattern and environment, and the rule
// policy. Every problem names file:line:col (usage error, exit 2).
import {readFile} from 'node:fs/promises'
import nodePath from 'node:path'
import {type Document, isMap, isScalar, LineCounter, parseDocument} from 'yaml'
import type {z} from 'zod'
import {UserError} from '../lib/errors.js'
import {ioReason} from '../lib/io-errors.js'
import {closest} from '../planfile/suggest.js'
import type {RuleMeta, Severity} from './types.js'

export const DEFAULT_RULES_FILE = '.kafka-sizer-check.yaml'
export const SEVERITY_SETTINGS = ['error', 'warning', 'info', 'off'] as const
export type SeveritySetting = (typeof SEVERITY_SETTINGS)[number]

/** A topic name or file path pattern: a glob (`payments.*`, `legacy/**`) or a regular expression (`/^pay/i`). */
export type Matcher = (name: string) => boolean

export interface RulesOverride {
  topics?: Matcher
  files?: Matcher
  environments?: string[]
  rules: Record<string, SeveritySetting>
}

export interface RulesConfig {
  /** The file read (as given or found), if any. */
  file?: string
  failOn?: 'error' | 'warning'
  /** Severity per rule id, for every topic. */
  rules: Record<string, SeveritySetting>
  overrides: RulesOverride[]
  /** The `policy:` section, validated with the rules' policy schema (undefined when absent). */
  policy?: unknown
}

export interface ReadRulesOptions {
  /** Every rule a setting may name (by id or name). */
  rules: readonly RuleMeta[]
  /** Validates `policy:`. */
  policySchema?: z.ZodType
  cwd?: string
}

const TOP_KEYS = ['failOn', 'rules', 'overrides', 'policy']
const OVERRIDE_KEYS = ['topics', 'files', 'environments', 'rules']
const SUGGESTIONS = ['see "Rules file" in the README; `kafka-sizer check --list-rules` lists every rule id']

/** Glob to RegExp: `**` any characters, `*` any but "/", `?` one, `{a,b}` either; matched against the whole name. */
export function globToRegExp(glob: string): RegExp {
  let re = ''
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!
    if (c === '*' && glob[i + 1] === '*') {
      re += '.*'
      i++
      if (glob[i + 1] === '/') i++
    } else if (c === '*') re += '[^/]*'
    else if (c === '?') re += '[^/]'
    else if (c === '{') re += '(?:'
    else if (c === '}') re += ')'
    else if (c === ',' && re.includes('(?:')) re += '|'
    else re += c.replace(/[.+^$()|[\]\\]/g, '\\$&')
  }
  return new RegExp(`^${re}$`)
}

/** A pattern (or a list of them, any may match); `/…/flags` is a regular expression, anything else a glob. */
export function matcher(patterns: string | string[]): Matcher {
  const list = (Array.isArray(patterns) ? patterns : [patterns]).map((p) => {
    const regex = /^\/(.+)\/([a-z]*)$/.exec(p)
    return regex ? new RegExp(regex[1]!, regex[2]) : globToRegExp(p)
  })
  return (name) => list.some((re) => re.test(name))
}

/** Reads the rules file: `file` when given (it must exist), else DEFAULT_RULES_FILE in cwd if present. */
export async function readRulesConfig(file: string | undefined, options: ReadRulesOptions): Promise<RulesConfig> {
  const cwd = options.cwd ?? process.cwd()
  const path = nodePath.resolve(cwd, file ?? DEFAULT_RULES_FILE)
  const shown = file ?? DEFAULT_RULES_FILE
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    if (file === undefined && (error as NodeJS.ErrnoException).code === 'ENOENT') return {rules: {}, overrides: []}
    throw new UserError(`--rules: cannot read ${shown}: ${ioReason(error)}`, {suggestions: SUGGESTIONS})
  }
  return parseRulesConfig(text, shown, options)
}

export function parseRulesConfig(text: string, shown: string, options: ReadRulesOptions): RulesConfig {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, {lineCounter, prettyErrors: false, uniqueKeys: true})
  const at = (path: Array<string | number>, atKey = false): string => {
    const node = atKey && path.length > 0 ? keyNode(doc, path) : (doc.getIn(path, true) as {range?: [number, number, number]} | undefined)
    const range = node?.range ?? (path.length > 0 ? keyNode(doc, path)?.range : undefined)
    const {line, col} = lineCounter.linePos(range?.[0] ?? 0)
    return `${shown}:${line}:${col}`
  }
  const fail = (where: string, message: string): never => {
    throw new UserError(`${where}: ${message}`, {suggestions: SUGGESTIONS})
  }
  if (doc.errors.length > 0) {
    const {line, col} = lineCounter.linePos(doc.errors[0]!.pos[0])
    fail(`${shown}:${line}:${col}`, `not valid YAML: ${doc.errors[0]!.message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, '')}`)
  }
  const data: unknown = doc.toJS()
  if (data === null || data === undefined) return {file: shown, rules: {}, overrides: []}
  if (typeof data !== 'object' || Array.isArray(data)) return fail(`${shown}:1:1`, 'expected a mapping with failOn, rules, overrides and policy')
  const top = data as Record<string, unknown>
  for (const key of Object.keys(top)) {
    if (!TOP_KEYS.includes(key)) fail(at([key], true), `unknown key "${key}"${hint(key, TOP_KEYS)}; expected ${TOP_KEYS.join(', ')}`)
  }

  const ids = options.rules.map((r) => r.id)
  const ruleId = (name: string, path: Array<string | number>): string => {
    const byName = options.rules.find((r) => r.id === name.toUpperCase() || r.name === name)
    if (byName) return byName.id
    return fail(at(path, true), `unknown rule "${name}"${hint(name, [...ids, ...options.rules.map((r) => r.name)])}`)
  }
  const severities = (value: unknown, path: Array<string | number>): Record<string, SeveritySetting> => {
    if (value === null || value === undefined) return {}
    if (typeof value !== 'object' || Array.isArray(value)) return fail(at(path), 'expected a mapping of rule id to error, warning, info or off, e.g. "KT105: off"')
    const out: Record<string, SeveritySetting> = {}
    for (const [name, setting] of Object.entries(value)) {
      const id = ruleId(name, [...path, name])
      // YAML 1.1 habits: `off` and `no` read as strings in YAML 1.2, but `false` is a boolean.
      const s = setting === false ? 'off' : setting
      if (typeof s !== 'string' || !(SEVERITY_SETTINGS as readonly string[]).includes(s)) {
        fail(at([...path, name]), `${id}: ${JSON.stringify(setting)} is not a severity; expected error, warning, info or off`)
      }
      out[id] = s as SeveritySetting
    }
    return out
  }
  const patterns = (value: unknown, path: Array<string | number>, what: string): Matcher => {
    const list = typeof value === 'string' ? [value] : Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : undefined
    if (list === undefined || list.length === 0) return fail(at(path), `${what}: expected a pattern or a list of patterns (glob such as "payments.*", or /regular expression/)`)
    try {
      return matcher(list)
    } catch (error) {
      return fail(at(path), `${what}: not a valid regular expression: ${(error as Error).message}`)
    }
  }

  const config: RulesConfig = {file: shown, rules: severities(top.rules, ['rules']), overrides: []}
  if (top.failOn !== undefined) {
    if (top.failOn !== 'error' && top.failOn !== 'warning') fail(at(['failOn']), `failOn: ${JSON.stringify(top.failOn)} is not error or warning`)
    config.failOn = top.failOn as 'error' | 'warning'
  }
  if (top.overrides !== undefined && top.overrides !== null) {
    if (!Array.isArray(top.overrides)) fail(at(['overrides']), 'overrides: expected a list of {topics, files, environments, rules}')
    ;(top.overrides as unknown[]).forEach((o, i) => {
      const path = ['overrides', i]
      if (o === null || typeof o !== 'object' || Array.isArray(o)) return fail(at(path), `overrides[${i}]: expected a mapping with topics, files, environments and rules`)
      const entry = o as Record<string, unknown>
      for (const key of Object.keys(entry)) if (!OVERRIDE_KEYS.includes(key)) fail(at([...path, key], true), `overrides[${i}]: unknown key "${key}"${hint(key, OVERRIDE_KEYS)}; expected ${OVERRIDE_KEYS.join(', ')}`)
      if (entry.rules === undefined) fail(at(path), `overrides[${i}]: rules is missing (the severities this override sets)`)
      const override: RulesOverride = {rules: severities(entry.rules, [...path, 'rules'])}
      if (entry.topics !== undefined) override.topics = patterns(entry.topics, [...path, 'topics'], `overrides[${i}].topics`)
      if (entry.files !== undefined) override.files = patterns(entry.files, [...path, 'files'], `overrides[${i}].files`)
      if (entry.environments !== undefined) {
        const envs = typeof entry.environments === 'string' ? [entry.environments] : entry.environments
        if (!Array.isArray(envs) || !envs.every((e) => typeof e === 'string')) fail(at([...path, 'environments']), `overrides[${i}].environments: expected a list of environment names`)
        override.environments = envs as string[]
      }
      config.overrides.push(override)
    })
  }
  if (top.policy !== undefined && top.policy !== null) {
    if (options.policySchema === undefined) config.policy = top.policy
    else {
      const parsed = options.policySchema.safeParse(top.policy)
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!
        const path = ['policy', ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))]
        const unknownKey = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined
        const where = unknownKey === undefined ? at(path) : at([...path, unknownKey], true)
        fail(where, `${path.join('.')}${unknownKey === undefined ? '' : `.${unknownKey}`}: ${issue.message}`)
      }
      config.policy = parsed.data
    }
  }
  return config
}

/** The severity a finding of `ruleId` on this topic gets from the config, or undefined to keep the rule's own. */
export function configuredSeverity(config: RulesConfig, ruleId: string, where: {topic: string; file: string; environment?: string}): SeveritySetting | undefined {
  let setting = config.rules[ruleId]
  for (const o of config.overrides) {
    if (o.rules[ruleId] === undefined) continue
    if (o.topics && !o.topics(where.topic)) continue
    if (o.files && !o.files(where.file)) continue
    if (o.environments && (where.environment === undefined || !o.environments.includes(where.environment))) continue
    setting = o.rules[ruleId]
  }
  return setting
}

export function isSeverity(s: SeveritySetting | undefined): s is Severity {
  return s === 'error' || s === 'warning' || s === 'info'
}

function hint(name: string, known: readonly string[]): string {
  const best = closest(name, known)
  return best === undefined ? '' : ` (did you mean "${best}"?)`
}

/** The key node of the last segment of `path` (for unknown keys and as a fallback position). */
function keyNode(doc: Document, path: Array<string | number>): {range?: [number, number, number]} | undefined {
  const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true)
  if (!isMap(parent)) return undefined
  const pair = parent.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(path.at(-1)))
  return (pair?.key as {range?: [number, number, number]} | undefined) ?? undefined
}
