// Bytes per record on disk and on the wire, by message format: what a payload byte really costs the
// network and the disks. Kafka ≥ 0.11 writes record batches (v2); older brokers write v0/v1 message sets.
import {type RecordShape, batchOf, recordsFittingInBatch} from '../record-format.js'
import {LEGACY_OVERHEAD_V0, LEGACY_OVERHEAD_V1, PRODUCE_PER_BATCH_OVERHEAD, PRODUCE_PER_REQUEST_OVERHEAD} from './constants.js'

export type MessageFormat = 0 | 1 | 2

/** The message format a broker of this Kafka version writes (inter.broker.protocol / log.message.format defaults). */
export function messageFormatOf(kafkaVersion: string | undefined): MessageFormat {
  if (!kafkaVersion) return 2
  const [major, minor = 0] = kafkaVersion.split('.').map((p) => Number.parseInt(p, 10))
  if (!Number.isFinite(major)) return 2
  if (major === 0 && minor < 10) return 0
  if (major === 0 && minor === 10) return 1
  return 2
}

export interface WireCost {
  format: MessageFormat
  /** Records in one full batch (message set) at batch.size. */
  recordsPerBatch: number
  /** Bytes of that batch on disk (and inside a fetch response). */
  batchBytes: number
  payloadBytesPerRecord: number
  /** On-disk bytes ÷ payload bytes. */
  diskPerPayload: number
  /** Produce-request bytes (batch + request framing) ÷ payload bytes, before TCP/IP framing. */
  wirePerPayload: number
}

/**
 * At saturation producers send full batches: the bottleneck holds requests back, so every partition's
 * batch fills to batch.size before it is drained (a client-CPU-bound producer with linger.ms=0 is the
 * exception; the model notes it rather than guessing a smaller fill).
 */
export function wireCost(shape: RecordShape, batchSizeBytes: number, compressionRatio: number, format: MessageFormat, batchesPerRequest: number): WireCost {
  const payload = shape.valueBytes + (shape.keyed ? shape.keyBytes : 0)
  let records: number
  let batchBytes: number
  if (format === 2) {
    records = recordsFittingInBatch(shape, batchSizeBytes, compressionRatio)
    batchBytes = batchOf(shape, records, compressionRatio).batchBytes
  } else {
    const overhead = (format === 0 ? LEGACY_OVERHEAD_V0 : LEGACY_OVERHEAD_V1).value
    const perMessage = overhead + payload
    records = Math.max(1, Math.floor(batchSizeBytes / perMessage))
    // A compressed message set is wrapped in one outer message with its own overhead.
    batchBytes = compressionRatio > 1 ? overhead + (records * perMessage) / compressionRatio : records * perMessage
  }
  const requestShare = PRODUCE_PER_REQUEST_OVERHEAD.value / Math.max(1, batchesPerRequest)
  const wireBatch = batchBytes + PRODUCE_PER_BATCH_OVERHEAD.value + requestShare
  return {
    format,
    recordsPerBatch: records,
    batchBytes,
    payloadBytesPerRecord: payload,
    diskPerPayload: batchBytes / (records * payload),
    wirePerPayload: wireBatch / (records * payload),
  }
}
