// Human-readable numbers for the `why` and `message` texts. Values themselves stay raw (properties-file form).

/** Decimal bytes (kB, MB, GB, TB), as the model's details print rates and totals. */
export function fmtBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return '∞'
  const units: [number, string][] = [
    [1e12, 'TB'],
    [1e9, 'GB'],
    [1e6, 'MB'],
    [1e3, 'kB'],
  ]
  for (const [size, unit] of units) if (Math.abs(bytes) >= size) return `${round(bytes / size)} ${unit}`
  return `${Math.round(bytes)} B`
}

/** Binary bytes (KiB, MiB, GiB), for sizes that configs state in powers of two. */
export function fmtIBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return '∞'
  const units: [number, string][] = [
    [1024 ** 4, 'TiB'],
    [1024 ** 3, 'GiB'],
    [1024 ** 2, 'MiB'],
    [1024, 'KiB'],
  ]
  for (const [size, unit] of units) if (Math.abs(bytes) >= size) return `${round(bytes / size)} ${unit}`
  return `${Math.round(bytes)} B`
}

export const fmtRate = (bytesPerSec: number): string => `${fmtBytes(bytesPerSec)}/s`

export function fmtMs(ms: number): string {
  if (!Number.isFinite(ms)) return 'forever'
  if (ms >= 86_400_000) return `${round(ms / 86_400_000)} d`
  if (ms >= 3_600_000) return `${round(ms / 3_600_000)} h`
  if (ms >= 60_000) return `${round(ms / 60_000)} min`
  if (ms >= 1000) return `${round(ms / 1000)} s`
  return `${round(ms)} ms`
}

/** Integers with thousands separators, independent of the locale. */
export function fmtInt(n: number): string {
  if (!Number.isFinite(n)) return '∞'
  return Math.round(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

export const fmtPct = (fraction: number): string => `${round(fraction * 100)}%`

/** Three significant digits at most, without trailing zeros. */
function round(x: number): string {
  return Number(x.toPrecision(3)).toString()
}

/** Round up to 2 significant digits, so recommended limits read as round numbers (as plan.ts does). */
export function roundUpNice(x: number): number {
  if (!Number.isFinite(x) || x <= 0) return 0
  const magnitude = 10 ** Math.max(0, Math.floor(Math.log10(x)) - 1)
  return Math.ceil(x / magnitude) * magnitude
}

/** "1 broker", "2 brokers". */
export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`
