// Kafka-specific units added to a mathjs Unit type. Shared by both mathjs bundles (flag parsing and `calc`),
// so a quantity means the same thing everywhere.
//
// - `msg` (aliases msgs, message(s), event(s), record(s)) is a DIMENSIONLESS counting unit: it documents
//   what is being counted and cancels out, so "500e6 msg/day * 500 B * 7 days * 3 to TB" is 5.25 TB.
// - `bit` accepts short SI/IEC prefixes as well as long ones ("400 Mbit/s", "1 Gibit", "1 megabit");
//   mathjs itself only knows `b` (short prefixes, so "1 Mb" is a megabit) and `bits` (long prefixes).
// - Retention calendar: `month` = 30 days and `year` = 365 days (plurals too). mathjs defaults are the Julian
//   30.4375 d and 365.25 d; Kafka retention is configured in whole days, so "1 year" of retention is sized as
//   365 × 24 h. (decade/century keep the mathjs Julian definitions; they are irrelevant here.)
import type {UnitStatic} from 'mathjs'

/** Names that count messages; all dimensionless with value 1. */
export const MESSAGE_UNIT_NAMES = ['msg', 'msgs', 'message', 'messages', 'event', 'events', 'record', 'records'] as const

/** Days per month and per year used for retention arithmetic. */
export const DAYS_PER_MONTH = 30
export const DAYS_PER_YEAR = 365

interface UnitTables {
  UNITS: Record<string, {prefixes: Record<string, unknown>} | undefined>
  PREFIXES: Record<string, Record<string, unknown> | undefined>
}

/** Registers the Kafka units on a mathjs Unit type (`math.Unit` of any instance). Call once per instance. */
export function defineKafkaUnits(math: {Unit: UnitStatic}): void {
  const {Unit} = math
  const [msg, ...msgAliases] = MESSAGE_UNIT_NAMES
  Unit.createUnit({[msg]: {definition: '1', aliases: msgAliases}})

  // `bit` is a mathjs alias of `bits` (long prefixes only); redefine it with the short prefixes so "Mbit" and
  // "Gibit" parse, then give it the long prefixes back ("megabit").
  Unit.createUnit({bit: {definition: '1 b', prefixes: 'binary_short'}}, {override: true})
  const tables = Unit as unknown as UnitTables
  const bit = tables.UNITS.bit
  const shortPrefixes = tables.PREFIXES.BINARY_SHORT
  const longPrefixes = tables.PREFIXES.BINARY_LONG
  if (bit && shortPrefixes && longPrefixes) bit.prefixes = {...shortPrefixes, ...longPrefixes}

  Unit.createUnit(
    {
      month: {definition: `${DAYS_PER_MONTH} day`, aliases: ['months']},
      year: {definition: `${DAYS_PER_YEAR} day`, aliases: ['years']},
    },
    {override: true},
  )
}
