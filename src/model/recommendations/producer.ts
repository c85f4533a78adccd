// Producer client configs (producer.properties).
import {BUFFER_MEMORY} from '../constants.js'
import type {PlanCore} from '../plan.js'
import {recordShape} from '../plan.js'
import {PROFILES} from '../profiles.js'
import {batchOf, recordsFittingInBatch} from '../record-format.js'
import type {Codec, Recommendation} from '../types.js'
import {formatBytes, formatCount, formatDuration, formatPercent} from '../../units/format.js'
import {plural} from '../round.js'
import {largestBatchBytes} from './topic.js'

/** Kafka producer max.request.size default (ProducerConfig): 1 MiB. */
const MAX_REQUEST_SIZE = 1_048_576
/** Kafka: with idempotence, up to 5 in-flight requests per connection keep per-partition order (KAFKA-5494). */
const MAX_IN_FLIGHT_IDEMPOTENT = 5

/** The codec to use: the user's, else the profile's recommendation (input.compression 'none' is the unstated default). */
export function producerCodec(plan: PlanCore): Codec {
  return plan.input.compressionStated ? plan.input.compression : PROFILES[plan.input.profile].recommendedCompression
}

/** Batch and record overhead the plan treats as acceptable: above it, batching is worth changing. */
export const ACCEPTABLE_BATCH_OVERHEAD = 0.1

/**
 * The fewest records per batch that keep stored ÷ payload ≤ 1 + ACCEPTABLE_BATCH_OVERHEAD, and the linger.ms
 * one partition stream needs to gather them; undefined when even a full batch.size stays above it.
 */
export function lingerForOverhead(plan: PlanCore): {records: number; lingerMs: number} | undefined {
  const {input, batch} = plan
  const shape = recordShape(input)
  const payload = input.messageSizeBytes + (input.keyed ? input.keySizeBytes : 0)
  const ok = (n: number) => batchOf(shape, n, input.compressionRatio).batchBytes / (n * payload) <= 1 + ACCEPTABLE_BATCH_OVERHEAD
  const fitting = recordsFittingInBatch(shape, input.batchSizeBytes, input.compressionRatio)
  if (payload <= 0 || !ok(fitting)) return undefined
  // Overhead per record falls as the 61-byte header spreads over more records: binary search.
  let lo = 0
  let hi = fitting
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2)
    if (ok(mid)) hi = mid
    else lo = mid
  }
  const rate = batch.streamMessagesPerSec
  return {records: hi, lingerMs: rate > 0 ? Math.ceil((hi / rate) * 1000) : Infinity}
}

export function producerRecommendations(plan: PlanCore): Recommendation[] {
  const {input, batch} = plan
  const profile = PROFILES[input.profile]
  const rec = (key: string, value: string, why: string): Recommendation => ({scope: 'producer', key, value, why})
  const out: Recommendation[] = []
  // Idempotence is cheap and needs only acks=all (default true since Kafka 3.0), whatever the profile.
  const idempotent = input.acks === 'all'

  const acksWhy: Record<typeof input.acks, string> = {
    all: `the leader acks once ${input.minInsyncReplicas} in-sync replica(s) hold the write, so an acked write survives a leader crash; costs one replication round trip of latency per request`,
    '1': 'the leader acks alone: lower latency, but a leader crash before followers copy the write loses acknowledged records',
    '0': 'no ack at all: lowest latency, but any broker or network failure loses records silently and retries are impossible',
  }
  out.push(rec('acks', input.acks, acksWhy[input.acks]))

  out.push(
    rec(
      'enable.idempotence',
      String(idempotent),
      idempotent
        ? 'retries cannot duplicate or reorder records (producer id + sequence numbers), at negligible cost; requires acks=all'
        : `idempotence requires acks=all; with acks=${input.acks} the producer rejects enable.idempotence=true, so retries may duplicate records`,
    ),
  )

  // Linger: what the achieved batch is, and what would bring the overhead down.
  const fitting = recordsFittingInBatch(recordShape(input), input.batchSizeBytes, input.compressionRatio)
  const overhead = formatPercent(Math.max(0, batch.storedToPayloadRatio - 1))
  const better = lingerForOverhead(plan)
  out.push(
    rec(
      'linger.ms',
      String(input.lingerMs),
      batch.limitedBy !== 'linger.ms'
        ? `batches fill batch.size (${plural(batch.records, 'record')}) before ${formatDuration(input.lingerMs)} passes, so linger adds no latency at this rate; it caps the wait when traffic drops`
        : `batches close after ${formatDuration(input.lingerMs)} with ${plural(batch.records, 'record')} (${overhead} overhead)` +
          (better && better.lingerMs > input.lingerMs
            ? `; ${plural(better.records, 'record')} per batch (≤ 10% overhead) would need ~${formatDuration(better.lingerMs)} of linger: fewer, larger requests for that much added latency`
            : '; the low latency is worth more here than larger batches'),
    ),
  )

  out.push(
    rec(
      'batch.size',
      String(input.batchSizeBytes),
      `${formatBytes(input.batchSizeBytes, {binary: true})} holds ${plural(fitting, 'record')} of ${formatCount(input.messageSizeBytes + input.keySizeBytes)} B, so the 61-byte batch header and per-record varints cost ${overhead} of the stored bytes at the achieved ${plural(batch.records, 'record')} per batch; larger batches cut overhead and requests but reserve more producer memory per partition`,
    ),
  )

  const codec = producerCodec(plan)
  const ratioKnown = input.compression !== 'none' && input.compressionRatio !== 1
  out.push(
    rec(
      'compression.type',
      codec,
      codec === 'none'
        ? `no compression: lowest producer and consumer CPU and latency (the ${profile.name} profile), at the cost of full-size bytes on disk and network`
        : `${codec}${input.compressionStated ? '' : ` (the ${profile.name} profile's codec)`} compresses each batch: ${ratioKnown ? `the plan assumes ratio ${input.compressionRatio}` : 'the plan assumes no shrink until measured (kafka-sizer bench --sample)'}; costs producer CPU, and works better on larger batches`,
    ),
  )

  // One producer writing every partition keeps one open batch per partition.
  const needed = plan.partitions * input.batchSizeBytes
  out.push(
    rec(
      'buffer.memory',
      String(Math.max(needed, BUFFER_MEMORY.value)),
      needed > BUFFER_MEMORY.value
        ? `${plan.partitions} partitions × ${formatBytes(input.batchSizeBytes, {binary: true})} batch.size = ${formatCount(needed)} B of open batches, above the 32 MiB default; too little makes send() block; costs producer heap`
        : `${plan.partitions} partitions × ${formatBytes(input.batchSizeBytes, {binary: true})} batch.size = ${formatCount(needed)} B of open batches fits the default ${formatCount(BUFFER_MEMORY.value)} B with room for in-flight requests`,
    ),
  )

  const inFlight = idempotent || !input.keyed ? MAX_IN_FLIGHT_IDEMPOTENT : 1
  out.push(
    rec(
      'max.in.flight.requests.per.connection',
      String(inFlight),
      idempotent
        ? 'up to 5 pipelined requests per broker keep throughput high, and idempotence keeps per-partition order across retries (it must stay ≤ 5)'
        : input.keyed
          ? 'without idempotence a retried request can overtake the next one: 1 in flight keeps per-key order, at the cost of one round trip per request per broker'
          : 'records are unkeyed, so reordering on retry does not matter: 5 pipelined requests keep throughput high',
    ),
  )

  if (profile.transactions) {
    out.push(
      rec(
        'transactional.id',
        '<application>-<instance-or-input-partition>',
        'a stable id per producer instance lets a restarted instance fence its zombie predecessor and abort its open transaction; costs a transaction coordinator round trip per commit',
      ),
    )
  }

  const largest = largestBatchBytes(plan)
  if (largest > MAX_REQUEST_SIZE) {
    out.push(
      rec(
        'max.request.size',
        String(largest),
        `a single record needs ${formatBytes(largest, {binary: true})} with its batch header, above the 1 MiB default: the producer would reject it before sending; costs larger request buffers`,
      ),
    )
  }
  return out
}
