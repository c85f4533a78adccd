// devshawn/kafka-gitops desired-state files: `topics` maps a topic name to {partitions, replication,
// configs}; `settings.topics.defaults.replication` is the RF of topics that give none. The format allows no
// extra keys, so suppressions come from comments (and workload from a sidecar file).
import type {ConfigSetting, TopicDefinition} from '../types.js'
import type {Parsed} from './strimzi.js'
import {commentSuppressions} from './suppress.js'
import {configValue, type DocContext, entries, type Entry, pick, plain} from './yaml-nodes.js'

export const GITOPS_SECTIONS = ['settings', 'topics', 'services', 'users', 'customServiceAcls', 'customUserAcls'] as const

export function kafkaGitopsTopics(ctx: DocContext): Parsed {
  const root = pick(ctx, ctx.doc.contents, ['settings', 'topics'])
  const defaults = pick(ctx, pick(ctx, pick(ctx, root.settings?.value, ['topics']).topics?.value, ['defaults']).defaults?.value, ['replication'])
  const defaultReplication: Entry | undefined = defaults.replication

  const topics: TopicDefinition[] = []
  for (const t of entries(ctx, root.topics?.value)) {
    const fields = pick(ctx, t.value, ['partitions', 'replication', 'configs'])
    const settings: ConfigSetting[] = entries(ctx, fields.configs?.value).map((e) => ({key: e.key, writtenAs: e.key, value: configValue(ctx, e.value), pos: e.pos}))
    const topic: TopicDefinition = {
      name: {value: t.key, pos: t.pos},
      format: 'kafka-gitops',
      pos: t.pos,
      settings,
      labels: {},
      annotations: {},
      suppressions: commentSuppressions(ctx, t.pos.line, false),
    }
    if (fields.partitions) topic.partitions = {value: plain(ctx, fields.partitions.value), pos: fields.partitions.pos}
    // No `replication`: the file's default applies, and findings about it point at the default.
    const replication = fields.replication ?? defaultReplication
    if (replication) topic.replicationFactor = {value: plain(ctx, replication.value), pos: replication.pos}
    topics.push(topic)
  }
  return {topics, problems: []}
}
