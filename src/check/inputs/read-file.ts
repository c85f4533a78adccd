// Reading one input file with guards: too large (refused from its size, before reading), empty, binary
// (NUL in the first 8 KiB), unreadable. Each becomes an InputProblem naming the file; nothing throws.
import {open, stat} from 'node:fs/promises'
import {ioReason} from '../../lib/io-errors.js'
import type {InputProblem, Severity} from '../types.js'

export const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024
const SNIFF_BYTES = 8192

export type ReadResult =
  | {ok: true; text: string; /** device:inode, to read a file reached by two paths (symlinks) once */ identity: string}
  | {ok: false; problem?: InputProblem; identity?: string}

export interface ReadOptions {
  maxFileBytes: number
  /** The user named this file (warnings) rather than it being found in a directory (info). */
  explicit: boolean
}

export async function readInputFile(abs: string, file: string, options: ReadOptions): Promise<ReadResult> {
  const problem = (message: string, severity: Severity): ReadResult => ({ok: false, problem: {file, line: 1, column: 1, message, severity}})
  let info
  try {
    info = await stat(abs)
  } catch (error) {
    return problem(`cannot read the file: ${ioReason(error)}`, 'error')
  }
  if (info.isDirectory()) return problem('is a directory, not a file', 'error')
  const identity = `${info.dev}:${info.ino}`
  const tooLarge = sizeProblem(info.size, options.maxFileBytes)
  if (tooLarge) return {...problem(tooLarge, 'error'), identity}

  let bytes: Buffer
  try {
    const handle = await open(abs, 'r')
    try {
      // Sniff first, so a large binary file is refused after 8 KiB rather than read whole.
      const head = Buffer.alloc(Math.min(SNIFF_BYTES, Math.max(info.size, 1)))
      const {bytesRead} = await handle.read(head, 0, head.length, 0)
      const binary = binaryProblem(head.subarray(0, bytesRead))
      if (binary) return {...problem(binary, 'warning'), identity}
      bytes = await handle.readFile()
    } finally {
      await handle.close()
    }
  } catch (error) {
    return {...problem(`cannot read the file: ${ioReason(error)}`, 'error'), identity}
  }
  // The size may have changed since stat (a file being written): check what was read.
  const grew = sizeProblem(bytes.length, options.maxFileBytes)
  if (grew) return {...problem(grew, 'error'), identity}
  const content = contentOf(bytes, file, options.explicit)
  return content.ok ? {ok: true, text: content.text, identity} : {ok: false, problem: content.problem, identity}
}

export function sizeProblem(size: number, max: number): string | undefined {
  if (size <= max) return undefined
  return `the file is ${mib(size)}, larger than the ${mib(max)} limit for an input file; it was not read (a topic file is rarely larger than a few hundred KiB)`
}

function mib(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MiB` : `${bytes} bytes`
}

/** "binary …" for bytes that are not text (UTF-16 is named, since editors on Windows still write it). */
export function binaryProblem(head: Buffer): string | undefined {
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return 'the file is UTF-16 encoded; save it as UTF-8 to have it checked'
  return head.includes(0) ? 'a binary file (it has NUL bytes), not a topic file; skipped' : undefined
}

/** Bytes already read (also from git) → text, or the empty/binary problem. */
export function contentOf(bytes: Buffer, file: string, explicit: boolean): {ok: true; text: string} | {ok: false; problem: InputProblem} {
  const binary = binaryProblem(bytes.subarray(0, SNIFF_BYTES))
  if (binary) return {ok: false, problem: {file, line: 1, column: 1, severity: 'warning', message: binary}}
  let text = bytes.toString('utf8')
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1) // a UTF-8 byte order mark
  if (text.trim() === '') {
    return {ok: false, problem: {file, line: 1, column: 1, severity: explicit ? 'warning' : 'info', message: 'the file is empty; no topics in it'}}
  }
  return {ok: true, text}
}
