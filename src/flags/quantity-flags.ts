// oclif flag builders for human quantities. Every value is parsed once, here at the edge, by the units
// module; commands receive plain numbers in base units (bytes, bytes/s, ms, bits/s).
import {Flags} from '@oclif/core'
import {loadQuantityParser, parseCount, parseFraction, parseGrowth, parsePositiveNumber} from '../units/quantity.js'

interface Common {
  description: string
  helpGroup?: string
  env?: string
}

import type {Rate} from '../units/quantity.js'
type Named = Common & {name: string}

// Two concrete builders (number and Rate): oclif's overloads do not resolve for a generic T.
function numberFlag(parse: (text: string, flag: string) => number | Promise<number>) {
  return (o: Named) =>
    Flags.custom<number>({
      description: o.description,
      helpGroup: o.helpGroup,
      env: o.env,
      parse: async (input: string) => parse(input, `--${o.name}`),
    })()
}

function rateValueFlag(parse: (text: string, flag: string) => Rate | Promise<Rate>) {
  return (o: Named) =>
    Flags.custom<Rate>({
      description: o.description,
      helpGroup: o.helpGroup,
      env: o.env,
      parse: async (input: string) => parse(input, `--${o.name}`),
    })()
}

export const sizeFlag = numberFlag(async (t, f) => (await loadQuantityParser()).size(t, f))
export const byteRateFlag = numberFlag(async (t, f) => (await loadQuantityParser()).byteRate(t, f))
export const rateFlag = rateValueFlag(async (t, f) => (await loadQuantityParser()).rate(t, f))
export const durationFlag = numberFlag(async (t, f) => (await loadQuantityParser()).duration(t, f))
/** A duration where 0 is meaningful (linger.ms = 0 sends at once). */
export const durationOrZeroFlag = numberFlag(async (t, f) => (await loadQuantityParser()).duration(t, f, {allowZero: true}))
export const bandwidthFlag = numberFlag(async (t, f) => (await loadQuantityParser()).bandwidth(t, f))
export const fractionFlag = numberFlag(parseFraction)
export const growthFlag = numberFlag(parseGrowth)
export const positiveNumberFlag = numberFlag(parsePositiveNumber)
export const countFlag = numberFlag(parseCount)
/** A count where 0 is meaningful (a topic nobody reads yet: --consumer-groups 0). */
export const countOrZeroFlag = numberFlag((t, f) => parseCount(t, f, {allowZero: true}))

/** A flag whose value is one of a fixed set (oclif lists the options in --help and rejects others). */
export function choiceFlag<const T extends string>(o: Common & {options: readonly T[]}) {
  return Flags.option({options: o.options})({description: o.description, helpGroup: o.helpGroup, env: o.env})
}
