import {randomBytes} from 'node:crypto'
import {chmod, mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {CODEC_NAMES, loadCodecs, type LoadedCodec} from '../../src/bench/compression/codecs.js'
import {benchCompression} from '../../src/bench/compression/index.js'
import {buildBatches, lingerCap, measureCompression, recommendCodec, type CodecMeasurement} from '../../src/bench/compression/measure.js'
import {readSamples} from '../../src/bench/compression/samples.js'
import {BATCH_HEADER_BYTES, encodeRecords} from '../../src/bench/log/record-batch.js'
import {InputError} from '../../src/lib/errors.js'
import {recordsFittingInBatch} from '../../src/model/record-format.js'

/** Deterministic, realistic-looking event JSON (what a clickstream or order topic carries). */
function events(count: number, seed = 42): Buffer[] {
  let s = seed
  const rand = () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648
    return s / 2_147_483_648
  }
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]
  const types = ['page_view', 'add_to_cart', 'checkout', 'search', 'login']
  const pages = ['/home', '/products/shoes', '/products/hats', '/cart', '/checkout', '/search']
  const agents = ['Mozilla/5.0 (Windows NT 10.0; Win64; x64)', 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4)', 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X)']
  return Array.from({length: count}, (_, i) =>
    Buffer.from(
      JSON.stringify({
        eventId: `evt-${(1_000_000 + i).toString(16)}-${Math.floor(rand() * 1e9).toString(36)}`,
        type: pick(types),
        timestamp: new Date(1_700_000_000_000 + i * 37).toISOString(),
        userId: `user-${Math.floor(rand() * 50_000)}`,
        sessionId: `sess-${Math.floor(rand() * 1e12).toString(36)}`,
        page: pick(pages),
        userAgent: pick(agents),
        country: pick(['US', 'DE', 'FR', 'GB', 'JP', 'BR']),
        amount: Math.round(rand() * 20_000) / 100,
        currency: 'USD',
        tags: [pick(['promo', 'organic', 'email']), pick(['mobile', 'desktop'])],
      }),
    ),
  )
}

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kafka-sizer-compression-'))
})
afterAll(async () => {
  await rm(dir, {recursive: true, force: true})
})

async function inputError(promise: Promise<unknown>): Promise<InputError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(InputError)
  return error as InputError
}

describe('readSamples', () => {
  it('.jsonl: one message per line, raw line bytes, CRLF and blank lines dropped', async () => {
    const path = join(dir, 'events.jsonl')
    await writeFile(path, '{"a":1}\r\n\n{"b": "two words"}\n  {"c":3}\n')
    const s = await readSamples(path)
    expect(s.format).toBe('jsonl')
    expect(s.messages.map(String)).toEqual(['{"a":1}', '{"b": "two words"}', '  {"c":3}'])
    expect(s.totalBytes).toBe(7 + 18 + 9)
    expect(s.truncated).toBe(false)
    expect(s.source).toContain('events.jsonl (3 JSON lines')
    expect((await readSamples(join(dir, 'events.jsonl'))).format).toBe('jsonl')
    const nd = join(dir, 'x.NDJSON')
    await writeFile(nd, '{}\n')
    expect((await readSamples(nd)).format).toBe('jsonl')
  })

  it('any other file: one message per non-empty line, binary bytes kept as they are', async () => {
    const path = join(dir, 'messages.txt')
    await writeFile(path, 'first\nsecond\n\nthird')
    const s = await readSamples(path)
    expect(s.format).toBe('lines')
    expect(s.messages.map(String)).toEqual(['first', 'second', 'third'])

    const bin = join(dir, 'blob.bin')
    await writeFile(bin, Buffer.from([0, 1, 2, 0x0a, 0xff, 0xfe, 0x0a, 0x0a, 7]))
    const b = await readSamples(bin)
    expect(b.format).toBe('lines')
    expect(b.messages).toEqual([Buffer.from([0, 1, 2]), Buffer.from([0xff, 0xfe]), Buffer.from([7])])
  })

  it('a directory: each regular file is one message, sorted, not recursive, empty files skipped', async () => {
    const d = join(dir, 'msgs')
    await mkdir(join(d, 'sub'), {recursive: true})
    await writeFile(join(d, 'b.json'), '{"b":2}\n')
    await writeFile(join(d, 'a.json'), '{"a":1}')
    await writeFile(join(d, 'c.bin'), Buffer.from([1, 2, 3]))
    await writeFile(join(d, 'empty'), '')
    await writeFile(join(d, 'sub', 'nested.json'), '{"nested":true}')
    const s = await readSamples(d)
    expect(s.format).toBe('files')
    expect(s.messages).toEqual([Buffer.from('{"a":1}'), Buffer.from('{"b":2}\n'), Buffer.from([1, 2, 3])])
    expect(s.totalBytes).toBe(7 + 8 + 3)
    expect(s.source).toBe('msgs/ (3 files, 1 empty skipped)')
  })

  it('reads at most maxBytes and says so', async () => {
    const path = join(dir, 'big.jsonl')
    await writeFile(path, Array.from({length: 100}, (_, i) => `{"i":${String(i).padStart(3, '0')}}`).join('\n') + '\n') // 9 bytes + \n each
    const s = await readSamples(path, {maxBytes: 45})
    expect(s.truncated).toBe(true)
    expect(s.messages.length).toBe(4) // 40 bytes of whole lines; the 5th line is cut at byte 45 and dropped
    expect(s.messages.at(-1)?.toString()).toBe('{"i":003}')
    expect(s.source).toMatch(/first .* MiB of .* MiB/)

    const d = join(dir, 'many')
    await mkdir(d)
    for (let i = 0; i < 10; i++) await writeFile(join(d, `m${i}`), 'x'.repeat(100))
    const f = await readSamples(d, {maxBytes: 350})
    expect(f.messages.length).toBe(3)
    expect(f.truncated).toBe(true)
    expect(f.source).toContain('3 files; 7 more left out')
  })

  it('errors say what is wrong and what is expected', async () => {
    const missing = await inputError(readSamples(join(dir, 'nope.jsonl')))
    expect(missing.message).toMatch(/^--sample: ".*nope\.jsonl" does not exist/)
    expect(missing.message).toContain('Expected a .jsonl/.ndjson file')

    const emptyPath = join(dir, 'empty.jsonl')
    await writeFile(emptyPath, '')
    expect((await inputError(readSamples(emptyPath))).message).toMatch(/^--sample: ".*empty\.jsonl" is empty\. Expected .*at least one message/)

    const blank = join(dir, 'blank.txt')
    await writeFile(blank, '\n\r\n\n')
    expect((await inputError(readSamples(blank))).message).toContain('has no messages (only empty lines)')

    const emptyDir = join(dir, 'emptydir')
    await mkdir(emptyDir)
    expect((await inputError(readSamples(emptyDir))).message).toContain('has no non-empty regular files')

    expect((await inputError(readSamples(join(dir, 'events.jsonl', 'x')))).message).toContain('is not a valid path')
  })

  it.skipIf(process.getuid?.() === 0)('permission denied is an InputError', async () => {
    const path = join(dir, 'secret.jsonl')
    await writeFile(path, '{}\n')
    await chmod(path, 0o000)
    expect((await inputError(readSamples(path))).message).toContain('permission denied')
    await chmod(path, 0o600)
  })
})

describe('batching', () => {
  it('respects batch.size as the producer does: 1 KiB messages, 16 KiB batches → 15 records each', () => {
    const messages = Array.from({length: 100}, () => Buffer.alloc(1024, 'a'))
    const expected = recordsFittingInBatch({keyBytes: 0, keyed: false, valueBytes: 1024}, 16_384)
    expect(expected).toBe(15)
    const batches = buildBatches(messages, 16_384)
    expect(batches.length).toBe(Math.ceil(100 / 15))
    const full = encodeRecords(Array.from({length: 15}, () => ({key: null, value: messages[0], timestampDelta: 0})))
    for (const b of batches.slice(0, -1)) {
      expect(b.equals(full)).toBe(true)
      expect(BATCH_HEADER_BYTES + b.length).toBeLessThanOrEqual(16_384)
    }
  })

  it('matches recordsFittingInBatch for other sizes, and a message over batch.size is a batch of its own', () => {
    for (const [valueBytes, batchSize] of [[100, 16_384], [512, 1_048_576], [4096, 16_384], [64, 200]]) {
      const n = recordsFittingInBatch({keyBytes: 0, keyed: false, valueBytes}, batchSize)
      const batches = buildBatches(Array.from({length: n * 3}, () => Buffer.alloc(valueBytes, 1)), batchSize)
      expect(batches.length).toBe(3)
    }
    const batches = buildBatches([Buffer.alloc(10), Buffer.alloc(50_000), Buffer.alloc(10)], 16_384)
    expect(batches.length).toBe(3)
  })

  it('linger closes batches early at low rates', () => {
    expect(lingerCap(undefined, 5)).toBeNull()
    expect(lingerCap(1000, 5)).toBe(5)
    expect(lingerCap(10, 5)).toBe(1)
    expect(lingerCap(100_000, 0)).toBe(1)
    const messages = Array.from({length: 40}, () => Buffer.alloc(100, 'x'))
    expect(buildBatches(messages, 16_384, 5).length).toBe(8)
    expect(buildBatches(messages, 16_384).length).toBe(1)
  })
})

describe('codecs', () => {
  let codecs: LoadedCodec[]
  beforeAll(async () => {
    codecs = await loadCodecs()
  })

  it('all four load from a plain npm install (prebuilt napi-rs binaries, no install scripts)', () => {
    expect(codecs.map((c) => c.name)).toEqual([...CODEC_NAMES])
    for (const c of codecs) {
      expect(c.error, `${c.name}: ${c.error}`).toBeUndefined()
      expect(c.codec?.library).toBeTruthy()
    }
  })

  it('lz4 writes the LZ4 frame format with the frame descriptor Kafka writes, readable by a real frame decoder', async () => {
    const lz4 = codecs.find((c) => c.name === 'lz4')!.codec!
    const lz4napi = await import('lz4-napi')
    const inputs = [
      Buffer.from('hello hello hello hello'),
      Buffer.concat(events(800)), // > 64 KiB: several blocks
      randomBytes(150_000), // incompressible blocks are stored raw
      Buffer.concat([Buffer.alloc(70_000, 'a'), randomBytes(70_000)]),
    ]
    for (const input of inputs) {
      const out = lz4.compress(input)
      expect(out.readUInt32LE(0)).toBe(0x184d2204) // LZ4 frame magic
      expect(out[4]).toBe(0x60) // version 1, independent blocks, no checksums, no content size
      expect(out[5]).toBe(0x40) // 64 KiB blocks
      expect(out.subarray(0, 7).equals(lz4napi.compressFrameSync(Buffer.from('x'), {contentChecksum: false, blockChecksums: false}).subarray(0, 7))).toBe(true)
      expect(out.readUInt32LE(out.length - 4)).toBe(0) // end mark
      expect(lz4napi.decompressFrameSync(out).equals(input)).toBe(true)
      expect(lz4.decompress(out, input.length).equals(input)).toBe(true)
      expect(lz4.decompress(lz4napi.compressFrameSync(input, {contentChecksum: false, blockChecksums: false}), input.length).equals(input)).toBe(true)
    }
    expect(lz4.compress(randomBytes(1000)).length).toBe(7 + 4 + 1000 + 4) // stored raw: frame overhead only
  })

  it('repetitive JSON events compress better than 2× with every codec, and a codec is recommended', () => {
    const report = measureCompression(events(3000), codecs, {batchSizeBytes: 16_384, lingerMs: 5, timeBudgetMs: 80})
    expect(report.records).toBe(3000)
    expect(report.batches).toBeGreaterThan(10)
    expect(report.averageBatchBytes).toBeLessThanOrEqual(16_384)
    for (const c of report.codecs) {
      expect(c.available, `${c.codec}: ${c.error}`).toBe(true)
      expect(c.ratio).toBeGreaterThan(2)
      expect(c.compressBytesPerSecond).toBeGreaterThan(0)
      expect(c.decompressBytesPerSecond).toBeGreaterThan(0)
      expect(c.passes).toBeGreaterThanOrEqual(1)
    }
    expect(['zstd', 'lz4']).toContain(report.recommendation.codec)
    expect(report.recommendation.why).toMatch(/\d\.\d\d×/)
  })

  it('random bytes do not shrink: ratio ≈ 1 and recommendation none', () => {
    const messages = Array.from({length: 200}, () => randomBytes(500))
    const report = measureCompression(messages, codecs, {batchSizeBytes: 16_384, lingerMs: 5, timeBudgetMs: 40})
    for (const c of report.codecs) {
      expect(c.available).toBe(true)
      expect(c.ratio).toBeGreaterThan(0.95)
      expect(c.ratio).toBeLessThan(1.03)
    }
    expect(report.recommendation.codec).toBe('none')
    expect(report.recommendation.why).toContain('already compressed or random')
  })

  it('a codec whose loader throws is reported, not fatal', async () => {
    const loaded = await loadCodecs({
      snappy: async () => {
        throw new Error('Cannot find native binding. npm has a bug related to optional dependencies\nRequire stack: …')
      },
    })
    const snappy = loaded.find((c) => c.name === 'snappy')!
    expect(snappy.codec).toBeUndefined()
    expect(snappy.error).toBe('Cannot find native binding. npm has a bug related to optional dependencies')
    const report = measureCompression(events(200), loaded, {batchSizeBytes: 16_384, lingerMs: 5, timeBudgetMs: 20})
    const row = report.codecs.find((c) => c.codec === 'snappy')!
    expect(row).toMatchObject({available: false, ratio: null, compressBytesPerSecond: null, decompressBytesPerSecond: null})
    expect(row.error).toContain('Cannot find native binding')
    expect(report.codecs.filter((c) => c.available).length).toBe(3)
  })

  it('a codec that round-trips wrong is reported as an error', () => {
    const broken: LoadedCodec = {
      name: 'lz4',
      codec: {name: 'lz4', library: 'broken', compress: (b) => Buffer.from(b), decompress: (b) => Buffer.concat([b, Buffer.from([0])])},
    }
    const report = measureCompression(events(50), [broken], {batchSizeBytes: 16_384, lingerMs: 5, timeBudgetMs: 10})
    expect(report.codecs[0]).toMatchObject({codec: 'lz4', available: false, ratio: null})
    expect(report.codecs[0].error).toContain('round-trip mismatch')
    expect(report.recommendation.codec).toBe('none')
  })

  it('benchCompression reads a sample and measures it end to end', async () => {
    const path = join(dir, 'bench.jsonl')
    await writeFile(path, events(500).join('\n') + '\n')
    const {sample, report} = await benchCompression(path, {batchSizeBytes: 16_384, lingerMs: 5, timeBudgetMs: 40})
    expect(sample.format).toBe('jsonl')
    expect(report.records).toBe(500)
    expect(report.codecs.map((c) => c.codec)).toEqual([...CODEC_NAMES])
  })
})

describe('recommendCodec', () => {
  const row = (codec: string, ratio: number, mbps: number): CodecMeasurement => ({
    codec,
    available: true,
    ratio,
    compressBytesPerSecond: mbps * 1e6,
    decompressBytesPerSecond: mbps * 3e6,
  })

  it('zstd when its ratio beats lz4 by more than 10%, else lz4', () => {
    expect(recommendCodec([row('gzip', 5, 40), row('lz4', 3, 600), row('zstd', 4, 250)]).codec).toBe('zstd')
    const close = recommendCodec([row('gzip', 3.5, 40), row('lz4', 3, 600), row('zstd', 3.2, 250)])
    expect(close.codec).toBe('lz4')
    expect(close.why).toContain('3.20×')
    expect(close.why).toContain('600 MB/s')
  })

  it('with the producer rate known: best ratio among codecs fast enough', () => {
    const rows = [row('gzip', 5, 40), row('snappy', 2.5, 700), row('lz4', 3, 600), row('zstd', 4, 250)]
    expect(recommendCodec(rows, 5e6).codec).toBe('gzip') // 40 MB/s ≥ 4 × 5 MB/s
    expect(recommendCodec(rows, 50e6).codec).toBe('zstd') // gzip too slow, zstd 250 ≥ 200
    expect(recommendCodec(rows, 100e6).codec).toBe('lz4')
    const none = recommendCodec(rows, 1e9)
    expect(none.codec).toBe('snappy') // nothing fast enough: the fastest
    expect(none.why).toContain('no codec compresses')
    // Ratios within 5% of the best are a tie, which the faster compressor wins.
    const tie = recommendCodec([row('gzip', 3.83, 67), row('zstd', 3.75, 85), row('lz4', 2.7, 370)], 1e6)
    expect(tie.codec).toBe('zstd')
    expect(tie.why).toContain("within 5% of gzip's 3.83×")
  })

  it('none when no codec saves 5%; falls back without zstd or lz4', () => {
    expect(recommendCodec([row('lz4', 1.02, 600), row('zstd', 1.04, 250)]).codec).toBe('none')
    expect(recommendCodec([row('lz4', 0.99, 600)]).why).toContain('grows the data by 1.0%')
    expect(recommendCodec([row('gzip', 3, 40), row('snappy', 2, 700)]).codec).toBe('snappy')
    expect(recommendCodec([row('gzip', 3, 40)]).codec).toBe('gzip')
    expect(recommendCodec([]).codec).toBe('none')
  })
})
