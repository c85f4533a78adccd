// `terraform show -json` output: a state (`values.root_module`) or a saved plan (`planned_values.root_module`).
// Modules nest through `child_modules`; topics are resources of type kafka_topic (Mongey provider: name,
// partitions, replication_factor, config) and confluent_kafka_topic (topic_name, partitions_count, config).
import type {ConfigSetting, TopicDefinition} from '../types.js'
import type {Parsed} from './strimzi.js'
import {configValue, type DocContext, entries, items, pick, plain, text} from './yaml-nodes.js'

const TOPIC_TYPES: Record<string, {name: string; partitions: string; replicationFactor?: string}> = {
  kafka_topic: {name: 'name', partitions: 'partitions', replicationFactor: 'replication_factor'},
  confluent_kafka_topic: {name: 'topic_name', partitions: 'partitions_count'},
}

export function terraformJsonTopics(ctx: DocContext): Parsed {
  const root = pick(ctx, ctx.doc.contents, ['values', 'planned_values'])
  const values = root.planned_values ?? root.values
  const topics: TopicDefinition[] = []
  // Iterative walk over modules: no recursion depth limit on deeply nested modules.
  const pending: unknown[] = [pick(ctx, values?.value, ['root_module']).root_module?.value]
  while (pending.length > 0) {
    const module = pending.pop()
    const parts = pick(ctx, module, ['resources', 'child_modules'])
    for (const resource of items(ctx, parts.resources?.value)) {
      const r = pick(ctx, resource, ['address', 'mode', 'type', 'values'])
      const type = r.type && text(ctx, r.type.value)
      const shape = type === undefined ? undefined : TOPIC_TYPES[type]
      if (shape === undefined || (r.mode && text(ctx, r.mode.value) !== 'managed')) continue
      const topic = topicOf(ctx, r.values?.value, shape, r.address && text(ctx, r.address.value))
      if (topic) topics.push(topic)
    }
    // Children reversed so that topics come out in file order.
    pending.push(...items(ctx, parts.child_modules?.value).reverse())
  }
  return {topics, problems: []}
}

function topicOf(ctx: DocContext, values: unknown, shape: (typeof TOPIC_TYPES)[string], address: string | undefined): TopicDefinition | undefined {
  const keys = [shape.name, shape.partitions, 'config', ...(shape.replicationFactor ? [shape.replicationFactor] : [])]
  const v = pick(ctx, values, keys)
  const nameEntry = v[shape.name]
  const name = nameEntry && text(ctx, nameEntry.value)
  // An unknown name (a value computed at apply time) leaves nothing to check.
  if (nameEntry === undefined || name === undefined) return undefined
  const settings: ConfigSetting[] = entries(ctx, v.config?.value).map((e) => ({key: e.key, writtenAs: e.key, value: configValue(ctx, e.value), pos: e.pos}))
  const topic: TopicDefinition = {
    name: {value: name, pos: nameEntry.pos},
    format: 'terraform-json',
    pos: nameEntry.pos,
    settings,
    labels: {},
    annotations: {},
    suppressions: [],
  }
  if (address !== undefined) topic.resource = address
  const partitions = v[shape.partitions]
  if (partitions) topic.partitions = {value: plain(ctx, partitions.value), pos: partitions.pos}
  const rf = shape.replicationFactor === undefined ? undefined : v[shape.replicationFactor]
  if (rf) topic.replicationFactor = {value: plain(ctx, rf.value), pos: rf.pos}
  return topic
}
