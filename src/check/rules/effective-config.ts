// A topic's effective config value: the last setting of the key on the topic, else the broker default from the
// cluster profile (through Kafka's synonyms: retention.ms ← log.retention.ms/minutes/hours), else Kafka's own
// default for the cluster's version. Rules say where a value came from, because "inherits 1 from Kafka's default"
// is the finding for several of them.
import {type Parsed, defaultFor, parseConfigValue, topicConfig} from '../kafka-topic-configs.js'
import type {ClusterProfile, ConfigSetting, Located, SourcePos, TopicDefinition} from '../types.js'

export type ValueOrigin = 'topic' | 'broker' | 'kafka'

export interface Effective<T> {
  value: T
  origin: ValueOrigin
  /** The setting that gave the value (origin 'topic'). */
  setting?: ConfigSetting
  /** The broker key that gave it (origin 'broker'), e.g. "log.retention.hours". */
  brokerKey?: string
}

/** The last setting of `key` (Kafka applies the last one; KT007 reports the conflict). */
export function lastSetting(topic: TopicDefinition, key: string): ConfigSetting | undefined {
  for (let i = topic.settings.length - 1; i >= 0; i--) if (topic.settings[i].key === key) return topic.settings[i]
  return undefined
}

export function parseSetting(key: string, raw: unknown): Parsed {
  const def = topicConfig(key)
  return def ? parseConfigValue(def.type, raw) : {ok: false, reason: 'is not a topic config'}
}

/**
 * The effective value of a catalogued key, or undefined when the topic's own value does not parse (KT003 reports
 * it; other rules stay silent rather than guess).
 */
export function effective(topic: TopicDefinition, cluster: ClusterProfile, key: string): Effective<number | string | boolean | string[]> | undefined {
  const def = topicConfig(key)
  if (!def) return undefined
  const setting = lastSetting(topic, key)
  if (setting) {
    const p = parseConfigValue(def.type, setting.value)
    return p.ok ? {value: p.value, origin: 'topic', setting} : undefined
  }
  const broker = brokerDefault(cluster, key)
  if (broker) return broker
  const dflt = defaultFor(def, cluster.kafkaVersion)
  const p = parseConfigValue(def.type, dflt)
  return p.ok ? {value: p.value, origin: 'kafka'} : undefined
}

/** The broker's default for a topic key, from the cluster profile's broker defaults (Kafka's synonym order). */
export function brokerDefault(cluster: ClusterProfile, key: string): Effective<number | string | boolean | string[]> | undefined {
  const def = topicConfig(key)
  if (!def) return undefined
  // A profile may list the topic key itself (e.g. min.insync.replicas) or its broker synonym.
  for (const brokerKey of [...def.brokerSynonyms, key]) {
    const raw = cluster.brokerDefaults[brokerKey]
    if (raw === undefined) continue
    const unit = def.brokerUnits?.[brokerKey]
    const p = parseConfigValue(unit ? 'long' : def.type, raw)
    if (!p.ok) continue
    const value = unit && typeof p.value === 'number' && p.value >= 0 ? p.value * unit : p.value
    return {value, origin: 'broker', brokerKey}
  }
  return undefined
}

export function effectiveNumber(topic: TopicDefinition, cluster: ClusterProfile, key: string): Effective<number> | undefined {
  const e = effective(topic, cluster, key)
  return e && typeof e.value === 'number' ? (e as Effective<number>) : undefined
}

export function effectiveBoolean(topic: TopicDefinition, cluster: ClusterProfile, key: string): Effective<boolean> | undefined {
  const e = effective(topic, cluster, key)
  return e && typeof e.value === 'boolean' ? (e as Effective<boolean>) : undefined
}

/** cleanup.policy as a set of policies ('compact', 'delete'); an empty list (Kafka ≥ 4.2) keeps everything. */
export function cleanupPolicy(topic: TopicDefinition, cluster: ClusterProfile): Effective<{compact: boolean; delete: boolean; text: string}> | undefined {
  const e = effective(topic, cluster, 'cleanup.policy')
  if (!e || !Array.isArray(e.value)) return undefined
  const items = e.value.map((v) => v.toLowerCase())
  return {...e, value: {compact: items.includes('compact'), delete: items.includes('delete'), text: e.value.join(',')}}
}

/** Where the value came from, for messages: "set on the topic", "broker default log.retention.hours=168", … */
export function describeOrigin(e: Effective<unknown>, cluster: ClusterProfile): string {
  if (e.origin === 'topic') return e.setting && e.setting.writtenAs !== e.setting.key ? `set on the topic as ${e.setting.writtenAs}` : 'set on the topic'
  if (e.origin === 'broker') return `broker default ${e.brokerKey}=${String(cluster.brokerDefaults[e.brokerKey ?? ''])} (${cluster.source})`
  return "Kafka's default"
}

/** Position of a key on the topic, else of the topic (a finding about an inherited value points at the topic). */
export function posOf(topic: TopicDefinition, e?: Effective<unknown>): SourcePos {
  return e?.setting?.pos ?? topic.pos
}

/** A count as Kafka reads an int (partitions, replication factor): a whole number, or undefined. */
export function countValue(loc: Located<unknown> | undefined): number | undefined {
  if (!loc) return undefined
  const p = parseConfigValue('int', loc.value)
  return p.ok ? (p.value as number) : undefined
}

export interface ReplicationFactor {
  value: number
  origin: ValueOrigin
  pos: SourcePos
}

/**
 * The replication factor a topic gets: stated, else (absent or -1) the broker's default.replication.factor from
 * the profile, else Kafka's default 1. Rules that would be noise on a guessed RF skip origin 'kafka'.
 */
export function replicationFactor(topic: TopicDefinition, cluster: ClusterProfile): ReplicationFactor | undefined {
  const stated = countValue(topic.replicationFactor)
  const pos = topic.replicationFactor?.pos ?? topic.pos
  if (stated !== undefined && stated >= 1) return {value: stated, origin: 'topic', pos}
  if (stated !== undefined && stated !== -1) return undefined
  if (topic.replicationFactor !== undefined && stated === undefined) return undefined
  const p = parseConfigValue('int', cluster.brokerDefaults['default.replication.factor'])
  if (p.ok && (p.value as number) >= 1) return {value: p.value as number, origin: 'broker', pos}
  return {value: 1, origin: 'kafka', pos}
}

/** The partition count: stated (≥ 1), else the broker's num.partitions when -1/absent and known. */
export function partitionCount(topic: TopicDefinition, cluster: ClusterProfile): {value: number; origin: ValueOrigin; pos: SourcePos} | undefined {
  const stated = countValue(topic.partitions)
  const pos = topic.partitions?.pos ?? topic.pos
  if (stated !== undefined && stated >= 1) return {value: stated, origin: 'topic', pos}
  if (stated !== undefined && stated !== -1) return undefined
  if (topic.partitions !== undefined && stated === undefined) return undefined
  const p = parseConfigValue('int', cluster.brokerDefaults['num.partitions'])
  return p.ok && (p.value as number) >= 1 ? {value: p.value as number, origin: 'broker', pos} : undefined
}
