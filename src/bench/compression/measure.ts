// Measures how the user's messages compress with each codec, batched as the Java producer batches them.
//
// Batching (RecordAccumulator / MemoryRecordsBuilder.hasRoomFor): consecutive messages are appended, as
// records with null keys, to a v2 records section until adding the next would take the batch (61-byte
// header + records) over batch.size; the first record always fits, so a message larger than batch.size
// is a batch of its own. With the rate known, linger.ms also closes a batch after
// messagesPerSec × lingerMs / 1000 records (at least 1). Timestamp deltas are 0, as in the sizing model
// (src/model/record-format.ts), so the batches here hold exactly recordsFittingInBatch(shape, batch.size)
// records.
// The producer counts the *estimated compressed* size against batch.size, so with compression on its
// batches hold more records than these (about ratio × as many once its estimate has converged), and
// bigger batches compress a little better: the ratios here are a slightly conservative lower bound.
//
// Ratio = uncompressed records-section bytes ÷ compressed records-section bytes (the 61-byte header is
// never compressed), the same ratio the sizing model applies (batchOf). Speeds are uncompressed bytes per
// second of one thread, timed with process.hrtime.bigint() over repeated passes after one warm-up pass
// that also checks every batch round-trips.
import {BATCH_HEADER_BYTES, encodeRecords, encodedRecordSize} from '../log/record-batch.js'
import {InputError} from '../../lib/errors.js'
import type {Codec, LoadedCodec} from './codecs.js'

export interface MeasureOptions {
  /** The producer's batch.size. */
  batchSizeBytes: number
  /** The producer's linger.ms; only used with messagesPerSec. */
  lingerMs: number
  /** Messages per second into one partition from one producer (batches are per partition), if known. */
  messagesPerSec?: number
  /**
   * Uncompressed bytes per second one producer compresses (all its partitions), for the speed floor.
   * Defaults to messagesPerSec × the average message size.
   */
  producerBytesPerSec?: number
  /** Timing budget for all codecs together; without it each codec is timed for about 200 ms. */
  timeBudgetMs?: number
}

export interface CodecMeasurement {
  codec: string
  /** Loaded and round-trips correctly: only then are the numbers set. */
  available: boolean
  error?: string
  library?: string
  /** Uncompressed ÷ compressed records-section bytes (≥ 1 means it shrinks). */
  ratio: number | null
  /** Uncompressed bytes per second, one thread. */
  compressBytesPerSecond: number | null
  decompressBytesPerSecond: number | null
  compressedBytes?: number
  /** Timed passes over all batches (after the warm-up pass). */
  passes?: number
}

export interface CompressionReport {
  batches: number
  /** Average uncompressed batch: 61-byte header + records section (what batch.size limits). */
  averageBatchBytes: number
  records: number
  averageRecordsPerBatch: number
  /** The linger cap on records per batch, when the rate was given. */
  maxRecordsPerBatch: number | null
  /** Uncompressed records-section bytes of all batches. */
  uncompressedBytes: number
  batchSizeBytes: number
  codecs: CodecMeasurement[]
  recommendation: {codec: string; why: string}
}

/** Default time each codec is timed for. */
export const DEFAULT_CODEC_TIME_MS = 200
/** A codec must shrink the data by at least this share to be worth its CPU. */
export const MIN_SAVING = 0.05
/** Without a rate: zstd over lz4 when its ratio is better by more than this share. */
export const ZSTD_OVER_LZ4 = 0.1
/** With a rate: ratios within this share of the best count as a tie, broken by compress speed. */
export const RATIO_TIE = 0.05
/** With a rate: a codec must compress at least this many times the producer's byte rate on one thread (≤ 25% of a core). */
export const SPEED_FLOOR_FACTOR = 4

/** Records per batch allowed by linger.ms at this rate (at least 1), or null when the rate is unknown. */
export function lingerCap(messagesPerSec: number | undefined, lingerMs: number): number | null {
  if (messagesPerSec === undefined) return null
  return Math.max(1, Math.floor((messagesPerSec * lingerMs) / 1000))
}

/**
 * Splits messages into records sections as the producer's accumulator would (see the header comment).
 * Returns each batch's uncompressed records section.
 */
export function buildBatches(messages: Buffer[], batchSizeBytes: number, maxRecordsPerBatch: number | null = null): Buffer[] {
  const batches: Buffer[] = []
  let current: Buffer[] = []
  let bytes = BATCH_HEADER_BYTES
  const flush = () => {
    batches.push(encodeRecords(current.map((value) => ({key: null, value, timestampDelta: 0}))))
    current = []
    bytes = BATCH_HEADER_BYTES
  }
  for (const value of messages) {
    if (current.length > 0) {
      const size = encodedRecordSize({key: null, value, timestampDelta: 0, offsetDelta: current.length})
      const full = bytes + size > batchSizeBytes || (maxRecordsPerBatch !== null && current.length >= maxRecordsPerBatch)
      if (full) flush()
    }
    bytes += encodedRecordSize({key: null, value, timestampDelta: 0, offsetDelta: current.length})
    current.push(value)
  }
  if (current.length > 0) flush()
  return batches
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0] || error.name : String(error)
}

function measureCodec(codec: Codec, batches: Buffer[], uncompressedBytes: number, targetMs: number): CodecMeasurement {
  const base = {codec: codec.name, library: codec.library}
  // Warm-up pass: compress every batch once and check it decompresses to the same bytes.
  const compressed: Buffer[] = []
  let compressedBytes = 0
  try {
    for (let i = 0; i < batches.length; i++) {
      const c = codec.compress(batches[i])
      const back = codec.decompress(c, batches[i].length)
      if (!back.equals(batches[i])) {
        throw new Error(`round-trip mismatch on batch ${i + 1} of ${batches.length}: decompressing gave different bytes`)
      }
      compressed.push(c)
      compressedBytes += c.length
    }
  } catch (error) {
    return {...base, available: false, error: describeError(error), ratio: null, compressBytesPerSecond: null, decompressBytesPerSecond: null}
  }
  const targetNs = BigInt(Math.max(1, Math.round(targetMs * 1e6)))
  let compressNs = 0n
  let decompressNs = 0n
  let passes = 0
  let sink = 0 // uses the results so the calls cannot be optimised away
  do {
    const t0 = process.hrtime.bigint()
    for (const b of batches) sink += codec.compress(b).length
    const t1 = process.hrtime.bigint()
    for (let i = 0; i < batches.length; i++) sink += codec.decompress(compressed[i], batches[i].length).length
    const t2 = process.hrtime.bigint()
    compressNs += t1 - t0
    decompressNs += t2 - t1
    passes++
  } while (compressNs + decompressNs < targetNs)
  if (sink < 0) throw new Error('unreachable')
  const perSecond = (ns: bigint) => (uncompressedBytes * passes) / (Math.max(1, Number(ns)) / 1e9)
  return {
    ...base,
    available: true,
    ratio: uncompressedBytes / compressedBytes,
    compressBytesPerSecond: perSecond(compressNs),
    decompressBytesPerSecond: perSecond(decompressNs),
    compressedBytes,
    passes,
  }
}

const mbps = (bytesPerSecond: number) => `${(bytesPerSecond / 1e6).toFixed(bytesPerSecond < 1e7 ? 1 : 0)} MB/s`
const ratioText = (ratio: number) => `${ratio.toFixed(2)}×`

/**
 * The recommendation rule, among codecs that loaded and round-trip:
 * 1. A codec is worth using only if it saves at least 5% (ratio ≥ 1/0.95). If none does (already
 *    compressed or random payloads), recommend 'none': compression would cost CPU for nothing.
 * 2. With the producer's byte rate known: the best ratio among codecs that compress at least 4× that rate
 *    on one thread (so compression takes at most a quarter of a core), ratios within 5% of the best
 *    counting as a tie that the faster compressor wins; if none is that fast, the fastest compressor.
 * 3. Otherwise: zstd if its ratio beats lz4's by more than 10%, else lz4 (fast, and nearly as good on
 *    most data). Without lz4, snappy stands in for it; with neither zstd nor lz4/snappy, the best ratio.
 */
export function recommendCodec(codecs: CodecMeasurement[], producerBytesPerSec?: number): {codec: string; why: string} {
  type Measured = CodecMeasurement & {ratio: number; compressBytesPerSecond: number}
  const measured = codecs.filter((c): c is Measured => c.available && c.ratio !== null && c.compressBytesPerSecond !== null)
  if (measured.length === 0) {
    return {codec: 'none', why: 'no codec could be measured (see the errors above); without one, compression.type=none'}
  }
  const minRatio = 1 / (1 - MIN_SAVING)
  const byRatio = [...measured].sort((a, b) => b.ratio - a.ratio || b.compressBytesPerSecond - a.compressBytesPerSecond)
  const shrinking = byRatio.filter((c) => c.ratio >= minRatio)
  if (shrinking.length === 0) {
    const best = byRatio[0]
    const saving = (1 - 1 / best.ratio) * 100
    const effect = saving >= 0.05 ? `saves only ${saving.toFixed(1)}%` : saving > -0.05 ? 'saves nothing' : `grows the data by ${(-saving).toFixed(1)}%`
    return {
      codec: 'none',
      why: `the best codec, ${best.codec}, ${effect} (ratio ${ratioText(best.ratio)}; worth compressing from ${MIN_SAVING * 100}% saved): the messages look already compressed or random, so compression.type=none saves producer and consumer CPU`,
    }
  }
  const others = (pick: Measured) =>
    byRatio
      .filter((c) => c !== pick)
      .map((c) => `${c.codec} ${ratioText(c.ratio)} at ${mbps(c.compressBytesPerSecond)}`)
      .join(', ')

  if (producerBytesPerSec !== undefined && producerBytesPerSec > 0) {
    const floor = SPEED_FLOOR_FACTOR * producerBytesPerSec
    const fastEnough = shrinking.filter((c) => c.compressBytesPerSecond >= floor)
    if (fastEnough.length > 0) {
      const best = fastEnough[0]
      const tied = fastEnough.filter((c) => c.ratio >= best.ratio * (1 - RATIO_TIE))
      const pick = tied.sort((a, b) => b.compressBytesPerSecond - a.compressBytesPerSecond)[0]
      const tieNote = pick === best ? '' : ` (within ${RATIO_TIE * 100}% of ${best.codec}'s ${ratioText(best.ratio)}, and faster)`
      return {
        codec: pick.codec,
        why: `${pick.codec} has the best ratio (${ratioText(pick.ratio)})${tieNote} of the codecs that compress at least ${SPEED_FLOOR_FACTOR}× the producer's ${mbps(producerBytesPerSec)} on one thread: it compresses ${mbps(pick.compressBytesPerSecond)} (others: ${others(pick)})`,
      }
    }
    const pick = [...shrinking].sort((a, b) => b.compressBytesPerSecond - a.compressBytesPerSecond)[0]
    return {
      codec: pick.codec,
      why: `no codec compresses ${SPEED_FLOOR_FACTOR}× the producer's ${mbps(producerBytesPerSec)} (${mbps(floor)}) on one thread; ${pick.codec} is the fastest at ${mbps(pick.compressBytesPerSecond)} with ratio ${ratioText(pick.ratio)} (others: ${others(pick)}); spread the load over more producer instances or cores`,
    }
  }

  const find = (name: string) => shrinking.find((c) => c.codec === name)
  const strong = find('zstd')
  const fast = find('lz4') ?? find('snappy')
  if (strong && fast) {
    const gain = strong.ratio / fast.ratio - 1
    if (gain > ZSTD_OVER_LZ4) {
      return {
        codec: strong.codec,
        why: `zstd's ratio ${ratioText(strong.ratio)} beats ${fast.codec}'s ${ratioText(fast.ratio)} by ${(gain * 100).toFixed(0)}% (over ${ZSTD_OVER_LZ4 * 100}%), compressing ${mbps(strong.compressBytesPerSecond)} against ${mbps(fast.compressBytesPerSecond)}`,
      }
    }
    return {
      codec: fast.codec,
      why: `zstd's ratio ${ratioText(strong.ratio)} is within ${ZSTD_OVER_LZ4 * 100}% of ${fast.codec}'s ${ratioText(fast.ratio)} (${gain >= 0 ? '+' : ''}${(gain * 100).toFixed(0)}%), and ${fast.codec} compresses ${mbps(fast.compressBytesPerSecond)} against zstd's ${mbps(strong.compressBytesPerSecond)}`,
    }
  }
  const pick = strong ?? fast ?? shrinking[0]
  return {
    codec: pick.codec,
    why: `${pick.codec}: ratio ${ratioText(pick.ratio)} at ${mbps(pick.compressBytesPerSecond)}, the best of the codecs that loaded and shrink the data (${others(pick) || 'no others'})`,
  }
}

/** Batches the messages, measures every loaded codec on the batches, and recommends one. */
export function measureCompression(messages: Buffer[], codecs: LoadedCodec[], options: MeasureOptions): CompressionReport {
  if (messages.length === 0) {
    throw new InputError('--sample', 'no messages to measure', 'at least one message in the sample')
  }
  const {batchSizeBytes, lingerMs, messagesPerSec} = options
  if (!(batchSizeBytes >= 1)) throw new RangeError(`batchSizeBytes must be ≥ 1, got ${batchSizeBytes}`)
  if (!(lingerMs >= 0)) throw new RangeError(`lingerMs must be ≥ 0, got ${lingerMs}`)
  if (messagesPerSec !== undefined && !(messagesPerSec > 0)) throw new RangeError(`messagesPerSec must be > 0, got ${messagesPerSec}`)

  const maxRecordsPerBatch = lingerCap(messagesPerSec, lingerMs)
  const batches = buildBatches(messages, batchSizeBytes, maxRecordsPerBatch)
  const uncompressedBytes = batches.reduce((sum, b) => sum + b.length, 0)
  const usable = codecs.filter((c) => c.codec !== undefined).length
  const targetMs = options.timeBudgetMs !== undefined ? options.timeBudgetMs / Math.max(1, usable) : DEFAULT_CODEC_TIME_MS

  const results: CodecMeasurement[] = codecs.map((c) =>
    c.codec === undefined
      ? {codec: c.name, available: false, error: c.error ?? 'not loaded', ratio: null, compressBytesPerSecond: null, decompressBytesPerSecond: null}
      : measureCodec(c.codec, batches, uncompressedBytes, targetMs),
  )

  const messageBytes = messages.reduce((sum, m) => sum + m.length, 0)
  const producerBytesPerSec =
    options.producerBytesPerSec ?? (messagesPerSec === undefined ? undefined : (messagesPerSec * messageBytes) / messages.length)

  return {
    batches: batches.length,
    averageBatchBytes: BATCH_HEADER_BYTES + uncompressedBytes / batches.length,
    records: messages.length,
    averageRecordsPerBatch: messages.length / batches.length,
    maxRecordsPerBatch,
    uncompressedBytes,
    batchSizeBytes,
    codecs: results,
    recommendation: recommendCodec(results, producerBytesPerSec),
  }
}
