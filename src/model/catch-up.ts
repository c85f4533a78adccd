// Cluster-wide consumer catch-up (a cluster plan's lag what-if): every consumer group of every topic
// returns from an outage at once (the consumer platform was down) and reads its backlog from disk. The
// groups share the brokers' spare disk and network-out, so each one's catch-up time depends on the others.
import {brokerCapacities} from './flows.js'
import type {Hardware} from './types.js'

export interface CatchUpGroupInput {
  topic: string
  group: string
  /** The topic's average produce rate as stored (the backlog grows at this rate), bytes/s. */
  storedBytesPerSec: number
  /** The group's full read speed in stored bytes/s (active instances × per-instance rate); undefined = unknown. */
  demandBytesPerSec?: number
  outageMs: number
  retentionMs: number
}

export interface ClusterCatchUpInput {
  groups: readonly CatchUpGroupInput[]
  brokers: number
  hardware: Hardware
  /** Disk writes of the whole cluster (every replica), bytes/s, while the groups catch up. */
  diskWriteBytesPerSec: number
  /** Follower fetches sent by the whole cluster, bytes/s: network out that catch-up reads share. */
  replicationBytesPerSec: number
}

export interface CatchUpGroup {
  topic: string
  group: string
  outageMs: number
  backlogBytes: number
  /** What the group could read on its own; null when its per-instance rate is unknown. */
  demandBytesPerSec: number | null
  /** What it gets while every group catches up (its fair share of the brokers' spare capacity). */
  readBytesPerSec: number
  /** Time to drain the backlog while new data keeps arriving; null = never catches up. */
  catchUpSeconds: number | null
  /** The outage outlasted retention: data was deleted before the group returned. */
  dataLostDuringOutage: boolean
  /** A group that never catches up falls further behind; its oldest unread data is deleted after this. */
  agesOutAfterSeconds?: number
}

export interface ClusterCatchUp {
  groups: CatchUpGroup[]
  /** Sum of the groups' catch-up reads, bytes/s (all from disk: the data is older than the page cache). */
  readBytesPerSec: number
  limitedBy: 'consumers' | 'broker disk' | 'broker network out'
  diskReadPerBroker: number
  /** Disk and network-out utilisation per broker while every group catches up. */
  diskUtilization: number
  networkOutUtilization: number
}

/**
 * Max-min fair shares of `capacity` among demands (Infinity = takes whatever is left): the smallest
 * demands are met in full, the rest split what remains equally. This is how readers sharing a disk or NIC
 * settle when none of them has priority.
 */
export function fairShares(demands: readonly number[], capacity: number): number[] {
  const order = demands.map((d, i) => [d, i] as const).sort((a, b) => a[0] - b[0])
  const shares = demands.map(() => 0)
  let left = Math.max(0, capacity)
  order.forEach(([d, i], k) => {
    const share = Math.min(d, left / (order.length - k))
    shares[i] = share
    left -= share
  })
  return shares
}

export function clusterCatchUp(x: ClusterCatchUpInput): ClusterCatchUp {
  const cap = brokerCapacities(x.hardware)
  const spareDisk = Math.max(0, cap.diskThroughput * x.brokers - x.diskWriteBytesPerSec)
  const spareOut = Math.max(0, cap.networkBytesPerSec * x.brokers - x.replicationBytesPerSec)
  const spare = Math.min(spareDisk, spareOut)
  const demands = x.groups.map((g) => g.demandBytesPerSec ?? Infinity)
  const shares = fairShares(demands, spare)
  const read = shares.reduce((a, b) => a + b, 0)
  const allMet = demands.every((d, i) => shares[i] >= d - 1e-9 * Math.max(1, d))
  const groups = x.groups.map((g, i): CatchUpGroup => {
    const backlog = (g.storedBytesPerSec * g.outageMs) / 1000
    const rate = shares[i]
    const net = rate - g.storedBytesPerSec
    const out: CatchUpGroup = {
      topic: g.topic,
      group: g.group,
      outageMs: g.outageMs,
      backlogBytes: backlog,
      demandBytesPerSec: g.demandBytesPerSec ?? null,
      readBytesPerSec: rate,
      catchUpSeconds: net > 0 ? backlog / net : backlog === 0 ? 0 : null,
      dataLostDuringOutage: g.outageMs > g.retentionMs,
    }
    // Reading r bytes/s of data written at w bytes/s, the unread data ages by (1 − r/w) s per second.
    if (net <= 0 && backlog > 0 && g.storedBytesPerSec > 0 && g.outageMs <= g.retentionMs) {
      const agingPerSecond = 1 - rate / g.storedBytesPerSec
      if (agingPerSecond > 0) out.agesOutAfterSeconds = (g.retentionMs - g.outageMs) / 1000 / agingPerSecond
    }
    return out
  })
  return {
    groups,
    readBytesPerSec: read,
    limitedBy: allMet ? 'consumers' : spareDisk <= spareOut ? 'broker disk' : 'broker network out',
    diskReadPerBroker: read / x.brokers,
    diskUtilization: (x.diskWriteBytesPerSec + read) / (cap.diskThroughput * x.brokers),
    networkOutUtilization: (x.replicationBytesPerSec + read) / (cap.networkBytesPerSec * x.brokers),
  }
}

/** One topic's plan and its consumer groups, as a cluster plan has them. */
export interface CatchUpTopic {
  name: string
  plan: {
    partitions: number
    input: {replicationFactor: number; consumerOutageMs: number}
    traffic: {storedBytesPerSec: number; payloadBytesPerSec: number; messagesPerSec: number}
    storage: {effectiveRetentionMs: number}
  }
  groups: ReadonlyArray<{name: string; instances: number; rate?: {bytesPerSec?: number; messagesPerSec?: number}}>
}

/**
 * The catch-up of every group of every topic at once, at average rates (a catch-up lasts hours, so the
 * peak is not the right load). A group's rate counts payload (or messages); the brokers read stored bytes.
 */
export function clusterCatchUpFor(topics: readonly CatchUpTopic[], brokers: number, hardware: Hardware): ClusterCatchUp {
  const groups: CatchUpGroupInput[] = topics.flatMap(({name, plan, groups}) => {
    const t = plan.traffic
    const storedPerPayload = t.payloadBytesPerSec > 0 ? t.storedBytesPerSec / t.payloadBytesPerSec : 1
    const storedPerMessage = t.messagesPerSec > 0 ? t.storedBytesPerSec / t.messagesPerSec : 0
    return groups.map((g) => {
      const active = Math.min(g.instances, plan.partitions)
      const perInstance =
        g.rate?.bytesPerSec !== undefined ? g.rate.bytesPerSec * storedPerPayload : g.rate?.messagesPerSec !== undefined ? g.rate.messagesPerSec * storedPerMessage : undefined
      return {
        topic: name,
        group: g.name,
        storedBytesPerSec: t.storedBytesPerSec,
        ...(perInstance === undefined ? {} : {demandBytesPerSec: perInstance * active}),
        outageMs: plan.input.consumerOutageMs,
        retentionMs: plan.storage.effectiveRetentionMs,
      }
    })
  })
  const sum = (f: (t: CatchUpTopic) => number) => topics.reduce((a, t) => a + f(t), 0)
  return clusterCatchUp({
    groups,
    brokers,
    hardware,
    diskWriteBytesPerSec: sum((t) => t.plan.traffic.storedBytesPerSec * t.plan.input.replicationFactor),
    replicationBytesPerSec: sum((t) => t.plan.traffic.storedBytesPerSec * Math.max(0, t.plan.input.replicationFactor - 1)),
  })
}
