// The catalogue of Apache Kafka *topic* config keys, per version (3.0 … 4.3), and how Kafka parses their values.
// Sources, checked against the code rather than recalled:
// - apache/kafka storage/src/main/java/org/apache/kafka/storage/internals/log/LogConfig.java (trunk): every
//   topic key's type, default and validator (`define(TopicConfig.X, TYPE, DEFAULT, VALIDATOR, …)`), the
//   cross-key checks (validateValues: min.compaction.lag.ms ≤ max.compaction.lag.ms; the remote-storage checks).
// - apache/kafka clients/…/config/TopicConfig.java: the key names.
// - Kafka docs "Upgrading to 4.0" (docs/upgrade.md): message.format.version removed (KIP-724);
//   message.timestamp.difference.max.ms removed (KIP-937); minimum segment.bytes 14 B → 1 MiB (KIP-1030).
// - KIP-1030: log.message.timestamp.after.max.ms default Long.MAX_VALUE → 1 h in 4.0; segment.ms minimum of
//   1 min announced for 5.0 (lint-rules.md §5.4, KT303).
// - KIP-405/KIP-937 (3.6): remote.storage.enable, local.retention.*, message.timestamp.before/after.max.ms;
//   KIP-390 (3.8): compression.*.level; KIP-950 (3.9): remote.log.copy.disable, remote.log.delete.on.disable;
//   KIP-1241 (trunk, not in 4.3): remote.copy.lag.ms/bytes; KIP-1161 (4.2): an empty cleanup.policy is legal.
// - ServerTopicConfigSynonyms.java: the broker key that supplies each topic key's default.

export type ConfigType = 'int' | 'long' | 'double' | 'boolean' | 'string' | 'list'

export interface VersionedNumber {
  /** First Kafka version (major.minor) where the value applies. */
  from: string
  value: number
  source: string
}

export interface TopicConfigDef {
  key: string
  type: ConfigType
  /** Kafka's default (before any broker default); `defaultFrom` overrides it from a version on. */
  default: number | string | boolean
  defaultFrom?: VersionedNumber[]
  min?: number
  /** Minimums that change with the version (KIP-1030); the latest entry ≤ the cluster version applies. */
  minFrom?: VersionedNumber[]
  max?: number
  /** Extra legal values outside [min, max] (gzip level -1 = the codec's default). */
  alsoAllowed?: number[]
  /** Legal values of a string, or of each item of a list (case-sensitive, as Kafka's ValidString/ValidList). */
  enum?: string[]
  addedIn: string
  deprecatedIn?: string
  removedIn?: string
  replacedBy?: string
  /** Broker keys that supply the default, in Kafka's priority order; units: ms unless `brokerUnits` says. */
  brokerSynonyms: string[]
  brokerUnits?: Record<string, number>
  source: string
}

const LONG_MAX = 9_223_372_036_854_775_807 // Long.MAX_VALUE (as a double: "never")
const LOG_CONFIG = 'Kafka LogConfig.java (storage module)'
const HOURS = 3_600_000
const MINUTES = 60_000

function d(key: string, type: ConfigType, dflt: number | string | boolean, synonyms: string[], extra: Partial<TopicConfigDef> = {}): TopicConfigDef {
  return {key, type, default: dflt, addedIn: '3.0', brokerSynonyms: synonyms, source: LOG_CONFIG, ...extra}
}

export const TOPIC_CONFIGS: readonly TopicConfigDef[] = [
  d('cleanup.policy', 'list', 'delete', ['log.cleanup.policy'], {enum: ['compact', 'delete']}),
  d('compression.type', 'string', 'producer', ['compression.type'], {enum: ['uncompressed', 'zstd', 'lz4', 'snappy', 'gzip', 'producer']}),
  d('compression.gzip.level', 'int', -1, ['compression.gzip.level'], {min: 1, max: 9, alsoAllowed: [-1], addedIn: '3.8', source: 'KIP-390; CompressionType.GZIP.levelValidator'}),
  d('compression.lz4.level', 'int', 9, ['compression.lz4.level'], {min: 1, max: 17, addedIn: '3.8', source: 'KIP-390; CompressionType.LZ4.levelValidator'}),
  d('compression.zstd.level', 'int', 3, ['compression.zstd.level'], {min: -131_072, max: 22, addedIn: '3.8', source: 'KIP-390; CompressionType.ZSTD.levelValidator'}),
  d('delete.retention.ms', 'long', 86_400_000, ['log.cleaner.delete.retention.ms'], {min: 0}),
  d('file.delete.delay.ms', 'long', 60_000, ['log.segment.delete.delay.ms'], {min: 0}),
  d('flush.messages', 'long', LONG_MAX, ['log.flush.interval.messages'], {min: 1}),
  d('flush.ms', 'long', LONG_MAX, ['log.flush.interval.ms'], {min: 0}),
  d('follower.replication.throttled.replicas', 'list', '', ['follower.replication.throttled.replicas']),
  d('index.interval.bytes', 'int', 4096, ['log.index.interval.bytes'], {min: 0}),
  d('leader.replication.throttled.replicas', 'list', '', ['leader.replication.throttled.replicas']),
  d('local.retention.bytes', 'long', -2, ['log.local.retention.bytes'], {min: -2, addedIn: '3.6', source: 'KIP-405; LogConfig.java'}),
  d('local.retention.ms', 'long', -2, ['log.local.retention.ms'], {min: -2, addedIn: '3.6', source: 'KIP-405; LogConfig.java'}),
  d('max.compaction.lag.ms', 'long', LONG_MAX, ['log.cleaner.max.compaction.lag.ms'], {min: 1}),
  d('max.message.bytes', 'int', 1_048_588, ['message.max.bytes'], {min: 0}),
  d('message.downconversion.enable', 'boolean', true, ['log.message.downconversion.enable'], {removedIn: '4.0', source: 'KIP-283; removed with message formats v0/v1 in 4.0 (KIP-724)'}),
  d('message.format.version', 'string', '3.0-IV1', ['log.message.format.version'], {deprecatedIn: '3.0', removedIn: '4.0', source: 'KIP-724; Kafka 4.0 upgrade notes'}),
  d('message.timestamp.after.max.ms', 'long', LONG_MAX, ['log.message.timestamp.after.max.ms'], {
    min: 0,
    addedIn: '3.6',
    defaultFrom: [{from: '4.0', value: HOURS, source: 'KIP-1030: default 1 h from Kafka 4.0'}],
    source: 'KIP-937; LogConfig.java',
  }),
  d('message.timestamp.before.max.ms', 'long', LONG_MAX, ['log.message.timestamp.before.max.ms'], {min: 0, addedIn: '3.6', source: 'KIP-937; LogConfig.java'}),
  d('message.timestamp.difference.max.ms', 'long', LONG_MAX, ['log.message.timestamp.difference.max.ms'], {
    min: 0,
    deprecatedIn: '3.6',
    removedIn: '4.0',
    replacedBy: 'message.timestamp.before.max.ms and message.timestamp.after.max.ms',
    source: 'KIP-937; Kafka 4.0 upgrade notes',
  }),
  d('message.timestamp.type', 'string', 'CreateTime', ['log.message.timestamp.type'], {enum: ['CreateTime', 'LogAppendTime']}),
  d('min.cleanable.dirty.ratio', 'double', 0.5, ['log.cleaner.min.cleanable.ratio'], {min: 0, max: 1}),
  d('min.compaction.lag.ms', 'long', 0, ['log.cleaner.min.compaction.lag.ms'], {min: 0}),
  d('min.insync.replicas', 'int', 1, ['min.insync.replicas'], {min: 1}),
  d('preallocate', 'boolean', false, ['log.preallocate']),
  d('remote.copy.lag.bytes', 'long', 0, ['log.remote.copy.lag.bytes'], {min: -1, addedIn: '4.4', source: 'KIP-1241 (Kafka trunk; not in 4.3)'}),
  d('remote.copy.lag.ms', 'long', 0, ['log.remote.copy.lag.ms'], {min: -1, addedIn: '4.4', source: 'KIP-1241 (Kafka trunk; not in 4.3)'}),
  d('remote.log.copy.disable', 'boolean', false, [], {addedIn: '3.9', source: 'KIP-950; LogConfig.java'}),
  d('remote.log.delete.on.disable', 'boolean', false, [], {addedIn: '3.9', source: 'KIP-950; LogConfig.java'}),
  d('remote.storage.enable', 'boolean', false, [], {addedIn: '3.6', source: 'KIP-405; LogConfig.java'}),
  // retention.bytes has no validator: any negative value means "no size limit" (LogManager.cleanupSegmentsToMaintainSize).
  d('retention.bytes', 'long', -1, ['log.retention.bytes']),
  d('retention.ms', 'long', 604_800_000, ['log.retention.ms', 'log.retention.minutes', 'log.retention.hours'], {
    min: -1,
    brokerUnits: {'log.retention.minutes': MINUTES, 'log.retention.hours': HOURS},
  }),
  d('segment.bytes', 'int', 1_073_741_824, ['log.segment.bytes'], {
    min: 14,
    minFrom: [{from: '4.0', value: 1_048_576, source: 'KIP-1030: minimum segment.bytes 1 MiB from Kafka 4.0 (4.0 upgrade notes)'}],
    source: 'LogConfig.java (LegacyRecord.RECORD_OVERHEAD_V0 = 14 B before 4.0)',
  }),
  d('segment.index.bytes', 'int', 10_485_760, ['log.index.size.max.bytes'], {min: 4}),
  d('segment.jitter.ms', 'long', 0, ['log.roll.jitter.ms', 'log.roll.jitter.hours'], {min: 0, brokerUnits: {'log.roll.jitter.hours': HOURS}}),
  d('segment.ms', 'long', 604_800_000, ['log.roll.ms', 'log.roll.hours'], {
    min: 1,
    minFrom: [{from: '5.0', value: MINUTES, source: 'KIP-1030: segment.ms below 1 min is invalid from Kafka 5.0'}],
    brokerUnits: {'log.roll.hours': HOURS},
  }),
  d('unclean.leader.election.enable', 'boolean', false, ['unclean.leader.election.enable']),
]

/** The newest Kafka release this catalogue describes; keys added later are "not yet released". */
export const LATEST_KAFKA = '4.3'

const BY_KEY = new Map(TOPIC_CONFIGS.map((c) => [c.key, c]))
export const TOPIC_CONFIG_KEYS: readonly string[] = TOPIC_CONFIGS.map((c) => c.key)

export function topicConfig(key: string): TopicConfigDef | undefined {
  return BY_KEY.get(key)
}

/**
 * Broker-only keys (server.properties) that people write into a topic's config, with the topic key to use.
 * Every broker synonym of a topic key is one; so are the broker settings a topic cannot override.
 */
export const BROKER_ONLY_KEYS: ReadonlyMap<string, string> = new Map<string, string>([
  ...TOPIC_CONFIGS.flatMap((c) => c.brokerSynonyms.filter((s) => s !== c.key).map((s): [string, string] => [s, c.key])),
  ['num.partitions', 'the topic\'s partition count'],
  ['default.replication.factor', 'the topic\'s replication factor'],
  ['auto.create.topics.enable', 'nothing: it is a broker setting'],
  ['log.dirs', 'nothing: it is a broker setting'],
  ['log.retention.check.interval.ms', 'nothing: it is a broker setting'],
  ['log.cleaner.enable', 'nothing: it is a broker setting'],
  ['replica.fetch.max.bytes', 'nothing: it is a broker setting'],
  ['remote.log.storage.system.enable', 'remote.storage.enable'],
])

/** Keys that are neither topic nor broker keys but are written often, with the fix (unit factor to ms if any). */
export const COMMON_MISTAKES: ReadonlyMap<string, {use: string; factor?: number; note?: string}> = new Map([
  ['retention.hours', {use: 'retention.ms', factor: HOURS}],
  ['retention.minutes', {use: 'retention.ms', factor: MINUTES}],
  ['retention.days', {use: 'retention.ms', factor: 24 * HOURS}],
  ['segment.hours', {use: 'segment.ms', factor: HOURS}],
  ['partitions', {use: 'the topic\'s partition count', note: 'partitions is not a config key'}],
  ['replication.factor', {use: 'the topic\'s replication factor', note: 'replication.factor is not a config key'}],
  ['replicas', {use: 'the topic\'s replication factor', note: 'replicas is not a config key'}],
  ['compression', {use: 'compression.type'}],
  ['min.isr', {use: 'min.insync.replicas'}],
  ['max.message.size', {use: 'max.message.bytes'}],
])

/** -1 / 0 / 1 by major.minor(.patch); non-numeric parts compare as 0. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.-]/).map((p) => Number.parseInt(p, 10) || 0)
  const pb = b.split(/[.-]/).map((p) => Number.parseInt(p, 10) || 0)
  for (let i = 0; i < Math.max(pa.length, pb.length, 2); i++) {
    const x = pa[i] ?? 0
    const y = pb[i] ?? 0
    if (x !== y) return x < y ? -1 : 1
  }
  return 0
}

/** The key's availability on `version`; without a version every key of any version is available. */
export function availability(def: TopicConfigDef, version?: string): 'ok' | 'not-yet' | 'removed' {
  if (version === undefined) return 'ok'
  if (compareVersions(version, def.addedIn) < 0) return 'not-yet'
  if (def.removedIn !== undefined && compareVersions(version, def.removedIn) >= 0) return 'removed'
  return 'ok'
}

function versioned(base: number | undefined, table: VersionedNumber[] | undefined, version?: string): {value?: number; source?: string} {
  let out: {value?: number; source?: string} = {value: base}
  // Without a version, the loosest (oldest) bound: a value legal on some release is not reported as illegal.
  if (version === undefined) return out
  for (const v of table ?? []) if (compareVersions(version, v.from) >= 0) out = {value: v.value, source: v.source}
  return out
}

export function minimumFor(def: TopicConfigDef, version?: string): {value?: number; source?: string} {
  return versioned(def.min, def.minFrom, version)
}

export function defaultFor(def: TopicConfigDef, version?: string): number | string | boolean {
  if (typeof def.default !== 'number') return def.default
  return versioned(def.default, def.defaultFrom, version ?? LATEST_KAFKA).value ?? def.default
}

const INT_MIN = -(2n ** 31n)
const INT_MAX = 2n ** 31n - 1n
const LONG_MIN = -(2n ** 63n)
const LONG_MAX_BIG = 2n ** 63n - 1n

export type Parsed = {ok: true; value: number | string | boolean | string[]} | {ok: false; reason: string}

/** A value as Kafka's ConfigDef.parseType reads it (strings trimmed; "1d" or "1.5" is not a long). */
export function parseConfigValue(type: ConfigType, raw: unknown): Parsed {
  switch (type) {
    case 'boolean': {
      if (typeof raw === 'boolean') return {ok: true, value: raw}
      const s = typeof raw === 'string' ? raw.trim().toLowerCase() : undefined
      if (s === 'true' || s === 'false') return {ok: true, value: s === 'true'}
      return {ok: false, reason: 'is not a boolean (Kafka accepts true or false)'}
    }
    case 'int':
    case 'long': {
      const text = typeof raw === 'number' ? (Number.isInteger(raw) ? BigInt(raw).toString() : String(raw)) : typeof raw === 'string' ? raw.trim() : undefined
      if (text === undefined || !/^[+-]?\d+$/.test(text)) return {ok: false, reason: `is not ${type === 'int' ? 'an int' : 'a long'} (Kafka parses a plain integer)`}
      const big = BigInt(text)
      const [lo, hi] = type === 'int' ? [INT_MIN, INT_MAX] : [LONG_MIN, LONG_MAX_BIG]
      if (big < lo || big > hi) return {ok: false, reason: `is outside the ${type} range (${type === 'int' ? 'max 2,147,483,647' : 'max 9,223,372,036,854,775,807'})`}
      return {ok: true, value: Number(big)}
    }
    case 'double': {
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw.trim()) : Number.NaN
      return Number.isFinite(n) ? {ok: true, value: n} : {ok: false, reason: 'is not a number'}
    }
    case 'list': {
      if (Array.isArray(raw)) return {ok: true, value: raw.map((x) => String(x).trim())}
      if (typeof raw === 'string') return {ok: true, value: raw.trim() === '' ? [] : raw.split(',').map((x) => x.trim())}
      return {ok: false, reason: 'is not a list (a comma-separated string)'}
    }
    case 'string':
      if (typeof raw === 'string') return {ok: true, value: raw.trim()}
      if (typeof raw === 'number' || typeof raw === 'boolean') return {ok: true, value: String(raw)}
      return {ok: false, reason: 'is not a string'}
  }
}

/** What a mistaken value probably meant, e.g. "1d" → 86400000 for a *.ms key, "512MiB" → 536870912 for *.bytes. */
export function unitHint(key: string, raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]+)\s*$/.exec(raw)
  if (!m) return undefined
  const n = Number(m[1])
  const unit = m[2].toLowerCase()
  const time: Record<string, number> = {ms: 1, s: 1000, sec: 1000, m: MINUTES, min: MINUTES, h: HOURS, d: 24 * HOURS, w: 7 * 24 * HOURS}
  const size: Record<string, number> = {b: 1, kb: 1e3, mb: 1e6, gb: 1e9, kib: 1024, mib: 1024 ** 2, gib: 1024 ** 3, k: 1024, m: 1024 ** 2, g: 1024 ** 3}
  const factor = key.endsWith('.ms') ? time[unit] : key.endsWith('.bytes') ? size[unit] : undefined
  return factor === undefined ? undefined : String(Math.round(n * factor))
}
