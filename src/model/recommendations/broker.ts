// Broker configs (server.properties): cluster defaults and thread pools.
import {BROKER_HEAP_BYTES, GiB, MB, NUM_IO_THREADS, NUM_NETWORK_THREADS, NUM_REPLICA_FETCHERS, RETENTION_CHECK_INTERVAL_MS} from '../constants.js'
import type {PlanCore} from '../plan.js'
import type {Recommendation} from '../types.js'
import {formatDuration, formatPercent, formatRate} from '../../units/format.js'

/**
 * kafka-sizer heuristic, not a Kafka rule: one replica fetcher thread per ~50 MB/s of replication a broker
 * receives. Kafka's default is 1 thread per source broker; common tuning guides raise it to 4 on busy brokers
 * (e.g. Conduktor's options explorer), which is the cap used here.
 */
const REPLICATION_BYTES_PER_FETCHER = 50 * MB
const MAX_REPLICA_FETCHERS = 4
/** kafka-sizer choice: retention checks at least every 1/10 of the window, but not more often than every 10 s. */
const MIN_RETENTION_CHECK_MS = 10_000

export function brokerRecommendations(plan: PlanCore): Recommendation[] {
  const {input} = plan
  const rec = (key: string, value: string, why: string): Recommendation => ({scope: 'broker', key, value, why})
  const out: Recommendation[] = []
  const cores = input.hardware.cores

  // Followers fetch (RF − 1) copies of the peak stored rate, spread over the brokers.
  const replicationIn = ((input.replicationFactor - 1) * plan.traffic.peakStoredBytesPerSec) / plan.brokers
  const fetchers = Math.min(MAX_REPLICA_FETCHERS, Math.max(NUM_REPLICA_FETCHERS.value, Math.ceil(replicationIn / REPLICATION_BYTES_PER_FETCHER)))
  out.push(
    rec(
      'num.replica.fetchers',
      String(fetchers),
      `each broker receives ${formatRate(replicationIn)} of replication at peak; heuristic of one fetcher thread per ~50 MB/s (Kafka default 1, per source broker): more threads keep followers in the ISR under load, at the cost of CPU, memory and more fetch requests`,
    ),
  )

  // MSK guidance: num.io.threads = vCPUs, num.network.threads = vCPUs / 2; never below Kafka's defaults.
  const io = Math.max(NUM_IO_THREADS.value, cores)
  const network = Math.max(NUM_NETWORK_THREADS.value, Math.floor(cores / 2))
  out.push(
    rec(
      'num.io.threads',
      String(io),
      `one request-handler thread per vCPU (${cores} cores; MSK guidance, Kafka default ${NUM_IO_THREADS.value}) lets disk and request work use every core; more threads than cores only add context switches`,
    ),
  )
  out.push(
    rec(
      'num.network.threads',
      String(network),
      `half the vCPUs (${cores} cores; MSK guidance, Kafka default ${NUM_NETWORK_THREADS.value}) for socket reads and writes, leaving the rest to the I/O threads; too few queue requests on the network`,
    ),
  )

  out.push(
    rec(
      'default.replication.factor',
      String(input.replicationFactor),
      `topics created without an explicit RF (auto-created or by tools) get ${input.replicationFactor} copies like this plan, instead of Kafka's default 1 that loses data with one disk`,
    ),
  )
  out.push(
    rec(
      'min.insync.replicas',
      String(input.minInsyncReplicas),
      `cluster default for topics that do not set it (Kafka's default 1 lets acks=all succeed on a single copy); ${input.minInsyncReplicas} of ${input.replicationFactor} matches this plan's topic`,
    ),
  )
  out.push(
    rec(
      'unclean.leader.election.enable',
      'false',
      'cluster default (Kafka default since 0.11): never elect an out-of-sync replica, so acknowledged writes are not lost; a partition stays offline until an in-sync replica returns',
    ),
  )
  out.push(
    rec(
      'auto.create.topics.enable',
      'false',
      `an auto-created topic gets num.partitions=1 and the default RF, not the ${plan.partitions} partitions sized here; create topics explicitly (costs a provisioning step)`,
    ),
  )

  out.push(
    rec(
      'KAFKA_HEAP_OPTS',
      `-Xms${BROKER_HEAP_BYTES.value / GiB}g -Xmx${BROKER_HEAP_BYTES.value / GiB}g`,
      `a ${BROKER_HEAP_BYTES.value / GiB} GiB heap (Apache Kafka ops docs) is enough for the broker; the rest of RAM is worth more as page cache for tail reads than as heap`,
    ),
  )

  // Deletion runs only every check interval: for a short window the default 5 min is a large overshoot.
  const retention = input.retentionMs
  if (Number.isFinite(retention) && retention / 10 < RETENTION_CHECK_INTERVAL_MS.value) {
    const interval = Math.max(MIN_RETENTION_CHECK_MS, Math.floor(retention / 10))
    out.push(
      rec(
        'log.retention.check.interval.ms',
        String(interval),
        `retention is only ${formatDuration(retention)}, so the default ${formatDuration(RETENTION_CHECK_INTERVAL_MS.value)} check would keep data ${formatPercent(RETENTION_CHECK_INTERVAL_MS.value / retention)} longer; checking every ${formatDuration(interval)} costs a little more broker work`,
      ),
    )
  }
  if (plan.storage.tiered) {
    out.push(
      rec(
        'remote.log.storage.system.enable',
        'true',
        'tiered storage needs the broker side switched on (KIP-405), plus remote.log.storage.manager.class.name for your object store plugin; without it topics cannot set remote.storage.enable',
      ),
    )
  }
  return out
}
