// Broker count: the maximum over every bound at the target utilisation, rounded up to a multiple of the
// AZ count, then raised until the cluster survives one broker (and one AZ) lost (sizing-model §1).
import {type FlowDemand, type Limits, asDemands, brokerCapacities, perBrokerLoads, totalFlows} from './flows.js'
import {CPU_WRITE_EQUIVALENT_PER_CORE} from './constants.js'
import type {Acks, BrokerBound, FailureScenario, Hardware, ResourceLoad, ResourceName} from './types.js'

/** What a failure does to writes depends on each topic's durability settings. */
export interface Durability {
  replicationFactor: number
  minInsyncReplicas: number
  acks: Acks
}

export interface BrokerSizingInput {
  /** One topic's demand, or several topics' (a cluster plan): loads are summed. */
  demand: FlowDemand | readonly FlowDemand[]
  hardware: Hardware
  limits: Limits
  azs: number
  /** Single topic: its min.insync.replicas and acks. Several topics: `durability` lists each. */
  minInsyncReplicas: number
  acks: Acks
  durability?: readonly Durability[]
  /** Size for this many brokers instead of searching (capacity checks of an existing cluster). */
  fixedBrokers?: number
  /** The failures the cluster must survive within its limits (default: one broker, and one AZ when azs ≥ 2). */
  mustSurvive?: ReadonlyArray<FailureScenario['kind']>
}

export type Scenario = 'normal' | 'broker-loss' | 'az-loss'

export interface BrokerSizing {
  brokers: number
  bindingResource: ResourceName
  bindingScenario: Scenario
  bounds: BrokerBound[]
  loads: ResourceLoad[]
  failures: FailureScenario[]
}

const THROUGHPUT_RESOURCES: ReadonlySet<ResourceName> = new Set(['network-in', 'network-out', 'disk-throughput', 'cpu', 'client-ingress', 'client-egress'])

/** Brokers each resource alone requires at its planning limit. */
export function brokerBounds(input: BrokerSizingInput): BrokerBound[] {
  const {hardware, limits} = input
  const demands = asDemands(input.demand)
  const f = totalFlows(demands, 1)
  const cap = brokerCapacities(hardware)
  const u = limits.targetUtilization
  const mbps = (x: number) => `${(x / 1e6).toFixed(1)} MB/s`
  const rf = Math.max(...demands.map((d) => d.replicationFactor))
  const stored = demands.reduce((a, d) => a + d.storedBytesPerSec, 0)
  const storageBytes = demands.reduce((a, d) => a + d.storageBytes, 0)
  const replicas = demands.reduce((a, d) => a + d.partitions * d.replicationFactor, 0)
  const groups = demands.reduce((a, d) => a + d.consumerGroups, 0)
  const single = demands.length === 1 ? demands[0] : undefined
  const quotas: BrokerBound[] = []
  if (hardware.clientIngressBytesPerSec !== undefined) {
    quotas.push({
      resource: 'client-ingress',
      brokersNeeded: f.producerIn / hardware.clientIngressBytesPerSec,
      detail: `produce ${mbps(f.producerIn)} ÷ ${mbps(hardware.clientIngressBytesPerSec)} ingress per unit (the vendor's sustained figure, used in full)`,
    })
  }
  if (hardware.clientEgressBytesPerSec !== undefined) {
    quotas.push({
      resource: 'client-egress',
      brokersNeeded: f.consumerOut / hardware.clientEgressBytesPerSec,
      detail: `${groups} consumer group(s) ${mbps(f.consumerOut)} ÷ ${mbps(hardware.clientEgressBytesPerSec)} egress per unit (the vendor's sustained figure, used in full)`,
    })
  }
  return [
    {
      resource: 'disk-throughput',
      brokersNeeded: (f.diskWrite + f.diskRead) / (cap.diskThroughput * u),
      detail: `${single ? `writes RF ${rf} × ${mbps(stored)}` : `writes ${mbps(f.diskWrite)} (every replica of ${demands.length} topics)`}${f.diskRead > 0 ? ` + lagging reads ${mbps(f.diskRead)}` : ''} ÷ (${mbps(cap.diskThroughput)} per broker × ${pct(u)})`,
    },
    {
      resource: 'network-in',
      brokersNeeded: f.networkIn / (cap.networkBytesPerSec * u),
      detail: `produce + replication ${mbps(f.networkIn)} ÷ (${mbps(cap.networkBytesPerSec)} NIC × ${pct(u)})`,
    },
    {
      resource: 'network-out',
      brokersNeeded: f.networkOut / (cap.networkBytesPerSec * u),
      detail: `replication + ${groups} consumer group(s) ${mbps(f.networkOut)} ÷ (${mbps(cap.networkBytesPerSec)} NIC × ${pct(u)})`,
    },
    {
      resource: 'cpu',
      brokersNeeded: f.cpuWriteEquivalent / (cap.cpuWriteEquivalent * u),
      detail: `write-equivalent ${mbps(f.cpuWriteEquivalent)} ÷ (${hardware.cores} cores × ${mbps(CPU_WRITE_EQUIVALENT_PER_CORE.value)} × ${pct(u)})`,
    },
    {
      resource: 'storage',
      brokersNeeded: storageBytes / (cap.storageBytes * limits.maxDiskFill),
      detail: `${(storageBytes / 1e12).toFixed(2)} TB stored ÷ (${(cap.storageBytes / 1e12).toFixed(2)} TB per broker × ${pct(limits.maxDiskFill)} fill)`,
    },
    {
      resource: 'partition-replicas',
      brokersNeeded: replicas / cap.partitionReplicas,
      detail: single
        ? `${single.partitions} partitions × RF ${rf} ÷ ${cap.partitionReplicas} replicas per broker`
        : `${replicas} partition replicas (${demands.length} topics) ÷ ${cap.partitionReplicas} per broker`,
    },
    {resource: 'replication-factor', brokersNeeded: rf, detail: `RF ${rf} needs ${rf} brokers${single ? '' : ' (the largest RF of the topics)'}`},
    {resource: 'availability-zones', brokersNeeded: input.azs, detail: `one broker in each of ${input.azs} AZ(s)`},
    ...quotas,
  ]
}

function pct(x: number): string {
  return `${Math.round(x * 1000) / 10}%`
}

/** Survivor loads when one broker, or one AZ, is lost. */
export function failureScenarios(input: BrokerSizingInput, brokers: number): FailureScenario[] {
  const durability: readonly Durability[] =
    input.durability ?? asDemands(input.demand).map((d) => ({replicationFactor: d.replicationFactor, minInsyncReplicas: input.minInsyncReplicas, acks: input.acks}))
  const scenarios: FailureScenario[] = []
  // Replicas a partition keeps when the failure takes `lostOf(rf)` of them; writes block where that is below min.insync.
  const evaluate = (kind: FailureScenario['kind'], lost: number, lostOf: (rf: number) => number): FailureScenario => {
    const loads = perBrokerLoads(input.demand, input.hardware, input.limits, brokers, lost)
    const left = durability.map((t) => ({t, left: t.replicationFactor - lostOf(t.replicationFactor)}))
    return {
      kind,
      brokersLost: lost,
      survivors: brokers - lost,
      loads,
      withinLimits: loads.every((l) => l.utilization <= 1 + 1e-9),
      // Replicas spread evenly: a broker holds RF × P ÷ B of them, each of a different partition; an AZ
      // (rack-aware, RF ≤ zones) holds one replica of RF ÷ zones of the partitions.
      partitionsLosingReplica: Math.round(
        asDemands(input.demand).reduce((a, d) => a + Math.min(d.partitions, (d.partitions * d.replicationFactor * lost) / brokers), 0),
      ),
      minReplicasLeft: Math.min(...left.map((x) => x.left)),
      writesBlocked: left.some((x) => x.t.acks === 'all' && x.left < x.t.minInsyncReplicas),
    }
  }
  if (brokers >= 2) scenarios.push(evaluate('broker-loss', 1, () => 1))
  if (input.azs >= 2 && brokers % input.azs === 0) {
    scenarios.push(evaluate('az-loss', brokers / input.azs, (rf) => Math.ceil(rf / input.azs)))
  }
  return scenarios
}

/** The resource with the highest utilisation relative to its limit. */
function tightest(loads: ResourceLoad[], throughputOnly: boolean): ResourceLoad {
  const candidates = throughputOnly ? loads.filter((l) => THROUGHPUT_RESOURCES.has(l.resource)) : loads
  return candidates.reduce((a, b) => (b.utilization / b.limit > a.utilization / a.limit ? b : a))
}

export function sizeBrokers(input: BrokerSizingInput): BrokerSizing {
  const bounds = brokerBounds(input)
  const step = Math.max(1, input.azs)
  if (input.fixedBrokers !== undefined) {
    const brokers = input.fixedBrokers
    const loads = perBrokerLoads(input.demand, input.hardware, input.limits, brokers)
    return {brokers, bindingResource: tightest(loads, false).resource, bindingScenario: 'normal', bounds, loads, failures: failureScenarios(input, brokers)}
  }
  // Float noise must not add a broker: 3.0000000001 brokers needed is 3.
  const needed = Math.max(1, ...bounds.map((b) => Math.ceil(b.brokersNeeded - 1e-9)))
  const top = bounds.reduce((a, b) => (Math.ceil(b.brokersNeeded - 1e-9) > Math.ceil(a.brokersNeeded - 1e-9) ? b : a))
  let brokers = Math.ceil(needed / step) * step
  let bindingResource: ResourceName = top.resource
  let bindingScenario: Scenario = 'normal'
  // Raise the count until every failure scenario fits within 100% of every survivor's capacity.
  for (let guard = 0; guard < 10_000; guard++) {
    const mustSurvive = input.mustSurvive ?? ['broker-loss', 'az-loss']
    const failing = failureScenarios(input, brokers).find((s) => mustSurvive.includes(s.kind) && !s.withinLimits)
    if (!failing) break
    bindingResource = tightest(failing.loads, true).resource
    bindingScenario = failing.kind
    brokers += step
  }
  return {
    brokers,
    bindingResource,
    bindingScenario,
    bounds,
    loads: perBrokerLoads(input.demand, input.hardware, input.limits, brokers),
    failures: failureScenarios(input, brokers),
  }
}
