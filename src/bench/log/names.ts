// Segment file names, as Kafka's LogFileUtils spells them: `<baseOffset zero-padded to 20 digits><suffix>`
// (LogFileUtils.filenamePrefixFromOffset / logFile / offsetIndexFile / timeIndexFile).
import * as fs from 'node:fs'
import * as path from 'node:path'

export const LOG_FILE_SUFFIX = '.log'
export const INDEX_FILE_SUFFIX = '.index'
export const TIME_INDEX_FILE_SUFFIX = '.timeindex'

const LOG_FILE_NAME = /^(\d{20})\.log$/

/** LogFileUtils.filenamePrefixFromOffset: the offset, zero-padded to 20 digits, no grouping. */
export function filenamePrefixFromOffset(offset: number): string {
  if (!Number.isSafeInteger(offset) || offset < 0) throw new RangeError(`invalid segment base offset ${offset}`)
  return String(offset).padStart(20, '0')
}

export interface SegmentPaths {
  log: string
  index: string
  timeindex: string
}

export function segmentPaths(dir: string, baseOffset: number): SegmentPaths {
  const prefix = path.join(dir, filenamePrefixFromOffset(baseOffset))
  return {log: prefix + LOG_FILE_SUFFIX, index: prefix + INDEX_FILE_SUFFIX, timeindex: prefix + TIME_INDEX_FILE_SUFFIX}
}

/** The base offset named by a `.log` file name, or undefined for any other file. */
export function offsetFromLogFileName(name: string): number | undefined {
  const m = LOG_FILE_NAME.exec(name)
  if (m === null) return undefined
  const offset = Number(m[1])
  return Number.isSafeInteger(offset) ? offset : undefined
}

/** Base offsets of the segments in dir (one per `.log` file), ascending. */
export function listSegmentBaseOffsets(dir: string): number[] {
  const out: number[] = []
  for (const name of fs.readdirSync(dir)) {
    const offset = offsetFromLogFileName(name)
    if (offset !== undefined) out.push(offset)
  }
  return out.sort((a, b) => a - b)
}
