// Reads the user's sample messages for the compression bench (`kafka-sizer bench --sample PATH`).
//   *.jsonl / *.ndjson  one message per line: the raw bytes of the line, which is what a JSON producer sends
//   any other file      one message per non-empty line (split on \n; binary content is taken as it is)
//   a directory         each regular file in it (not recursive, sorted by name) is one message
// A trailing \r (CRLF files) is not part of a message; empty lines and empty files are skipped.
import {constants, type Stats} from 'node:fs'
import {open, readdir, stat} from 'node:fs/promises'
import {basename, extname, join} from 'node:path'
import {InputError} from '../../lib/errors.js'

export type SampleFormat = 'jsonl' | 'lines' | 'files'

export interface Samples {
  messages: Buffer[]
  format: SampleFormat
  /** What was read, for the report, e.g. `events.jsonl (10000 lines)`; says when maxBytes cut it short. */
  source: string
  /** Bytes of all messages (the values a producer would send). */
  totalBytes: number
  /** True when the sample was larger than maxBytes and only its beginning was read. */
  truncated: boolean
}

export const DEFAULT_SAMPLE_MAX_BYTES = 64 * 1024 * 1024

const WHERE = '--sample'
const EXPECTED = 'a .jsonl/.ndjson file (one JSON message per line), a text file (one message per line), or a directory (one message per file)'
const EXAMPLE = 'events.jsonl'

function mib(bytes: number): string {
  const v = bytes / (1024 * 1024)
  return `${Number.isInteger(v) ? v : v.toFixed(1)} MiB`
}

function ioError(path: string, error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  switch (code) {
    case 'ENOENT':
      return new InputError(WHERE, `"${path}" does not exist (check the path; it is relative to ${process.cwd()})`, EXPECTED, EXAMPLE)
    case 'ENOTDIR':
      return new InputError(WHERE, `"${path}" is not a valid path (a part of it is a file, not a directory)`, EXPECTED, EXAMPLE)
    case 'EACCES':
    case 'EPERM':
      return new InputError(WHERE, `permission denied reading "${path}" (make it readable, e.g. chmod +r, or copy the sample somewhere you can read)`, EXPECTED, EXAMPLE)
    case 'ELOOP':
      return new InputError(WHERE, `"${path}" is a symbolic link loop`, EXPECTED, EXAMPLE)
    default:
      return error
  }
}

/** Reads up to `limit` bytes from the start of a file. */
async function readHead(path: string, limit: number): Promise<Buffer> {
  const handle = await open(path, constants.O_RDONLY)
  try {
    const buf = Buffer.allocUnsafe(limit)
    let filled = 0
    while (filled < limit) {
      const {bytesRead} = await handle.read(buf, filled, limit - filled, filled)
      if (bytesRead === 0) break
      filled += bytesRead
    }
    return buf.subarray(0, filled)
  } finally {
    await handle.close()
  }
}

function splitLines(data: Buffer): Buffer[] {
  const messages: Buffer[] = []
  let start = 0
  while (start < data.length) {
    let end = data.indexOf(0x0a, start)
    if (end === -1) end = data.length
    let lineEnd = end
    if (lineEnd > start && data[lineEnd - 1] === 0x0d) lineEnd--
    if (lineEnd > start) messages.push(data.subarray(start, lineEnd))
    start = end + 1
  }
  return messages
}

async function readLinesFile(path: string, stats: Stats, maxBytes: number): Promise<Samples> {
  const format: SampleFormat = ['.jsonl', '.ndjson'].includes(extname(path).toLowerCase()) ? 'jsonl' : 'lines'
  const truncated = stats.size > maxBytes
  let data = await readHead(path, Math.min(stats.size, maxBytes))
  if (truncated) {
    // Drop the line cut in two by the limit, unless it is the only one.
    const lastNewline = data.lastIndexOf(0x0a)
    if (lastNewline > 0) data = data.subarray(0, lastNewline + 1)
  }
  const messages = splitLines(data)
  if (messages.length === 0) {
    const problem = stats.size === 0 ? `"${path}" is empty` : `"${path}" has no messages (only empty lines)`
    throw new InputError(WHERE, problem, `${EXPECTED}, with at least one message`, EXAMPLE)
  }
  const totalBytes = messages.reduce((sum, m) => sum + m.length, 0)
  const unit = format === 'jsonl' ? 'JSON lines' : 'lines'
  const cut = truncated ? `, the first ${mib(maxBytes)} of ${mib(stats.size)}: raise the limit to read more` : ''
  return {messages, format, source: `${basename(path)} (${messages.length} ${unit}${cut})`, totalBytes, truncated}
}

async function readDirectory(path: string, maxBytes: number): Promise<Samples> {
  const entries = await readdir(path, {withFileTypes: true})
  const names = entries.map((e) => e.name).sort()
  const messages: Buffer[] = []
  let totalBytes = 0
  let emptyFiles = 0
  let skippedOverLimit = 0
  let truncated = false
  for (const name of names) {
    const file = join(path, name)
    let fileStats: Stats
    try {
      fileStats = await stat(file) // follows symbolic links to files
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue // dangling link, or removed meanwhile
      throw ioError(file, error)
    }
    if (!fileStats.isFile()) continue
    if (fileStats.size === 0) {
      emptyFiles++
      continue
    }
    // The sample is a prefix of the sorted files: once one does not fit, the rest are left out too.
    if (truncated || totalBytes + fileStats.size > maxBytes) {
      truncated = true
      if (messages.length > 0) {
        skippedOverLimit++
        continue
      }
      // Even the first file is over the limit: take its beginning so there is something to measure.
    }
    let data: Buffer
    try {
      data = await readHead(file, Math.min(fileStats.size, maxBytes - totalBytes))
    } catch (error) {
      throw ioError(file, error)
    }
    messages.push(data)
    totalBytes += data.length
  }
  if (messages.length === 0) {
    throw new InputError(WHERE, `directory "${path}" has no non-empty regular files (sub-directories are not read)`, `${EXPECTED}, with at least one message`, 'samples/')
  }
  const empty = emptyFiles > 0 ? `, ${emptyFiles} empty skipped` : ''
  const cut = truncated
    ? skippedOverLimit > 0
      ? `; ${skippedOverLimit} more left out to stay within ${mib(maxBytes)}: raise the limit to read more`
      : `; the first ${mib(maxBytes)} of the only file read: raise the limit to read more`
    : ''
  return {messages, format: 'files', source: `${basename(path)}/ (${messages.length} files${empty}${cut})`, totalBytes, truncated}
}

/** Reads the sample messages at `path` (see the header comment for the formats). */
export async function readSamples(path: string, options: {maxBytes?: number} = {}): Promise<Samples> {
  const maxBytes = options.maxBytes ?? DEFAULT_SAMPLE_MAX_BYTES
  if (!(maxBytes >= 1) || !Number.isFinite(maxBytes)) throw new RangeError(`maxBytes must be a positive number, got ${maxBytes}`)
  if (path.trim() === '') throw new InputError(WHERE, 'the path is empty', EXPECTED, EXAMPLE)
  let stats: Stats
  try {
    stats = await stat(path)
  } catch (error) {
    throw ioError(path, error)
  }
  try {
    if (stats.isDirectory()) return await readDirectory(path, Math.floor(maxBytes))
    if (stats.isFile()) return await readLinesFile(path, stats, Math.floor(maxBytes))
  } catch (error) {
    throw ioError(path, error)
  }
  throw new InputError(WHERE, `"${path}" is neither a regular file nor a directory`, EXPECTED, EXAMPLE)
}
