import {describe, expect, it} from 'vitest'
import {InputError} from '../../src/lib/errors.js'
import {calculate} from '../../src/services/calc.js'

async function calcError(expression: string): Promise<InputError> {
  try {
    await calculate(expression)
  } catch (error) {
    expect(error).toBeInstanceOf(InputError)
    return error as InputError
  }
  throw new Error(`expected an InputError for ${expression}`)
}

describe('calculate', () => {
  it('computes the retention example: 500M msg/day × 500 B × 7 days × RF 3 = 5.25 TB', async () => {
    expect(await calculate('500M msg/day * 500 B * 7 days * 3 to TB')).toEqual({
      expression: '500M msg/day * 500 B * 7 days * 3 to TB',
      result: '5.25 TB',
      value: 5.25,
      unit: 'TB',
      dimension: 'data size',
      alternatives: ['4.77 TiB'],
    })
  })

  it('picks a readable decimal unit without "to" and gives the binary equivalent', async () => {
    const result = await calculate('500e6 msg/day * 500 B * 7d * 3')
    expect(result).toMatchObject({result: '5.25 TB', value: 5.25, unit: 'TB', dimension: 'data size'})
    expect(result.alternatives).toEqual(['4.77 TiB'])
  })

  it('shows a data rate with binary and bit equivalents', async () => {
    expect(await calculate('10 Gbps / 8 * 8')).toMatchObject({
      result: '1.25 GB/s',
      value: 1.25,
      unit: 'GB/s',
      dimension: 'data rate',
      alternatives: ['1.16 GiB/s', '10 Gbit/s'],
    })
  })

  it('converts explicitly with "to"', async () => {
    expect(await calculate('10 Gbps to MB/s')).toMatchObject({result: '1,250 MB/s', value: 1250, unit: 'MB/s'})
    expect(await calculate('1 GiB to B')).toMatchObject({result: '1,073,741,824 B', value: 1_073_741_824, unit: 'B'})
  })

  it('uses 365-day years and 30-day months', async () => {
    expect(await calculate('1 year to days')).toMatchObject({value: 365, unit: 'days', dimension: 'duration'})
    expect(await calculate('1 month to days')).toMatchObject({value: 30, unit: 'days'})
  })

  it('gives durations in readable units', async () => {
    expect(await calculate('1 TB / (100 MB/s)')).toMatchObject({result: '2.78 h', unit: 'h', dimension: 'duration'})
    expect(await calculate('7d')).toMatchObject({result: '7 d', value: 7, unit: 'd'})
  })

  it('gives message rates per second, and per day as an alternative', async () => {
    expect(await calculate('100 MB/s / (1 kB/msg)')).toMatchObject({
      result: '100k msg/s',
      value: 100_000,
      unit: 'msg/s',
      dimension: 'message rate',
      alternatives: ['8.64bn msg/day'],
    })
    expect(await calculate('2.5M/day')).toMatchObject({unit: '/s', dimension: 'rate (per time)', alternatives: ['2.5M/day']})
  })

  it('returns dimensionless results with unit null', async () => {
    expect(await calculate('ceil(1 GB/s / (10 MB/s))')).toEqual({
      expression: 'ceil(1 GB/s / (10 MB/s))',
      result: '100',
      value: 100,
      unit: null,
      dimension: 'dimensionless',
      alternatives: [],
    })
    expect(await calculate('100k msg/s * 1 h')).toMatchObject({result: '360,000,000', value: 3.6e8, unit: null, alternatives: ['360M']})
    expect(await calculate('0.1 + 0.2')).toMatchObject({result: '0.3', value: 0.3})
  })

  it('takes the last value of several statements', async () => {
    expect(await calculate('a = 2 TB; a * 3')).toMatchObject({result: '6 TB'})
  })

  it('describes other dimensions', async () => {
    expect(await calculate('10 MB/s / 1 s')).toMatchObject({result: '10 MB/s^2', dimension: 'data / time^2'})
  })
})

describe('calculate errors', () => {
  it('reports syntax errors with the position', async () => {
    expect((await calcError('1 +')).message).toBe(
      'expression: cannot parse "1 +": unexpected end of expression at character 4. ' +
        'Expected an expression with units such as "500M msg/day * 500 B * 7 days * 3 to TB".',
    )
  })

  it('names unknown units and symbols', async () => {
    const error = await calcError('5 parsecs')
    expect(error.where).toBe('expression')
    expect(error.message).toMatch(/^expression: unknown unit or name "parsecs" in "5 parsecs"\. Expected/)
    expect((await calcError('1 gb * 2')).message).toMatch(/unknown unit or name "gb".*did you mean "GB"/)
  })

  it('explains mismatched units', async () => {
    expect((await calcError('5 MB + 3 s')).message).toMatch(/the units do not match in "5 MB \+ 3 s"/)
    expect((await calcError('5 MB/s to GB')).message).toMatch(/the units do not match/)
  })

  it('rejects empty input, non-finite results, non-numbers and unit redefinition', async () => {
    expect((await calcError('  ')).message).toMatch(/no expression given/)
    expect((await calcError('1/0')).message).toMatch(/no finite value/)
    expect((await calcError('"abc"')).message).toMatch(/does not evaluate to a number or a quantity/)
    expect((await calcError('MB')).message).toMatch(/a unit without a number/)
    expect((await calcError('createUnit("foo", "3 MB")')).message).toMatch(/createUnit\(\) is not available/)
  })

  it('shows the normalized form when preprocessing changed the text', async () => {
    expect((await calcError('7d +')).message).toMatch(/cannot parse "7d \+" \(read as "7day \+"\)/)
  })
})
