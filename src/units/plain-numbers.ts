// Plain numbers from flags and config: counts ("100k"), positive numbers, fractions ("80%") and growth rates
// ("2x/year"). Synchronous and pure (no mathjs): unitless values never need the units bundle.
import {InputError} from '../lib/errors.js'
import {COUNT_MULTIPLIERS, NUMBER, dropDigitGrouping, quote} from './preprocess.js'

/** A plain number with an optional count suffix ("12", "1,000", "100k", "1.5M", "2bn"); null if not one. */
function parseNumberWithSuffix(text: string): number | null {
  const s = dropDigitGrouping(text.trim())
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

/** A positive whole number; accepts "12", "1,000", "100k", "1.5M"; rejects "1.5" and "0" (unless allowZero). */
export function parseCount(text: string, flag: string, options: {allowZero?: boolean} = {}): number {
  const expected = options.allowZero ? 'a whole number such as "0", "12" or "100k"' : 'a whole number such as "12", "100k" or "1.5M"'
  if (text.trim() === '') throw new InputError(flag, 'no value given', expected)
  const value = parseNumberWithSuffix(text)
  if (value === null || Number.isNaN(value)) throw new InputError(flag, `${quote(text)} is not a number`, expected)
  if (!Number.isFinite(value) || value > Number.MAX_SAFE_INTEGER) {
    throw new InputError(flag, `${quote(text)} is too large`, expected)
  }
  if (!Number.isInteger(value)) throw new InputError(flag, `${quote(text)} is not a whole number`, expected)
  if (options.allowZero ? value < 0 : value <= 0) throw new InputError(flag, `${quote(text)} must be ${options.allowZero ? 'zero or more' : 'greater than zero'}`, expected)
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
