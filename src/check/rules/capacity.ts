// §5.3 Sizing and capacity, per topic: partitions against consumers, per-partition throughput, broker spread,
// org range, retention against the workload, hot keys and co-partitioning. Every number that depends on the
// workload comes from the sizing model (resolvePlanInput via ctx.planInput, partitionRequirement, hotKeyLoad,
// computeStorage), never from a formula restated here.
import {hotKeyLoad} from '../../model/hot-keys.js'
import {roundPartitions} from '../../model/partitions.js'
import {partitionRequirement, storageFor, topicAt} from '../../model/plan.js'
import type {StorageBreakdown} from '../../model/storage.js'
import type {PlanInput} from '../../model/types.js'
import type {RuleMeta, TopicDefinition} from '../types.js'
import {type Rule, type RuleContext, bytes, ms, multipleAtLeast, n, rate} from './context.js'
import {cleanupPolicy, effectiveNumber, partitionCount, posOf} from './effective-config.js'

const meta = (id: string, name: string, title: string, defaultSeverity: RuleMeta['defaultSeverity'], needs: RuleMeta['needs'], description: string): RuleMeta => ({id, name, title, section: '5.3', defaultSeverity, needs, description})

/** The model's storage for a topic at its own partition count (one broker: per-broker figures are not used). */
export function storageOf(input: PlanInput, partitions: number): StorageBreakdown {
  return storageFor(input, topicAt(input, partitions).averageBatch, partitions, 1, input.retentionMs)
}

/** A partition count to suggest: the model's rounding (a multiple of the brokers, round multipliers). */
function suggestPartitions(ctx: RuleContext, required: number, maxConsumers: number): string {
  const brokers = ctx.cluster.brokers
  const {partitions} = roundPartitions(required, brokers ?? 1, maxConsumers)
  return `raise partitions to ${n(partitions)}${brokers ? ` (a multiple of ${brokers} brokers)` : ''}`
}

function requireWorkload(ctx: RuleContext, id: string, has: (t: TopicDefinition) => boolean, what: string): boolean {
  if (ctx.topics.some(has)) return true
  if (ctx.topics.length > 0) ctx.notEvaluated(id, `no topic has workload expectations with ${what}`)
  return false
}

const KT201: Rule = {
  meta: meta('KT201', 'partitions-below-consumers', 'Fewer partitions than consumer instances in a group', 'warning', ['spec', 'workload'],
    'A consumer group uses at most one instance per partition; instances beyond the partition count sit idle and the group cannot scale out further.'),
  run(ctx) {
    if (!requireWorkload(ctx, this.meta.id, (t) => (t.workload?.consumerGroups.length ?? 0) > 0, 'consumer groups')) return
    for (const t of ctx.topics) {
      if (!ctx.on(this.meta.id, t) || !t.workload) continue
      const p = partitionCount(t, ctx.cluster)
      const biggest = t.workload.consumerGroups.reduce<{name: string; instances: number} | undefined>((a, g) => (a && a.instances >= g.instances ? a : g), undefined)
      if (!p || !biggest || biggest.instances <= p.value) continue
      const to = ctx.cluster.brokers ? multipleAtLeast(biggest.instances, ctx.cluster.brokers) : biggest.instances
      ctx.emit(this.meta, t, {
        message: `consumer group ${biggest.name} runs ${n(biggest.instances)} instances but the topic has ${n(p.value)} partitions: ${n(biggest.instances - p.value)} instances sit idle`,
        fix: `raise partitions to ${n(to)}${ctx.cluster.brokers && to !== biggest.instances ? ` (a multiple of ${ctx.cluster.brokers} brokers)` : ''}, or run at most ${n(p.value)} instances`,
        pos: p.pos,
      })
    }
  },
}

const KT202: Rule = {
  meta: meta('KT202', 'partition-throughput', 'Per-partition throughput above the budget', 'error', ['spec', 'workload'],
    'Peak payload ÷ partitions against one partition\'s throughput p (policy perPartitionBytesPerSec, default the model\'s 10 MB/s): above p is an error. A count that carries today\'s peak but not the model\'s partition requirement (growth horizon, consumer rate t/c, a replica per disk) is a warning. Egress per partition (ingress × consumer groups) is checked when the policy sets perPartitionEgressBytesPerSec.'),
  run(ctx) {
    if (!requireWorkload(ctx, this.meta.id, (t) => ctx.planInput(t) !== undefined, 'a throughput')) return
    for (const t of ctx.topics) {
      const input = ctx.planInput(t)
      if (!ctx.on(this.meta.id, t) || !input || input.partitions === undefined) continue
      const partitions = input.partitions
      const pos = t.partitions?.pos ?? t.pos
      const peak = input.payloadBytesPerSec * input.peakFactor
      const per = peak / partitions
      const p = input.partitionThroughputBytesPerSec
      const req = partitionRequirement(input)
      const required = Math.max(1, ...req.reasons.filter((r) => r.rule !== 'consumers').map((r) => r.partitions))
      if (per > p) {
        ctx.emit(this.meta, t, {message: `peak ${rate(peak)} ÷ ${n(partitions)} partitions = ${rate(per)} per partition > ${rate(p)} per-partition budget`, fix: suggestPartitions(ctx, required, input.maxConsumers), pos})
      } else if (required > partitions) {
        const binding = req.reasons.filter((r) => r.rule !== 'consumers').sort((a, b) => b.partitions - a.partitions)[0]
        ctx.emit(this.meta, t, {message: `${n(partitions)} partitions carry today's peak (${rate(per)} per partition) but the model requires ${n(required)}: ${binding.detail}`, fix: suggestPartitions(ctx, required, input.maxConsumers), pos, severity: 'warning'})
      }
      const egressBudget = ctx.policy.perPartitionEgressBytesPerSec
      if (egressBudget !== undefined && per * input.consumerGroups > egressBudget) {
        const need = Math.ceil((peak * input.consumerGroups) / egressBudget)
        ctx.emit(this.meta, t, {message: `egress ${rate(per)} × ${input.consumerGroups} consumer groups = ${rate(per * input.consumerGroups)} per partition > ${rate(egressBudget)} egress budget`, fix: suggestPartitions(ctx, need, input.maxConsumers), pos, severity: 'warning'})
      }
    }
  },
}

const KT203: Rule = {
  meta: meta('KT203', 'partitions-not-multiple', 'Partition count not a multiple of the broker or rack count', 'warning', ['spec', 'cluster'],
    'With more partitions than brokers but not a multiple of them, some brokers lead one partition more than others: uneven leaders, disk and network. Also checked against racks. Error when the policy asks for balanced leaders (balancedLeaders). A broker count kafka-sizer sized for a plan file without cluster.brokers is named as sized.'),
  run(ctx) {
    const {brokers, racks} = ctx.cluster
    if (brokers === undefined) return ctx.notEvaluated(this.meta.id, 'the cluster profile has no broker count')
    for (const t of ctx.topics) {
      if (!ctx.on(this.meta.id, t) || !ctx.onThisCluster(t)) continue
      const p = partitionCount(t, ctx.cluster)
      if (!p) continue
      for (const [count, what] of [[brokers, 'brokers'], [racks, 'racks']] as const) {
        if (count === undefined || count < 2 || p.value <= count || p.value % count === 0) continue
        const lower = Math.floor(p.value / count) * count
        // A count kafka-sizer sized is not necessarily the cluster the topics will run on: say where it came from.
        const sized = what === 'brokers' && ctx.cluster.brokersSized ? ' (sized by kafka-sizer for this plan; set cluster.brokers to check against your real count)' : ''
        ctx.emit(this.meta, t, {
          message: `${n(p.value)} partitions on ${count} ${what}${sized}: ${n(p.value % count)} ${what} get one partition more than the others`,
          fix: `set partitions to ${n(lower + count)} (or ${n(lower)}), a multiple of ${count} ${what}`,
          pos: p.pos,
          severity: ctx.policy.balancedLeaders ? 'error' : 'warning',
        })
        break
      }
    }
  },
}

const KT204: Rule = {
  meta: meta('KT204', 'partitions-out-of-range', 'Partition count outside the policy range', 'error', ['spec'],
    'Too few partitions leave no room for growth (partitions cannot be reduced later); too many cost file handles, memory, leader-election time and smaller batches. The range is the policy\'s partitions.min and partitions.max (default 1–1,000).'),
  run(ctx) {
    const {min, max} = ctx.policy.partitions
    for (const t of ctx.topics) {
      if (!ctx.on(this.meta.id, t)) continue
      const p = partitionCount(t, ctx.cluster)
      if (!p || (p.value >= min && p.value <= max)) continue
      ctx.emit(this.meta, t, {message: `${n(p.value)} partitions is outside the policy range ${n(min)}–${n(max)}`, fix: `set partitions to ${n(p.value < min ? min : max)}`, pos: p.pos})
    }
  },
}

const KT207: Rule = {
  meta: meta('KT207', 'retention-bytes-too-small', 'retention.bytes cuts time retention short', 'warning', ['spec', 'workload'],
    'retention.bytes applies per partition. When the bytes a partition receives over retention.ms exceed it, size retention deletes data before retention.ms: the topic keeps less time than it says. The model\'s storage (stored bytes after compression and batch overhead) gives the window actually kept.'),
  run(ctx) {
    if (!requireWorkload(ctx, this.meta.id, (t) => ctx.planInput(t) !== undefined, 'a throughput')) return
    for (const t of ctx.topics) {
      const input = ctx.planInput(t)
      if (!ctx.on(this.meta.id, t) || !input?.partitions || input.retentionBytesPerPartition === undefined || !Number.isFinite(input.retentionMs)) continue
      const s = storageOf(input, input.partitions)
      if (s.retentionLimitedBy !== 'retention.bytes') continue
      const perPartition = s.breakdown.logBytes / input.replicationFactor / input.partitions / (s.effectiveRetentionMs / 1000)
      const needed = Math.ceil((perPartition * input.retentionMs) / 1000)
      const rb = effectiveNumber(t, ctx.cluster, 'retention.bytes')
      ctx.emit(this.meta, t, {
        message: `retention.bytes ${bytes(input.retentionBytesPerPartition)} per partition holds ${ms(Math.round(s.effectiveRetentionMs))} at ${rate(perPartition)} per partition, less than retention.ms ${ms(input.retentionMs)}`,
        fix: `set retention.bytes: ${needed} (per partition) or remove it`,
        pos: posOf(t, rb),
      })
    }
  },
}

const KT208: Rule = {
  meta: meta('KT208', 'retention-requirement', 'retention.ms differs from the requirement or the policy range', 'warning', ['spec', 'workload'],
    'Retention shorter than the declared data-retention requirement deletes data someone needs (error); longer costs disk for nothing (warning). Retention outside the policy retention.minMs/maxMs is an error; -1 (infinite) is above any maximum.'),
  run(ctx) {
    const {minMs, maxMs} = ctx.policy.retention
    const hasPolicy = minMs !== undefined || maxMs !== undefined
    if (!hasPolicy && !requireWorkload(ctx, this.meta.id, (t) => t.workload?.requiredRetentionMs !== undefined, 'a required retention')) return
    for (const t of ctx.topics) {
      if (!ctx.on(this.meta.id, t)) continue
      const r = effectiveNumber(t, ctx.cluster, 'retention.ms')
      if (!r) continue
      const value = r.value < 0 ? Infinity : r.value
      const pos = posOf(t, r)
      if (maxMs !== undefined && value > maxMs) {
        ctx.emit(this.meta, t, {message: `retention.ms ${ms(r.value)} is above the policy maximum ${ms(maxMs)}`, fix: `set retention.ms: ${maxMs}`, pos, severity: 'error'})
        continue
      }
      if (minMs !== undefined && value < minMs) {
        ctx.emit(this.meta, t, {message: `retention.ms ${ms(r.value)} is below the policy minimum ${ms(minMs)}`, fix: `set retention.ms: ${minMs}`, pos, severity: 'error'})
        continue
      }
      const required = t.workload?.requiredRetentionMs
      if (required === undefined || value === required) continue
      const short = value < required
      ctx.emit(this.meta, t, {
        message: `retention.ms ${ms(r.value)} is ${short ? 'shorter' : 'longer'} than the required ${ms(required)} (${t.workload?.source})`,
        fix: `set retention.ms: ${required}`,
        pos,
        severity: short ? 'error' : 'warning',
      })
    }
  },
}

const KT209: Rule = {
  meta: meta('KT209', 'unbounded-retention', 'Unbounded retention on a delete-policy topic with traffic', 'error', ['spec', 'workload'],
    'retention.ms = -1 and retention.bytes = -1 on a topic whose cleanup policy deletes (or an empty cleanup.policy, Kafka ≥ 4.2) keeps every byte forever: the disk fills at the ingress rate.'),
  run(ctx) {
    if (!requireWorkload(ctx, this.meta.id, (t) => ctx.planInput(t) !== undefined, 'a throughput')) return
    for (const t of ctx.topics) {
      const input = ctx.planInput(t)
      if (!ctx.on(this.meta.id, t) || !input || input.payloadBytesPerSec <= 0) continue
      const cp = cleanupPolicy(t, ctx.cluster)
      const r = effectiveNumber(t, ctx.cluster, 'retention.ms')
      const b = effectiveNumber(t, ctx.cluster, 'retention.bytes')
      if (!cp || cp.value.compact || !r || !b || r.value >= 0 || b.value >= 0) continue
      const perDay = input.payloadBytesPerSec * 86_400 * input.replicationFactor
      ctx.emit(this.meta, t, {message: `retention.ms -1 and retention.bytes -1 keep everything: ${rate(input.payloadBytesPerSec)} × RF ${input.replicationFactor} grows the cluster's disks by ${bytes(perDay)} per day, forever`, fix: 'set retention.ms (e.g. 604800000 for 7 d) or cleanup.policy: compact', pos: posOf(t, r)})
    }
  },
}

const KT210: Rule = {
  meta: meta('KT210', 'hot-partition', 'Hot key overloads a partition, or fewer keys than partitions', 'error', ['spec', 'workload'],
    'With key-based partitioning one key\'s traffic lands on one partition: the model\'s hot-key load (top-key share × peak + its share of the rest) above one partition\'s throughput is an error. Fewer distinct keys than partitions leaves partitions empty (warning).'),
  run(ctx) {
    if (!requireWorkload(ctx, this.meta.id, (t) => t.workload?.request.keySkew !== undefined || t.workload?.request.distinctKeys !== undefined, 'key skew or key count')) return
    for (const t of ctx.topics) {
      const input = ctx.planInput(t)
      if (!ctx.on(this.meta.id, t) || !input?.partitions) continue
      const pos = t.partitions?.pos ?? t.pos
      if (input.keySkew !== undefined) {
        const h = hotKeyLoad({keySkew: input.keySkew, peakPayloadBytesPerSec: input.payloadBytesPerSec * input.peakFactor, partitions: input.partitions, partitionThroughputBytesPerSec: input.partitionThroughputBytesPerSec})
        if (h.overloaded) {
          ctx.emit(this.meta, t, {
            message: `the hottest key carries ${Math.round(input.keySkew * 100)}% of the peak: its partition takes ${rate(h.hottestPartitionBytesPerSec)} > ${rate(input.partitionThroughputBytesPerSec)} per-partition budget (${h.imbalance.toFixed(1)}× the mean); more partitions do not help`,
            fix: `salt the hot key over ${h.saltingFactor} partitions (loses strict per-key order), or move it to its own topic`,
            pos,
          })
        }
      }
      const keys = input.distinctKeys
      if (keys !== undefined && keys < input.partitions) {
        ctx.emit(this.meta, t, {message: `${n(keys)} distinct keys on ${n(input.partitions)} partitions: at least ${n(input.partitions - keys)} partitions stay empty`, fix: `set partitions to ${n(keys)} or fewer, or use a key with more values`, pos, severity: 'warning'})
      }
    }
  },
}

const KT211: Rule = {
  meta: meta('KT211', 'co-partitioning', 'Topics joined by one Streams app have different partition counts', 'error', ['spec', 'workload'],
    'Kafka Streams joins require co-partitioned inputs: equal partition counts (and the same partitioner). An app whose inputs differ fails at start-up (TopologyException) or, with repartitioning, pays for an extra topic.'),
  run(ctx) {
    const groups = new Map<string, Array<{t: TopicDefinition; partitions: number}>>()
    for (const t of ctx.topics) {
      const p = partitionCount(t, ctx.cluster)
      if (!p) continue
      for (const app of t.workload?.coPartitionGroups ?? []) {
        const list = groups.get(app) ?? []
        list.push({t, partitions: p.value})
        groups.set(app, list)
      }
    }
    if (groups.size === 0) return ctx.notEvaluated(this.meta.id, 'no topic names a Streams app that joins it (coPartitionGroups)')
    for (const [app, members] of groups) {
      if (members.length < 2) continue
      const counts = new Map<number, number>()
      for (const m of members) counts.set(m.partitions, (counts.get(m.partitions) ?? 0) + 1)
      if (counts.size < 2) continue
      // The most common count is the target; ties go to the larger count (partitions can only grow).
      const target = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0][0]
      const list = members.map((m) => `${m.t.name.value} (${n(m.partitions)})`).join(', ')
      for (const m of members) {
        if (m.partitions === target || !ctx.on(this.meta.id, m.t)) continue
        ctx.emit(this.meta, m.t, {message: `Streams app ${app} joins ${list}: co-partitioned topics need equal partition counts`, fix: `set partitions to ${n(target)}`, pos: m.t.partitions?.pos ?? m.t.pos})
      }
    }
  },
}

export const CAPACITY_RULES: Rule[] = [KT201, KT202, KT203, KT204, KT207, KT208, KT209, KT210, KT211]
