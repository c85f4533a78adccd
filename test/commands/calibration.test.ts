import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import Capacity from '../../src/commands/capacity.js'
import Partitions from '../../src/commands/partitions.js'
import Plan from '../../src/commands/plan.js'
import {calibrationFixture} from '../helpers/calibration-fixture.js'
import {run, runJson} from '../helpers/run-command.js'

interface Assumption {key: string; value: unknown; origin: string; source: string}

let dir: string
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ks-cal-'))
})
afterEach(() => fs.rmSync(dir, {recursive: true, force: true}))

function write(name: string, content: string): string {
  const file = path.join(dir, name)
  fs.writeFileSync(file, content)
  return file
}

describe('--calibration FILE', () => {
  it('plan takes disk throughput and p from the profile and names it in the assumptions', async () => {
    const file = write('cal.json', JSON.stringify(calibrationFixture(), null, 2))
    const {json, exitCode} = await runJson<{assumptions: Assumption[]; input: {hardware: {diskThroughputBytesPerSec: number}; partitionThroughputBytesPerSec: number}}>(Plan, ['--throughput', '100 MB/s', '--retention', '1h', '--calibration', file])
    expect(exitCode).toBe(0)
    const byKey = new Map(json.assumptions.map((a) => [a.key, a]))
    expect(byKey.get('calibration.path')?.value).toBe(path.relative(process.cwd(), file))
    expect(byKey.get('hardware.diskThroughputBytesPerSec')).toMatchObject({origin: 'calibration', value: 1.2e9})
    expect(json.input.hardware.diskThroughputBytesPerSec).toBe(1.2e9)
    // p = payload per batch ÷ (15 µs + 0.1 µs × records + 0.5 ns × bytes) at the batch this workload fills.
    expect(byKey.get('partitionThroughputBytesPerSec')?.origin).toBe('calibration')
    const records = 63
    const expected = (records * 1024) / (15e-6 + 0.1e-6 * records + 0.5e-9 * 65_140)
    expect(json.input.partitionThroughputBytesPerSec).toBeCloseTo(expected, -3)
  })

  it('a flag still beats the profile', async () => {
    const file = write('cal.json', JSON.stringify(calibrationFixture()))
    const {json} = await runJson<{input: {hardware: {diskThroughputBytesPerSec: number}}}>(Plan, ['--throughput', '100 MB/s', '--calibration', file, '--disk-throughput', '300 MB/s'])
    expect(json.input.hardware.diskThroughputBytesPerSec).toBe(300e6)
  })

  it('partitions and capacity accept it too', async () => {
    const file = write('cal.json', JSON.stringify(calibrationFixture()))
    expect((await runJson(Partitions, ['--throughput', '100 MB/s', '--calibration', file])).exitCode).toBe(0)
    const cap = await runJson<{assumptions: Assumption[]}>(Capacity, ['--brokers', '3', '--calibration', file])
    expect(cap.exitCode).toBe(0)
    expect(cap.json.assumptions.some((a) => a.key === 'calibration.path')).toBe(true)
  })

  it.each([
    ['missing file', null, 'no such file'],
    ['malformed JSON, with its line', '{\n  "kind": "kafka-sizer-calibration",\n  "version": 1,,\n}', ':3: not valid JSON'],
    ['wrong schema, naming the field', JSON.stringify({...calibrationFixture(), disk: {sustainedWriteBytesPerSec: -5}}), 'disk.sustainedWriteBytesPerSec'],
    ['a future version', JSON.stringify({...calibrationFixture(), version: 2}), 'profile version 2 is not supported'],
  ])('%s → exit 2 with a clear message', async (_, content, message) => {
    const file = content === null ? path.join(dir, 'nope.json') : write('bad.json', content)
    const {exitCode, stderr} = await run(Plan, ['--throughput', '10 MB/s', '--calibration', file])
    expect(exitCode).toBe(2)
    expect(stderr).toContain('--calibration:')
    expect(stderr).toContain(message)
  })
})
