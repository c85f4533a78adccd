// segmentio/topicctl topic files (`meta` + `spec`) and cluster files (`meta` + `spec.bootstrapAddrs`).
// `retentionMinutes` is mapped to retention.ms (× 60,000); written next to `settings.retention.ms` it gives
// two settings with the key retention.ms, which the rules report as a conflict (KT007).
import type {QuantityParser} from '../../units/quantity.js'
import type {ClusterProfile, ConfigSetting, TopicDefinition} from '../types.js'
import type {Parsed} from './strimzi.js'
import {allowDeleteFrom, commentSuppressions, suppressionsFromMap} from './suppress.js'
import {annotationFields, workloadFrom} from './workload.js'
import {configValue, type DocContext, entries, pick, plain, posOf, stringMap, text} from './yaml-nodes.js'

const MINUTE_MS = 60_000

export function topicctlTopic(ctx: DocContext, units: QuantityParser | undefined): Parsed {
  const root = ctx.doc.contents
  const top = pick(ctx, root, ['meta', 'spec'])
  const meta = pick(ctx, top.meta?.value, ['name', 'cluster', 'environment', 'description', 'labels'])
  const spec = pick(ctx, top.spec?.value, ['partitions', 'replicationFactor', 'retentionMinutes', 'settings', 'placement'])
  const name = meta.name && text(ctx, meta.name.value)
  const pos = meta.name?.pos ?? top.meta?.pos ?? posOf(ctx, root)
  if (name === undefined) {
    return {topics: [], problems: [{...pos, severity: 'error', message: 'topicctl topic file without meta.name: the topic was not checked'}]}
  }

  const settings: ConfigSetting[] = []
  if (spec.retentionMinutes) {
    const minutes = plain(ctx, spec.retentionMinutes.value)
    // Converted when it is a number; otherwise kept as written so KT003 reports the bad value.
    const value = typeof minutes === 'number' ? minutes * MINUTE_MS : minutes
    settings.push({key: 'retention.ms', writtenAs: 'retentionMinutes', value, pos: spec.retentionMinutes.pos})
  }
  for (const e of entries(ctx, spec.settings?.value)) settings.push({key: e.key, writtenAs: e.key, value: configValue(ctx, e.value), pos: e.pos})

  // topicctl labels are free-form text: they also carry kafka-sizer.io/* markers and workload fields.
  const labels = stringMap(ctx, meta.labels?.value)
  const {workload, problems} = workloadFrom(annotationFields(labels.values, labels.pos), units, 'label', pos)

  const topic: TopicDefinition = {
    name: {value: name, pos: meta.name!.pos},
    format: 'topicctl',
    pos,
    settings,
    labels: labels.values,
    annotations: {},
    suppressions: [...suppressionsFromMap(labels.values, labels.pos), ...commentSuppressions(ctx, pos.line, true)],
  }
  if (spec.partitions) topic.partitions = {value: plain(ctx, spec.partitions.value), pos: spec.partitions.pos}
  if (spec.replicationFactor) topic.replicationFactor = {value: plain(ctx, spec.replicationFactor.value), pos: spec.replicationFactor.pos}
  const cluster = meta.cluster && text(ctx, meta.cluster.value)
  if (cluster !== undefined) topic.cluster = {value: cluster, pos: meta.cluster!.pos}
  const environment = meta.environment && text(ctx, meta.environment.value)
  if (environment !== undefined) topic.environment = {value: environment, pos: meta.environment!.pos}
  const description = meta.description && text(ctx, meta.description.value)
  if (description !== undefined) topic.description = {value: description, pos: meta.description!.pos}
  const strategy = entries(ctx, spec.placement?.value).find((e) => e.key === 'strategy')
  const strategyText = strategy && text(ctx, strategy.value)
  if (strategyText !== undefined) topic.placement = {value: strategyText, pos: strategy!.pos}
  const allowDelete = allowDeleteFrom(labels.values)
  if (allowDelete !== undefined) topic.allowDelete = allowDelete
  if (workload !== undefined) topic.workload = workload
  return {topics: [topic], problems}
}

/** A topicctl cluster file: its name and environment (topic files must match them, KT008). */
export function topicctlCluster(ctx: DocContext): Partial<ClusterProfile> {
  const meta = pick(ctx, pick(ctx, ctx.doc.contents, ['meta']).meta?.value, ['name', 'environment'])
  const profile: Partial<ClusterProfile> = {source: `topicctl cluster config ${ctx.file}`, pos: posOf(ctx, ctx.doc.contents)}
  const name = meta.name && text(ctx, meta.name.value)
  if (name !== undefined) {
    profile.name = name
    profile.pos = meta.name!.pos
  }
  const environment = meta.environment && text(ctx, meta.environment.value)
  if (environment !== undefined) profile.environment = environment
  return profile
}
