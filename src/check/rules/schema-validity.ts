// §5.1 Schema and validity: what Kafka itself would reject (unknown keys, bad enums, types and ranges, counts,
// names), plus duplicate topics and settings and a mismatched target cluster.
import {closest} from '../../planfile/suggest.js'
import {BROKER_ONLY_KEYS, COMMON_MISTAKES, LATEST_KAFKA, TOPIC_CONFIG_KEYS, availability, compareVersions, minimumFor, parseConfigValue, topicConfig, unitHint} from '../kafka-topic-configs.js'
import type {RuleMeta, TopicDefinition} from '../types.js'
import {type Rule, identity, n} from './context.js'
import {countValue, lastSetting} from './effective-config.js'

const meta = (id: string, name: string, title: string, defaultSeverity: RuleMeta['defaultSeverity'], needs: RuleMeta['needs'], description: string): RuleMeta => ({id, name, title, section: '5.1', defaultSeverity, needs, description})

const written = (s: {key: string; writtenAs: string}) => (s.writtenAs !== s.key ? ` (written as ${s.writtenAs})` : '')

const KT001: Rule = {
  meta: meta('KT001', 'unknown-config-key', 'Unknown topic config key, a key the Kafka version lacks, or a broker-only key', 'error', ['spec', 'cluster'],
    'Kafka rejects a topic config it does not know (InvalidConfigurationException "Unknown topic config name"). The rule checks every key against the catalogue of topic keys per Kafka version (3.0 … 4.3), names the broker key a topic key stands for (log.retention.hours → retention.ms), suggests the closest key for typos, and, when the cluster profile gives a Kafka version, reports keys that version has not added yet or has removed (message.format.version in 4.0).'),
  run(ctx) {
    const version = ctx.cluster.kafkaVersion
    for (const t of ctx.topics) {
      if (!ctx.on(this.meta.id, t)) continue
      for (const s of t.settings) {
        if (ctx.policy.vendorKeyPrefixes.some((p) => s.key.startsWith(p))) continue
        const def = topicConfig(s.key)
        const mistake = COMMON_MISTAKES.get(s.key)
        const broker = BROKER_ONLY_KEYS.get(s.key)
        if (def) {
          const a = availability(def, version)
          if (a === 'ok') continue
          const message =
            a === 'removed'
              ? `${s.key}${written(s)} was removed in Kafka ${def.removedIn}${def.source ? ` (${def.source})` : ''}; the cluster runs ${version}`
              : `${s.key}${written(s)} exists from Kafka ${def.addedIn}${compareVersions(def.addedIn, LATEST_KAFKA) > 0 ? ' (not released yet)' : ''}; the cluster runs ${version}`
          const fix = def.replacedBy ? `remove ${s.key}; use ${def.replacedBy}` : `remove ${s.key}${a === 'not-yet' ? ` or upgrade the cluster to Kafka ${def.addedIn}` : ''}`
          ctx.emit(this.meta, t, {message, fix, pos: s.pos})
        } else if (mistake) {
          const converted = mistake.factor !== undefined ? parseConfigValue('long', s.value) : undefined
          const value = converted?.ok ? `: ${n((converted.value as number) * (mistake.factor ?? 1))}` : ''
          ctx.emit(this.meta, t, {
            message: `${s.key}${written(s)} is not a Kafka topic config${mistake.note ? ` (${mistake.note})` : ''}`,
            fix: mistake.factor !== undefined ? `set ${mistake.use}${value} (${s.key} × ${n(mistake.factor)})` : `use ${mistake.use}`,
            pos: s.pos,
          })
        } else if (broker) {
          ctx.emit(this.meta, t, {message: `${s.key}${written(s)} is a broker setting (server.properties), not a topic config`, fix: topicConfig(broker) ? `set ${broker} on the topic instead` : `set ${broker}`, pos: s.pos})
        } else {
          const best = closest(s.key, TOPIC_CONFIG_KEYS)
          ctx.emit(this.meta, t, {message: `unknown topic config ${s.key}${written(s)}${best ? `; did you mean ${best}?` : ''}`, fix: best ? `rename ${s.key} to ${best}` : `remove ${s.key}`, pos: s.pos})
        }
      }
    }
  },
}

const KT002: Rule = {
  meta: meta('KT002', 'invalid-enum-value', 'Invalid value for an enumerated config', 'error', ['spec'],
    'cleanup.policy, compression.type and message.timestamp.type accept fixed, case-sensitive values (Kafka ValidString/ValidList). A common mistake is compression.type "none", which is the producer\'s name; the topic\'s is "uncompressed". An empty cleanup.policy is legal only from Kafka 4.2 (KIP-1161).'),
  run(ctx) {
    const version = ctx.cluster.kafkaVersion
    for (const t of ctx.topics) {
      if (!ctx.on(this.meta.id, t)) continue
      for (const s of t.settings) {
        const def = topicConfig(s.key)
        if (!def?.enum) continue
        const p = parseConfigValue(def.type, s.value)
        if (!p.ok) continue
        const items = Array.isArray(p.value) ? p.value : [String(p.value)]
        if (def.type === 'list' && items.length === 0 && version !== undefined && compareVersions(version, '4.2') < 0) {
          ctx.emit(this.meta, t, {message: `${s.key} is empty; an empty cleanup.policy is legal only from Kafka 4.2 (the cluster runs ${version})`, fix: `set ${s.key}: delete (or compact)`, pos: s.pos})
          continue
        }
        for (const item of items) {
          if (def.enum.includes(item)) continue
          const exact = def.enum.find((e) => e.toLowerCase() === item.toLowerCase())
          const suggestion = item === 'none' && s.key === 'compression.type' ? 'uncompressed' : (exact ?? closest(item, def.enum))
          ctx.emit(this.meta, t, {
            message: `${s.key}${written(s)}: "${item}" is not one of ${def.enum.join(', ')}${exact ? ' (values are case-sensitive)' : ''}`,
            fix: suggestion ? `set ${s.key}: ${def.type === 'list' ? items.map((i) => (i === item ? suggestion : i)).join(',') : suggestion}` : `set ${s.key} to one of ${def.enum.join(', ')}`,
            pos: s.pos,
          })
        }
      }
    }
  },
}

const KT003: Rule = {
  meta: meta('KT003', 'invalid-type-or-range', "Value of the wrong type or outside Kafka's legal range", 'error', ['spec', 'cluster'],
    'Values are parsed as Kafka parses them: ints and longs are plain integers ("1d", "512MB" and "1.5" are rejected), booleans are true/false, and each key has its validator range (retention.ms ≥ -1, min.cleanable.dirty.ratio in [0, 1], segment.bytes ≥ 1 MiB from Kafka 4.0 per KIP-1030, segment.ms ≥ 1 min from 5.0, int keys ≤ 2,147,483,647). Also Kafka\'s cross-key check min.compaction.lag.ms ≤ max.compaction.lag.ms.'),
  run(ctx) {
    const version = ctx.cluster.kafkaVersion
    for (const t of ctx.topics) {
      if (!ctx.on(this.meta.id, t)) continue
      for (const s of t.settings) {
        const def = topicConfig(s.key)
        if (!def || def.enum) continue
        const p = parseConfigValue(def.type, s.value)
        if (!p.ok) {
          const hint = unitHint(s.key, s.value)
          ctx.emit(this.meta, t, {message: `${s.key}${written(s)}: ${JSON.stringify(s.value)} ${p.reason}`, fix: hint ? `set ${s.key}: ${hint}` : `set ${s.key} to a ${def.type} value`, pos: s.pos})
          continue
        }
        if (typeof p.value !== 'number' || def.alsoAllowed?.includes(p.value)) continue
        const min = minimumFor(def, version)
        if (min.value !== undefined && p.value < min.value) {
          ctx.emit(this.meta, t, {message: `${s.key}${written(s)}: ${n(p.value)} is below Kafka's minimum ${n(min.value)}${min.source ? ` (${min.source})` : ''}`, fix: `set ${s.key}: ${min.value}`, pos: s.pos})
        } else if (def.max !== undefined && p.value > def.max) {
          ctx.emit(this.meta, t, {message: `${s.key}${written(s)}: ${p.value} is above Kafka's maximum ${n(def.max)}`, fix: `set ${s.key}: ${def.max}`, pos: s.pos})
        }
      }
      // LogConfig.validateValues: Kafka rejects the topic outright.
      const minLag = lastSetting(t, 'min.compaction.lag.ms')
      const maxLag = lastSetting(t, 'max.compaction.lag.ms')
      if (minLag && maxLag) {
        const a = parseConfigValue('long', minLag.value)
        const b = parseConfigValue('long', maxLag.value)
        if (a.ok && b.ok && (a.value as number) > (b.value as number)) {
          ctx.emit(this.meta, t, {message: `min.compaction.lag.ms ${n(a.value as number)} > max.compaction.lag.ms ${n(b.value as number)}: Kafka rejects the topic`, fix: `set max.compaction.lag.ms: ${a.value} or lower min.compaction.lag.ms`, pos: maxLag.pos})
        }
      }
    }
  },
}

const KT004: Rule = {
  meta: meta('KT004', 'invalid-count', 'Partitions or replication factor below 1', 'error', ['spec'],
    'Partitions and replication factor must be whole numbers ≥ 1 (replication factor ≤ 32,767, a short). -1 means "the broker default" and is accepted only when the policy allows it (allowBrokerDefaultCounts).'),
  run(ctx) {
    for (const t of ctx.topics) {
      if (!ctx.on(this.meta.id, t)) continue
      for (const [what, loc, max] of [['partitions', t.partitions, 2_147_483_647], ['replication factor', t.replicationFactor, 32_767]] as const) {
        if (!loc) continue
        const v = countValue(loc)
        if (v === -1 && ctx.policy.allowBrokerDefaultCounts) continue
        if (v !== undefined && v >= 1 && v <= max) continue
        const why = v === undefined ? `${JSON.stringify(loc.value)} is not a whole number` : v === -1 ? '-1 (the broker default) is not allowed by the policy' : v > max ? `${n(v)} is above ${n(max)}` : `${n(v)} is below 1`
        ctx.emit(this.meta, t, {message: `${what}: ${why}`, fix: `set ${what} to a whole number ≥ 1${what === 'replication factor' ? ` (${ctx.policy.minReplicationFactor} by policy)` : ''}`, pos: loc.pos})
      }
    }
  },
}

const KT005: Rule = {
  meta: meta('KT005', 'duplicate-topic', 'The same topic is defined more than once', 'error', ['spec'],
    'Two definitions of one topic (same name, environment and cluster), in one file or several, fight each other: whichever is applied last wins. Each definition after the first is reported, naming the first.'),
  run(ctx) {
    const first = new Map<string, TopicDefinition>()
    for (const t of ctx.topics) {
      const id = identity(t)
      const seen = first.get(id)
      if (!seen) {
        first.set(id, t)
        continue
      }
      if (!ctx.on(this.meta.id, t)) continue
      ctx.emit(this.meta, t, {message: `topic ${t.name.value} is already defined at ${seen.pos.file}:${seen.pos.line}`, fix: `keep one definition: remove this one or the one at ${seen.pos.file}:${seen.pos.line}`})
    }
  },
}

const KT006: Rule = {
  meta: meta('KT006', 'illegal-topic-name', 'Illegal topic name, or a name that collides on "." and "_"', 'error', ['spec'],
    'Kafka topic names are 1–249 characters of [A-Za-z0-9._-], and not "." or "..". Kafka uses the name in metric names with "." replaced by "_", so it refuses a topic whose name differs from an existing one only by "." versus "_": such collisions are reported as warnings, illegal names as errors.'),
  run(ctx) {
    const normalised = new Map<string, string>()
    for (const t of ctx.topics) {
      const name = t.name.value
      const key = name.replace(/\./g, '_')
      const other = normalised.get(key)
      if (other === undefined) normalised.set(key, name)
      if (!ctx.on(this.meta.id, t)) continue
      const why =
        name.length === 0 ? 'is empty' : name === '.' || name === '..' ? 'is "." or ".."' : name.length > 249 ? `is ${n(name.length)} characters long (max 249)` : /[^A-Za-z0-9._-]/.test(name) ? `contains ${JSON.stringify(name.match(/[^A-Za-z0-9._-]/)?.[0])} (allowed: A-Z a-z 0-9 . _ -)` : undefined
      if (why) {
        ctx.emit(this.meta, t, {message: `topic name "${name}" ${why}`, fix: `rename the topic to ${JSON.stringify(name.replace(/[^A-Za-z0-9._-]/g, '-').slice(0, 249) || 'a legal name')}`, pos: t.name.pos})
      } else if (other !== undefined && other !== name) {
        ctx.emit(this.meta, t, {message: `topic name "${name}" collides with "${other}": Kafka treats "." and "_" alike and refuses the second`, fix: `rename one of the two topics`, pos: t.name.pos, severity: 'warning'})
      }
    }
  },
}

const KT007: Rule = {
  meta: meta('KT007', 'conflicting-settings', 'One config key set twice with different values', 'error', ['spec'],
    'Two settings that map to the same Kafka key (retentionMinutes and retention.ms, an Aiven-style and a Kafka-style key) with different values: only the last one takes effect, and which one a reader believes is a coin toss.'),
  run(ctx) {
    for (const t of ctx.topics) {
      if (!ctx.on(this.meta.id, t) || t.settings.length < 2) continue
      const seen = new Map<string, (typeof t.settings)[number]>()
      for (const s of t.settings) {
        const prev = seen.get(s.key)
        seen.set(s.key, s)
        if (!prev || String(prev.value) === String(s.value)) continue
        ctx.emit(this.meta, t, {
          message: `${s.key} is set twice: ${prev.writtenAs}: ${String(prev.value)} (line ${prev.pos.line}) and ${s.writtenAs}: ${String(s.value)} (line ${s.pos.line}); the last one wins`,
          fix: `keep one of ${prev.writtenAs === s.writtenAs ? s.writtenAs : `${prev.writtenAs} and ${s.writtenAs}`}`,
          pos: s.pos,
        })
      }
    }
  },
}

const KT008: Rule = {
  meta: meta('KT008', 'wrong-cluster', 'Topic targets a cluster or environment other than the profile', 'error', ['spec', 'cluster'],
    'A topic file that names a cluster or environment (topicctl cluster, Strimzi strimzi.io/cluster label) different from the cluster profile it is checked against is checked against the wrong facts, and is probably applied to the wrong cluster.'),
  run(ctx) {
    const c = ctx.cluster
    let needed = false
    for (const t of ctx.topics) {
      if (!ctx.on(this.meta.id, t)) continue
      for (const [what, loc, expected] of [['cluster', t.cluster, c.name], ['environment', t.environment, c.environment]] as const) {
        if (!loc) continue
        if (expected === undefined) {
          needed = true
          continue
        }
        if (loc.value.toLowerCase() === expected.toLowerCase()) continue
        ctx.emit(this.meta, t, {message: `topic targets ${what} "${loc.value}" but the cluster profile (${c.source}) is ${what} "${expected}"`, fix: `check it against the profile of ${what} "${loc.value}", or set ${what}: ${expected}`, pos: loc.pos})
      }
    }
    if (needed) ctx.notEvaluated(this.meta.id, 'topics name a cluster or environment but the cluster profile names none')
  },
}

export const SCHEMA_RULES: Rule[] = [KT001, KT002, KT003, KT004, KT005, KT006, KT007, KT008]
