// Many topics on one cluster: each topic's partitions and batches as in a single-topic plan, the broker
// count sized for the sum of their loads, and the failure policy checked on the sum.
import {type BrokerSizing, type Durability, sizeBrokers} from './brokers.js'
import {KRAFT_CONTROLLERS, MAX_PARTITION_REPLICAS_PER_CLUSTER_ZK} from './constants.js'
import type {FlowDemand} from './flows.js'
import {roundPartitions} from './partitions.js'
import {type PlanCore, computePlan, partitionRequirement, topicAt} from './plan.js'
import type {FailureScenario, PlanInput} from './types.js'

export type FailurePolicy = 'none' | 'survive-one-broker' | 'survive-one-az'

export interface ClusterTopic {
  name: string
  /** Resolved per-topic input; cluster fields (hardware, azs, limits, brokers) are the cluster's. */
  input: PlanInput
}

export interface ClusterPlanInput {
  topics: ClusterTopic[]
  failurePolicy: FailurePolicy
  metadata: 'kraft' | 'zookeeper'
}

export interface ClusterPlanCore extends BrokerSizing {
  /** Each topic's plan at the cluster's broker count and its own partition count. */
  topics: Array<{name: string; plan: PlanCore}>
  partitions: {total: number; replicas: number; replicasPerBroker: number}
  controllers: {metadata: 'kraft' | 'zookeeper'; count: number; note: string}
}

const SCENARIOS: Record<FailurePolicy, ReadonlyArray<FailureScenario['kind']>> = {
  none: [],
  'survive-one-broker': ['broker-loss'],
  'survive-one-az': ['broker-loss', 'az-loss'],
}

export function computeClusterPlan(c: ClusterPlanInput): ClusterPlanCore {
  if (c.topics.length === 0) throw new Error('a cluster plan needs at least one topic')
  const first = c.topics[0].input
  const required = c.topics.map((t) => partitionRequirement(t.input).required)
  const durability: Durability[] = c.topics.map((t) => ({replicationFactor: t.input.replicationFactor, minInsyncReplicas: t.input.minInsyncReplicas, acks: t.input.acks}))
  const size = (partitions: number[], fixedBrokers?: number): BrokerSizing => {
    const demands: FlowDemand[] = c.topics.map((t, i) => topicAt(t.input, partitions[i]).demand)
    return sizeBrokers({
      demand: demands,
      durability,
      hardware: first.hardware,
      limits: {targetUtilization: first.targetUtilization, maxDiskFill: first.maxDiskFill},
      azs: first.azs,
      minInsyncReplicas: first.minInsyncReplicas,
      acks: first.acks,
      fixedBrokers,
      mustSurvive: SCENARIOS[c.failurePolicy],
    })
  }
  const partitionsAt = (brokers: number) => c.topics.map((t, i) => t.input.partitions ?? roundPartitions(required[i], brokers, t.input.maxConsumers).partitions)

  let brokers: number
  let sizing: BrokerSizing
  let partitions: number[]
  if (first.brokers !== undefined) {
    brokers = first.brokers
    partitions = partitionsAt(brokers)
    sizing = size(partitions, brokers)
  } else {
    // As in a single-topic plan: the smallest broker count whose own rounded partition counts fit on it.
    const step = Math.max(1, first.azs)
    brokers = size(c.topics.map((t, i) => t.input.partitions ?? required[i])).brokers
    for (let tries = 0; ; tries++) {
      partitions = partitionsAt(brokers)
      const free = size(partitions)
      if (free.brokers <= brokers) {
        const atB = size(partitions, brokers)
        sizing = {...atB, bindingResource: free.bindingResource, bindingScenario: free.bindingScenario}
        break
      }
      brokers = tries < 200 ? brokers + step : free.brokers
    }
  }
  const topics = c.topics.map((t, i) => ({name: t.name, plan: computePlan({...t.input, partitions: partitions[i], brokers})}))
  const total = partitions.reduce((a, b) => a + b, 0)
  const replicas = c.topics.reduce((a, t, i) => a + partitions[i] * t.input.replicationFactor, 0)
  return {
    brokers,
    bindingResource: sizing.bindingResource,
    bindingScenario: sizing.bindingScenario,
    bounds: sizing.bounds,
    loads: sizing.loads,
    failures: sizing.failures,
    topics,
    partitions: {total, replicas, replicasPerBroker: replicas / brokers},
    controllers: controllers(c.metadata, replicas),
  }
}

/** KRaft controllers (or ZooKeeper nodes) for the cluster's partition count. */
function controllers(metadata: 'kraft' | 'zookeeper', replicas: number): ClusterPlanCore['controllers'] {
  if (metadata === 'zookeeper') {
    return {
      metadata,
      count: 3,
      note: `3 ZooKeeper nodes; ZooKeeper-era clusters top out near ${MAX_PARTITION_REPLICAS_PER_CLUSTER_ZK.value.toLocaleString('en-US')} partition replicas (${MAX_PARTITION_REPLICAS_PER_CLUSTER_ZK.source}); this plan has ${replicas.toLocaleString('en-US')}`,
    }
  }
  // Five voters survive two failures; worth it once a cluster is large enough that metadata loss hurts most.
  const count = replicas > 100_000 ? 5 : KRAFT_CONTROLLERS.value
  return {
    metadata,
    count,
    note: `${count} dedicated KRaft controllers (${KRAFT_CONTROLLERS.source}), ≥ 4 GB RAM and SSD each; ${count === 5 ? 'five voters survive two controller failures, worth it at this partition count' : 'three voters survive one controller failure'}`,
  }
}
