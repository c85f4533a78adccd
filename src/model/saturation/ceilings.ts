// Each resource's ceiling on the produce and consume rate of a saturated cluster. A ceiling is a load
// function (resource use at a payload rate) and a capacity; the largest rate whose load fits is found by
// bisection, so non-linear loads (consumers that fall behind, windows that fill) need no special case.
import {CONSUMER_THREADS, PRODUCER_THREADS, LAN_ROUND_TRIP_MS, NUM_IO_THREADS_FLUSH, READ_WEIGHT, WIRE_GOODPUT} from './constants.js'
import type {SaturationCeiling, SaturationInput, SaturationResource} from './types.js'
import type {WireCost} from './wire.js'

export type Level = 'low' | 'point' | 'high'
export const LEVELS: Level[] = ['low', 'point', 'high']

/** Parameter values at one level: 'low' takes every uncertain figure at its pessimistic end. */
export interface Params {
  goodput: number
  cpuBytesPerCore: number
  roundTripSeconds: number
  fsyncSeconds: number
}

export function paramsAt(input: SaturationInput, level: Level): Params {
  const pessimistic = level === 'low'
  const optimistic = level === 'high'
  return {
    goodput: WIRE_GOODPUT[level],
    cpuBytesPerCore: input.cpuBytesPerCore[level],
    roundTripSeconds: (pessimistic ? LAN_ROUND_TRIP_MS.high : optimistic ? LAN_ROUND_TRIP_MS.low : LAN_ROUND_TRIP_MS.point) / 1000,
    fsyncSeconds: pessimistic ? input.fsyncSeconds.high : optimistic ? input.fsyncSeconds.low : input.fsyncSeconds.point,
  }
}

export interface CeilingSpec {
  resource: SaturationResource
  side: 'broker' | 'client'
  /** Resource use at payload rate x, and the resource's capacity, in the same unit. */
  load(x: number, p: Params): number
  capacity(p: Params): number
  detail: string
}

/** Replica placement on the busiest broker: leaders and replicas it hosts, as shares of the topic. */
export function placement(input: SaturationInput) {
  const {partitions: n, brokers: b, replicationFactor: rf} = input
  const leaders = Math.ceil(n / b)
  const replicas = Math.min(n, Math.ceil((n * rf) / b))
  return {leaders, replicas, leaderShare: leaders / n, replicaShare: replicas / n}
}

const nicBytes = (bits: number, p: Params) => (bits / 8) * p.goodput

/** Ceilings on the total produce rate; `egress(x)` is what the consumer groups read at produce rate x. */
export function produceCeilings(input: SaturationInput, wire: WireCost, egress: (x: number) => number): CeilingSpec[] {
  const {leaderShare, replicaShare, leaders} = placement(input)
  const w = wire.wirePerPayload
  const d = wire.diskPerPayload
  const followers = input.replicationFactor - 1
  const specs: CeilingSpec[] = [
    {
      resource: 'broker-network-in',
      side: 'broker',
      load: (x) => x * w * replicaShare,
      capacity: (p) => nicBytes(input.networkBitsPerSec, p),
      detail: `busiest broker receives produce + follower fetches for ${(replicaShare * 100).toFixed(0)} % of the topic`,
    },
    {
      resource: 'broker-network-out',
      side: 'broker',
      load: (x) => leaderShare * w * (followers * x + egress(x)),
      capacity: (p) => nicBytes(input.networkBitsPerSec, p),
      detail: `busiest broker leads ${(leaderShare * 100).toFixed(0)} % of the topic: ${followers} follower fetch(es) + consumer groups`,
    },
    {
      resource: 'broker-disk',
      side: 'broker',
      load: (x) => x * d * replicaShare + (input.consumersReadFromDisk ? leaderShare * d * egress(x) : 0),
      capacity: () => input.disks * input.diskThroughputBytesPerSec,
      detail: `RF ${input.replicationFactor} writes per byte, ${input.disks} disk(s)${input.consumersReadFromDisk ? ' + consumer reads from disk' : ''}`,
    },
    {
      resource: 'broker-cpu',
      side: 'broker',
      load: (x) => x * d * replicaShare + READ_WEIGHT.value * leaderShare * d * (followers * x + egress(x)),
      capacity: (p) => input.cores * p.cpuBytesPerCore,
      detail: `write-equivalent bytes (reads weigh ${READ_WEIGHT.value}) on ${input.cores} cores`,
    },
  ]
  if (input.flush === 'every-message') {
    // flush.messages=1: each append is followed by an fsync in the request handler thread, so at most
    // num.io.threads appends (one per partition) are in progress per broker.
    const concurrent = Math.min(placement(input).replicas, NUM_IO_THREADS_FLUSH.value)
    specs.push({
      resource: 'broker-fsync',
      side: 'broker',
      load: (x) => x * d * replicaShare,
      capacity: (p) => (concurrent * wire.batchBytes) / p.fsyncSeconds,
      detail: `one fsync per appended batch, ${concurrent} at a time per broker`,
    })
  }
  if (input.producers > 0) {
    const clientCores = Math.min(input.clientCores, PRODUCER_THREADS.value)
    specs.push(
      {
        resource: 'producer-network',
        side: 'client',
        load: (x) => x * w,
        capacity: (p) => input.producers * nicBytes(input.clientNetworkBitsPerSec, p),
        detail: `${input.producers} producer NIC(s)`,
      },
      {
        resource: 'producer-cpu',
        side: 'client',
        load: (x) => x * w,
        capacity: (p) => input.producers * clientCores * p.cpuBytesPerCore,
        detail: `${input.producers} producer(s) × ${clientCores} core(s) (send() + Sender threads)`,
      },
    )
    if (input.acks !== '0') {
      // A broker serves one request per connection at a time (the channel is muted until the response is
      // sent), so max.in.flight only hides the network transfer. Each request's service time is its
      // handler CPU and, with acks=all, the wait for every follower to fetch it: the fetch in progress
      // (half a cycle on average), the fetch that carries it, and the next fetch that reports it.
      const brokersWithLeaders = Math.min(input.brokers, input.partitions)
      const requestPayload = leaders * wire.recordsPerBatch * wire.payloadBytesPerRecord
      const connections = input.producers * brokersWithLeaders
      const replicated = input.acks === 'all' && input.replicationFactor > 1
      const service = (p: Params) => {
        const handlerCpu = (requestPayload * d) / p.cpuBytesPerCore
        const flush = input.flush === 'every-message' ? p.fsyncSeconds : 0
        if (!replicated) return handlerCpu + flush
        const transfer = (requestPayload * w) / nicBytes(input.networkBitsPerSec, p)
        const fetchCycle = p.roundTripSeconds + transfer + handlerCpu + flush
        return handlerCpu + flush + 1.5 * fetchCycle + p.roundTripSeconds / 2
      }
      specs.push({
        resource: 'producer-connections',
        side: 'client',
        load: (x, p) => x * service(p),
        capacity: () => connections * requestPayload,
        detail: `${connections} producer connection(s), one ${Math.round(requestPayload)}-byte request (${leaders} batch(es)) served at a time each${replicated ? '; acks=all waits for the followers’ fetch' : ''}`,
      })
    }
  }
  return specs
}

/** Ceilings on the rate ONE consumer group reads (the tail, or old data from disk). */
export function consumeCeilings(input: SaturationInput, wire: WireCost): CeilingSpec[] {
  const {leaderShare} = placement(input)
  const w = wire.wirePerPayload
  const d = wire.diskPerPayload
  const g = input.consumerGroups
  const instances = Math.min(input.consumersPerGroup, input.partitions)
  const clientCores = Math.min(input.clientCores, CONSUMER_THREADS.value)
  const specs: CeilingSpec[] = [
    {
      resource: 'broker-network-out',
      side: 'broker',
      load: (y) => g * y * w * leaderShare,
      capacity: (p) => nicBytes(input.networkBitsPerSec, p),
      detail: `busiest broker serves ${(leaderShare * 100).toFixed(0)} % of each of ${g} group(s)`,
    },
    {
      resource: 'broker-cpu',
      side: 'broker',
      load: (y) => READ_WEIGHT.value * g * y * d * leaderShare,
      capacity: (p) => input.cores * p.cpuBytesPerCore,
      detail: `reads weigh ${READ_WEIGHT.value} of a write`,
    },
    {
      resource: 'consumer-network',
      side: 'client',
      load: (y) => y * w,
      capacity: (p) => instances * nicBytes(input.clientNetworkBitsPerSec, p),
      detail: `${instances} consumer NIC(s) per group`,
    },
    {
      resource: 'consumer-cpu',
      side: 'client',
      load: (y) => READ_WEIGHT.value * y * w,
      capacity: (p) => instances * clientCores * p.cpuBytesPerCore,
      detail: `${instances} consumer(s) × ${clientCores} core (poll thread), reads weigh ${READ_WEIGHT.value}`,
    },
  ]
  if (input.consumersReadFromDisk) {
    specs.push({
      resource: 'broker-disk',
      side: 'broker',
      load: (y) => g * y * d * leaderShare,
      capacity: () => input.disks * input.diskThroughputBytesPerSec,
      detail: 'catch-up reads from disk (sequential read taken as the write throughput)',
    })
  }
  return specs
}

/** Largest x with load(x) ≤ capacity, for a load that grows with x. */
export function maxRate(spec: CeilingSpec, p: Params): number {
  const cap = spec.capacity(p)
  if (!(cap > 0)) return 0
  let hi = 1e6
  while (spec.load(hi, p) <= cap) {
    hi *= 4
    if (hi > 1e15) return Infinity
  }
  let lo = 0
  for (let i = 0; i < 80 && hi - lo > hi * 1e-7; i++) {
    const mid = (lo + hi) / 2
    if (spec.load(mid, p) <= cap) lo = mid
    else hi = mid
  }
  return lo
}

export function evaluate(spec: CeilingSpec, input: SaturationInput): SaturationCeiling {
  const [low, point, high] = LEVELS.map((l) => maxRate(spec, paramsAt(input, l)))
  return {resource: spec.resource, side: spec.side, low, point, high, detail: spec.detail}
}
