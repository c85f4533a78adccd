// kafka-sizer cluster plan files (`version: 1`, `cluster:`, `topics:`), validated with the plan file's own
// zod schema (src/planfile/schema.ts) and mapped with its to-spec.ts, so `check` and `plan` read a plan
// the same way. Unlike `plan`, a problem does not stop the run: it becomes an InputProblem at its key, and
// each topic keeps its valid fields. `suppress:` (a check-only key) is taken out before validation.
import type {z} from 'zod'
import {knownKeysAt, type ParsedCluster, type ParsedTopic, planFileParts, planFileSchema, show} from '../../planfile/schema.js'
import {closest} from '../../planfile/suggest.js'
import {toClusterSpec, toTopicSpec} from '../../planfile/to-spec.js'
import {salvage} from '../../planfile/read.js'
import type {QuantityParser} from '../../units/quantity.js'
import type {ClusterProfile, ConfigSetting, InputProblem, SourcePos, Suppression, TopicDefinition, WorkloadExpectation} from '../types.js'
import type {Parsed} from './strimzi.js'
import {planCrossCheckProblems} from './plan-cross-checks.js'
import {commentSuppressions, parseSuppressions} from './suppress.js'
import {type DocContext, entries, type Entry, items, plain, posOf, resolve} from './yaml-nodes.js'

/** Plan topic fields that are topic configs, with the Kafka key they set. Values are already in Kafka's units. */
const CONFIG_FIELDS: Array<[keyof ParsedTopic, string]> = [
  ['minInsyncReplicas', 'min.insync.replicas'],
  ['retention', 'retention.ms'],
  ['retentionBytes', 'retention.bytes'],
  ['localRetention', 'local.retention.ms'],
  ['cleanupPolicy', 'cleanup.policy'],
  ['segmentBytes', 'segment.bytes'],
  ['maxMessageBytes', 'max.message.bytes'],
]

export interface ParsedPlan extends Parsed {
  cluster: Partial<ClusterProfile>
}

export function planFileTopics(ctx: DocContext, units: QuantityParser): ParsedPlan {
  const problems: InputProblem[] = []
  const data = (plain(ctx, ctx.doc.contents) ?? {}) as Record<string, unknown>
  if (data.cluster === null) delete data.cluster
  const topicNodes = items(ctx, entries(ctx, ctx.doc.contents).find((e) => e.key === 'topics')?.value)
  if (Array.isArray(data.topics)) for (const t of data.topics) if (t !== null && typeof t === 'object') delete (t as Record<string, unknown>).suppress

  const schema = planFileSchema(units)
  const result = schema.safeParse(data)
  if (!result.success) for (const issue of result.error.issues) problems.push(...issueProblems(ctx, issue, schema))

  const parts = planFileParts(units)
  const parsedTopics: Array<Partial<ParsedTopic> | undefined> = result.success
    ? result.data.topics
    : (Array.isArray(data.topics) ? data.topics : []).map((t) => salvage(parts.topic, t) as Partial<ParsedTopic> | undefined)
  const cluster = (result.success ? result.data.cluster : salvage(parts.cluster, data.cluster ?? {})) as Partial<ParsedCluster> | undefined

  const names = Array.isArray(data.topics) ? data.topics.map((t: unknown) => (t !== null && typeof t === 'object' ? (t as {name?: unknown}).name : undefined)) : []
  problems.push(...planCrossCheckProblems(cluster, parsedTopics, result.success, names, (path) => locate(ctx, path)))

  const topics: TopicDefinition[] = []
  topicNodes.forEach((node, index) => {
    const parsed = parsedTopics[index]
    if (parsed?.name === undefined) return
    topics.push(topicOf(ctx, node, parsed as ParsedTopic))
  })
  return {topics, problems, cluster: clusterOf(ctx, cluster)}
}

function topicOf(ctx: DocContext, node: unknown, parsed: ParsedTopic): TopicDefinition {
  const keys = new Map<string, Entry>(entries(ctx, node).map((e) => [e.key, e]))
  const nameEntry = keys.get('name')!
  const pos = nameEntry.pos
  const settings: ConfigSetting[] = []
  for (const [field, key] of CONFIG_FIELDS) {
    const value = parsed[field]
    const written = keys.get(field)
    if (value === undefined || written === undefined) continue
    settings.push({key, writtenAs: field, value: value === Number.POSITIVE_INFINITY ? -1 : value, pos: written.pos})
    // A plan's localRetention means tiered storage: the model keeps the rest in object storage.
    if (field === 'localRetention') settings.push({key: 'remote.storage.enable', writtenAs: field, value: true, pos: written.pos})
  }
  const topic: TopicDefinition = {
    name: {value: parsed.name, pos},
    format: 'kafka-sizer-plan',
    pos,
    settings,
    labels: {},
    annotations: {},
    suppressions: [...suppressList(ctx, keys.get('suppress')), ...commentSuppressions(ctx, pos.line, false)],
  }
  const partitions = keys.get('partitions')
  if (partitions && parsed.partitions !== undefined) topic.partitions = {value: parsed.partitions, pos: partitions.pos}
  const rf = keys.get('replicationFactor')
  if (rf && parsed.replicationFactor !== undefined) topic.replicationFactor = {value: parsed.replicationFactor, pos: rf.pos}
  topic.workload = workloadOf(parsed, pos)
  return topic
}

function workloadOf(parsed: ParsedTopic, pos: SourcePos): WorkloadExpectation {
  const spec = toTopicSpec(parsed)
  const w: WorkloadExpectation = {
    request: spec.request,
    consumerGroups: spec.consumerGroups.map((g) => ({name: g.name, instances: g.instances})),
    source: 'plan file',
    pos,
  }
  if (spec.request.acks !== undefined) w.producerAcks = spec.request.acks
  // As the sizing model reads it: a key size or a key skew makes the topic keyed.
  if (spec.request.keySizeBytes !== undefined || spec.request.keySkew !== undefined) w.keyed = true
  if (spec.request.consumerOutageMs !== undefined) w.consumerDowntimeMs = spec.request.consumerOutageMs
  return w
}

/** `suppress: ["KT203: reason", {rule: KT204, reason: "…"}]`, or one string. */
function suppressList(ctx: DocContext, e: Entry | undefined): Suppression[] {
  if (e === undefined) return []
  const list = items(ctx, e.value)
  const out: Suppression[] = []
  for (const item of list.length > 0 ? list : [e.value]) {
    const value = plain(ctx, item)
    const pos = list.length > 0 ? posOf(ctx, resolve(ctx, item)) : e.pos
    if (typeof value === 'string') out.push(...parseSuppressions(value, pos))
    else if (value !== null && typeof value === 'object' && typeof (value as {rule?: unknown}).rule === 'string') {
      const {rule, reason} = value as {rule: string; reason?: unknown}
      out.push({ruleId: rule.trim(), reason: typeof reason === 'string' && reason.trim() !== '' ? reason.trim() : undefined, pos})
    }
  }
  return out
}

function clusterOf(ctx: DocContext, parsed: Partial<ParsedCluster> | undefined): Partial<ClusterProfile> {
  const profile: Partial<ClusterProfile> = {source: `plan file ${ctx.file}`, brokerDefaults: {}, planFile: ctx.file}
  const clusterEntry = entries(ctx, ctx.doc.contents).find((e) => e.key === 'cluster')
  if (clusterEntry) profile.pos = clusterEntry.pos
  if (parsed === undefined) return profile
  const spec = toClusterSpec({metadata: 'kraft', failurePolicy: 'survive-one-broker', ...parsed} as ParsedCluster)
  if (spec.name !== undefined) profile.name = spec.name
  if (spec.brokers !== undefined) profile.brokers = spec.brokers
  if (spec.azs !== undefined) profile.racks = spec.azs
  if (spec.kafkaVersion !== undefined) profile.kafkaVersion = spec.kafkaVersion
  // Only the name here: the profile's figures are filled in once the cluster's parts are merged (resolveClusterHardware).
  if (spec.hardwareProfile !== undefined) {
    profile.hardwareProfile = spec.hardwareProfile
    const at = typeof parsed.hardware === 'string' ? ['cluster', 'hardware'] : ['cluster', 'hardware', 'profile']
    profile.hardwareProfilePos = locate(ctx, at)
  }
  if (spec.hardware !== undefined) profile.hardware = {...spec.hardware}
  return profile
}

type Issue = z.core.$ZodIssue

const pathText = (path: ReadonlyArray<string | number>): string => path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('')

function issueProblems(ctx: DocContext, issue: Issue, schema: unknown): InputProblem[] {
  const path = issue.path as Array<string | number>
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeysAt(schema, path)
    return issue.keys.map((key) => {
      const suggested = closest(key, known)
      const hint = suggested === undefined ? '' : `; did you mean "${suggested}"?`
      return {...locate(ctx, [...path, key]), severity: 'error', message: `${pathText([...path, key])}: unknown key${hint}`}
    })
  }
  const input = (issue as {input?: unknown}).input
  const missing = input === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_union')
  const message = missing ? 'missing (required)' : issue.message === 'Invalid input' ? `${show(input)} has the wrong form` : issue.message
  return [{...locate(ctx, path), severity: 'error', message: `${pathText(path) || '(top level)'}: ${message}`}]
}

/** The position of the key at `path`, or of its deepest existing parent. */
function locate(ctx: DocContext, path: ReadonlyArray<string | number>): SourcePos {
  let node: unknown = ctx.doc.contents
  let pos = posOf(ctx, node)
  for (const segment of path) {
    if (typeof segment === 'number') {
      const item = items(ctx, node)[segment]
      if (item === undefined) break
      node = item
      pos = posOf(ctx, resolve(ctx, item))
    } else {
      const e = entries(ctx, node).find((x) => x.key === segment)
      if (e === undefined) break
      node = e.value
      pos = e.pos
    }
  }
  return pos
}
