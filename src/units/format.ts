// Human-readable output for quantities. Pure (no mathjs). Every formatted value names its unit system:
// decimal SI units (kB = 10^3 B, MB, GB, ...) by default, IEC binary units (KiB = 2^10 B, MiB, ...) on request;
// network rates in bits. Three significant digits unless stated otherwise; trailing zeros are dropped.

export interface ByteFormatOptions {
  /** IEC binary units (KiB, MiB, GiB, ...) instead of decimal SI units (kB, MB, GB, ...). */
  binary?: boolean
}

/** A value scaled into a display unit, e.g. {value: 5.25, unit: 'TB'}. */
export interface Scaled {
  value: number
  unit: string
}

const DECIMAL_BYTE_UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB'] as const
const BINARY_BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'] as const
const BIT_RATE_UNITS = ['bit/s', 'kbit/s', 'Mbit/s', 'Gbit/s', 'Tbit/s', 'Pbit/s'] as const
const COMPACT_SUFFIXES = ['', 'k', 'M', 'bn'] as const

const groupingFormat = new Intl.NumberFormat('en-US', {maximumFractionDigits: 0})

/** Rounds to `digits` significant digits (as a number, so 1.20 → 1.2). */
export function roundSignificant(n: number, digits = 3): number {
  if (n === 0 || !Number.isFinite(n)) return n
  return Number(n.toPrecision(digits))
}

const significantFormats = new Map<number, Intl.NumberFormat>()

/**
 * A number with `digits` significant digits, grouped and never in exponent notation: "5.25", "120",
 * "0.00123", "10,000". Numbers of 10^digits and more keep every integer digit ("12,345" for 3 digits).
 */
export function formatNumber(n: number, digits = 3): string {
  if (Number.isNaN(n)) return 'n/a'
  if (!Number.isFinite(n)) return n > 0 ? 'infinite' : '-infinite'
  if (n === 0) return '0'
  if (Math.abs(n) >= 10 ** digits) return groupingFormat.format(Math.round(n))
  let format = significantFormats.get(digits)
  if (!format) {
    format = new Intl.NumberFormat('en-US', {maximumSignificantDigits: digits})
    significantFormats.set(digits, format)
  }
  return format.format(n)
}

function scaleBy(n: number, base: number, units: readonly string[]): Scaled {
  if (!Number.isFinite(n) || n === 0) return {value: n, unit: units[0] ?? ''}
  let index = Math.min(units.length - 1, Math.max(0, Math.floor(Math.log(Math.abs(n)) / Math.log(base))))
  // Guard against log rounding (e.g. log(1e15)/log(1000) = 4.999…) and against 3-digit rounding up to base.
  while (index > 0 && Math.abs(n) < base ** index) index--
  while (index < units.length - 1 && Math.abs(roundSignificant(n / base ** index)) >= base) index++
  return {value: n / base ** index, unit: units[index] ?? ''}
}

/** Bytes scaled to the largest unit that keeps the value ≥ 1 (exact value, not rounded). */
export function scaleBytes(bytes: number, options: ByteFormatOptions = {}): Scaled {
  return options.binary ? scaleBy(bytes, 1024, BINARY_BYTE_UNITS) : scaleBy(bytes, 1000, DECIMAL_BYTE_UNITS)
}

/** Bits per second scaled to bit/s, kbit/s, Mbit/s, ... (decimal, as network links are rated). */
export function scaleBits(bitsPerSec: number): Scaled {
  return scaleBy(bitsPerSec, 1000, BIT_RATE_UNITS)
}

function withUnit(scaled: Scaled): string {
  if (Number.isNaN(scaled.value)) return 'n/a'
  if (!Number.isFinite(scaled.value)) return scaled.value > 0 ? 'infinite' : '-infinite'
  return `${formatNumber(scaled.value)} ${scaled.unit}`
}

/** "5.25 TB" (decimal, default) or "4.77 TiB" (binary). */
export function formatBytes(bytes: number, options: ByteFormatOptions = {}): string {
  return withUnit(scaleBytes(bytes, options))
}

/** Bytes per second: "120 MB/s" (decimal, default) or "114 MiB/s" (binary). */
export function formatRate(bytesPerSec: number, options: ByteFormatOptions = {}): string {
  const text = formatBytes(bytesPerSec, options)
  return Number.isFinite(bytesPerSec) ? `${text}/s` : text
}

/** Bits per second: "2.5 Gbit/s". */
export function formatBits(bitsPerSec: number): string {
  return withUnit(scaleBits(bitsPerSec))
}

const DURATION_UNITS = [
  {unit: 'd', ms: 86_400_000},
  {unit: 'h', ms: 3_600_000},
  {unit: 'min', ms: 60_000},
  {unit: 's', ms: 1000},
  {unit: 'ms', ms: 1},
] as const

function isWhole(n: number): boolean {
  return Math.abs(n - Math.round(n)) < 1e-9 * Math.max(1, Math.abs(n))
}

/**
 * Milliseconds scaled for reading. The largest unit with a value ≥ 1 is used, unless the value is not whole
 * there and a smaller unit expresses it as a whole number below 1000: 7 d, 36 h (not 1.5 d), 90 s
 * (not 1.5 min), 1.52 d (36.5 h). Sub-millisecond values stay in ms.
 */
export function scaleDuration(ms: number): Scaled {
  if (!Number.isFinite(ms) || ms === 0) return {value: ms, unit: 'ms'}
  const abs = Math.abs(ms)
  const first = DURATION_UNITS.findIndex((u) => abs >= u.ms)
  if (first === -1) return {value: ms, unit: 'ms'}
  const largest = DURATION_UNITS[first]!
  if (isWhole(ms / largest.ms)) return {value: Math.round(ms / largest.ms), unit: largest.unit}
  for (const candidate of DURATION_UNITS.slice(first + 1)) {
    const value = ms / candidate.ms
    if (Math.abs(value) >= 1000) break
    if (isWhole(value)) return {value: Math.round(value), unit: candidate.unit}
  }
  return {value: ms / largest.ms, unit: largest.unit}
}

/** "7 d", "36 h", "90 s", "250 ms"; Infinity → "infinite" (Kafka's -1). */
export function formatDuration(ms: number): string {
  return withUnit(scaleDuration(ms))
}

/** Whole count with en-US grouping: "1,234,567" (rounded to an integer). */
export function formatCount(n: number): string {
  if (Number.isNaN(n)) return 'n/a'
  if (!Number.isFinite(n)) return n > 0 ? 'infinite' : '-infinite'
  return groupingFormat.format(Math.round(n))
}

/** "80%"; one decimal below 10% ("2.5%", trailing ".0" dropped); "<0.1%" for tiny positive fractions. */
export function formatPercent(fraction: number): string {
  if (Number.isNaN(fraction)) return 'n/a'
  if (!Number.isFinite(fraction)) return fraction > 0 ? 'infinite' : '-infinite'
  const percent = fraction * 100
  if (percent === 0) return '0%'
  if (Math.abs(percent) < 0.05) return percent > 0 ? '<0.1%' : '>-0.1%'
  if (Math.abs(percent) < 9.95) return `${Number(percent.toFixed(1))}%`
  return `${groupingFormat.format(Math.round(percent))}%`
}

/** A count with k / M / bn suffixes and 3 significant digits: "100k", "2.5M", "1.2bn", "950". */
export function formatCompact(n: number): string {
  if (Number.isNaN(n)) return 'n/a'
  if (!Number.isFinite(n)) return n > 0 ? 'infinite' : '-infinite'
  const scaled = scaleBy(n, 1000, COMPACT_SUFFIXES)
  return `${formatNumber(scaled.value)}${scaled.unit}`
}

/** Messages per second: "100k msg/s", "2.5M msg/s", "0.5 msg/s". The k/M/bn suffixes parse back as input. */
export function formatMessagesRate(messagesPerSec: number): string {
  const text = formatCompact(messagesPerSec)
  return Number.isFinite(messagesPerSec) ? `${text} msg/s` : text
}
