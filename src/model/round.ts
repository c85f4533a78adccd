// Small helpers for the model's numbers and texts that src/units/format.ts has no equivalent for.

/** Round up to 2 significant digits, so recommended limits read as round numbers (2,345 → 2,400). */
export function roundUpNice(x: number): number {
  if (!Number.isFinite(x) || x <= 0) return 0
  const magnitude = 10 ** Math.max(0, Math.floor(Math.log10(x)) - 1)
  return Math.ceil(x / magnitude) * magnitude
}

/** "1 broker", "2 brokers". */
export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`
