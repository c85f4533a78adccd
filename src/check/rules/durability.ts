// §5.2 Durability: replication factor, min.insync.replicas and unclean leader election, judged on the effective
// values (topic setting, else broker default from the profile, else Kafka's default).
import type {RuleMeta, TopicDefinition} from '../types.js'
import {type Rule, type RuleContext, isProduction, labelOf} from './context.js'
import {type Effective, describeOrigin, effectiveBoolean, effectiveNumber, posOf, replicationFactor} from './effective-config.js'

const meta = (id: string, name: string, title: string, defaultSeverity: RuleMeta['defaultSeverity'], needs: RuleMeta['needs'], description: string): RuleMeta => ({id, name, title, section: '5.2', defaultSeverity, needs, description})

const rfWhere = (origin: string) => (origin === 'topic' ? '' : origin === 'broker' ? ' (broker default.replication.factor)' : " (not set: Kafka's default.replication.factor)")

/** RF and min ISR of a topic when both are known well enough to judge (RF stated or from the profile). */
function durability(ctx: RuleContext, t: TopicDefinition): {rf: number; rfOrigin: string; isr: Effective<number>} | undefined {
  const rf = replicationFactor(t, ctx.cluster)
  const isr = effectiveNumber(t, ctx.cluster, 'min.insync.replicas')
  if (!rf || rf.origin === 'kafka' || !isr) return undefined
  return {rf: rf.value, rfOrigin: rf.origin, isr}
}

const KT101: Rule = {
  meta: meta('KT101', 'rf-below-floor', 'Replication factor below the policy floor', 'error', ['spec'],
    'A replication factor below the floor (policy minReplicationFactor, default 3) loses data or availability when brokers fail: RF 3 with min.insync.replicas 2 survives one broker loss without losing acknowledged writes. A topic without a replication factor inherits default.replication.factor, which is 1 in Kafka.'),
  run(ctx) {
    const floor = ctx.policy.minReplicationFactor
    for (const t of ctx.topics) {
      if (!ctx.on(this.meta.id, t)) continue
      const rf = replicationFactor(t, ctx.cluster)
      if (!rf || rf.value >= floor) continue
      ctx.emit(this.meta, t, {message: `replication factor ${rf.value}${rfWhere(rf.origin)} is below the floor of ${floor}`, fix: `set replication factor: ${floor}`, pos: rf.pos})
    }
  },
}

const KT102: Rule = {
  meta: meta('KT102', 'rf-one-multi-broker', 'Replication factor 1 on a multi-broker cluster', 'error', ['spec', 'cluster'],
    'With one replica, any broker restart makes the topic\'s partitions on that broker unavailable and a disk loss destroys them, although the cluster has brokers to replicate to. Error in production environments (policy productionEnvironments), warning elsewhere.'),
  run(ctx) {
    const brokers = ctx.cluster.brokers
    if (brokers === undefined) return ctx.notEvaluated(this.meta.id, 'the cluster profile has no broker count')
    if (brokers < 2) return
    for (const t of ctx.topics) {
      if (!ctx.on(this.meta.id, t)) continue
      const rf = replicationFactor(t, ctx.cluster)
      if (rf?.value !== 1) continue
      ctx.emit(this.meta, t, {
        message: `replication factor 1${rfWhere(rf.origin)} on a ${brokers}-broker cluster: one broker restart takes partitions offline, one disk loss destroys them`,
        fix: `set replication factor: ${Math.min(3, brokers)}`,
        pos: rf.pos,
        severity: isProduction(t, ctx.cluster, ctx.policy) ? 'error' : 'warning',
      })
    }
  },
}

const KT103: Rule = {
  meta: meta('KT103', 'rf-exceeds-brokers', 'Replication factor above the broker (or rack) count', 'error', ['spec', 'cluster'],
    'Kafka cannot create a topic with more replicas than brokers (InvalidReplicationFactorException), and such plans often fail only at apply time. With more replicas than racks, rack-aware placement puts two replicas in one rack, so one rack failure takes out two copies (warning).'),
  run(ctx) {
    const {brokers, racks} = ctx.cluster
    if (brokers === undefined) return ctx.notEvaluated(this.meta.id, 'the cluster profile has no broker count')
    for (const t of ctx.topics) {
      if (!ctx.on(this.meta.id, t) || !ctx.onThisCluster(t)) continue
      const rf = replicationFactor(t, ctx.cluster)
      if (!rf) continue
      if (rf.value > brokers) {
        ctx.emit(this.meta, t, {message: `replication factor ${rf.value}${rfWhere(rf.origin)} > ${brokers} brokers: Kafka refuses to create the topic`, fix: `set replication factor: ${brokers} or add ${rf.value - brokers} broker(s)`, pos: rf.pos})
      } else if (racks !== undefined && racks > 1 && rf.value > racks) {
        ctx.emit(this.meta, t, {message: `replication factor ${rf.value} > ${racks} racks: two replicas share a rack, so one rack failure loses two copies`, fix: `set replication factor: ${racks} or spread brokers over ${rf.value} racks`, pos: rf.pos, severity: 'warning'})
      }
    }
  },
}

const KT104: Rule = {
  meta: meta('KT104', 'min-isr-above-rf', 'min.insync.replicas above the replication factor', 'error', ['spec'],
    'With min.insync.replicas greater than the replication factor, no write with acks=all can ever succeed (NotEnoughReplicas).'),
  run(ctx) {
    for (const t of ctx.topics) {
      if (!ctx.on(this.meta.id, t)) continue
      const d = durability(ctx, t)
      if (!d || d.isr.value <= d.rf) continue
      ctx.emit(this.meta, t, {message: `min.insync.replicas ${d.isr.value} (${describeOrigin(d.isr, ctx.cluster)}) > replication factor ${d.rf}: every acks=all write fails`, fix: `set min.insync.replicas: ${Math.max(1, d.rf - 1)}`, pos: posOf(t, d.isr)})
    }
  },
}

const KT105: Rule = {
  meta: meta('KT105', 'min-isr-equals-rf', 'min.insync.replicas equal to the replication factor', 'warning', ['spec'],
    'With min.insync.replicas equal to the replication factor, one broker down (including every rolling restart) blocks acks=all producers on the partitions it hosts. RF − 1 keeps the guarantee and tolerates one broker.'),
  run(ctx) {
    for (const t of ctx.topics) {
      if (!ctx.on(this.meta.id, t)) continue
      const d = durability(ctx, t)
      if (!d || d.rf < 2 || d.isr.value !== d.rf) continue
      ctx.emit(this.meta, t, {message: `min.insync.replicas ${d.isr.value} = replication factor ${d.rf}: one broker down (or a rolling restart) blocks acks=all writes`, fix: `set min.insync.replicas: ${d.rf - 1}`, pos: posOf(t, d.isr)})
    }
  },
}

const KT106: Rule = {
  meta: meta('KT106', 'min-isr-one-acks-all', 'min.insync.replicas 1 where producers rely on acks=all', 'error', ['spec', 'cluster', 'workload'],
    'acks=all waits only for the in-sync replicas; with min.insync.replicas 1 the ISR may shrink to the leader alone and an acknowledged write is lost with it. Error when the topic\'s producers declare acks=all; warning when only the durability tier (policy durabilityLabels/criticalTiers) says the topic is critical.'),
  run(ctx) {
    let informed = false
    for (const t of ctx.topics) {
      const tier = labelOf(t, ctx.policy.durabilityLabels)
      const critical = tier !== undefined && ctx.policy.criticalTiers.includes(tier.value.toLowerCase())
      const acksAll = t.workload?.producerAcks === 'all'
      if (t.workload?.producerAcks !== undefined || tier !== undefined) informed = true
      if (!ctx.on(this.meta.id, t) || (!acksAll && !critical)) continue
      const d = durability(ctx, t)
      if (!d || d.rf < 2 || d.isr.value !== 1) continue
      const why = acksAll ? `producers use acks=all (${t.workload?.source})` : `durability tier ${tier?.key}=${tier?.value}`
      ctx.emit(this.meta, t, {
        message: `min.insync.replicas 1 (${describeOrigin(d.isr, ctx.cluster)}) with replication factor ${d.rf} while ${why}: acks=all then succeeds with the leader alone`,
        fix: `set min.insync.replicas: ${Math.max(2, d.rf - 1)}`,
        pos: posOf(t, d.isr),
        severity: acksAll ? 'error' : 'warning',
      })
    }
    if (!informed && ctx.topics.length > 0) ctx.notEvaluated(this.meta.id, 'no topic declares producer acks or a durability tier')
  },
}

const KT107: Rule = {
  meta: meta('KT107', 'min-isr-not-explicit', 'min.insync.replicas not set on the topic', 'warning', ['spec', 'cluster'],
    'A topic without min.insync.replicas silently inherits the broker default, which is 1 in Kafka. Reported when the inherited value is below 2 or unknown (the profile states no broker default), on topics with RF ≥ 2.'),
  run(ctx) {
    for (const t of ctx.topics) {
      if (!ctx.on(this.meta.id, t)) continue
      const isr = effectiveNumber(t, ctx.cluster, 'min.insync.replicas')
      if (!isr || isr.origin === 'topic' || (isr.origin === 'broker' && isr.value >= 2)) continue
      const rf = replicationFactor(t, ctx.cluster)
      if (rf && rf.value < 2) continue
      const target = Math.max(1, Math.min(2, (rf?.value ?? 3) - 1))
      ctx.emit(this.meta, t, {message: `min.insync.replicas is not set: the topic inherits ${isr.value} (${describeOrigin(isr, ctx.cluster)})`, fix: `set min.insync.replicas: ${target}`})
    }
  },
}

const KT108: Rule = {
  meta: meta('KT108', 'unclean-election-durable', 'unclean.leader.election.enable=true on a durable topic', 'error', ['spec'],
    'Unclean leader election lets an out-of-sync replica become leader, discarding acknowledged writes. It contradicts a durability tier, a min.insync.replicas ≥ 2, or producers using acks=all.'),
  run(ctx) {
    for (const t of ctx.topics) {
      if (!ctx.on(this.meta.id, t)) continue
      const unclean = effectiveBoolean(t, ctx.cluster, 'unclean.leader.election.enable')
      if (!unclean?.value) continue
      const tier = labelOf(t, ctx.policy.durabilityLabels)
      const isr = effectiveNumber(t, ctx.cluster, 'min.insync.replicas')
      const why = tier ? `durability tier ${tier.key}=${tier.value}` : isr && isr.value >= 2 ? `min.insync.replicas ${isr.value}` : t.workload?.producerAcks === 'all' ? 'producers use acks=all' : undefined
      if (!why) continue
      ctx.emit(this.meta, t, {message: `unclean.leader.election.enable=true (${describeOrigin(unclean, ctx.cluster)}) with ${why}: an out-of-sync leader discards acknowledged writes`, fix: 'set unclean.leader.election.enable: false', pos: posOf(t, unclean)})
    }
  },
}

const KT109: Rule = {
  meta: meta('KT109', 'rf-reduced-below-min-isr', 'Replication factor reduced below min.insync.replicas', 'error', ['spec', 'baseline'],
    'Lowering the replication factor below the effective min.insync.replicas (Strimzi warnTooLargeMinIsr) makes every acks=all write fail once the reassignment completes.'),
  run(ctx) {
    if (!ctx.baseline) return ctx.notEvaluated(this.meta.id, 'no baseline (--baseline-ref) to compare with')
    for (const t of ctx.topics) {
      if (!ctx.on(this.meta.id, t)) continue
      const before = ctx.baselineOf(t)
      const rfNow = replicationFactor(t, ctx.cluster)
      const rfBefore = before && replicationFactor(before, ctx.cluster)
      const isr = effectiveNumber(t, ctx.cluster, 'min.insync.replicas')
      if (!rfNow || !rfBefore || !isr || rfNow.value >= rfBefore.value || rfNow.value >= isr.value) continue
      ctx.emit(this.meta, t, {message: `replication factor drops from ${rfBefore.value} (${ctx.baseline.ref}) to ${rfNow.value}, below min.insync.replicas ${isr.value}: acks=all writes will fail`, fix: `keep replication factor ${rfBefore.value}, or set min.insync.replicas: ${Math.max(1, rfNow.value - 1)} first`, pos: rfNow.pos})
    }
  },
}

export const DURABILITY_RULES: Rule[] = [KT101, KT102, KT103, KT104, KT105, KT106, KT107, KT108, KT109]
