// §5.7 Governance and metadata: naming, required labels, key allow/deny lists, throttles left in files, and
// parity of one topic across environments (grouped by name: the only pairwise comparison, within a group).
import type {RuleMeta, TopicDefinition} from '../types.js'
import {type Rule, ms} from './context.js'
import {effectiveNumber, lastSetting, posOf, replicationFactor} from './effective-config.js'

const meta = (id: string, name: string, title: string, defaultSeverity: RuleMeta['defaultSeverity'], needs: RuleMeta['needs'], description: string): RuleMeta => ({id, name, title, section: '5.7', defaultSeverity, needs, description})

const KT601: Rule = {
  meta: meta('KT601', 'naming-convention', 'Topic name does not follow the naming convention', 'error', ['spec'],
    'Names must match the policy namingPattern (a regular expression matched against the whole name), e.g. ^[a-z]+\\.[a-z-]+\\.v[0-9]+$ for <domain>.<name>.v<version>.'),
  run(ctx) {
    const pattern = ctx.policy.namingPattern
    if (pattern === undefined) return ctx.notEvaluated(this.meta.id, 'the policy has no namingPattern')
    const re = new RegExp(`^(?:${pattern})$`)
    for (const t of ctx.topics) {
      if (!ctx.on(this.meta.id, t) || re.test(t.name.value)) continue
      ctx.emit(this.meta, t, {message: `topic name "${t.name.value}" does not match the naming pattern ${pattern}`, fix: `rename the topic to match ${pattern}`, pos: t.name.pos})
    }
  },
}

const KT602: Rule = {
  meta: meta('KT602', 'required-metadata', 'Required label or annotation missing', 'warning', ['spec'],
    'Every topic must carry the labels or annotations the policy requires (requiredLabels: owner, description, data classification, durability tier…), so that someone can be asked about it and its handling is known.'),
  run(ctx) {
    const required = ctx.policy.requiredLabels
    if (required.length === 0) return ctx.notEvaluated(this.meta.id, 'the policy requires no labels (requiredLabels)')
    for (const t of ctx.topics) {
      if (!ctx.on(this.meta.id, t)) continue
      const missing = required.filter((k) => !(t.labels[k] ?? t.annotations[k]))
      if (missing.length === 0) continue
      ctx.emit(this.meta, t, {message: `missing required metadata: ${missing.join(', ')}`, fix: `add ${missing.map((k) => `${k}: <value>`).join(', ')} to the topic's labels`})
    }
  },
}

const KT603: Rule = {
  meta: meta('KT603', 'key-not-allowed', 'Config key outside the allow-list or on the deny-list', 'error', ['spec'],
    'Teams may set only the keys the policy allows (allowedKeys) and never the keys it denies (deniedKeys), e.g. deny unclean.leader.election.enable and flush.* on shared clusters.'),
  run(ctx) {
    const {allowedKeys, deniedKeys} = ctx.policy
    if (allowedKeys === undefined && deniedKeys === undefined) return ctx.notEvaluated(this.meta.id, 'the policy has no allowedKeys or deniedKeys')
    const allowed = allowedKeys && new Set(allowedKeys)
    const denied = new Set(deniedKeys ?? [])
    for (const t of ctx.topics) {
      if (!ctx.on(this.meta.id, t)) continue
      for (const s of t.settings) {
        if (denied.has(s.key)) ctx.emit(this.meta, t, {message: `${s.key} is on the policy's deny-list`, fix: `remove ${s.key}`, pos: s.pos})
        else if (allowed && !allowed.has(s.key)) ctx.emit(this.meta, t, {message: `${s.key} is not on the policy's allow-list`, fix: `remove ${s.key}, or ask the platform team to allow it`, pos: s.pos})
      }
    }
  },
}

const KT604: Rule = {
  meta: meta('KT604', 'throttle-committed', 'Replication throttle committed in topic config', 'warning', ['spec'],
    'leader/follower.replication.throttled.replicas are set by reassignment tools for the duration of a move. Committed to a topic file they throttle replication forever (or are wiped on the next apply), and under-replicated partitions catch up slowly.'),
  run(ctx) {
    for (const t of ctx.topics) {
      if (!ctx.on(this.meta.id, t)) continue
      for (const key of ['leader.replication.throttled.replicas', 'follower.replication.throttled.replicas']) {
        const s = lastSetting(t, key)
        if (!s || String(s.value).trim() === '') continue
        ctx.emit(this.meta, t, {message: `${key} is set to ${JSON.stringify(String(s.value))}: a reassignment throttle left in the topic's config`, fix: `remove ${key} (throttles belong to a running reassignment, not the topic file)`, pos: s.pos})
      }
    }
  },
}

const KT605: Rule = {
  meta: meta('KT605', 'environment-parity', 'One topic weaker in a more important environment, or diverging', 'warning', ['spec'],
    'The same topic in several environments (policy environmentOrder, dev … prod): a later environment with a lower replication factor, min.insync.replicas or retention.ms than an earlier one is a warning (production should not be weaker than staging). Differences in the policy parityKeys are info.'),
  run(ctx) {
    const order = ctx.policy.environmentOrder.map((e) => e.toLowerCase())
    const byName = new Map<string, Array<{t: TopicDefinition; env: string; rank: number}>>()
    let withEnv = 0
    for (const t of ctx.topics) {
      const env = (t.environment?.value ?? t.cluster?.value)?.toLowerCase()
      if (env === undefined) continue
      withEnv++
      const list = byName.get(t.name.value) ?? []
      list.push({t, env, rank: order.findIndex((o) => env === o || env.startsWith(o))})
      byName.set(t.name.value, list)
    }
    if (withEnv === 0) return ctx.notEvaluated(this.meta.id, 'no topic names an environment or cluster')
    for (const group of byName.values()) {
      if (group.length < 2) continue
      group.sort((a, b) => a.rank - b.rank)
      for (let i = 1; i < group.length; i++) {
        const lo = group[i - 1]
        const hi = group[i]
        if (hi.env === lo.env || !ctx.on(this.meta.id, hi.t)) continue
        const checks: Array<[string, number | undefined, number | undefined, (x: number) => string, ReturnType<typeof posOf>]> = []
        const rfHi = replicationFactor(hi.t, ctx.cluster)
        const rfLo = replicationFactor(lo.t, ctx.cluster)
        checks.push(['replication factor', rfHi?.value, rfLo?.value, String, rfHi?.pos ?? hi.t.pos])
        for (const key of ['min.insync.replicas', 'retention.ms']) {
          const a = effectiveNumber(hi.t, ctx.cluster, key)
          const b = effectiveNumber(lo.t, ctx.cluster, key)
          const inf = (x?: number) => (x !== undefined && key === 'retention.ms' && x < 0 ? Infinity : x)
          checks.push([key, inf(a?.value), inf(b?.value), key === 'retention.ms' ? ms : String, posOf(hi.t, a)])
        }
        if (hi.rank > lo.rank && lo.rank >= 0) {
          for (const [what, h, l, fmt, pos] of checks) {
            if (h === undefined || l === undefined || h >= l) continue
            ctx.emit(this.meta, hi.t, {message: `${what} ${fmt(h)} in ${hi.env} is weaker than ${fmt(l)} in ${lo.env} (${lo.t.pos.file}:${lo.t.pos.line})`, fix: `set ${what} to ${Number.isFinite(l) ? l : -1} in ${hi.env}`, pos})
          }
        }
        for (const key of ctx.policy.parityKeys) {
          const a = lastSetting(hi.t, key)
          const b = lastSetting(lo.t, key)
          if (!a && !b) continue
          if (a && b && String(a.value) === String(b.value)) continue
          ctx.emit(this.meta, hi.t, {message: `${key} differs between ${lo.env} (${b ? String(b.value) : 'unset'}) and ${hi.env} (${a ? String(a.value) : 'unset'})`, fix: `use the same ${key} in every environment, or document why ${hi.env} differs`, pos: a?.pos ?? hi.t.pos, severity: 'info'})
        }
      }
    }
  },
}

export const GOVERNANCE_RULES: Rule[] = [KT601, KT602, KT603, KT604, KT605]
