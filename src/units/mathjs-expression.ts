// The mathjs instance behind `kafka-sizer calc`: the expression parser with arithmetic, unit conversion
// (`to`/`in`) and a few rounding helpers. Built as its own esbuild bundle (dist/units/mathjs-expression.js)
// and imported lazily by ../services/calc.ts, so other commands never pay for it.
import {
  absDependencies,
  addDependencies,
  ceilDependencies,
  create,
  createUnitDependencies,
  divideDependencies,
  evaluateDependencies,
  floorDependencies,
  log10Dependencies,
  log2Dependencies,
  maxDependencies,
  minDependencies,
  modDependencies,
  multiplyDependencies,
  numberDependencies,
  powDependencies,
  roundDependencies,
  sqrtDependencies,
  subtractDependencies,
  toDependencies,
  unaryMinusDependencies,
  unaryPlusDependencies,
  unitDependencies,
} from 'mathjs'
import {defineKafkaUnits} from './kafka-units.js'

export const math = create({
  absDependencies,
  addDependencies,
  ceilDependencies,
  createUnitDependencies,
  divideDependencies,
  evaluateDependencies,
  floorDependencies,
  log10Dependencies,
  log2Dependencies,
  maxDependencies,
  minDependencies,
  modDependencies,
  multiplyDependencies,
  numberDependencies,
  powDependencies,
  roundDependencies,
  sqrtDependencies,
  subtractDependencies,
  toDependencies,
  unaryMinusDependencies,
  unaryPlusDependencies,
  unitDependencies,
})
defineKafkaUnits(math)

/** Evaluate one expression (or several separated by ";" / newlines: the result is a ResultSet). */
export const evaluate: (expression: string) => unknown = math.evaluate

// An expression must not be able to redefine units or re-enter the parser (mathjs security guidance).
function disabled(name: string) {
  return () => {
    throw new Error(`Function ${name} is disabled`)
  }
}

math.import(
  {
    import: disabled('import'),
    createUnit: disabled('createUnit'),
    evaluate: disabled('evaluate'),
    parse: disabled('parse'),
  },
  {override: true},
)
