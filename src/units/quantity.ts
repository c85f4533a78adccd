// The one place where human quantities are parsed ("50 MB/s", "7d", "100k msg/s"). Everything past the
// flag layer works in plain numbers of base units: bytes, bytes/s, messages/s, milliseconds, bits/s.
//
// mathjs does the unit arithmetic, but it is never imported statically: loadQuantityParser() imports the
// ./mathjs-units.js bundle once, on first use, so commands that parse no quantity never load it.
// The text is normalised first by ./preprocess.ts (its header lists the accepted spellings); unitless
// numbers (counts, fractions, growth) are parsed without mathjs by ./plain-numbers.ts.
import type {Unit} from 'mathjs'
import {InputError} from '../lib/errors.js'
import {NUMBER, NUMBER_ONLY, preprocessDetailed, preprocessQuantity, quote, unitSpellingHint} from './preprocess.js'

// Importers use this module as the entry point for all of it.
export {COUNT_MULTIPLIERS, type PreprocessOptions, preprocessQuantity, unitSpellingHint} from './preprocess.js'
export {parseCount, parseFraction, parseGrowth, parsePositiveNumber} from './plain-numbers.js'

const GLUED_BYTES = new RegExp(String.raw`(?<![\w.])${NUMBER}B(?=$|[\s/*)])`)

export interface QuantityOptions {
  /** Accept zero (e.g. linger.ms = 0). By default a quantity must be greater than zero. */
  allowZero?: boolean
}

export type Rate = {kind: 'bytes'; bytesPerSec: number} | {kind: 'messages'; messagesPerSec: number}

export interface QuantityParser {
  /**
   * Bytes: "1 KiB" = 1024, "512 B", "1 MB" = 10^6, "1.5 GiB". A bare whole number is a byte count, as in
   * Kafka configs (segment.bytes=1073741824); bit units are converted (÷8). "10G" is rejected as ambiguous.
   */
  size(text: string, flag: string, options?: QuantityOptions): number
  /** Bytes per second: "50 MB/s", "400 Mbit/s" (= 50e6), "1.2 GiB/s", "4 TB/day", "100 MBps". */
  byteRate(text: string, flag: string, options?: QuantityOptions): number
  /** A byte rate ("50 MB/s") or a message rate ("100k msg/s", "2.5M/day", "5000/s"); both per second. */
  rate(text: string, flag: string, options?: QuantityOptions): Rate
  /**
   * Milliseconds: "7d", "36h", "90 days", "1 week", "15m" (minutes), "1h30m"; a bare number is milliseconds
   * as Kafka writes them (604800000); "-1", "infinite", "forever", "unlimited", "never" → Infinity.
   */
  duration(text: string, flag: string, options?: QuantityOptions): number
  /** Network bandwidth in bits/s: "10 Gbit/s", "10 Gbps", "25Gbps", "10G", "1.25 GB/s" (bytes ×8). */
  bandwidth(text: string, flag: string, options?: QuantityOptions): number
}

type MathUnits = typeof import('./mathjs-units.js')['math']

let loading: Promise<QuantityParser> | undefined

/** Loads mathjs (the units bundle) on first call and returns the cached parser afterwards. */
export async function loadQuantityParser(): Promise<QuantityParser> {
  loading ??= import('./mathjs-units.js').then(
    (module) => createQuantityParser(module.math),
    (error: unknown) => {
      loading = undefined
      throw error
    },
  )
  return loading
}

type Kind = 'number' | 'size' | 'byteRate' | 'duration' | 'frequency' | 'other'
type Target = 'size' | 'byteRate' | 'rate' | 'duration' | 'bandwidth'

const EXPECTED: Record<Target, string> = {
  size: 'a size such as "500 MB", "1 GiB" or a byte count such as 1073741824',
  byteRate: 'a rate such as "50 MB/s"',
  rate: 'a byte rate such as "50 MB/s" or a message rate such as "100k msg/s" or "5000/s"',
  duration: 'a duration such as "7d", "36h" or "90 days", or milliseconds such as 604800000',
  bandwidth: 'a bandwidth such as "10 Gbit/s", "25Gbps" or "1.25 GB/s"',
}

const TARGET_NOUN: Record<Target, string> = {
  size: 'a size',
  byteRate: 'a rate',
  rate: 'a rate',
  duration: 'a duration',
  bandwidth: 'a bandwidth',
}

const INFINITE_WORDS = /^(?:-1|infinite|infinity|inf|forever|unlimited|never)$/i

interface Parsed {
  /** The value in SI base units: bits for data, seconds for time, 1 for counts. */
  value: number
  kind: Kind
  /** What the quantity is, for messages: "a size", "a length", "a count". */
  description: string
  /** True when the text was a bare number (no unit at all). */
  bare: boolean
}

/** Drops binary floating-point noise from unit conversions (15 significant digits): 0.1 MB → 100000 B. */
function clean(n: number): number {
  return Number.isFinite(n) && n !== 0 ? Number(n.toPrecision(15)) : n
}

function describeDimensions(dimensions: Record<string, number>): {kind: Kind; description: string} {
  const nonZero = Object.entries(dimensions).filter(([, power]) => Math.abs(power) > 1e-12)
  const is = (...expected: Array<[string, number]>) =>
    nonZero.length === expected.length &&
    expected.every(([name, power]) => Math.abs((dimensions[name] ?? 0) - power) < 1e-12)
  if (nonZero.length === 0) return {kind: 'number', description: 'a plain number without a unit'}
  if (is(['BIT', 1])) return {kind: 'size', description: 'a size'}
  if (is(['BIT', 1], ['TIME', -1])) return {kind: 'byteRate', description: 'a data rate'}
  if (is(['TIME', 1])) return {kind: 'duration', description: 'a duration'}
  if (is(['TIME', -1])) return {kind: 'frequency', description: 'a message rate'}
  if (is(['LENGTH', 1])) return {kind: 'other', description: 'a length'}
  if (is(['LENGTH', 2])) return {kind: 'other', description: 'an area'}
  if (is(['LENGTH', 3])) return {kind: 'other', description: 'a volume'}
  if (is(['LENGTH', 1], ['TIME', -1])) return {kind: 'other', description: 'a speed'}
  if (is(['MASS', 1])) return {kind: 'other', description: 'a mass'}
  if (is(['TEMPERATURE', 1])) return {kind: 'other', description: 'a temperature'}
  if (is(['ANGLE', 1])) return {kind: 'other', description: 'an angle'}
  if (is(['CURRENT', 1])) return {kind: 'other', description: 'an electric current'}
  return {kind: 'other', description: 'a quantity of another kind'}
}

export function createQuantityParser(math: MathUnits): QuantityParser {
  const baseDimensions = (math.Unit as unknown as {BASE_DIMENSIONS: string[]}).BASE_DIMENSIONS

  function parse(text: string, flag: string, target: Target): Parsed {
    const expected = EXPECTED[target]
    if (typeof text !== 'string' || text.trim() === '') throw new InputError(flag, 'no value given', expected)
    const {text: normalized, multiplier} = preprocessDetailed(text, {minutesForM: target === 'duration'})

    if (NUMBER_ONLY.test(normalized)) {
      const value = Number.parseFloat(normalized)
      if (multiplier !== null && (target === 'size' || target === 'duration')) {
        throw new InputError(flag, `${quote(text)} is ambiguous: ${ambiguityHint(text, target)}`, expected)
      }
      return {value, kind: 'number', description: 'a plain number without a unit', bare: true}
    }

    let unit: Unit
    try {
      unit = math.unit(normalized)
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      const notFound = /Unit "([^"]*)" not found/.exec(message)
      if (!/\d/.test(normalized)) {
        throw new InputError(flag, `${quote(text)} is not a number with a unit`, expected)
      }
      if (notFound) {
        throw new InputError(flag, `unknown unit "${notFound[1]}" in ${quote(text)}${unitSpellingHint(notFound[1]!)}`, expected)
      }
      const unexpected = /Unexpected "([^"]*)"/.exec(message)
      const detail = unexpected ? ` (unexpected "${unexpected[1]}")` : ''
      throw new InputError(flag, `${quote(text)} is not a valid quantity${detail}`, expected)
    }
    if (unit.value === null || unit.value === undefined) {
      throw new InputError(flag, `${quote(text)} has no number`, expected)
    }
    const value = Number(unit.value)
    if (Number.isNaN(value)) throw new InputError(flag, `${quote(text)} is not a number with a unit`, expected)
    const dimensions: Record<string, number> = {}
    baseDimensions.forEach((name, i) => {
      dimensions[name] = unit.dimensions[i] ?? 0
    })
    const described = describeDimensions(dimensions)
    // "5000 msg" has a (dimensionless) unit: it is a count, not a bare number.
    if (described.kind === 'number') described.description = 'a count'
    return {value, ...described, bare: false}
  }

  function wrongKind(text: string, flag: string, target: Target, parsed: Parsed): InputError {
    let noun = TARGET_NOUN[target]
    if (parsed.kind === 'frequency' && target === 'byteRate') noun = 'a byte rate'
    if (parsed.bare) return new InputError(flag, `${quote(text)} has no unit`, EXPECTED[target])
    return new InputError(flag, `${quote(text)} is ${parsed.description}, not ${noun}`, EXPECTED[target])
  }

  function checkSign(value: number, text: string, flag: string, target: Target, options: QuantityOptions = {}): void {
    if (!Number.isFinite(value)) throw new InputError(flag, `${quote(text)} is too large`, EXPECTED[target])
    if (value < 0 || (value === 0 && !options.allowZero)) {
      const bound = options.allowZero ? 'must not be negative' : 'must be greater than zero'
      throw new InputError(flag, `${quote(text)} ${bound}`, EXPECTED[target])
    }
  }

  function rejectGluedBytes(text: string, flag: string, target: Target): void {
    // "1.2B/day": B is bytes, but a B glued to a number reads as "billion" to many people.
    if (GLUED_BYTES.test(preprocessQuantity(text))) {
      const trimmed = text.trim()
      const asBytes = trimmed.replace(/(\d)B/, '$1 B')
      const asBillions = trimmed.replace(/(\d)B(?=\s*\/)/, '$1bn msg').replace(/(\d)B$/, '$1bn msg')
      throw new InputError(
        flag,
        `${quote(text)} is ambiguous: "B" means bytes; write "${asBytes}" for bytes or "${asBillions}" for billions of messages`,
        EXPECTED[target],
      )
    }
  }

  const parser: QuantityParser = {
    size(text, flag, options) {
      const parsed = parse(text, flag, 'size')
      if (parsed.bare) {
        checkSign(parsed.value, text, flag, 'size', options)
        if (!Number.isInteger(parsed.value)) {
          throw new InputError(flag, `${quote(text)} has no unit and is not a whole number of bytes`, EXPECTED.size)
        }
        return parsed.value
      }
      if (parsed.kind !== 'size') throw wrongKind(text, flag, 'size', parsed)
      const bytes = clean(parsed.value / 8)
      checkSign(bytes, text, flag, 'size', options)
      return bytes
    },

    byteRate(text, flag, options) {
      const parsed = parse(text, flag, 'byteRate')
      if (parsed.kind !== 'byteRate') throw wrongKind(text, flag, 'byteRate', parsed)
      rejectGluedBytes(text, flag, 'byteRate')
      const bytesPerSec = clean(parsed.value / 8)
      checkSign(bytesPerSec, text, flag, 'byteRate', options)
      return bytesPerSec
    },

    rate(text, flag, options) {
      const parsed = parse(text, flag, 'rate')
      if (parsed.kind === 'byteRate') {
        rejectGluedBytes(text, flag, 'rate')
        const bytesPerSec = clean(parsed.value / 8)
        checkSign(bytesPerSec, text, flag, 'rate', options)
        return {kind: 'bytes', bytesPerSec}
      }
      if (parsed.kind === 'frequency') {
        const messagesPerSec = clean(parsed.value)
        checkSign(messagesPerSec, text, flag, 'rate', options)
        return {kind: 'messages', messagesPerSec}
      }
      throw wrongKind(text, flag, 'rate', parsed)
    },

    duration(text, flag, options) {
      if (typeof text === 'string' && INFINITE_WORDS.test(text.trim())) return Number.POSITIVE_INFINITY
      const compound = parseCompoundDuration(text, flag, options)
      if (compound !== null) return compound
      const parsed = parse(text, flag, 'duration')
      if (parsed.bare) {
        checkSign(parsed.value, text, flag, 'duration', options)
        return parsed.value
      }
      if (parsed.kind !== 'duration') throw wrongKind(text, flag, 'duration', parsed)
      const ms = clean(parsed.value * 1000)
      checkSign(ms, text, flag, 'duration', options)
      return ms
    },

    bandwidth(text, flag, options) {
      const parsed = parse(text, flag, 'bandwidth')
      if (parsed.bare) {
        // "10G", "25G", "100G": NIC speeds are written this way. A bare number without a suffix is refused.
        if (preprocessDetailed(text).multiplier === null) throw wrongKind(text, flag, 'bandwidth', parsed)
        checkSign(parsed.value, text, flag, 'bandwidth', options)
        return parsed.value
      }
      if (parsed.kind !== 'byteRate') throw wrongKind(text, flag, 'bandwidth', parsed)
      const bitsPerSec = clean(parsed.value)
      checkSign(bitsPerSec, text, flag, 'bandwidth', options)
      return bitsPerSec
    },
  }

  /** "1h30m", "1d 12h", "2 hours 30 min": several number+unit pairs, summed. Null if not of that shape. */
  function parseCompoundDuration(text: string, flag: string, options?: QuantityOptions): number | null {
    if (typeof text !== 'string') return null
    const pair = new RegExp(String.raw`(${NUMBER}) ?([A-Za-z]+)`, 'g')
    const s = text.trim()
    if (!new RegExp(String.raw`^(?:${NUMBER} ?[A-Za-z]+ ?){2,}$`).test(s)) return null
    let total = 0
    for (const match of s.matchAll(pair)) {
      const part = `${match[1]} ${match[2]}`
      const parsed = parse(part, flag, 'duration')
      if (parsed.kind !== 'duration') {
        throw new InputError(flag, `${quote(part)} in ${quote(text)} is ${parsed.description}, not a duration`, EXPECTED.duration)
      }
      total += parsed.value * 1000
    }
    const ms = clean(total)
    checkSign(ms, text, flag, 'duration', options)
    return ms
  }

  return parser
}

/** How to write an ambiguous bare "10G" / "100k" / "6M" unambiguously. */
function ambiguityHint(text: string, target: 'size' | 'duration'): string {
  if (target === 'duration') return 'write a unit such as "6 months", "6 min" or a number of milliseconds such as 600000'
  const match = /^\s*(.*?)\s*(bn|[kKMG])\s*$/.exec(text)
  const number = match?.[1] ?? 'N'
  const suffix = match?.[2] ?? 'G'
  const [decimal, binary, power] =
    suffix === 'k' || suffix === 'K' ? ['kB', 'KiB', 3] : suffix === 'M' ? ['MB', 'MiB', 6] : ['GB', 'GiB', 9]
  return `write "${number} ${decimal}" (10^${power} bytes) or "${number} ${binary}" (2^${(power / 3) * 10} bytes)`
}
