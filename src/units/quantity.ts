// The one place where human quantities are parsed ("50 MB/s", "7d", "100k msg/s"). Everything past the
// flag layer works in plain numbers of base units: bytes, bytes/s, messages/s, milliseconds, bits/s.
//
// mathjs does the unit arithmetic, but it is never imported statically: loadQuantityParser() imports the
// ./mathjs-units.js bundle once, on first use, so commands that parse no quantity never load it.
//
// Conventions (worth repeating in flag --help texts):
// - Decimal SI prefixes mean powers of 10 (kB = 1000 B, MB = 10^6 B); IEC prefixes mean powers of 2
//   (KiB = 1024 B). "KB" is read as kB (10^3). "B" is a byte, "b"/"bit" is a bit ("400 Mbit/s", "10 Gbps").
// - Bare number suffixes are counts: k/K = 10^3, M = 10^6, G/bn = 10^9 ("100k msg/s", "2.5M/day").
//   "B" after a number is always bytes, never billions: "1.2B/day" is rejected as ambiguous in rates.
//   "50MB/s" is 50 MB/s (the suffix must stand alone before a space, "/", an operator or the end).
// - Compact durations glued to a number: ms, s, m (minutes!), min, h, d, w, mo (30 d), y (365 d);
//   "7d", "36h", "15m", "1w". In durations and after "/" a lone "m" is also minutes ("1M msg/m").
// - month = 30 days and year = 365 days (see ./kafka-units.ts).
import type {Unit} from 'mathjs'
import {InputError} from '../lib/errors.js'

// ---------------------------------------------------------------------------------------------------------
// Preprocessing (shared with the calculator)
// ---------------------------------------------------------------------------------------------------------

const NUMBER = String.raw`(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?`
const NUMBER_ONLY = new RegExp(String.raw`^[+-]?${NUMBER}$`)

/** Count multipliers accepted after a number ("100k", "2.5M", "1.2bn"). */
export const COUNT_MULTIPLIERS: Readonly<Record<string, number>> = {k: 1e3, K: 1e3, M: 1e6, G: 1e9, bn: 1e9}

const MULTIPLIER_AFTER_NUMBER = new RegExp(String.raw`(?<![\w.])(${NUMBER}) ?(k|K|M|G|bn)(?=$|[\s/*)+,;-])`, 'g')
const GLUED_BYTES = new RegExp(String.raw`(?<![\w.])${NUMBER}B(?=$|[\s/*)])`)

/** Unit words matched case-insensitively ("7 Days", "100 Messages/Sec"); everything else is case-sensitive. */
const CASE_INSENSITIVE_WORD = new RegExp(
  '^(?:' +
    [
      'seconds?',
      'secs?',
      'minutes?',
      'mins?',
      'hours?',
      'hrs?',
      'days?',
      'weeks?',
      'months?',
      'years?',
      'msgs?',
      'messages?',
      'events?',
      'records?',
      '(?:kilo|mega|giga|tera|peta|exa|kibi|mebi|gibi|tebi|pebi)?(?:bytes?|bits?)',
      'per',
    ].join('|') +
    ')$',
  'i',
)

const TIME_ABBREVIATIONS: Readonly<Record<string, string>> = {
  d: 'day',
  w: 'week',
  wk: 'week',
  wks: 'weeks',
  y: 'year',
  yr: 'year',
  yrs: 'years',
  mo: 'month',
  mos: 'months',
}

export interface PreprocessOptions {
  /** Read a lone "m" as minutes ("15 m"); used for durations. Glued "15m" and "/m" are minutes anyway. */
  minutesForM?: boolean
}

interface Preprocessed {
  text: string
  /** The count multiplier that was expanded, e.g. "10G", if any. */
  multiplier: string | null
}

function canonicalPrefix(prefix: string): string {
  if (prefix === '') return ''
  const letter = prefix[0]!
  const binary = prefix.length > 1 ? 'i' : ''
  return (letter === 'k' || letter === 'K' ? (binary ? 'K' : 'k') : letter.toUpperCase()) + binary
}

function expandMultiplier(number: string, suffix: string): string {
  const value = Number((Number.parseFloat(number) * (COUNT_MULTIPLIERS[suffix] ?? 1)).toPrecision(15))
  return String(value)
}

function preprocessDetailed(input: string, options: PreprocessOptions = {}): Preprocessed {
  let multiplier: string | null = null
  let s = input
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/[µμ]/g, 'u')
    .replace(/[×·]/g, '*')
    .replace(/[−–]/g, '-')
  // Digit grouping: "1,000,000" and "1_000_000".
  s = s.replace(/(?<![\w.])\d{1,3}(?:,\d{3})+(?![\d.,]|\w)/g, (m) => m.replaceAll(',', ''))
  s = s.replace(/(?<=\d)_(?=\d)/g, '')
  // Unit words in any case; "per" means "/".
  s = s.replace(/[A-Za-z]+/g, (word) => (CASE_INSENSITIVE_WORD.test(word) ? word.toLowerCase() : word))
  s = s.replace(/ ?\bper\b ?/g, '/')
  // Network spellings: "10 Gbps" → Gbit/s, "50 MBps" → MB/s (a lower-case prefix is never milli here).
  s = s.replace(/(?<![A-Za-z])([kKmMgGtTpPeE]i?)?bps(?![A-Za-z])/g, (_m, p: string | undefined) => `${canonicalPrefix(p ?? '')}bit/s`)
  s = s.replace(/(?<![A-Za-z])([kKmMgGtTpPeE]i?)?Bps(?![A-Za-z])/g, (_m, p: string | undefined) => `${canonicalPrefix(p ?? '')}B/s`)
  // "KB" is kB (10^3), "kiB" is KiB; "Mbits" is Mbit.
  s = s.replace(/(?<![A-Za-z])([Kk])(i?)(B|b|bits?)(?![A-Za-z])/g, (_m, k: string, i: string, rest: string) =>
    i ? `Ki${rest}` : k === 'K' || rest !== 'b' ? `k${rest}` : `${k}${rest}`,
  )
  s = s.replace(/(?<![A-Za-z])([kMGTPE]i?)bits(?![A-Za-z])/g, '$1bit')
  // Time abbreviations mathjs lacks ("7d", "TB/d", "1w", "1y", "6mo"); glued or per-"m" means minutes.
  s = s.replace(/(?<![A-Za-z_])(d|w|wk|wks|y|yr|yrs|mo|mos)(?![A-Za-z0-9_])/g, (m) => TIME_ABBREVIATIONS[m] ?? m)
  s = s.replace(/(?<=\d|\/ ?)m(?![A-Za-z0-9_])/g, 'min')
  if (options.minutesForM) s = s.replace(/(?<![A-Za-z0-9_])m(?![A-Za-z0-9_])/g, 'min')
  // Count multipliers: "100k msg/s" → 100000 msg/s, "2.5M/day" → 2500000/day.
  s = s.replace(MULTIPLIER_AFTER_NUMBER, (m, number: string, suffix: string) => {
    multiplier ??= m
    return expandMultiplier(number, suffix)
  })
  return {text: s, multiplier}
}

/**
 * Normalizes a human quantity for mathjs: trims, drops digit grouping, reads "per" as "/", expands
 * k/M/G/bn count suffixes, maps "Gbps" → "Gbit/s", "MBps" → "MB/s", "KB" → "kB", "7d" → "7day",
 * "15m" → "15min". Shared by the flag parser and `calc`.
 */
export function preprocessQuantity(text: string, options: PreprocessOptions = {}): string {
  return preprocessDetailed(text, options).text
}

// ---------------------------------------------------------------------------------------------------------
// Synchronous helpers (no mathjs)
// ---------------------------------------------------------------------------------------------------------

function quote(text: string): string {
  return JSON.stringify(text.trim())
}

/** A plain number with an optional count suffix ("12", "1,000", "100k", "1.5M", "2bn"); null if not one. */
function parseNumberWithSuffix(text: string): number | null {
  const s = text
    .trim()
    .replace(/(?<![\w.])\d{1,3}(?:,\d{3})+(?![\d.,]|\w)/g, (m) => m.replaceAll(',', ''))
    .replace(/(?<=\d)_(?=\d)/g, '')
  const match = new RegExp(String.raw`^([+-]?${NUMBER}) ?(k|K|M|G|bn)?$`).exec(s)
  if (!match) return null
  const value = Number.parseFloat(match[1]!) * (match[2] ? (COUNT_MULTIPLIERS[match[2]] ?? 1) : 1)
  return Number(value.toPrecision(15))
}

/** A positive finite number; accepts "2.5", "1e3", "1,000", "100k". */
export function parsePositiveNumber(text: string, flag: string): number {
  const expected = 'a positive number such as "2", "0.5" or "100k"'
  if (text.trim() === '') throw new InputError(flag, 'no value given', expected)
  const value = parseNumberWithSuffix(text)
  if (value === null || Number.isNaN(value)) throw new InputError(flag, `${quote(text)} is not a number`, expected)
  if (!Number.isFinite(value)) throw new InputError(flag, `${quote(text)} is too large`, expected)
  if (value <= 0) throw new InputError(flag, `${quote(text)} must be greater than zero`, expected)
  return value
}

/** A positive whole number; accepts "12", "1,000", "100k", "1.5M"; rejects "1.5" and "0". */
export function parseCount(text: string, flag: string): number {
  const expected = 'a whole number such as "12", "100k" or "1.5M"'
  if (text.trim() === '') throw new InputError(flag, 'no value given', expected)
  const value = parseNumberWithSuffix(text)
  if (value === null || Number.isNaN(value)) throw new InputError(flag, `${quote(text)} is not a number`, expected)
  if (!Number.isFinite(value) || value > Number.MAX_SAFE_INTEGER) {
    throw new InputError(flag, `${quote(text)} is too large`, expected)
  }
  if (!Number.isInteger(value)) throw new InputError(flag, `${quote(text)} is not a whole number`, expected)
  if (value <= 0) throw new InputError(flag, `${quote(text)} must be greater than zero`, expected)
  return value
}

/** A fraction in (0, 1]: "0.8", "80%", "80 %" → 0.8. */
export function parseFraction(text: string, flag: string): number {
  const expected = 'a fraction between 0 and 1 or a percentage, such as "0.8" or "80%"'
  const s = text.trim()
  if (s === '') throw new InputError(flag, 'no value given', expected)
  const match = new RegExp(String.raw`^([+-]?${NUMBER}) ?(%)?$`).exec(s)
  if (!match) throw new InputError(flag, `${quote(text)} is not a fraction or a percentage`, expected)
  const number = Number.parseFloat(match[1]!)
  const value = match[2] ? Number((number / 100).toPrecision(15)) : number
  if (!Number.isFinite(value)) throw new InputError(flag, `${quote(text)} is not a fraction or a percentage`, expected)
  if (value <= 0) throw new InputError(flag, `${quote(text)} must be greater than zero`, expected)
  if (value > 1) {
    const hint = !match[2] && number <= 100 ? `; for ${number} percent write "${number}%"` : ''
    throw new InputError(flag, `${quote(text)} is more than 100%${hint}`, expected)
  }
  return value
}

const GROWTH_PERIODS_PER_YEAR: ReadonlyArray<[RegExp, number]> = [
  [/^(?:years?|yrs?|y|annum|annually|yearly)$/, 1],
  [/^(?:quarters?|q|quarterly)$/, 4],
  [/^(?:months?|mo|mos|monthly)$/, 12],
  [/^(?:weeks?|wks?|w|weekly)$/, 365 / 7],
  [/^(?:days?|d|daily)$/, 365],
]

/**
 * Yearly growth factor ≥ 1: "2x/year", "2x per year", "1.5x" (per year), "50%/year" → 1.5, "10%/month"
 * (compounded: 1.1^12), "flat" / "none" / "0%" → 1. Shrinking (< 1x, negative %) is rejected: the sizing is
 * for peak load, and a shrinking workload is sized at its current volume.
 */
export function parseGrowth(text: string, flag: string): number {
  const expected = 'a growth rate such as "2x/year", "50%/year", "1.5x" or "flat"'
  const s = text.trim().toLowerCase().replace(/\s+/g, ' ')
  if (s === '') throw new InputError(flag, 'no value given', expected)
  if (/^(?:flat|none|no growth|no|0)$/.test(s)) return 1
  const match = new RegExp(
    String.raw`^([+-]?${NUMBER}) ?(x|%)(?: ?(?:/|per|a|an|each|every) ?([a-z]+)| ?([a-z]+ly))?$`,
  ).exec(s)
  if (!match) throw new InputError(flag, `${quote(text)} is not a growth rate`, expected)
  const number = Number.parseFloat(match[1]!)
  const perPeriod = match[2] === 'x' ? number : 1 + number / 100
  const periodWord = match[3] ?? match[4] ?? 'year'
  const periods = GROWTH_PERIODS_PER_YEAR.find(([pattern]) => pattern.test(periodWord))?.[1]
  if (periods === undefined) {
    throw new InputError(flag, `${quote(text)} has an unknown period "${periodWord}"`, `${expected} (per day, week, month, quarter or year)`)
  }
  if (!Number.isFinite(perPeriod) || perPeriod < 0) throw new InputError(flag, `${quote(text)} is not a growth rate`, expected)
  if (perPeriod < 1) {
    throw new InputError(flag, `${quote(text)} is shrinking; only growth (1x or more) is modelled`, `${expected}; size a shrinking workload at its current volume with "flat"`)
  }
  const yearly = perPeriod ** periods
  if (!Number.isFinite(yearly)) throw new InputError(flag, `${quote(text)} is too large`, expected)
  return Number(yearly.toPrecision(15))
}

// ---------------------------------------------------------------------------------------------------------
// The mathjs-backed parser
// ---------------------------------------------------------------------------------------------------------

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

/** A hint for a mistyped unit: "gb" → "GB", "mib" → "MiB". */
export function unitSpellingHint(name: string): string {
  const match = /^([kmgtpe])(i?)(b|byte|bytes)$/i.exec(name)
  if (match) {
    const prefix = canonicalPrefix(match[1]! + match[2]!)
    return ` (did you mean "${prefix}B" for bytes or "${prefix}bit" for bits?)`
  }
  return ''
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
