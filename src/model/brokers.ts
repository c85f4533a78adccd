// Broker count: the maximum over every bound at the target utilisation, rounded up to a multiple of the
// AZ count, then raised until the cluster survives one broker (and one AZ) lost (sizing-model §1).
import {type FlowDemand, type Limits, brokerCapacities, clusterFlows, perBrokerLoads} from './flows.js'
import {CPU_WRITE_EQUIVALENT_PER_CORE} from './constants.js'
import type {Acks, BrokerBound, FailureScenario, Hardware, ResourceLoad, ResourceName} from './types.js'

export interface BrokerSizingInput {
  demand: FlowDemand
  hardware: Hardware
  limits: Limits
  azs: number
  minInsyncReplicas: number
  acks: Acks
  /** Size for this many brokers instead of searching (capacity checks of an existing cluster). */
  fixedBrokers?: number
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

const THROUGHPUT_RESOURCES: ReadonlySet<ResourceName> = new Set(['network-in', 'network-out', 'disk-throughput', 'cpu'])

/** Brokers each resource alone requires at its planning limit. */
export function brokerBounds(input: BrokerSizingInput): BrokerBound[] {
  const {demand, hardware, limits} = input
  const f = clusterFlows(demand, 1)
  const cap = brokerCapacities(hardware)
  const u = limits.targetUtilization
  const mbps = (x: number) => `${(x / 1e6).toFixed(1)} MB/s`
  const rf = demand.replicationFactor
  return [
    {
      resource: 'disk-throughput',
      brokersNeeded: (f.diskWrite + f.diskRead) / (cap.diskThroughput * u),
      detail: `writes RF ${rf} × ${mbps(demand.storedBytesPerSec)}${f.diskRead > 0 ? ` + lagging reads ${mbps(f.diskRead)}` : ''} ÷ (${mbps(cap.diskThroughput)} per broker × ${pct(u)})`,
    },
    {
      resource: 'network-in',
      brokersNeeded: f.networkIn / (cap.networkBytesPerSec * u),
      detail: `produce + replication ${mbps(f.networkIn)} ÷ (${mbps(cap.networkBytesPerSec)} NIC × ${pct(u)})`,
    },
    {
      resource: 'network-out',
      brokersNeeded: f.networkOut / (cap.networkBytesPerSec * u),
      detail: `replication + ${demand.consumerGroups} consumer group(s) ${mbps(f.networkOut)} ÷ (${mbps(cap.networkBytesPerSec)} NIC × ${pct(u)})`,
    },
    {
      resource: 'cpu',
      brokersNeeded: f.cpuWriteEquivalent / (cap.cpuWriteEquivalent * u),
      detail: `write-equivalent ${mbps(f.cpuWriteEquivalent)} ÷ (${hardware.cores} cores × ${mbps(CPU_WRITE_EQUIVALENT_PER_CORE.value)} × ${pct(u)})`,
    },
    {
      resource: 'storage',
      brokersNeeded: demand.storageBytes / (cap.storageBytes * limits.maxDiskFill),
      detail: `${(demand.storageBytes / 1e12).toFixed(2)} TB stored ÷ (${(cap.storageBytes / 1e12).toFixed(2)} TB per broker × ${pct(limits.maxDiskFill)} fill)`,
    },
    {
      resource: 'partition-replicas',
      brokersNeeded: (demand.partitions * rf) / cap.partitionReplicas,
      detail: `${demand.partitions} partitions × RF ${rf} ÷ ${cap.partitionReplicas} replicas per broker`,
    },
    {resource: 'replication-factor', brokersNeeded: rf, detail: `RF ${rf} needs ${rf} brokers`},
    {resource: 'availability-zones', brokersNeeded: input.azs, detail: `one broker in each of ${input.azs} AZ(s)`},
  ]
}

function pct(x: number): string {
  return `${Math.round(x * 1000) / 10}%`
}

/** Survivor loads when one broker, or one AZ, is lost. */
export function failureScenarios(input: BrokerSizingInput, brokers: number): FailureScenario[] {
  const rf = input.demand.replicationFactor
  const scenarios: FailureScenario[] = []
  const evaluate = (kind: FailureScenario['kind'], lost: number, minReplicasLeft: number): FailureScenario => {
    const loads = perBrokerLoads(input.demand, input.hardware, input.limits, brokers, lost)
    return {
      kind,
      brokersLost: lost,
      survivors: brokers - lost,
      loads,
      withinLimits: loads.every((l) => l.utilization <= 1 + 1e-9),
      minReplicasLeft,
      writesBlocked: input.acks === 'all' && minReplicasLeft < input.minInsyncReplicas,
    }
  }
  if (brokers >= 2) scenarios.push(evaluate('broker-loss', 1, rf - 1))
  if (input.azs >= 2 && brokers % input.azs === 0) {
    scenarios.push(evaluate('az-loss', brokers / input.azs, rf - Math.ceil(rf / input.azs)))
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
    const failing = failureScenarios(input, brokers).find((s) => !s.withinLimits)
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
