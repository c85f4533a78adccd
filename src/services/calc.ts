// The unit-aware calculator behind `kafka-sizer calc`:
//   "500M msg/day * 500 B * 7 days * 3 to TB" → 5.25 TB
// Input goes through the same preprocessing as flag values (k/M/bn suffixes, "Gbps", "7d", "per"), then the
// mathjs expression parser (the ./units/mathjs-expression.js bundle, imported lazily on first use).
// Without an explicit "to <unit>", sizes and rates are shown in readable decimal units with the binary (and,
// for rates, bit) equivalents in `alternatives`.
import type {Unit} from 'mathjs'
import {InputError} from '../lib/errors.js'
import {
  formatBits,
  formatBytes,
  formatCompact,
  formatCount,
  formatDuration,
  formatMessagesRate,
  formatNumber,
  formatRate,
  scaleBytes,
  scaleDuration,
} from '../units/format.js'
import {preprocessQuantity, unitSpellingHint} from '../units/quantity.js'

export interface CalcResult {
  /** The expression as given (trimmed). */
  expression: string
  /** The result for display, e.g. "5.25 TB". */
  result: string
  /** The numeric value in `unit`, e.g. 5.25. */
  value: number
  /** The unit of `value`, e.g. "TB"; null for a dimensionless result. */
  unit: string | null
  /** What the result measures: "data size", "data rate", "duration", "message rate", "dimensionless", ... */
  dimension: string
  /** The same result in other units, e.g. ["4.77 TiB"]. */
  alternatives: string[]
}

const WHERE = 'expression'
const EXPECTED = 'an expression with units such as "500M msg/day * 500 B * 7 days * 3 to TB"'
const MESSAGE_WORD = /\b(?:msgs?|messages?|events?|records?)\b/

type ExpressionModule = typeof import('../units/mathjs-expression.js')

let loading: Promise<ExpressionModule> | undefined

function loadExpression(): Promise<ExpressionModule> {
  loading ??= import('../units/mathjs-expression.js').catch((error: unknown) => {
    loading = undefined
    throw error
  })
  return loading
}

function quote(text: string): string {
  return JSON.stringify(text)
}

function clean(n: number): number {
  return Number.isFinite(n) && n !== 0 ? Number(n.toPrecision(12)) : n
}

function translateError(error: unknown, original: string, normalized: string): InputError {
  const raw = error instanceof Error ? error.message : String(error)
  const message = raw.replace(/\s*\(char \d+\)\s*$/, '')
  const shown = normalized === original ? quote(original) : `${quote(original)} (read as ${quote(normalized)})`
  const position = error !== null && typeof error === 'object' && 'char' in error ? Number(error.char) : Number.NaN

  const symbol = /^Undefined symbol (.+)$/.exec(message)?.[1] ?? /Unit "([^"]*)" not found/.exec(message)?.[1]
  if (symbol !== undefined) {
    return new InputError(WHERE, `unknown unit or name "${symbol}" in ${shown}${unitSpellingHint(symbol)}`, EXPECTED)
  }
  if (/Units do not match/i.test(message)) {
    return new InputError(WHERE, `the units do not match in ${shown} (for example adding a size to a duration, or converting a rate to a size)`, EXPECTED)
  }
  const disabled = /^Function (\w+) is disabled$/.exec(message)?.[1]
  if (disabled !== undefined) return new InputError(WHERE, `${disabled}() is not available in ${shown}`, EXPECTED)
  if (error instanceof SyntaxError || Number.isFinite(position)) {
    const where = Number.isFinite(position) ? ` at character ${position}` : ''
    return new InputError(WHERE, `cannot parse ${shown}: ${lowerFirst(message)}${where}`, EXPECTED)
  }
  return new InputError(WHERE, `cannot evaluate ${shown}: ${lowerFirst(message)}`, EXPECTED)
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1)
}

const DIMENSION_NAMES: Record<string, string> = {
  MASS: 'mass',
  LENGTH: 'length',
  TIME: 'time',
  CURRENT: 'current',
  TEMPERATURE: 'temperature',
  LUMINOUS_INTENSITY: 'luminous intensity',
  AMOUNT_OF_SUBSTANCE: 'amount of substance',
  ANGLE: 'angle',
  BIT: 'data',
}

function describe(powers: Array<[string, number]>): string {
  const part = ([name, power]: [string, number]) => {
    const word = DIMENSION_NAMES[name] ?? name.toLowerCase()
    const abs = Math.abs(power)
    return abs === 1 ? word : `${word}^${formatNumber(abs, 6)}`
  }
  const numerator = powers.filter(([, p]) => p > 0).map(part)
  const denominator = powers.filter(([, p]) => p < 0).map(part)
  const top = numerator.length > 0 ? numerator.join(' × ') : '1'
  return denominator.length > 0 ? `${top} / ${denominator.join(' × ')}` : top
}

type Shape = 'size' | 'byteRate' | 'duration' | 'frequency' | 'other'

function shapeOf(powers: Array<[string, number]>): Shape {
  const key = powers.map(([name, p]) => `${name}^${p}`).join(' ')
  if (key === 'BIT^1') return 'size'
  if (key === 'TIME^-1 BIT^1' || key === 'BIT^1 TIME^-1') return 'byteRate'
  if (key === 'TIME^1') return 'duration'
  if (key === 'TIME^-1') return 'frequency'
  return 'other'
}

function dimensionName(shape: Shape, powers: Array<[string, number]>, messages: boolean): string {
  switch (shape) {
    case 'size':
      return 'data size'
    case 'byteRate':
      return 'data rate'
    case 'duration':
      return 'duration'
    case 'frequency':
      return messages ? 'message rate' : 'rate (per time)'
    default:
      return describe(powers)
  }
}

function dimensionless(expression: string, value: number): CalcResult {
  const result = Number.isInteger(value) && Math.abs(value) < 1e21 ? formatCount(value) : formatNumber(value, 6)
  const alternatives = Number.isFinite(value) && Math.abs(value) >= 1e4 ? [formatCompact(value)] : []
  return {expression, result, value: clean(value), unit: null, dimension: 'dimensionless', alternatives}
}

function unique(result: string, alternatives: string[]): string[] {
  return [...new Set(alternatives)].filter((a) => a !== result)
}

/** Evaluates a unit-aware expression. Throws InputError('expression', ...) for anything it cannot compute. */
export async function calculate(expression: string): Promise<CalcResult> {
  const original = expression.trim()
  if (original === '') throw new InputError(WHERE, 'no expression given', EXPECTED)
  const normalized = preprocessQuantity(original)
  const {math, evaluate} = await loadExpression()

  let raw: unknown
  try {
    raw = evaluate(normalized)
  } catch (error) {
    throw translateError(error, original, normalized)
  }
  // Several statements ("a = 2 TB; a * 3") give a ResultSet: the last value is the answer.
  if (raw !== null && typeof raw === 'object' && 'entries' in raw && Array.isArray(raw.entries)) {
    raw = raw.entries.at(-1)
  }

  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) throw notFinite(original)
    return dimensionless(original, raw)
  }
  if (!math.isUnit(raw)) {
    throw new InputError(WHERE, `${quote(original)} does not evaluate to a number or a quantity`, EXPECTED)
  }
  const unit: Unit = raw
  if (unit.value === null || unit.value === undefined) {
    throw new InputError(WHERE, `${quote(original)} is a unit without a number`, `${EXPECTED}, e.g. "1 GB to MiB"`)
  }

  if (!Number.isFinite(Number(unit.value))) throw notFinite(original)

  const baseDimensions = math.Unit.BASE_DIMENSIONS
  const powers: Array<[string, number]> = []
  baseDimensions.forEach((name, i) => {
    const power = unit.dimensions[i] ?? 0
    if (Math.abs(power) > 1e-12) powers.push([name, power])
  })
  if (powers.length === 0) return dimensionless(original, unit.toNumber())

  const messages = MESSAGE_WORD.test(normalized)
  const shape = shapeOf(powers)
  const dimension = dimensionName(shape, powers, messages)
  const si = Number(unit.value) // bits, seconds, per second, ...

  // Data alternatives (always decimal and binary; bits for rates).
  const dataAlternatives = (): string[] => {
    if (shape === 'size') return [formatBytes(si / 8), formatBytes(si / 8, {binary: true})]
    if (shape === 'byteRate') return [formatRate(si / 8), formatRate(si / 8, {binary: true}), formatBits(si)]
    if (shape === 'duration') return [formatDuration(si * 1000), `${formatNumber(si, 6)} s`]
    if (shape === 'frequency') return [perDay(si, messages)]
    return []
  }

  if (unit.fixPrefix) {
    // An explicit "to <unit>": answer in that unit.
    const unitText = compactUnits(unit.formatUnits())
    const value = clean(unit.toNumber(unitText))
    const result = `${formatNumber(value, 6)} ${unitText}`
    return {expression: original, result, value, unit: unitText, dimension, alternatives: unique(result, dataAlternatives())}
  }

  switch (shape) {
    case 'size': {
      const scaled = scaleBytes(si / 8)
      const result = formatBytes(si / 8)
      return {expression: original, result, value: clean(scaled.value), unit: scaled.unit, dimension, alternatives: unique(result, dataAlternatives())}
    }
    case 'byteRate': {
      const scaled = scaleBytes(si / 8)
      const result = formatRate(si / 8)
      return {expression: original, result, value: clean(scaled.value), unit: `${scaled.unit}/s`, dimension, alternatives: unique(result, dataAlternatives())}
    }
    case 'duration': {
      const scaled = scaleDuration(si * 1000)
      const result = formatDuration(si * 1000)
      return {expression: original, result, value: clean(scaled.value), unit: scaled.unit, dimension, alternatives: unique(result, dataAlternatives())}
    }
    case 'frequency': {
      const result = messages ? formatMessagesRate(si) : `${formatCompact(si)}/s`
      return {expression: original, result, value: clean(si), unit: messages ? 'msg/s' : '/s', dimension, alternatives: unique(result, dataAlternatives())}
    }
    default: {
      const simplified = unit.simplify()
      const unitText = compactUnits(simplified.formatUnits())
      let value: number
      try {
        value = clean(unit.toNumber(unitText))
      } catch {
        value = clean(simplified.toNumber())
      }
      const result = `${formatNumber(value, 6)} ${unitText}`
      return {expression: original, result, value, unit: unitText, dimension, alternatives: []}
    }
  }
}

function notFinite(original: string): InputError {
  return new InputError(WHERE, `${quote(original)} has no finite value (a division by zero?)`, EXPECTED)
}

/** "MB / s" → "MB/s" (mathjs spaces its unit fractions). */
function compactUnits(units: string): string {
  return units.replace(/ \/ /g, '/')
}

function perDay(perSecond: number, messages: boolean): string {
  return `${formatCompact(perSecond * 86_400)}${messages ? ' msg' : ''}/day`
}
