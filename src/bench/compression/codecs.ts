// The four codecs a Kafka producer can use (compression.type), each loaded lazily so that nothing native
// is loaded at CLI startup, and a codec that cannot load is reported, never fatal.
//
// Formats, against what the Java client writes into a batch's records section:
//   gzip    node:zlib gzipSync, level 6 (zlib's default, = Deflater.DEFAULT_COMPRESSION, Kafka's default
//           compression.gzip.level). Same gzip framing and same deflate as GZIPOutputStream: identical ratio.
//   snappy  `snappy` (napi-rs, Rust `snap` crate): the raw snappy *block* format. The Java client wraps it in
//           xerial framing (SnappyOutputStream: a 16-byte stream header, then 32 KiB blocks each with a
//           length prefix), so a batch on the wire is a few bytes larger; batches over 32 KiB are compressed
//           in 32 KiB pieces there and in one piece here: a ratio within a percent or two.
//   lz4     `lz4-napi` (napi-rs, Rust `lz4_flex`, LZ4's fast compressor as Kafka's default level uses): the
//           LZ4 *frame* format exactly as Kafka's Lz4BlockOutputStream writes it, assembled here from lz4
//           blocks (see lz4FrameCompress): 64 KiB independent blocks, no checksums, incompressible blocks stored raw.
//           (lz4-napi's own compressFrameSync/decompressFrameSync write the same frame but run 2-5× slower.)
//   zstd    `@toondepauw/node-zstd` (napi-rs, Rust `zstd` crate = libzstd) at level 3, zstd's and Kafka's
//           default compression.zstd.level. One zstd frame, as zstd-jni's ZstdOutputStream writes.
// All three npm packages ship prebuilt binaries as per-platform optionalDependencies and have no install
// scripts, so a plain `npm install` (install scripts blocked, no network but the registry) works. Where no
// binary exists for the platform, the loader's error is reported for that codec alone.
// Speeds are of these bindings called from Node on one batch at a time, so they include per-call costs
// (output buffer allocation; a fresh zstd context per call, as Kafka also makes per batch): compare the
// codecs with each other, and expect the Java client's lz4 (C via JNI) and zstd decompression to be faster.
import {existsSync, readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {dirname, join} from 'node:path'
import {gunzipSync, gzipSync} from 'node:zlib'

export type CodecName = 'gzip' | 'snappy' | 'lz4' | 'zstd'

/** In the order Kafka numbers them (attributes bits: gzip 1, snappy 2, lz4 3, zstd 4). */
export const CODEC_NAMES: readonly CodecName[] = ['gzip', 'snappy', 'lz4', 'zstd']

export interface Codec {
  name: CodecName
  /** Package (and version) doing the work, for the report. */
  library: string
  compress(b: Buffer): Buffer
  decompress(b: Buffer, uncompressedSize: number): Buffer
}

export interface LoadedCodec {
  name: CodecName
  codec?: Codec
  /** Why the codec could not be loaded. */
  error?: string
}

export type CodecLoader = () => Promise<Codec>

/** Kafka's default levels (KIP-390, Kafka 3.8+; the same values were hard-wired before). */
export const GZIP_LEVEL = 6
export const ZSTD_LEVEL = 3

const require = createRequire(import.meta.url)

/** name@version of an installed package, found from its entry point (not every package exports package.json). */
function packageVersion(name: string): string {
  try {
    let dir = dirname(require.resolve(name))
    for (;;) {
      const file = join(dir, 'package.json')
      if (existsSync(file)) {
        const pkg = JSON.parse(readFileSync(file, 'utf8')) as {name?: string; version?: string}
        if (pkg.name === name && pkg.version) return `${name}@${pkg.version}`
      }
      const parent = dirname(dir)
      if (parent === dir) return name
      dir = parent
    }
  } catch {
    return name
  }
}

/** CommonJS packages imported from ESM: named exports when Node detects them, else under default. */
function cjs<T>(mod: T & {default?: unknown}): T {
  return (mod.default ?? mod) as T
}

function checkSize(name: CodecName, out: Buffer, uncompressedSize: number): Buffer {
  if (out.length !== uncompressedSize) {
    throw new Error(`${name}: decompressed ${out.length} bytes, expected ${uncompressedSize}`)
  }
  return out
}

/**
 * The LZ4 frame header Kafka writes: magic 0x184D2204, FLG 0x60 (version 1, independent blocks, no block
 * checksum, no content size, no content checksum), BD 0x40 (64 KiB blocks), and the header checksum
 * (second byte of xxHash32 of FLG and BD), which is constant for these two bytes.
 */
export const LZ4_FRAME_HEADER = Buffer.from([0x04, 0x22, 0x4d, 0x18, 0x60, 0x40, 0x82])
export const LZ4_BLOCK_BYTES = 64 * 1024
const LZ4_UNCOMPRESSED_BLOCK = 0x80000000

/**
 * An LZ4 frame as Kafka's Lz4BlockOutputStream writes it: header, then each 64 KiB of input as one block
 * (u32 LE length, high bit set when the block is stored uncompressed because LZ4 did not shrink it), then
 * a 0 end mark. `compressBlock` returns lz4_flex's size-prefixed block: u32 LE uncompressed size + block.
 */
export function lz4FrameCompress(input: Buffer, compressBlock: (b: Buffer) => Buffer): Buffer {
  const parts: Buffer[] = [LZ4_FRAME_HEADER]
  for (let off = 0; off < input.length; off += LZ4_BLOCK_BYTES) {
    const chunk = input.subarray(off, Math.min(input.length, off + LZ4_BLOCK_BYTES))
    const block = compressBlock(chunk).subarray(4)
    const length = Buffer.allocUnsafe(4)
    if (block.length >= chunk.length) {
      length.writeUInt32LE((chunk.length | LZ4_UNCOMPRESSED_BLOCK) >>> 0)
      parts.push(length, chunk)
    } else {
      length.writeUInt32LE(block.length)
      parts.push(length, block)
    }
  }
  parts.push(Buffer.alloc(4)) // end mark
  return Buffer.concat(parts)
}

/**
 * Reads a frame written by lz4FrameCompress or Kafka (independent blocks, no checksums, any block size:
 * BD 0x40-0x70); `decompressBlock` takes a size-prefixed block.
 */
export function lz4FrameDecompress(frame: Buffer, uncompressedSize: number, decompressBlock: (b: Buffer) => Buffer): Buffer {
  const blockSizeCode = (frame[5] >> 4) & 7
  if (frame.length < LZ4_FRAME_HEADER.length + 4 || !frame.subarray(0, 5).equals(LZ4_FRAME_HEADER.subarray(0, 5)) || (frame[5] & 0x8f) !== 0 || blockSizeCode < 4) {
    throw new Error('lz4: not an LZ4 frame as Kafka writes it (independent blocks, no checksums, no content size)')
  }
  const maxBlockBytes = 1 << (2 * blockSizeCode + 8)
  const out = Buffer.allocUnsafe(uncompressedSize)
  let pos = LZ4_FRAME_HEADER.length
  let written = 0
  for (;;) {
    const word = frame.readUInt32LE(pos)
    pos += 4
    if (word === 0) break
    const raw = (word & LZ4_UNCOMPRESSED_BLOCK) !== 0
    const length = word & ~LZ4_UNCOMPRESSED_BLOCK
    const block = frame.subarray(pos, pos + length)
    pos += length
    const expected = Math.min(maxBlockBytes, uncompressedSize - written)
    if (raw) written += block.copy(out, written)
    else {
      const prefixed = Buffer.allocUnsafe(4 + length)
      prefixed.writeUInt32LE(expected)
      block.copy(prefixed, 4)
      written += decompressBlock(prefixed).copy(out, written)
    }
  }
  return out.subarray(0, written)
}

export const CODEC_LOADERS: Record<CodecName, CodecLoader> = {
  async gzip() {
    return {
      name: 'gzip',
      library: `node:zlib (zlib ${process.versions.zlib})`,
      compress: (b) => gzipSync(b, {level: GZIP_LEVEL}),
      decompress: (b, size) => checkSize('gzip', gunzipSync(b), size),
    }
  },
  async snappy() {
    const snappy = cjs(await import('snappy'))
    return {
      name: 'snappy',
      library: packageVersion('snappy'),
      // copyOutputData: a plain Buffer instead of an external one, which under Node 20 makes both calls
      // 4-5× faster (the external-buffer path costs more than the codec itself at batch sizes).
      compress: (b) => snappy.compressSync(b, {copyOutputData: true}),
      decompress: (b, size) => checkSize('snappy', snappy.uncompressSync(b, {asBuffer: true, copyOutputData: true}) as Buffer, size),
    }
  },
  async lz4() {
    const lz4 = cjs(await import('lz4-napi'))
    return {
      name: 'lz4',
      library: packageVersion('lz4-napi'),
      compress: (b) => lz4FrameCompress(b, (block) => lz4.compressSync(block)),
      decompress: (b, size) => checkSize('lz4', lz4FrameDecompress(b, size, (block) => lz4.uncompressSync(block)), size),
    }
  },
  async zstd() {
    const zstd = cjs(await import('@toondepauw/node-zstd'))
    const encoder = new zstd.Encoder(ZSTD_LEVEL)
    const decoder = new zstd.Decoder()
    return {
      name: 'zstd',
      library: packageVersion('@toondepauw/node-zstd'),
      compress: (b) => encoder.encodeSync(b),
      decompress: (b, size) => checkSize('zstd', decoder.decodeSync(b), size),
    }
  },
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    // Native loaders put the whole require stack in the message: the first line says what failed.
    const first = error.message.split('\n')[0]
    return first || error.name
  }
  return String(error)
}

/**
 * Loads every codec; each failure is kept as `error` on its entry. `loaders` replaces individual
 * loaders (tests use it to simulate a codec whose native binary is missing).
 */
export async function loadCodecs(loaders: Partial<Record<CodecName, CodecLoader>> = {}): Promise<LoadedCodec[]> {
  return Promise.all(
    CODEC_NAMES.map(async (name): Promise<LoadedCodec> => {
      const load = loaders[name] ?? CODEC_LOADERS[name]
      try {
        const codec = await load()
        // A binary that loads but cannot run (wrong libc, corrupt file) fails here, not mid-measurement.
        const probe = Buffer.from('kafka-sizer codec probe '.repeat(8))
        if (!codec.decompress(codec.compress(probe), probe.length).equals(probe)) throw new Error('round-trip self-test failed')
        return {name, codec}
      } catch (error) {
        return {name, error: describeError(error)}
      }
    }),
  )
}
