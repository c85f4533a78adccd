import {describe, expect, it} from 'vitest'
import {
  formatBits,
  formatBytes,
  formatCompact,
  formatCount,
  formatDuration,
  formatMessagesRate,
  formatNumber,
  formatPercent,
  formatRate,
  scaleBytes,
  scaleDuration,
} from '../../src/units/format.js'

describe('formatBytes', () => {
  it.each([
    [5.25e12, '5.25 TB'],
    [120e6, '120 MB'],
    [1.5e9, '1.5 GB'],
    [512, '512 B'],
    [0, '0 B'],
    [0.5, '0.5 B'],
    [999, '999 B'],
    [1000, '1 kB'],
    [999_999, '1 MB'], // rounds up into the next unit, never "1000 kB"
    [999_499, '999 kB'],
    [1e15, '1 PB'],
    [1e18, '1 EB'],
    [5e21, '5,000 EB'],
    [-5e6, '-5 MB'],
    [Number.POSITIVE_INFINITY, 'infinite'],
    [Number.NaN, 'n/a'],
  ])('%d → %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text)
  })

  it.each([
    [5.25e12, '4.77 TiB'],
    [1024, '1 KiB'],
    [1023, '1,023 B'],
    [2 ** 30, '1 GiB'],
    [1.5 * 2 ** 20, '1.5 MiB'],
    [0, '0 B'],
  ])('binary %d → %s', (bytes, text) => {
    expect(formatBytes(bytes, {binary: true})).toBe(text)
  })

  it('scaleBytes gives the exact value in the chosen unit', () => {
    expect(scaleBytes(5.25e12)).toEqual({value: 5.25, unit: 'TB'})
    expect(scaleBytes(3 * 2 ** 30, {binary: true})).toEqual({value: 3, unit: 'GiB'})
  })
})

describe('formatRate and formatBits', () => {
  it.each([
    [120e6, '120 MB/s'],
    [50e6, '50 MB/s'],
    [1.25e9, '1.25 GB/s'],
    [0, '0 B/s'],
    [Number.POSITIVE_INFINITY, 'infinite'],
  ])('formatRate(%d) = %s', (bytesPerSec, text) => {
    expect(formatRate(bytesPerSec)).toBe(text)
  })

  it('formatRate can use binary units', () => {
    expect(formatRate(2 ** 20, {binary: true})).toBe('1 MiB/s')
  })

  it.each([
    [2.5e9, '2.5 Gbit/s'],
    [1e10, '10 Gbit/s'],
    [4e8, '400 Mbit/s'],
    [999, '999 bit/s'],
    [0, '0 bit/s'],
    [1e15, '1 Pbit/s'],
  ])('formatBits(%d) = %s', (bitsPerSec, text) => {
    expect(formatBits(bitsPerSec)).toBe(text)
  })
})

describe('formatDuration', () => {
  it.each([
    [604_800_000, '7 d'],
    [129_600_000, '36 h'], // whole hours beat 1.5 d
    [90_000, '90 s'], // whole seconds beat 1.5 min
    [131_400_000, '1.52 d'], // 36.5 h: no whole unit below 1000, so the largest unit
    [3_600_000, '1 h'],
    [250, '250 ms'],
    [0.5, '0.5 ms'],
    [0, '0 ms'],
    [365 * 86_400_000, '365 d'],
    [3650 * 86_400_000, '3,650 d'],
    [Number.POSITIVE_INFINITY, 'infinite'],
  ])('%d ms → %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text)
  })

  it('scaleDuration returns the unit and value', () => {
    expect(scaleDuration(129_600_000)).toEqual({value: 36, unit: 'h'})
  })
})

describe('formatCount, formatPercent, formatCompact, formatMessagesRate, formatNumber', () => {
  it.each([
    [1_234_567, '1,234,567'],
    [0, '0'],
    [12.6, '13'],
    [1e21, '1,000,000,000,000,000,000,000'],
    [Number.POSITIVE_INFINITY, 'infinite'],
  ])('formatCount(%d) = %s', (n, text) => {
    expect(formatCount(n)).toBe(text)
  })

  it.each([
    [0.8, '80%'],
    [1, '100%'],
    [0.125, '13%'],
    [0.053, '5.3%'],
    [0.05, '5%'],
    [0.0999, '10%'],
    [0.0004, '<0.1%'],
    [0, '0%'],
    [12, '1,200%'],
  ])('formatPercent(%d) = %s', (fraction, text) => {
    expect(formatPercent(fraction)).toBe(text)
  })

  it.each([
    [100_000, '100k'],
    [2.5e6, '2.5M'],
    [1.2e9, '1.2bn'],
    [950, '950'],
    [999_999, '1M'],
    [0.5, '0.5'],
    [5e12, '5,000bn'],
  ])('formatCompact(%d) = %s', (n, text) => {
    expect(formatCompact(n)).toBe(text)
  })

  it.each([
    [100_000, '100k msg/s'],
    [5787.037, '5.79k msg/s'],
    [0.5, '0.5 msg/s'],
    [0, '0 msg/s'],
    [Number.POSITIVE_INFINITY, 'infinite'],
  ])('formatMessagesRate(%d) = %s', (n, text) => {
    expect(formatMessagesRate(n)).toBe(text)
  })

  it.each([
    [5.25, 3, '5.25'],
    [5.256, 3, '5.26'],
    [1.2e-7, 3, '0.00000012'],
    [12_345, 3, '12,345'],
    [10_000, 6, '10,000'],
    [1 / 3, 6, '0.333333'],
  ])('formatNumber(%d, %d) = %s', (n, digits, text) => {
    expect(formatNumber(n, digits)).toBe(text)
  })
})
