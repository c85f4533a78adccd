// The mathjs Unit type used to parse flag values ("50 MB/s", "7 days"), built as its own esbuild bundle
// (dist/units/mathjs-units.js) and imported lazily by ./quantity.ts.
//
// Why not `create({unitDependencies, createUnitDependencies})`: that pulls in mathjs' typed-function
// arithmetic (pow → inv/det/multiply on matrices, BigNumber, ...) and building those typed functions on the
// first `unit()` call costs ~130-170 ms. Flag values are plain numbers, so the Unit class is instantiated here
// from its mathjs factory with small number-only implementations of its scalar dependencies: the same Unit
// type, the same unit tables and the same parser (Unit.parse), loaded in ~20 ms. `calc` uses the full
// instance in ./mathjs-expression.ts; test/units/quantity.test.ts checks that both parse alike.
import {createComplexClass, createFractionClass, createUnitClass} from 'mathjs'
import type {Unit} from 'mathjs'
import {defineKafkaUnits} from './kafka-units.js'

// These factories are exported by mathjs (for custom bundles) but are missing from its type declarations.
declare module 'mathjs' {
  export const createUnitClass: (dependencies: Record<string, unknown>) => UnitStatic
  export const createFractionClass: (dependencies: Record<string, unknown>) => unknown
  export const createComplexClass: (dependencies: Record<string, unknown>) => unknown
}

const config = {
  number: 'number',
  precision: 64,
  relTol: 1e-12,
  absTol: 1e-15,
  epsilon: 1e-12,
  predictable: false,
  matrix: 'Matrix',
}

function toNumber(x: unknown): number {
  if (typeof x === 'number') return x
  // Fraction values appear only in the temperature unit tables; Fraction has valueOf().
  if (x !== null && typeof x === 'object') return Number(x)
  throw new TypeError(`Unsupported unit value ${String(x)}`)
}

function nearlyEqual(a: number, b: number): boolean {
  if (a === b) return true
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false
  const diff = Math.abs(a - b)
  return diff <= config.absTol || diff <= config.relTol * Math.max(Math.abs(a), Math.abs(b))
}

/** Stands in for mathjs' BigNumber: never constructed, because config.number is 'number'. */
class NoBigNumber {
  constructor() {
    throw new TypeError('BigNumber is not supported by the flag parser')
  }
}

const UnitClass = createUnitClass({
  config,
  Fraction: createFractionClass({}),
  Complex: createComplexClass({}),
  BigNumber: NoBigNumber,
  addScalar: (a: unknown, b: unknown) => toNumber(a) + toNumber(b),
  subtractScalar: (a: unknown, b: unknown) => toNumber(a) - toNumber(b),
  multiplyScalar: (a: unknown, b: unknown) => toNumber(a) * toNumber(b),
  divideScalar: (a: unknown, b: unknown) => toNumber(a) / toNumber(b),
  pow: (a: unknown, b: unknown) => toNumber(a) ** toNumber(b),
  abs: (a: unknown) => Math.abs(toNumber(a)),
  fix: (a: unknown) => Math.trunc(toNumber(a)),
  round: (a: unknown, digits?: unknown) => {
    const factor = 10 ** (digits === undefined ? 0 : toNumber(digits))
    return Math.round(toNumber(a) * factor) / factor
  },
  equal: (a: unknown, b: unknown) => nearlyEqual(toNumber(a), toNumber(b)),
  isNumeric: (x: unknown) => typeof x === 'number' || (x !== null && typeof x === 'object' && 'isFraction' in x),
  format: (x: unknown) => (typeof x === 'number' ? String(Number(x.toPrecision(14))) : String(x)),
  number: toNumber,
})

/** The flag parser's mathjs surface: `unit(text)` is Unit.parse; `Unit` holds the unit tables. */
export const math = {
  Unit: UnitClass,
  unit: (text: string): Unit => UnitClass.parse(text),
}

defineKafkaUnits(math)
