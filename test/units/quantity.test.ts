import {fc, test as propTest} from '@fast-check/vitest'
import {readFileSync} from 'node:fs'
import {beforeAll, describe, expect, it} from 'vitest'
import {InputError} from '../../src/lib/errors.js'
import {formatBytes, formatMessagesRate, formatRate} from '../../src/units/format.js'
import {
  type QuantityParser,
  loadQuantityParser,
  parseCount,
  parseFraction,
  parseGrowth,
  parsePositiveNumber,
  preprocessQuantity,
} from '../../src/units/quantity.js'

let q: QuantityParser

beforeAll(async () => {
  q = await loadQuantityParser()
})

const DAY_MS = 86_400_000

/** The InputError thrown by fn (fails the test if fn does not throw one). */
function inputError(fn: () => unknown): InputError {
  try {
    fn()
  } catch (error) {
    expect(error).toBeInstanceOf(InputError)
    return error as InputError
  }
  throw new Error('expected an InputError')
}

describe('loadQuantityParser', () => {
  it('loads once and caches the parser', async () => {
    expect(await loadQuantityParser()).toBe(q)
  })

  it.each(['src/units/quantity.ts', 'src/units/preprocess.ts', 'src/units/plain-numbers.ts', 'src/units/format.ts', 'src/services/calc.ts'])(
    '%s imports mathjs and its bundles only lazily (startup cost)',
    (file) => {
      const source = readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8')
      const specifiers = [...source.matchAll(/^import\s+(?!type\b)[^;]*?from\s+'([^']+)'/gm)].map((m) => m[1])
      for (const specifier of specifiers) expect(specifier).not.toMatch(/mathjs/)
    },
  )
})

describe('size (bytes)', () => {
  it.each([
    ['1 KiB', 1024],
    ['512 B', 512],
    ['1 MB', 1e6],
    ['1 KB', 1000], // "KB" is read as kB = 10^3
    ['1 kB', 1000],
    ['1.5 GiB', 1.5 * 2 ** 30],
    ['1 TiB', 2 ** 40],
    ['0.1 MB', 100_000],
    ['1,000 MB', 1e9],
    ['1073741824', 1_073_741_824], // bare integer = bytes, as in segment.bytes
    ['1 kilobyte', 1000],
    ['2 Megabytes', 2e6],
    ['8 bit', 1],
    ['1 Mbit', 125_000],
    ['1 kb', 125], // lower-case b is a bit
    ['  64 KiB  ', 65_536],
    ['50MB', 50e6],
  ])('%s → %d', (text, bytes) => {
    expect(q.size(text, '--size')).toBe(bytes)
  })

  it('rejects a size-less count suffix as ambiguous and says how to write it', () => {
    expect(inputError(() => q.size('10G', '--segment-size')).message).toBe(
      '--segment-size: "10G" is ambiguous: write "10 GB" (10^9 bytes) or "10 GiB" (2^30 bytes). ' +
        'Expected a size such as "500 MB", "1 GiB" or a byte count such as 1073741824.',
    )
  })

  it('names the unit it does not know', () => {
    expect(inputError(() => q.size('5 parsecs', '--segment-size')).message).toBe(
      '--segment-size: unknown unit "parsecs" in "5 parsecs". ' +
        'Expected a size such as "500 MB", "1 GiB" or a byte count such as 1073741824.',
    )
  })

  it('rejects text that is not a quantity', () => {
    const error = inputError(() => q.size('abc', '--segment-size'))
    expect(error.message).toBe(
      '--segment-size: "abc" is not a number with a unit. ' +
        'Expected a size such as "500 MB", "1 GiB" or a byte count such as 1073741824.',
    )
    expect(error.where).toBe('--segment-size')
    expect(error.exitCode).toBe(2)
  })

  it('says a duration is a duration and a length is a length', () => {
    expect(inputError(() => q.size('7 days', '--size')).message).toMatch(/^--size: "7 days" is a duration, not a size\./)
    expect(inputError(() => q.size('50 m', '--size')).message).toMatch(/^--size: "50 m" is a length, not a size\./)
    expect(inputError(() => q.size('3 kg', '--size')).message).toMatch(/"3 kg" is a mass, not a size/)
  })

  it('rejects zero, negatives, empty values, fractional byte counts and unit-only text', () => {
    expect(inputError(() => q.size('0', '--size')).message).toMatch(/"0" must be greater than zero/)
    expect(inputError(() => q.size('-5 MB', '--size')).message).toMatch(/"-5 MB" must be greater than zero/)
    expect(inputError(() => q.size('', '--size')).message).toMatch(/^--size: no value given\. Expected/)
    expect(inputError(() => q.size('   ', '--size')).message).toMatch(/no value given/)
    expect(inputError(() => q.size('1.5', '--size')).message).toMatch(/not a whole number of bytes/)
    expect(inputError(() => q.size('MB', '--size')).message).toMatch(/"MB" has no number/)
    expect(inputError(() => q.size('1.5.3 MB', '--size')).message).toMatch(/is not a valid quantity/)
  })

  it('accepts zero when asked to', () => {
    expect(q.size('0', '--size', {allowZero: true})).toBe(0)
    expect(inputError(() => q.size('-1 MB', '--size', {allowZero: true})).message).toMatch(/must not be negative/)
  })

  it('suggests the byte unit for a lower-case spelling', () => {
    expect(inputError(() => q.size('1 gb', '--size')).message).toMatch(
      /unknown unit "gb" in "1 gb" \(did you mean "GB" for bytes or "Gbit" for bits\?\)/,
    )
  })

  const factors: Record<string, number> = {B: 1, kB: 1e3, MB: 1e6, GB: 1e9, KiB: 1024, MiB: 1024 ** 2, GiB: 1024 ** 3}
  propTest.prop([
    fc.double({min: 1e-3, max: 1e12, noNaN: true, noDefaultInfinity: true}),
    fc.constantFrom(...Object.keys(factors)),
  ])('size(`${n} ${unit}`) = n × factor', (n, unit) => {
    const bytes = q.size(`${n} ${unit}`, '--size')
    const exact = n * factors[unit]!
    expect(Math.abs(bytes - exact)).toBeLessThanOrEqual(1e-9 * exact)
  })

  propTest.prop([fc.double({min: 1, max: 1e18, noNaN: true}), fc.boolean()])(
    'formatBytes output parses back within its 3-digit precision',
    (bytes, binary) => {
      const parsed = q.size(formatBytes(bytes, {binary}), '--size')
      expect(Math.abs(parsed - bytes)).toBeLessThanOrEqual(0.005 * bytes)
    },
  )
})

describe('byteRate (bytes/s)', () => {
  it.each([
    ['120 MB/s', 120e6],
    ['50 MB/s', 50e6],
    ['50MB/s', 50e6], // the M of MB is a prefix, not a multiplier
    ['400 Mbit/s', 50e6],
    ['400 Mbps', 50e6],
    ['10 Gbps', 1.25e9],
    ['100 MBps', 100e6],
    ['1.2 GiB/s', 1.2 * 2 ** 30],
    ['4 TB/day', 4e12 / 86_400],
    ['1 TB/d', 1e12 / 86_400],
    ['60 GB/h', 60e9 / 3600],
    ['6 GB/m', 6e9 / 60], // "/m" is per minute
    ['50 MB per second', 50e6],
    ['1 KB/s', 1000],
  ])('%s → %d', (text, bytesPerSec) => {
    expect(q.byteRate(text, '--throughput')).toBeCloseTo(bytesPerSec, 6)
  })

  it('says a size is not a rate', () => {
    expect(inputError(() => q.byteRate('50 MB', '--throughput')).message).toBe(
      '--throughput: "50 MB" is a size, not a rate. Expected a rate such as "50 MB/s".',
    )
  })

  it('rejects negative rates', () => {
    expect(inputError(() => q.byteRate('-3 MB/s', '--throughput')).message).toBe(
      '--throughput: "-3 MB/s" must be greater than zero. Expected a rate such as "50 MB/s".',
    )
  })

  it('says a message rate is not a byte rate, and a bare number has no unit', () => {
    expect(inputError(() => q.byteRate('100k msg/s', '--throughput')).message).toBe(
      '--throughput: "100k msg/s" is a message rate, not a byte rate. Expected a rate such as "50 MB/s".',
    )
    expect(inputError(() => q.byteRate('5000', '--throughput')).message).toBe(
      '--throughput: "5000" has no unit. Expected a rate such as "50 MB/s".',
    )
  })

  it('refuses "1.2B/day" (bytes or billions?)', () => {
    expect(inputError(() => q.byteRate('1.2B/day', '--throughput')).message).toBe(
      '--throughput: "1.2B/day" is ambiguous: "B" means bytes; write "1.2 B/day" for bytes or "1.2bn msg/day" ' +
        'for billions of messages. Expected a rate such as "50 MB/s".',
    )
    expect(q.byteRate('1.2 B/day', '--throughput')).toBeCloseTo(1.2 / 86_400, 12)
  })

  propTest.prop([fc.double({min: 1, max: 1e15, noNaN: true})])('formatRate output parses back', (bytesPerSec) => {
    const parsed = q.byteRate(formatRate(bytesPerSec), '--throughput')
    expect(Math.abs(parsed - bytesPerSec)).toBeLessThanOrEqual(0.005 * bytesPerSec)
  })
})

describe('rate (bytes or messages)', () => {
  it.each([
    ['50 MB/s', {kind: 'bytes', bytesPerSec: 50e6}],
    ['400 Mbit/s', {kind: 'bytes', bytesPerSec: 50e6}],
    ['100k msg/s', {kind: 'messages', messagesPerSec: 1e5}],
    ['100K msgs/sec', {kind: 'messages', messagesPerSec: 1e5}],
    ['5000/s', {kind: 'messages', messagesPerSec: 5000}],
    ['100 Messages per Second', {kind: 'messages', messagesPerSec: 100}],
    ['10 records/s', {kind: 'messages', messagesPerSec: 10}],
    ['1,000,000 events/s', {kind: 'messages', messagesPerSec: 1e6}],
  ] as const)('%s', (text, expected) => {
    expect(q.rate(text, '--rate')).toEqual(expected)
  })

  it.each([
    ['2.5M/day', 2.5e6 / 86_400],
    ['2.5 M/day', 2.5e6 / 86_400],
    ['500M msg/day', 500e6 / 86_400],
    ['1.2bn/day', 1.2e9 / 86_400],
    ['1.2G msg/day', 1.2e9 / 86_400],
    ['1M msg/m', 1e6 / 60],
    ['36k msg/h', 10],
  ])('%s is a message rate of %d/s', (text, perSec) => {
    const rate = q.rate(text, '--rate')
    expect(rate.kind).toBe('messages')
    if (rate.kind === 'messages') expect(rate.messagesPerSec).toBeCloseTo(perSec, 9)
  })

  it('"2.5M/day" is exactly 2.5e6/86400 msg/s (to 15 digits)', () => {
    expect(q.rate('2.5M/day', '--rate')).toEqual({kind: 'messages', messagesPerSec: Number((2.5e6 / 86_400).toPrecision(15))})
  })

  it('rejects sizes, durations and bare numbers', () => {
    expect(inputError(() => q.rate('50 MB', '--rate')).message).toBe(
      '--rate: "50 MB" is a size, not a rate. ' +
        'Expected a byte rate such as "50 MB/s" or a message rate such as "100k msg/s" or "5000/s".',
    )
    expect(inputError(() => q.rate('7 days', '--rate')).message).toMatch(/"7 days" is a duration, not a rate/)
    expect(inputError(() => q.rate('5000', '--rate')).message).toMatch(/"5000" has no unit/)
    expect(inputError(() => q.rate('1.2B/day', '--rate')).message).toMatch(/"1.2B\/day" is ambiguous/)
    expect(inputError(() => q.rate('-5 msg/s', '--rate')).message).toMatch(/must be greater than zero/)
    expect(inputError(() => q.rate('5000 msg', '--rate')).message).toMatch(/"5000 msg" is a count, not a rate/)
  })

  propTest.prop([fc.double({min: 0.01, max: 1e11, noNaN: true})])('formatMessagesRate output parses back', (perSec) => {
    const rate = q.rate(formatMessagesRate(perSec), '--rate')
    expect(rate.kind).toBe('messages')
    if (rate.kind === 'messages') expect(Math.abs(rate.messagesPerSec - perSec)).toBeLessThanOrEqual(0.005 * perSec)
  })
})

describe('duration (ms)', () => {
  it.each([
    ['7d', 7 * DAY_MS],
    ['7 d', 7 * DAY_MS],
    ['7 Days', 7 * DAY_MS],
    ['36h', 36 * 3_600_000],
    ['90 days', 90 * DAY_MS],
    ['1 week', 7 * DAY_MS],
    ['1w', 7 * DAY_MS],
    ['15m', 900_000], // minutes, not metres
    ['15 m', 900_000],
    ['15min', 900_000],
    ['30s', 30_000],
    ['100ms', 100],
    ['604800000', 604_800_000], // bare number = milliseconds, as Kafka writes them
    ['1h30m', 5_400_000],
    ['1d 12h', 36 * 3_600_000],
    ['2 hours 30 minutes', 9_000_000],
    ['6mo', 180 * DAY_MS],
  ])('%s → %d ms', (text, ms) => {
    expect(q.duration(text, '--retention')).toBe(ms)
  })

  it('uses 30-day months and 365-day years (not the Julian 30.4375 / 365.25 days)', () => {
    expect(q.duration('1 year', '--retention')).toBe(365 * DAY_MS)
    expect(q.duration('2 years', '--retention')).toBe(730 * DAY_MS)
    expect(q.duration('1y', '--retention')).toBe(365 * DAY_MS)
    expect(q.duration('1 month', '--retention')).toBe(30 * DAY_MS)
    expect(q.duration('3 months', '--retention')).toBe(90 * DAY_MS)
  })

  it.each(['-1', 'infinite', 'Infinite', 'forever', 'unlimited', 'never'])('%s → Infinity', (text) => {
    expect(q.duration(text, '--retention')).toBe(Number.POSITIVE_INFINITY)
  })

  it('rejects sizes, ambiguous suffixes, zero and negatives', () => {
    expect(inputError(() => q.duration('50 MB', '--retention')).message).toMatch(/^--retention: "50 MB" is a size, not a duration\./)
    expect(inputError(() => q.duration('6M', '--retention')).message).toMatch(/"6M" is ambiguous/)
    expect(inputError(() => q.duration('0', '--retention')).message).toMatch(/"0" must be greater than zero/)
    expect(inputError(() => q.duration('-2 d', '--retention')).message).toMatch(/must be greater than zero/)
    expect(inputError(() => q.duration('1 MB 5 s', '--retention')).message).toMatch(/"1 MB" in "1 MB 5 s" is a size/)
    expect(q.duration('0', '--linger', {allowZero: true})).toBe(0)
  })
})

describe('bandwidth (bits/s)', () => {
  it.each([
    ['10 Gbit/s', 1e10],
    ['10 Gbps', 1e10],
    ['10 gbps', 1e10],
    ['25Gbps', 2.5e10],
    ['1.25 GB/s', 1e10], // bytes → ×8
    ['400 Mbit/s', 4e8],
    ['100 Mb/s', 1e8],
    ['10G', 1e10], // NIC speed shorthand
    ['100 kbps', 1e5],
  ])('%s → %d bit/s', (text, bits) => {
    expect(q.bandwidth(text, '--nic')).toBe(bits)
  })

  it('rejects a bare number and sizes', () => {
    expect(inputError(() => q.bandwidth('10', '--nic')).message).toMatch(/^--nic: "10" has no unit\. Expected a bandwidth/)
    expect(inputError(() => q.bandwidth('10 Gbit', '--nic')).message).toMatch(/"10 Gbit" is a size, not a bandwidth/)
  })
})

describe('preprocessQuantity', () => {
  it.each([
    ['100k msg/s', '100000 msg/s'],
    ['2.5M/day', '2500000/day'],
    ['50MB/s', '50MB/s'],
    ['1.2B/day', '1.2B/day'],
    ['1.2bn/day', '1200000000/day'],
    ['10 Gbps', '10 Gbit/s'],
    ['100 MBps', '100 MB/s'],
    ['1 KB', '1 kB'],
    ['1 kiB', '1 KiB'],
    ['5 Mbits', '5 Mbit'],
    ['7d', '7day'],
    ['1 TB/d', '1 TB/day'],
    ['15m', '15min'],
    ['50 MB per second', '50 MB/second'],
    ['1,000,000 msg/s', '1000000 msg/s'],
    ['1_000 B', '1000 B'],
    ['7 Days', '7 days'],
    ['500M msg/day * 500 B * 7 days * 3 to TB', '500000000 msg/day * 500 B * 7 days * 3 to TB'],
  ])('%s → %s', (text, normalized) => {
    expect(preprocessQuantity(text)).toBe(normalized)
  })

  it('reads a lone "m" as minutes only when asked', () => {
    expect(preprocessQuantity('15 m')).toBe('15 m')
    expect(preprocessQuantity('15 m', {minutesForM: true})).toBe('15 min')
  })
})

describe('the flag parser and the calc instance agree', () => {
  it.each([
    '1 KiB',
    '50 MB/s',
    '400 Mbit/s',
    '1 megabit',
    '7 day',
    '1 year',
    '1 month',
    '100 msg/s',
    '2.5 GiB',
    '1 TB/day',
    '90 min',
    '3 records',
  ])('%s', async (text) => {
    const {math: full} = await import('../../src/units/mathjs-expression.js')
    const {math: lite} = await import('../../src/units/mathjs-units.js')
    const a = lite.unit(text)
    const b = full.unit(text)
    expect(a.value).toBeCloseTo(b.value, 9)
    expect(a.dimensions).toEqual(b.dimensions)
  })
})

describe('parseFraction', () => {
  it.each([
    ['0.8', 0.8],
    ['80%', 0.8],
    ['80 %', 0.8],
    ['.5', 0.5],
    ['1', 1],
    ['100%', 1],
    ['12.5%', 0.125],
  ])('%s → %d', (text, fraction) => {
    expect(parseFraction(text, '--target-utilization')).toBe(fraction)
  })

  it('rejects values outside (0, 1] and hints at a forgotten %', () => {
    expect(inputError(() => parseFraction('80', '--target-utilization')).message).toBe(
      '--target-utilization: "80" is more than 100%; for 80 percent write "80%". ' +
        'Expected a fraction between 0 and 1 or a percentage, such as "0.8" or "80%".',
    )
    expect(inputError(() => parseFraction('0', '--u')).message).toMatch(/must be greater than zero/)
    expect(inputError(() => parseFraction('150%', '--u')).message).toMatch(/more than 100%/)
    expect(inputError(() => parseFraction('-0.2', '--u')).message).toMatch(/must be greater than zero/)
    expect(inputError(() => parseFraction('abc', '--u')).message).toMatch(/not a fraction or a percentage/)
    expect(inputError(() => parseFraction('', '--u')).message).toMatch(/no value given/)
  })
})

describe('parseGrowth', () => {
  it.each([
    ['2x/year', 2],
    ['2x per year', 2],
    ['2X yearly', 2],
    ['2x a year', 2],
    ['1.5x', 1.5],
    ['50%/year', 1.5],
    ['50% per year', 1.5],
    ['100%', 2],
    ['flat', 1],
    ['none', 1],
    ['1x', 1],
    ['0%', 1],
    ['10%/month', 1.1 ** 12],
    ['2x/quarter', 16],
  ])('%s → %d per year', (text, factor) => {
    expect(parseGrowth(text, '--growth')).toBeCloseTo(factor, 12)
  })

  it('rejects shrinking workloads and unknown periods with a clear message', () => {
    expect(inputError(() => parseGrowth('0.5x', '--growth')).message).toMatch(
      /^--growth: "0.5x" is shrinking; only growth \(1x or more\) is modelled\./,
    )
    expect(inputError(() => parseGrowth('-10%/year', '--growth')).message).toMatch(/is shrinking/)
    expect(inputError(() => parseGrowth('2x/fortnight', '--growth')).message).toMatch(/unknown period "fortnight"/)
    expect(inputError(() => parseGrowth('lots', '--growth')).message).toMatch(/"lots" is not a growth rate/)
  })
})

describe('parseCount and parsePositiveNumber', () => {
  it.each([
    ['12', 12],
    ['100k', 100_000],
    ['1.5M', 1_500_000],
    ['2.3k', 2300],
    ['1,000', 1000],
    ['2bn', 2e9],
  ])('parseCount(%s) = %d', (text, n) => {
    expect(parseCount(text, '--partitions')).toBe(n)
  })

  it('parseCount rejects fractions, zero and junk', () => {
    expect(inputError(() => parseCount('1.5', '--partitions')).message).toBe(
      '--partitions: "1.5" is not a whole number. Expected a whole number such as "12", "100k" or "1.5M".',
    )
    expect(inputError(() => parseCount('0', '--partitions')).message).toMatch(/must be greater than zero/)
    expect(inputError(() => parseCount('-3', '--partitions')).message).toMatch(/must be greater than zero/)
    expect(inputError(() => parseCount('twelve', '--partitions')).message).toMatch(/"twelve" is not a number/)
  })

  it('parseCount with allowZero takes 0 and says so when it rejects a negative count', () => {
    expect(parseCount('0', '--warmup', {allowZero: true})).toBe(0)
    expect(parseCount('2k', '--warmup', {allowZero: true})).toBe(2000)
    expect(inputError(() => parseCount('-1', '--warmup', {allowZero: true})).message).toBe(
      '--warmup: "-1" must be zero or more. Expected a whole number such as "0", "12" or "100k".',
    )
  })

  it('parsePositiveNumber accepts decimals and suffixes, rejects zero', () => {
    expect(parsePositiveNumber('2.5', '--factor')).toBe(2.5)
    expect(parsePositiveNumber('1e3', '--factor')).toBe(1000)
    expect(parsePositiveNumber('100k', '--factor')).toBe(100_000)
    expect(inputError(() => parsePositiveNumber('0', '--factor')).message).toMatch(/must be greater than zero/)
    expect(inputError(() => parsePositiveNumber('NaN', '--factor')).message).toMatch(/"NaN" is not a number/)
  })
})
