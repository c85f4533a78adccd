// Text normalisation of human quantities, before mathjs or a plain-number parser reads them: digit grouping,
// count suffixes, "per", and the spellings mathjs lacks. Pure (no mathjs); shared by the flag parser and `calc`.
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

/** A decimal number without sign: "12", "0.5", ".5", "1e3". */
export const NUMBER = String.raw`(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?`
/** A whole text that is one signed number. */
export const NUMBER_ONLY = new RegExp(String.raw`^[+-]?${NUMBER}$`)

/** Count multipliers accepted after a number ("100k", "2.5M", "1.2bn"). */
export const COUNT_MULTIPLIERS: Readonly<Record<string, number>> = {k: 1e3, K: 1e3, M: 1e6, G: 1e9, bn: 1e9}

const MULTIPLIER_AFTER_NUMBER = new RegExp(String.raw`(?<![\w.])(${NUMBER}) ?(k|K|M|G|bn)(?=$|[\s/*)+,;-])`, 'g')

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

export interface Preprocessed {
  text: string
  /** The count multiplier that was expanded, e.g. "10G", if any. */
  multiplier: string | null
}

/** The text quoted for an error message: "\"50 MB/s\"". */
export function quote(text: string): string {
  return JSON.stringify(text.trim())
}

/** Drops digit grouping: "1,000,000" and "1_000_000" → "1000000". */
export function dropDigitGrouping(text: string): string {
  return text.replace(/(?<![\w.])\d{1,3}(?:,\d{3})+(?![\d.,]|\w)/g, (m) => m.replaceAll(',', '')).replace(/(?<=\d)_(?=\d)/g, '')
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

/** preprocessQuantity, also telling which count multiplier (if any) was expanded. */
export function preprocessDetailed(input: string, options: PreprocessOptions = {}): Preprocessed {
  let multiplier: string | null = null
  let s = input
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/[µμ]/g, 'u')
    .replace(/[×·]/g, '*')
    .replace(/[−–]/g, '-')
  s = dropDigitGrouping(s)
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

/** A hint for a mistyped unit: "gb" → "GB", "mib" → "MiB". */
export function unitSpellingHint(name: string): string {
  const match = /^([kmgtpe])(i?)(b|byte|bytes)$/i.exec(name)
  if (match) {
    const prefix = canonicalPrefix(match[1]! + match[2]!)
    return ` (did you mean "${prefix}B" for bytes or "${prefix}bit" for bits?)`
  }
  return ''
}
