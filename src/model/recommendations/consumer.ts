// Consumer client configs (consumer.properties).
import {MAX_POLL_INTERVAL_MS, MAX_POLL_RECORDS, KiB, MiB} from '../constants.js'
import type {PlanCore} from '../plan.js'
import {PROFILES} from '../profiles.js'
import type {Recommendation} from '../types.js'
import {formatBytes, formatDuration, formatRate} from '../../units/format.js'
import {plural} from '../round.js'

/** Kafka consumer session.timeout.ms default since 3.0 (ConsumerConfig). */
const SESSION_TIMEOUT_MS = 45_000
/** Kafka consumer fetch.max.wait.ms default (ConsumerConfig). */
const FETCH_MAX_WAIT_MS = 500
/** kafka-sizer choice: let one fetch gather ~100 ms of a consumer's traffic from one broker. */
const FETCH_GATHER_MS = 100

export interface PollSizing {
  maxPollRecords: number
  maxPollIntervalMs: number
  /** Processing time of one record, ms (undefined: consumer rate unknown). */
  perRecordMs?: number
}

/** A full poll's processing must fit in half of max.poll.interval.ms, or the member is evicted and the group rebalances. */
export function pollSizing(plan: PlanCore): PollSizing {
  const rate = plan.input.consumerRate?.messagesPerSec
  if (rate === undefined || !(rate > 0)) return {maxPollRecords: MAX_POLL_RECORDS.value, maxPollIntervalMs: MAX_POLL_INTERVAL_MS.value}
  const perRecordMs = 1000 / rate
  const records = Math.min(MAX_POLL_RECORDS.value, Math.max(1, Math.floor(MAX_POLL_INTERVAL_MS.value / 2 / perRecordMs)))
  // Only when one record alone outlasts half the default interval does the interval itself grow.
  const interval = Math.max(MAX_POLL_INTERVAL_MS.value, Math.ceil((2 * records * perRecordMs) / 1000) * 1000)
  return {maxPollRecords: records, maxPollIntervalMs: interval, perRecordMs}
}

export function consumerRecommendations(plan: PlanCore): Recommendation[] {
  const {input} = plan
  const profile = PROFILES[input.profile]
  const rec = (key: string, value: string, why: string): Recommendation => ({scope: 'consumer', key, value, why})
  const out: Recommendation[] = []
  const active = Math.min(input.maxConsumers, plan.partitions)

  out.push(
    rec(
      'partition.assignment.strategy',
      'org.apache.kafka.clients.consumer.CooperativeStickyAssignor',
      `incremental rebalancing: when one of ${plural(active, 'instance')} joins or leaves, only the partitions that move pause, not all ${plan.partitions}; costs a second rebalance round (with Kafka ≥ 4.0 clients and brokers, group.protocol=consumer (KIP-848) moves assignment to the broker instead)`,
    ),
  )

  out.push(
    rec(
      'group.instance.id',
      '<host-or-pod-name>',
      `static membership: an instance restarting within session.timeout.ms (${formatDuration(SESSION_TIMEOUT_MS)}) gets its partitions back without a rebalance of the group; costs a crashed instance's partitions waiting that long before reassignment (must be unique per instance)`,
    ),
  )

  const poll = pollSizing(plan)
  if (poll.perRecordMs === undefined) {
    out.push(rec('max.poll.records', String(poll.maxPollRecords), 'Kafka default: processing time per record is unknown (give the consumer rate to size it); keep a poll\'s processing well under max.poll.interval.ms'))
    out.push(rec('max.poll.interval.ms', String(poll.maxPollIntervalMs), 'Kafka default (5 min): a member that does not poll within it is evicted and the group rebalances'))
  } else {
    const pollMs = poll.maxPollRecords * poll.perRecordMs
    out.push(
      rec(
        'max.poll.records',
        String(poll.maxPollRecords),
        `at ${formatDuration(poll.perRecordMs)} per record, a poll of ${poll.maxPollRecords} takes ${formatDuration(pollMs)}, within half of max.poll.interval.ms; ${poll.maxPollRecords < MAX_POLL_RECORDS.value ? 'fewer records per poll cost more poll calls but keep the member in the group' : 'more would only lengthen the time between polls'}`,
      ),
    )
    out.push(
      rec(
        'max.poll.interval.ms',
        String(poll.maxPollIntervalMs),
        poll.maxPollIntervalMs > MAX_POLL_INTERVAL_MS.value
          ? `one record takes ${formatDuration(poll.perRecordMs)}, so the interval must be twice a poll's work (${formatDuration(pollMs)}); costs slower detection of a stuck consumer`
          : `twice a full poll's processing (${formatDuration(pollMs)}) fits the 5 min default; a longer interval would only delay detection of a stuck consumer`,
      ),
    )
  }

  out.push(
    rec(
      'isolation.level',
      profile.isolationLevel,
      profile.isolationLevel === 'read_committed'
        ? 'consumers skip aborted transactions and see records only once committed; costs latency up to the transaction length (reads stop at the last stable offset)'
        : 'no transactions to filter: records are visible as soon as they are replicated (lowest latency)',
    ),
  )

  if (profile.transactions) {
    out.push(
      rec(
        'enable.auto.commit',
        'false',
        'offsets are committed inside the producer transaction (sendOffsetsToTransaction), so processing and offsets succeed or fail together; auto-commit would commit outside it',
      ),
    )
  }

  if (input.profile === 'throughput') {
    // A consumer's traffic from one broker: its share of the topic, spread over the brokers leading its partitions.
    const perConsumer = plan.traffic.peakStoredBytesPerSec / Math.max(1, active)
    const sources = Math.max(1, Math.min(plan.brokers, Math.ceil(plan.partitions / Math.max(1, active))))
    const gathered = (perConsumer / sources) * (FETCH_GATHER_MS / 1000)
    const minBytes = Math.min(MiB, Math.max(1, Math.floor(gathered / KiB) * KiB))
    out.push(
      rec(
        'fetch.min.bytes',
        String(minBytes),
        `each consumer reads ~${formatRate(perConsumer / sources)} from each broker: waiting for ${formatBytes(minBytes, {binary: true})} (~${FETCH_GATHER_MS} ms of data) means fewer, larger fetches and less broker CPU; costs up to fetch.max.wait.ms of latency when traffic drops`,
      ),
    )
    out.push(rec('fetch.max.wait.ms', String(FETCH_MAX_WAIT_MS), `Kafka default: bounds the extra latency fetch.min.bytes can add to ${formatDuration(FETCH_MAX_WAIT_MS)}`))
  }
  return out
}
