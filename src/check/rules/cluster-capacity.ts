// §5.3 Sizing and capacity, cluster-wide: replica budget, disk, network and a managed unit's client quotas summed
// over every topic on the profiled cluster (one pass, then one finding pointing at the largest contributor).
// Loads come from the model (topicAt demands, perBrokerLoads, resolvePlanInput for the cluster's hardware and
// fill limit).
import {perBrokerLoads} from '../../model/flows.js'
import {resolvePlanInput} from '../../model/inputs.js'
import {topicAt} from '../../model/plan.js'
import type {FlowDemand} from '../../model/flows.js'
import type {ResourceName} from '../../model/types.js'
import type {RuleMeta, TopicDefinition} from '../types.js'
import {type Rule, n, rate, size} from './context.js'
import {effectiveNumber, partitionCount, replicationFactor} from './effective-config.js'

const meta = (id: string, name: string, title: string, defaultSeverity: RuleMeta['defaultSeverity'], needs: RuleMeta['needs'], description: string): RuleMeta => ({id, name, title, section: '5.3', defaultSeverity, needs, description})

const KT205: Rule = {
  meta: meta('KT205', 'replica-budget', 'Partition replicas above the per-broker or cluster budget', 'error', ['spec', 'cluster'],
    'Σ(partitions × RF) ÷ brokers against the per-broker replica budget (policy replicaBudgetPerBroker, default 4,000: Confluent 2018 / KIP-578 guidance) and the optional cluster budget. Also warns when the new topics add more than 10,000 partitions, the most one CreateTopics request may create (KAFKA-17870).'),
  run(ctx) {
    const brokers = ctx.cluster.brokers
    if (brokers === undefined) return ctx.notEvaluated(this.meta.id, 'the cluster profile has no broker count')
    let total = 0
    let created = 0
    let largest: {t: TopicDefinition; replicas: number; p: number; rf: number} | undefined
    let largestNew: TopicDefinition | undefined
    for (const t of ctx.topics) {
      if (!ctx.onThisCluster(t)) continue
      const p = partitionCount(t, ctx.cluster)
      const rf = replicationFactor(t, ctx.cluster)
      if (!p || !rf) continue
      const replicas = p.value * rf.value
      total += replicas
      if (!largest || replicas > largest.replicas) largest = {t, replicas, p: p.value, rf: rf.value}
      if (!ctx.baselineOf(t)) {
        created += p.value
        if (!largestNew || p.value > (partitionCount(largestNew, ctx.cluster)?.value ?? 0)) largestNew = t
      }
    }
    if (!largest || !ctx.on(this.meta.id, largest.t)) return
    const perBroker = total / brokers
    const budget = ctx.policy.replicaBudgetPerBroker
    const clusterBudget = ctx.policy.clusterReplicaBudget
    const pos = largest.t.partitions?.pos ?? largest.t.pos
    const top = `largest: ${largest.t.name.value} (${n(largest.p)} partitions × ${largest.rf} replicas)`
    if (perBroker > budget) {
      const need = Math.ceil(total / budget)
      ctx.emit(this.meta, largest.t, {message: `Σ partitions × RF = ${n(total)} replicas on ${brokers} brokers = ${n(Math.ceil(perBroker))} per broker > budget ${n(budget)}; ${top}`, fix: `add brokers: ${need} brokers keep ${n(Math.ceil(total / need))} per broker, or reduce partitions of the largest topics`, pos})
    } else if (clusterBudget !== undefined && total > clusterBudget) {
      ctx.emit(this.meta, largest.t, {message: `cluster total ${n(total)} partition replicas > cluster budget ${n(clusterBudget)}; ${top}`, fix: `reduce partitions by ${n(Math.ceil((total - clusterBudget) / largest.rf))} (at RF ${largest.rf}) or split the cluster`, pos})
    }
    if (ctx.baseline === undefined || created === 0) return
    if (created > ctx.policy.createBatchPartitionLimit && largestNew) {
      ctx.emit(this.meta, largestNew, {message: `new topics add ${n(created)} partitions, more than the ${n(ctx.policy.createBatchPartitionLimit)} one CreateTopics request may create (KAFKA-17870)`, fix: 'create the topics in several batches of at most 10,000 partitions', pos: largestNew.partitions?.pos ?? largestNew.pos, severity: 'warning'})
    }
  },
}

/** The cluster's hardware and disk-fill limit as the model resolves them (stated figures, else its defaults). */
function clusterInput(ctx: Parameters<Rule['run']>[0]) {
  return resolvePlanInput({payloadBytesPerSec: 0, ...(ctx.cluster.hardware ? {hardware: ctx.cluster.hardware} : {}), ...(ctx.cluster.brokers ? {brokers: ctx.cluster.brokers} : {})}).input
}

const KT206: Rule = {
  meta: meta('KT206', 'disk-overflow', 'Planned storage exceeds usable disk per broker', 'error', ['spec', 'cluster', 'workload'],
    'Σ over topics of the model\'s storage (stored ingress × retention × RF, plus index, active-segment overshoot and the local share for tiered topics) ÷ brokers against disk per broker × the fill limit (70%). Topics without a stated rate count only when retention.bytes bounds them (partitions × RF × (retention.bytes + segment.bytes)).'),
  run(ctx) {
    const brokers = ctx.cluster.brokers
    if (brokers === undefined) return ctx.notEvaluated(this.meta.id, 'the cluster profile has no broker count')
    if (ctx.cluster.hardware?.diskSizeBytes === undefined) return ctx.notEvaluated(this.meta.id, 'the cluster profile has no disk size per broker')
    let total = 0
    let counted = 0
    let largest: {t: TopicDefinition; bytes: number} | undefined
    for (const t of ctx.topics) {
      if (!ctx.onThisCluster(t)) continue
      const input = ctx.planInput(t)
      let b: number | undefined
      if (input?.partitions) b = topicAt(input, input.partitions).demand.storageBytes
      else {
        const p = partitionCount(t, ctx.cluster)
        const rf = replicationFactor(t, ctx.cluster)
        const rb = effectiveNumber(t, ctx.cluster, 'retention.bytes')
        const sb = effectiveNumber(t, ctx.cluster, 'segment.bytes')
        if (p && rf && rb && rb.value >= 0 && sb) b = p.value * rf.value * (rb.value + sb.value)
      }
      if (b === undefined || !Number.isFinite(b)) continue
      counted++
      total += b
      if (!largest || b > largest.bytes) largest = {t, bytes: b}
    }
    if (counted === 0) return ctx.notEvaluated(this.meta.id, 'no topic has a throughput or a retention.bytes bound')
    if (!largest || !ctx.on(this.meta.id, largest.t)) return
    const hw = clusterInput(ctx)
    const disk = hw.hardware.diskSizeBytes * hw.hardware.disks
    const usable = disk * hw.maxDiskFill
    const perBroker = total / brokers
    if (perBroker <= usable) return
    const need = Math.ceil(total / usable)
    const skipped = ctx.topics.length - counted
    ctx.emit(this.meta, largest.t, {
      message: `planned storage ${size(total)} on ${brokers} brokers = ${size(perBroker)} per broker > ${size(usable)} usable (${size(disk)} disk × ${Math.round(hw.maxDiskFill * 100)}% fill); largest: ${largest.t.name.value} (${size(largest.bytes)})${skipped > 0 ? `; ${n(skipped)} topic(s) without a rate not counted` : ''}`,
      fix: `add brokers (${need} hold it at ${Math.round(hw.maxDiskFill * 100)}% fill), bigger disks, or shorter retention on ${largest.t.name.value}`,
      pos: effectiveNumber(largest.t, ctx.cluster, 'retention.ms')?.setting?.pos ?? largest.t.pos,
    })
  },
}

/** How KT212 names each per-broker resource it checks, and the traffic each topic adds to it. */
const FLOW_RESOURCES: Partial<Record<ResourceName, {label: string; weight: (d: FlowDemand) => number}>> = {
  'network-in': {label: 'network in (produce + replication)', weight: (d) => d.storedBytesPerSec * d.replicationFactor},
  'network-out': {label: 'network out (replication + consumers)', weight: (d) => d.storedBytesPerSec * (d.replicationFactor - 1 + d.consumerGroups)},
  'client-ingress': {label: 'client ingress (producers)', weight: (d) => d.storedBytesPerSec},
  'client-egress': {label: 'client egress (consumers)', weight: (d) => d.storedBytesPerSec * d.consumerGroups},
}
const isQuota = (r: ResourceName) => r === 'client-ingress' || r === 'client-egress'

/**
 * The broker count a throughput fix names: enough with every broker up, rounded up to whole racks as `plan`
 * rounds to AZs. It is a floor, not the sized count: surviving a lost broker or rack takes more, which only
 * the sizing (with the plan's failure policy and each topic's durability) can say.
 */
function wholeRacks(brokers: number, racks: number | undefined): {count: number; text: string} {
  const r = racks !== undefined && racks > 1 ? racks : 1
  const count = Math.ceil(brokers / r) * r
  return {count, text: r > 1 ? `${count}, in whole racks of ${r},` : `${count}`}
}
const FAILURE_HEADROOM = ' with every broker up; `kafka-sizer plan --file` adds the headroom to lose one'

const KT212: Rule = {
  meta: meta('KT212', 'replication-network', "Replication plus consumer traffic above the broker network budget or a managed unit's client quota", 'warning', ['spec', 'cluster', 'workload'],
    "Per broker, network in = producer ingress + follower fetches ((RF − 1) × ingress), network out = follower fetches + consumer fan-out (groups × ingress), summed over topics by the model's flow equation, against the NIC bandwidth × target utilisation (80%). On a managed unit whose catalogue profile publishes client quotas (MSK Express, Confluent CKU), producer bytes and consumer bytes per unit are also held against the ingress and egress quotas, used in full as `plan` uses them: above a quota is an error, because `plan` would size more units."),
  run(ctx) {
    const brokers = ctx.cluster.brokers
    if (brokers === undefined) return ctx.notEvaluated(this.meta.id, 'the cluster profile has no broker count')
    if (ctx.cluster.hardware?.networkBitsPerSec === undefined) return ctx.notEvaluated(this.meta.id, 'the cluster profile has no network bandwidth per broker')
    const topics: Array<{t: TopicDefinition; d: FlowDemand}> = []
    for (const t of ctx.topics) {
      const input = ctx.planInput(t)
      if (!ctx.onThisCluster(t) || !input?.partitions) continue
      topics.push({t, d: topicAt(input, input.partitions).demand})
    }
    if (topics.length === 0) return ctx.notEvaluated(this.meta.id, 'no topic has workload expectations with a throughput')
    const hw = clusterInput(ctx)
    const loads = perBrokerLoads(topics.map((x) => x.d), hw.hardware, {targetUtilization: hw.targetUtilization, maxDiskFill: hw.maxDiskFill}, brokers)
    for (const l of loads) {
      const resource = FLOW_RESOURCES[l.resource]
      if (resource === undefined || l.utilization <= l.limit) continue
      // The finding points at the topic that adds most to this resource.
      const largest = topics.reduce((a, b) => (resource.weight(b.d) > resource.weight(a.d) ? b : a)).t
      if (!ctx.on(this.meta.id, largest)) continue
      const need = wholeRacks(Math.ceil((l.load * brokers) / (l.capacity * l.limit)), ctx.cluster.racks)
      const pct = `${Math.round(l.utilization * 100)}%`
      if (isQuota(l.resource)) {
        const unit = ctx.cluster.hardwareProfile === undefined ? '' : ` of ${ctx.cluster.hardwareProfile}`
        ctx.emit(this.meta, largest, {
          message: `${resource.label} ${rate(l.load)} per broker = ${pct} of the ${rate(l.capacity)} ${l.resource === 'client-ingress' ? 'ingress' : 'egress'} quota per broker${unit}; largest: ${largest.name.value}`,
          fix: `add brokers (at least ${need.text} to stay within the quota${FAILURE_HEADROOM}) or use a larger unit with a higher quota`,
          pos: largest.pos,
          severity: 'error',
        })
        continue
      }
      ctx.emit(this.meta, largest, {
        message: `${resource.label} ${rate(l.load)} per broker = ${pct} of ${rate(l.capacity)} > ${Math.round(l.limit * 100)}% target; largest: ${largest.name.value}`,
        fix: `add brokers (at least ${need.text} to stay under ${Math.round(l.limit * 100)}%${FAILURE_HEADROOM}) or faster NICs`,
        pos: largest.pos,
      })
    }
  },
}

export const CLUSTER_CAPACITY_RULES: Rule[] = [KT205, KT206, KT212]
