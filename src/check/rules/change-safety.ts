// §5.6 Change safety: the plan against the baseline (the config applied on the base branch or a snapshot).
// Topics are matched by identity (name, environment, cluster) through one Map: linear in the number of topics.
import type {RuleMeta, TopicDefinition} from '../types.js'
import {type Rule, type RuleContext, identity, ms, n, size} from './context.js'
import {cleanupPolicy, describeOrigin, effective, effectiveNumber, lastSetting, partitionCount, posOf, replicationFactor} from './effective-config.js'
import {defaultFor, topicConfig} from '../kafka-topic-configs.js'

const meta = (id: string, name: string, title: string, defaultSeverity: RuleMeta['defaultSeverity'], needs: RuleMeta['needs'], description: string): RuleMeta => ({id, name, title, section: '5.6', defaultSeverity, needs, description})

const NO_BASELINE = 'no baseline (--baseline-ref) to compare with'

/** Each planned topic with its baseline, for rules that compare the two. */
function* pairs(ctx: RuleContext, id: string): Generator<{t: TopicDefinition; before: TopicDefinition}> {
  for (const t of ctx.topics) {
    if (!ctx.on(id, t)) continue
    const before = ctx.baselineOf(t)
    if (before) yield {t, before}
  }
}

const show = (v: unknown) => (Array.isArray(v) ? v.join(',') : String(v))

const KT501: Rule = {
  meta: meta('KT501', 'partition-decrease', 'Partition count decreased', 'error', ['spec', 'baseline'],
    'Kafka cannot reduce a topic\'s partitions. Tools that "apply" a decrease either fail or delete and recreate the topic, losing its data.'),
  run(ctx) {
    if (!ctx.baseline) return ctx.notEvaluated(this.meta.id, NO_BASELINE)
    for (const {t, before} of pairs(ctx, this.meta.id)) {
      const now = partitionCount(t, ctx.cluster)
      const was = partitionCount(before, ctx.cluster)
      if (!now || !was || now.value >= was.value) continue
      ctx.emit(this.meta, t, {message: `partitions decrease from ${n(was.value)} (${ctx.baseline.ref}) to ${n(now.value)}: Kafka cannot remove partitions; a tool that recreates the topic loses its data`, fix: `keep partitions: ${was.value}`, pos: now.pos})
    }
  },
}

const KT502: Rule = {
  meta: meta('KT502', 'partition-increase-keyed', 'Partition increase on a keyed or order-sensitive topic', 'warning', ['spec', 'baseline', 'workload'],
    'Adding partitions changes hash(key) mod partitions, so records of one key land on a new partition: consumers see them out of order and Kafka Streams state no longer matches its input. Warning for any increase on a keyed topic; error from partitionIncreaseErrorFactor × the old count (default 2×).'),
  run(ctx) {
    if (!ctx.baseline) return ctx.notEvaluated(this.meta.id, NO_BASELINE)
    if (!ctx.topics.some((t) => t.workload)) return ctx.topics.length > 0 ? ctx.notEvaluated(this.meta.id, 'no workload expectations say which topics are keyed') : undefined
    for (const {t, before} of pairs(ctx, this.meta.id)) {
      const w = t.workload
      const keyed = w && (w.keyed || w.changelog || (w.coPartitionGroups?.length ?? 0) > 0 || w.request.keySizeBytes !== undefined || w.request.keySkew !== undefined)
      const now = partitionCount(t, ctx.cluster)
      const was = partitionCount(before, ctx.cluster)
      if (!keyed || !now || !was || now.value <= was.value) continue
      const factor = now.value / was.value
      ctx.emit(this.meta, t, {
        message: `partitions increase from ${n(was.value)} (${ctx.baseline.ref}) to ${n(now.value)} (${factor.toFixed(2)}×) on a keyed topic: keys move to other partitions, so per-key order breaks and Streams state diverges`,
        fix: `keep partitions: ${was.value}, or migrate to a new topic with ${n(now.value)} partitions and switch consumers over`,
        pos: now.pos,
        severity: factor >= ctx.policy.partitionIncreaseErrorFactor ? 'error' : 'warning',
      })
    }
  },
}

const KT503: Rule = {
  meta: meta('KT503', 'rf-change', 'Replication factor changed', 'warning', ['spec', 'baseline'],
    'A replication-factor change is not a config edit: it needs a partition reassignment that copies data across brokers (and capacity for it). Info when the topic carries a reassignment-plan annotation.'),
  run(ctx) {
    if (!ctx.baseline) return ctx.notEvaluated(this.meta.id, NO_BASELINE)
    for (const {t, before} of pairs(ctx, this.meta.id)) {
      const now = replicationFactor(t, ctx.cluster)
      const was = replicationFactor(before, ctx.cluster)
      if (!now || !was || now.value === was.value) continue
      const planned = Object.keys(t.annotations).some((k) => /reassignment/i.test(k))
      ctx.emit(this.meta, t, {
        message: `replication factor changes from ${was.value} (${ctx.baseline.ref}) to ${now.value}: this needs a partition reassignment that ${now.value > was.value ? 'copies every partition to new replicas' : 'removes replicas'}`,
        fix: planned ? 'run the reassignment plan named in the annotation, throttled' : 'generate a reassignment plan (kafka-reassign-partitions.sh) and apply it throttled; keep the file at the old value until then',
        pos: now.pos,
        severity: planned ? 'info' : 'warning',
      })
    }
  },
}

const KT504: Rule = {
  meta: meta('KT504', 'topic-deleted', 'Topic deleted or renamed', 'error', ['spec', 'baseline'],
    'A topic in the baseline that is missing from the plan will be deleted with its data (a rename is a delete plus a create). Allowed only with an explicit allow-deletion marker on the topic.'),
  run(ctx) {
    if (!ctx.baseline) return ctx.notEvaluated(this.meta.id, NO_BASELINE)
    const planned = new Set(ctx.topics.map(identity))
    // New topics per file: a deleted and a new topic in the same file are probably a rename.
    const newByFile = new Map<string, string>()
    const baselineIds = new Set(ctx.baseline.topics.map(identity))
    for (const t of ctx.topics) if (!baselineIds.has(identity(t)) && !newByFile.has(t.pos.file)) newByFile.set(t.pos.file, t.name.value)
    for (const b of ctx.baseline.topics) {
      if (planned.has(identity(b)) || b.allowDelete || !ctx.on(this.meta.id, b)) continue
      const renamed = newByFile.get(b.pos.file)
      ctx.emit(this.meta, b, {
        message: renamed ? `topic ${b.name.value} disappears and ${renamed} appears in the same file: a rename deletes ${b.name.value} and its data` : `topic ${b.name.value} (in ${ctx.baseline.ref}) is no longer defined: applying this deletes it and its data`,
        fix: renamed ? `keep ${b.name.value}, create ${renamed} next to it and migrate; or mark ${b.name.value} as allowed to delete` : `restore the definition, or mark the topic as allowed to delete`,
        pos: b.pos,
      })
    }
  },
}

const KT505: Rule = {
  meta: meta('KT505', 'retention-drop', 'Large retention drop', 'warning', ['spec', 'baseline', 'workload'],
    'Cutting retention.ms (or retention.bytes) to 1/largeRetentionDropFactor (default ¼) or less deletes most segments at once: an I/O spike, and consumers that lag lose unread data. With a stated throughput the message says how much data goes.'),
  run(ctx) {
    if (!ctx.baseline) return ctx.notEvaluated(this.meta.id, NO_BASELINE)
    const f = ctx.policy.largeRetentionDropFactor
    for (const {t, before} of pairs(ctx, this.meta.id)) {
      for (const key of ['retention.ms', 'retention.bytes']) {
        const now = effectiveNumber(t, ctx.cluster, key)
        const was = effectiveNumber(before, ctx.cluster, key)
        if (!now || !was || now.value < 0) continue
        const wasValue = was.value < 0 ? Infinity : was.value
        if (now.value * f > wasValue) continue
        const input = ctx.planInput(t)
        const gone = key === 'retention.ms' && input && Number.isFinite(wasValue) ? `; about ${size((input.payloadBytesPerSec * (wasValue - now.value)) / 1000)} of payload (one copy) is deleted at once` : ''
        const fmt = key === 'retention.ms' ? ms : n
        ctx.emit(this.meta, t, {message: `${key} drops from ${fmt(was.value)} (${ctx.baseline.ref}) to ${fmt(now.value)}${gone}`, fix: `lower ${key} in steps (e.g. halve it per change) and check consumer lag first`, pos: posOf(t, now)})
      }
    }
  },
}

const KT506: Rule = {
  meta: meta('KT506', 'frozen-key-change', 'Change to a frozen config key', 'error', ['spec', 'baseline'],
    'Keys the organisation has frozen (policy frozenKeys) must not change through a config edit: changing them needs a migration (e.g. message.timestamp.type changes how existing consumers read time).'),
  run(ctx) {
    if (!ctx.baseline) return ctx.notEvaluated(this.meta.id, NO_BASELINE)
    if (ctx.policy.frozenKeys.length === 0) return
    for (const {t, before} of pairs(ctx, this.meta.id)) {
      for (const key of ctx.policy.frozenKeys) {
        const now = lastSetting(t, key)
        const was = lastSetting(before, key)
        if ((now === undefined && was === undefined) || (now && was && show(now.value) === show(was.value))) continue
        ctx.emit(this.meta, t, {message: `${key} is frozen by policy but changes from ${was ? show(was.value) : '(unset)'} (${ctx.baseline.ref}) to ${now ? show(now.value) : '(unset)'}`, fix: was ? `keep ${key}: ${show(was.value)}` : `remove ${key}`, pos: now?.pos ?? t.pos})
      }
    }
  },
}

const KT507: Rule = {
  meta: meta('KT507', 'key-removed', 'Config key removed: the topic reverts to the broker default', 'warning', ['spec', 'baseline', 'cluster'],
    'A key set in the baseline and missing from the plan reverts to the broker default (some tools instead leave the old value in place, which is worse: the file no longer says what runs). The finding states both values.'),
  run(ctx) {
    if (!ctx.baseline) return ctx.notEvaluated(this.meta.id, NO_BASELINE)
    for (const {t, before} of pairs(ctx, this.meta.id)) {
      const keys = new Set(before.settings.map((s) => s.key))
      for (const key of keys) {
        if (lastSetting(t, key) || !topicConfig(key)) continue
        const was = lastSetting(before, key)
        const to = effective(t, ctx.cluster, key)
        const def = topicConfig(key)
        const toText = to ? `${show(to.value)} (${describeOrigin(to, ctx.cluster)})` : def ? `${show(defaultFor(def, ctx.cluster.kafkaVersion))} (Kafka's default)` : 'the broker default'
        ctx.emit(this.meta, t, {
          message: `${key} is removed: it reverts from ${show(was?.value)} (${ctx.baseline.ref}) to ${toText}${to?.origin === 'kafka' ? '; the cluster profile states no broker default, so the real value may differ' : ''}`,
          fix: `keep ${key}: ${show(was?.value)}, or accept ${to ? show(to.value) : 'the default'} explicitly`,
        })
      }
    }
  },
}

const KT508: Rule = {
  meta: meta('KT508', 'cleanup-policy-flip', 'cleanup.policy flipped between delete and compact', 'warning', ['spec', 'baseline'],
    'Turning compaction on for a topic that holds data compacts history away (only the latest value per key survives, records without a key break the cleaner). Turning it off starts deleting old state by retention. Either loses data consumers may rely on.'),
  run(ctx) {
    if (!ctx.baseline) return ctx.notEvaluated(this.meta.id, NO_BASELINE)
    for (const {t, before} of pairs(ctx, this.meta.id)) {
      const now = cleanupPolicy(t, ctx.cluster)
      const was = cleanupPolicy(before, ctx.cluster)
      if (!now || !was || (now.value.compact === was.value.compact && now.value.delete === was.value.delete)) continue
      const effect = now.value.compact && !was.value.compact ? 'compaction will keep only the latest record per key of the existing data' : !now.value.compact && was.value.compact ? 'retention will delete old state that compaction used to keep' : 'retention behaviour changes for existing data'
      ctx.emit(this.meta, t, {message: `cleanup.policy changes from ${was.value.text || '(empty)'} (${ctx.baseline.ref}) to ${now.value.text || '(empty)'}: ${effect}`, fix: `keep cleanup.policy: ${was.value.text}, or migrate to a new topic`, pos: posOf(t, now)})
    }
  },
}

export const CHANGE_SAFETY_RULES: Rule[] = [KT501, KT502, KT503, KT504, KT505, KT506, KT507, KT508]
