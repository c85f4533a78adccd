// The batch a producer actually achieves, and what it costs in bytes on disk and on the wire.
import {type RecordShape, batchOf, recordsFittingInBatch} from './record-format.js'

export interface BatchingInput {
  messagesPerSec: number
  shape: RecordShape
  batchSizeBytes: number
  lingerMs: number
  partitions: number
  producers: number
  compressionRatio: number
}

export interface AchievedBatch {
  /** Average records per batch; fractional when linger.ms closes batches (the count varies batch to batch). */
  records: number
  /** Bytes of one batch on disk and on the wire (header + compressed records). */
  batchBytes: number
  /** What closed the batch: batch.size filled, linger.ms expired, or a single record larger than batch.size. */
  limitedBy: 'batch.size' | 'linger.ms' | 'record-size'
  /** Stored bytes per message (batch bytes ÷ records): multiply by messages/s for the stored byte rate. */
  storedBytesPerMessage: number
  /** Stored bytes ÷ payload bytes: below 1 when compression wins, above 1 when overhead dominates. */
  storedToPayloadRatio: number
  /** Batches per second across the topic. */
  batchesPerSec: number
  /** Messages per second flowing through one producer into one batch stream. */
  streamMessagesPerSec: number
}

/**
 * A producer closes a batch when batch.size is reached or linger.ms has passed, per partition. Keyed
 * records spread over every partition, so each partition's stream sees rate ÷ (partitions × producers).
 * Unkeyed records use the sticky partitioner (KIP-480, Kafka ≥ 2.4): a producer fills one partition's
 * batch at a time, so the stream sees the producer's whole rate. With linger.ms = 0 the window is taken
 * as one record; real producers batch somewhat more while requests are in flight, so this errs towards
 * smaller batches and more overhead (the calibrated model refines it).
 */
export function achievedBatch(input: BatchingInput, keyed: boolean): AchievedBatch {
  const {shape, compressionRatio} = input
  const streams = keyed ? input.partitions * input.producers : input.producers
  const streamRate = input.messagesPerSec / Math.max(1, streams)
  const fitting = recordsFittingInBatch(shape, input.batchSizeBytes, compressionRatio)
  // Records arriving within linger.ms: an average, so it may be fractional (and never below one record).
  const arriving = Math.max(1, (streamRate * input.lingerMs) / 1000)
  let records: number
  let limitedBy: AchievedBatch['limitedBy']
  if (fitting === 1 && batchOf(shape, 1, compressionRatio).batchBytes > input.batchSizeBytes) {
    records = 1
    limitedBy = 'record-size'
  } else if (arriving >= fitting) {
    records = fitting
    limitedBy = 'batch.size'
  } else {
    records = arriving
    limitedBy = 'linger.ms'
  }
  const layout = averageBatchOf(shape, records, compressionRatio, Math.min(input.lingerMs, 63))
  const payloadPerMessage = shape.valueBytes + (shape.keyed ? shape.keyBytes : 0)
  const storedBytesPerMessage = layout.batchBytes / records
  return {
    records,
    batchBytes: layout.batchBytes,
    limitedBy,
    storedBytesPerMessage,
    storedToPayloadRatio: payloadPerMessage > 0 ? storedBytesPerMessage / payloadPerMessage : Infinity,
    batchesPerSec: input.messagesPerSec / records,
    streamMessagesPerSec: streamRate,
  }
}

/** Batch layout for a fractional average record count: linear between the whole counts around it. */
function averageBatchOf(shape: RecordShape, records: number, ratio: number, timestampDeltaMs: number): {batchBytes: number} {
  const low = Math.floor(records)
  const a = batchOf(shape, low, ratio, timestampDeltaMs).batchBytes
  if (records === low) return {batchBytes: a}
  const b = batchOf(shape, low + 1, ratio, timestampDeltaMs).batchBytes
  return {batchBytes: a + (records - low) * (b - a)}
}
