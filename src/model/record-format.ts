// Byte arithmetic of Kafka's record batch format v2 (DefaultRecordBatch / DefaultRecord / ByteUtils).
import {RECORD_BATCH_OVERHEAD} from './constants.js'

/** Bytes of an unsigned varint (7 bits a byte). */
function sizeOfUnsignedVarint(value: number): number {
  let bytes = 1
  let v = value
  while (v >= 0x80) {
    v = Math.floor(v / 128)
    bytes++
  }
  return bytes
}

/** Bytes of a zig-zag encoded varint or varlong (ByteUtils.sizeOfVarint / sizeOfVarlong). */
export function sizeOfVarint(value: number): number {
  const zigzag = value >= 0 ? 2 * value : -2 * value - 1
  return sizeOfUnsignedVarint(zigzag)
}

export interface RecordShape {
  /** Key bytes; null key when keyBytes is 0 and keyed is false. */
  keyBytes: number
  keyed: boolean
  valueBytes: number
  /** Serialized header bytes (keys + values + their varint lengths) and how many headers. */
  headerBytes?: number
  headerCount?: number
}

/** Size of one record inside a batch, including its length prefix (DefaultRecord.sizeInBytes). */
export function recordSize(shape: RecordShape, offsetDelta: number, timestampDeltaMs: number): number {
  const key = shape.keyed ? sizeOfVarint(shape.keyBytes) + shape.keyBytes : sizeOfVarint(-1)
  const body =
    1 + // attributes
    sizeOfVarint(timestampDeltaMs) +
    sizeOfVarint(offsetDelta) +
    key +
    sizeOfVarint(shape.valueBytes) +
    shape.valueBytes +
    sizeOfVarint(shape.headerCount ?? 0) +
    (shape.headerBytes ?? 0)
  return sizeOfVarint(body) + body
}

/**
 * Bytes of the records section of a batch of n records (offset deltas 0..n-1). The timestamp delta is
 * taken as the same for every record: the linger window bounds it, and the varint is 1 byte below 64 ms.
 */
export function recordsSectionBytes(shape: RecordShape, records: number, timestampDeltaMs = 0): number {
  // Offset deltas change the varint width at 64 and 8192 (zig-zag doubles the value): sum by ranges.
  const breakpoints = [0, 64, 8192, 1_048_576, 134_217_728]
  let total = 0
  for (let i = 0; i < breakpoints.length - 1 && breakpoints[i] < records; i++) {
    const from = breakpoints[i]
    const to = Math.min(records, breakpoints[i + 1])
    total += (to - from) * recordSize(shape, from, timestampDeltaMs)
  }
  return total
}

export interface BatchLayout {
  records: number
  /** Uncompressed bytes of the records section. */
  recordsBytes: number
  /** Bytes of the batch on disk and on the wire: header + (compressed) records. */
  batchBytes: number
}

/** The layout of a batch of exactly n records, with the records section compressed by `ratio`. */
export function batchOf(shape: RecordShape, records: number, compressionRatio = 1, timestampDeltaMs = 0): BatchLayout {
  const recordsBytes = recordsSectionBytes(shape, records, timestampDeltaMs)
  return {records, recordsBytes, batchBytes: RECORD_BATCH_OVERHEAD.value + recordsBytes / compressionRatio}
}

/**
 * How many records fit in one batch before it exceeds batch.size. As in the producer's
 * RecordAccumulator, the first record always fits, and the limit applies to the estimated
 * compressed size (the producer estimates it with the observed compression ratio).
 */
export function recordsFittingInBatch(shape: RecordShape, batchSizeBytes: number, compressionRatio = 1): number {
  // Searches repeat with the same arguments (capacity mode evaluates hundreds of plans): memoise.
  const key = `${shape.keyed ? shape.keyBytes : -1}/${shape.valueBytes}/${shape.headerBytes ?? 0}/${shape.headerCount ?? 0}/${batchSizeBytes}/${compressionRatio}`
  const cached = fittingCache.get(key)
  if (cached !== undefined) return cached
  const result = searchRecordsFitting(shape, batchSizeBytes, compressionRatio)
  if (fittingCache.size > 1000) fittingCache.clear()
  fittingCache.set(key, result)
  return result
}

const fittingCache = new Map<string, number>()

function searchRecordsFitting(shape: RecordShape, batchSizeBytes: number, compressionRatio: number): number {
  const fits = (n: number) => batchOf(shape, n, compressionRatio).batchBytes <= batchSizeBytes
  if (!fits(1)) return 1
  let lo = 1
  let hi = 2
  while (fits(hi)) {
    lo = hi
    hi *= 2
    if (hi > 1e9) return lo
  }
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2)
    if (fits(mid)) lo = mid
    else hi = mid
  }
  return lo
}
