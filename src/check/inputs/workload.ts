// Workload expectations (what a topic is expected to carry) from `kafka-sizer.io/*` annotations or labels
// on a resource, or from a sidecar file keyed by topic name. Both use the same field names (see
// docs/check-inputs.md). Quantities go through the project's unit parser; a bad one is an InputProblem at
// its key, never a crash.
import {InputError} from '../../lib/errors.js'
import {closest} from '../../planfile/suggest.js'
import {parseCount, parseFraction, parsePositiveNumber, type QuantityParser} from '../../units/quantity.js'
import type {InputProblem, SourcePos, WorkloadExpectation} from '../types.js'
import {ALLOW_DELETE_KEY, SUPPRESS_KEY} from './suppress.js'
import {type DocContext, entries, plain} from './yaml-nodes.js'

export const PREFIX = 'kafka-sizer.io/'

type Apply = (w: WorkloadExpectation, raw: unknown, where: string, units: QuantityParser) => void

const asText = (raw: unknown): string => (typeof raw === 'string' ? raw : typeof raw === 'number' || typeof raw === 'boolean' ? String(raw) : '')

function bool(raw: unknown, where: string): boolean {
  const s = asText(raw).trim().toLowerCase()
  if (s === 'true' || s === 'yes') return true
  if (s === 'false' || s === 'no') return false
  throw new InputError(where, `${JSON.stringify(raw)} is not true or false`, '"true" or "false"')
}

function list(raw: unknown): string[] {
  const parts = Array.isArray(raw) ? raw.map(asText) : asText(raw).split(',')
  return parts.map((s) => s.trim()).filter((s) => s !== '')
}

/** "orders-svc=12,audit=2", or in a sidecar a mapping {orders-svc: 12, audit: 2}. */
function consumers(w: WorkloadExpectation, raw: unknown, where: string): void {
  const pairs: Array<[string, unknown]> =
    raw !== null && typeof raw === 'object' && !Array.isArray(raw)
      ? Object.entries(raw)
      : list(raw).map((part) => {
          const eq = part.indexOf('=')
          if (eq <= 0) throw new InputError(where, `"${part}" is not group=instances`, 'consumer groups such as "orders-svc=12,audit=2"')
          return [part.slice(0, eq).trim(), part.slice(eq + 1).trim()]
        })
  w.consumerGroups = pairs.map(([name, instances]) => ({name, instances: parseCount(asText(instances), `${where} (${name})`)}))
  w.request.consumerGroups = w.consumerGroups.length
  if (w.consumerGroups.length > 0) w.request.maxConsumers = Math.max(...w.consumerGroups.map((g) => g.instances))
}

/** The fields, by the name used after `kafka-sizer.io/` and in sidecar files. */
const FIELDS: Record<string, Apply> = {
  throughput(w, raw, where, units) {
    const rate = units.rate(asText(raw), where)
    if (rate.kind === 'bytes') w.request.payloadBytesPerSec = rate.bytesPerSec
    else w.request.messagesPerSec = rate.messagesPerSec
  },
  'message-size': (w, raw, where, units) => void (w.request.messageSizeBytes = units.size(asText(raw), where)),
  'p99-message-size': (w, raw, where, units) => void (w.p99MessageBytes = units.size(asText(raw), where)),
  'key-size': (w, raw, where, units) => void (w.request.keySizeBytes = units.size(asText(raw), where)),
  'key-skew': (w, raw, where) => void (w.request.keySkew = parseFraction(asText(raw), where)),
  'distinct-keys': (w, raw, where) => void (w.request.distinctKeys = parseCount(asText(raw), where)),
  'peak-factor': (w, raw, where) => void (w.request.peakFactor = parsePositiveNumber(asText(raw), where)),
  producers: (w, raw, where) => void (w.request.producers = parseCount(asText(raw), where)),
  consumers: (w, raw, where) => consumers(w, raw, where),
  acks(w, raw, where) {
    const s = asText(raw).trim().toLowerCase()
    const acks = s === '-1' || s === 'all' ? 'all' : s === '1' || s === '0' ? s : undefined
    if (acks === undefined) throw new InputError(where, `${JSON.stringify(raw)} is not a producer acks setting`, '"all" (= -1), "1" or "0"')
    w.producerAcks = acks
    w.request.acks = acks
  },
  keyed: (w, raw, where) => void (w.keyed = bool(raw, where)),
  changelog: (w, raw, where) => void (w.changelog = bool(raw, where)),
  'required-retention': (w, raw, where, units) => void (w.requiredRetentionMs = units.duration(asText(raw), where)),
  'consumer-downtime'(w, raw, where, units) {
    w.consumerDowntimeMs = units.duration(asText(raw), where)
    w.request.consumerOutageMs = w.consumerDowntimeMs
  },
  'streams-app': (w, raw) => void (w.coPartitionGroups = list(raw)),
  'max-request-size': (w, raw, where, units) => void (w.producerMaxRequestSize = units.size(asText(raw), where)),
  'max-partition-fetch-bytes': (w, raw, where, units) => void (w.consumerMaxPartitionFetchBytes = units.size(asText(raw), where)),
}

export const WORKLOAD_FIELDS = Object.keys(FIELDS)
const normalise = (s: string) => s.toLowerCase().replace(/[-_.\s]/g, '')
const BY_NORMALISED = new Map(WORKLOAD_FIELDS.map((k) => [normalise(k), k]))
/** Keys under the prefix that are not workload fields but are known. */
const OTHER_KEYS = [SUPPRESS_KEY, ALLOW_DELETE_KEY].map((k) => k.slice(PREFIX.length))

export interface WorkloadField {
  /** The field name without prefix, as written. */
  name: string
  /** The key as written in the file (with prefix for annotations), for messages. */
  writtenAs: string
  value: unknown
  pos: SourcePos
}

/**
 * A WorkloadExpectation from fields (undefined when none is a workload field); unknown field names and
 * bad values become problems at their key.
 */
export function workloadFrom(fields: WorkloadField[], units: QuantityParser | undefined, source: string, pos: SourcePos): {workload?: WorkloadExpectation; problems: InputProblem[]} {
  const problems: InputProblem[] = []
  const w: WorkloadExpectation = {request: {}, consumerGroups: [], source, pos}
  let any = false
  for (const field of fields) {
    const name = BY_NORMALISED.get(normalise(field.name))
    if (name === undefined) {
      if (OTHER_KEYS.includes(field.name)) continue
      const suggested = closest(field.name, [...WORKLOAD_FIELDS, ...OTHER_KEYS])
      const hint = suggested === undefined ? `; the fields are ${WORKLOAD_FIELDS.join(', ')}` : `; did you mean "${field.writtenAs.slice(0, -field.name.length)}${suggested}"?`
      problems.push({...at(field.pos), severity: 'warning', message: `${field.writtenAs}: unknown workload field${hint}`})
      continue
    }
    if (units === undefined) throw new Error('workloadFrom(): the quantity parser was not loaded')
    try {
      FIELDS[name]!(w, field.value, field.writtenAs, units)
      any = true
    } catch (error) {
      if (!(error instanceof InputError)) throw error
      problems.push({...at(field.pos), severity: 'error', message: error.message})
    }
  }
  return {workload: any ? w : undefined, problems}
}

/** Workload fields among annotations/labels: the `kafka-sizer.io/` keys. */
export function annotationFields(values: Record<string, string>, pos: Record<string, SourcePos>): WorkloadField[] {
  const out: WorkloadField[] = []
  for (const [key, value] of Object.entries(values)) {
    if (key.startsWith(PREFIX)) out.push({name: key.slice(PREFIX.length), writtenAs: key, value, pos: pos[key]!})
  }
  return out
}

/** Quick test on a file's text: might it carry workload annotations (then the unit parser is loaded)? */
export function mentionsWorkload(text: string): boolean {
  return text.includes(PREFIX)
}

/**
 * A sidecar document: a mapping from topic name to fields, e.g.
 * `orders.placed.v1: {throughput: 20 MB/s, consumers: {orders-svc: 12}}`.
 */
export function sidecarWorkloads(ctx: DocContext, units: QuantityParser | undefined, source: string): {byTopic: Map<string, WorkloadExpectation>; problems: InputProblem[]} {
  const byTopic = new Map<string, WorkloadExpectation>()
  const problems: InputProblem[] = []
  const topics = entries(ctx, ctx.doc.contents)
  if (topics.length === 0) {
    problems.push({file: ctx.file, line: 1, column: 1, severity: 'error', message: 'a workload file is a mapping from topic name to its expected workload (see docs/check-inputs.md); this one has no entries'})
  }
  for (const topic of topics) {
    const fields = entries(ctx, topic.value).map((e) => ({name: e.key, writtenAs: e.key, value: plain(ctx, e.value), pos: e.pos}))
    if (fields.length === 0) {
      problems.push({...at(topic.pos), severity: 'warning', message: `${topic.key}: expected a mapping of workload fields (${WORKLOAD_FIELDS.slice(0, 4).join(', ')}, …)`})
      continue
    }
    const {workload, problems: p} = workloadFrom(fields, units, source, topic.pos)
    problems.push(...p)
    if (workload !== undefined) byTopic.set(topic.key, mergeWorkload(byTopic.get(topic.key), workload))
  }
  return {byTopic, problems}
}

/** `over`'s stated fields on top of `base`'s (the sidecar, named on the command line, wins over annotations). */
export function mergeWorkload(base: WorkloadExpectation | undefined, over: WorkloadExpectation): WorkloadExpectation {
  if (base === undefined) return over
  return {
    ...base,
    ...definedOnly(over),
    request: {...base.request, ...definedOnly(over.request)},
    consumerGroups: over.consumerGroups.length > 0 ? over.consumerGroups : base.consumerGroups,
    source: base.source === over.source ? base.source : `${base.source} + ${over.source}`,
    pos: base.pos ?? over.pos,
  }
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>
}

function at(pos: SourcePos): Pick<InputProblem, 'file' | 'line' | 'column'> {
  return {file: pos.file, line: pos.line, column: pos.column}
}
