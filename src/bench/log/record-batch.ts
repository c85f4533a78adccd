// Record batch format v2, byte for byte (Kafka DefaultRecordBatch / DefaultRecord / ByteUtils):
//   baseOffset i64 | batchLength i32 | partitionLeaderEpoch i32 | magic i8 = 2 | crc u32 |
//   attributes i16 | lastOffsetDelta i32 | baseTimestamp i64 | maxTimestamp i64 | producerId i64 |
//   producerEpoch i16 | baseSequence i32 | recordCount i32 | records…
// The CRC is CRC-32C over attributes through the end of the batch, as brokers validate it on produce.
import {crc32c} from '@node-rs/crc32'

export const BATCH_HEADER_BYTES = 61
/** The 12 bytes of baseOffset + batchLength that batchLength itself does not count. */
export const LOG_OVERHEAD = 12
const CRC_OFFSET = 17
const ATTRIBUTES_OFFSET = 21
export const MAGIC_V2 = 2

/** Compression codec ids in the low 3 bits of attributes. */
export const CODEC_ID = {none: 0, gzip: 1, snappy: 2, lz4: 3, zstd: 4} as const

/** Bytes of a zig-zag varint (same arithmetic as ByteUtils.sizeOfVarint / sizeOfVarlong). */
export function varintSize(value: number): number {
  let v = value >= 0 ? 2 * value : -2 * value - 1
  let bytes = 1
  while (v >= 0x80) {
    v = Math.floor(v / 128)
    bytes++
  }
  return bytes
}

/** Writes a zig-zag varint at pos; returns the position after it. */
export function writeVarint(buf: Buffer, pos: number, value: number): number {
  let v = value >= 0 ? 2 * value : -2 * value - 1
  while (v >= 0x80) {
    buf[pos++] = (v % 128) | 0x80
    v = Math.floor(v / 128)
  }
  buf[pos++] = v
  return pos
}

/** Reads a zig-zag varint at pos. */
export function readVarint(buf: Buffer, pos: number): {value: number; next: number} {
  let raw = 0
  let scale = 1
  let p = pos
  for (;;) {
    const byte = buf[p++]
    raw += (byte & 0x7f) * scale
    if (byte < 0x80) break
    scale *= 128
  }
  const value = raw % 2 === 0 ? raw / 2 : -(raw + 1) / 2
  return {value, next: p}
}

export interface RecordInput {
  key: Buffer | null
  value: Buffer
  timestampDelta: number
  offsetDelta: number
}

/** Size of one record including its length prefix (DefaultRecord.sizeInBytes, no headers). */
export function encodedRecordSize(r: Pick<RecordInput, 'key' | 'value' | 'timestampDelta' | 'offsetDelta'>): number {
  const body = recordBodySize(r)
  return varintSize(body) + body
}

function recordBodySize(r: Pick<RecordInput, 'key' | 'value' | 'timestampDelta' | 'offsetDelta'>): number {
  const key = r.key === null ? varintSize(-1) : varintSize(r.key.length) + r.key.length
  return 1 + varintSize(r.timestampDelta) + varintSize(r.offsetDelta) + key + varintSize(r.value.length) + r.value.length + varintSize(0)
}

/** Writes one record at pos; returns the position after it. */
export function writeRecord(buf: Buffer, pos: number, r: RecordInput): number {
  let p = writeVarint(buf, pos, recordBodySize(r))
  buf[p++] = 0 // attributes
  p = writeVarint(buf, p, r.timestampDelta)
  p = writeVarint(buf, p, r.offsetDelta)
  if (r.key === null) p = writeVarint(buf, p, -1)
  else {
    p = writeVarint(buf, p, r.key.length)
    p += r.key.copy(buf, p)
  }
  p = writeVarint(buf, p, r.value.length)
  p += r.value.copy(buf, p)
  return writeVarint(buf, p, 0) // header count
}

/** The records section of a batch (uncompressed), with offset deltas 0..n-1. */
export function encodeRecords(records: Array<Omit<RecordInput, 'offsetDelta'>>): Buffer {
  const withOffsets = records.map((r, i) => ({...r, offsetDelta: i}))
  const size = withOffsets.reduce((sum, r) => sum + encodedRecordSize(r), 0)
  const buf = Buffer.allocUnsafe(size)
  let p = 0
  for (const r of withOffsets) p = writeRecord(buf, p, r)
  return buf
}

/** n records of the same key and value, all with timestamp delta `timestampDelta`: a reusable template. */
export function recordsTemplate(count: number, value: Buffer, key: Buffer | null, timestampDelta = 0): Buffer {
  return encodeRecords(Array.from({length: count}, () => ({key, value, timestampDelta})))
}

export interface BatchHeader {
  baseOffset: number
  batchLength: number
  partitionLeaderEpoch: number
  magic: number
  crc: number
  attributes: number
  lastOffsetDelta: number
  baseTimestamp: number
  maxTimestamp: number
  producerId: number
  producerEpoch: number
  baseSequence: number
  recordCount: number
}

export interface HeaderFields {
  baseOffset: number
  recordCount: number
  baseTimestamp: number
  maxTimestamp: number
  attributes?: number
}

/**
 * Fills a 61-byte header for `records` (the, possibly compressed, records section) and returns the CRC.
 * The header and records may live in separate buffers (written together with writev).
 */
export function writeBatchHeader(header: Buffer, fields: HeaderFields, records: Buffer): number {
  writeInt64(header, fields.baseOffset, 0)
  header.writeInt32BE(BATCH_HEADER_BYTES - LOG_OVERHEAD + records.length, 8)
  header.writeInt32BE(0, 12) // partitionLeaderEpoch
  header.writeInt8(MAGIC_V2, 16)
  header.writeInt16BE(fields.attributes ?? 0, ATTRIBUTES_OFFSET)
  header.writeInt32BE(fields.recordCount - 1, 23)
  writeInt64(header, fields.baseTimestamp, 27)
  writeInt64(header, fields.maxTimestamp, 35)
  writeInt64(header, -1, 43) // producerId: none
  header.writeInt16BE(-1, 51) // producerEpoch
  header.writeInt32BE(-1, 53) // baseSequence
  header.writeInt32BE(fields.recordCount, 57)
  const crc = crc32c(records, crc32c(header.subarray(ATTRIBUTES_OFFSET, BATCH_HEADER_BYTES)))
  header.writeUInt32BE(crc >>> 0, CRC_OFFSET)
  return crc >>> 0
}

const TWO_POW_32 = 4294967296

/**
 * A safe integer as a big-endian i64 (two's complement), as two 32-bit halves: the per-batch header then
 * allocates no BigInt (this runs once per appended batch).
 */
export function writeInt64(buf: Buffer, value: number, pos: number): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${value} is not a safe integer`)
  const high = Math.floor(value / TWO_POW_32)
  buf.writeInt32BE(high, pos)
  buf.writeUInt32BE(value - high * TWO_POW_32, pos + 4)
}

/** A whole batch in one buffer: header + records. */
export function encodeBatch(fields: HeaderFields, records: Buffer): Buffer {
  const out = Buffer.allocUnsafe(BATCH_HEADER_BYTES + records.length)
  records.copy(out, BATCH_HEADER_BYTES)
  writeBatchHeader(out, fields, records)
  return out
}

export function readBatchHeader(buf: Buffer, pos = 0): BatchHeader {
  return {
    baseOffset: Number(buf.readBigInt64BE(pos)),
    batchLength: buf.readInt32BE(pos + 8),
    partitionLeaderEpoch: buf.readInt32BE(pos + 12),
    magic: buf.readInt8(pos + 16),
    crc: buf.readUInt32BE(pos + CRC_OFFSET),
    attributes: buf.readInt16BE(pos + ATTRIBUTES_OFFSET),
    lastOffsetDelta: buf.readInt32BE(pos + 23),
    baseTimestamp: Number(buf.readBigInt64BE(pos + 27)),
    maxTimestamp: Number(buf.readBigInt64BE(pos + 35)),
    producerId: Number(buf.readBigInt64BE(pos + 43)),
    producerEpoch: buf.readInt16BE(pos + 51),
    baseSequence: buf.readInt32BE(pos + 53),
    recordCount: buf.readInt32BE(pos + 57),
  }
}

/** Total bytes of the batch starting at pos (log overhead included). */
export function batchSizeAt(buf: Buffer, pos = 0): number {
  return LOG_OVERHEAD + buf.readInt32BE(pos + 8)
}

/** Recomputes the CRC-32C of the batch at pos, as the broker does on produce. */
export function batchCrcValid(buf: Buffer, pos = 0): boolean {
  const end = pos + batchSizeAt(buf, pos)
  const crc = crc32c(buf.subarray(pos + ATTRIBUTES_OFFSET, end)) >>> 0
  return crc === buf.readUInt32BE(pos + CRC_OFFSET)
}
