import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import Optimize from '../../src/commands/optimize.js'
import {run, runJson} from '../helpers/run-command.js'

let dir: string
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ks-optimize-'))
})
afterEach(() => fs.rmSync(dir, {recursive: true, force: true}))

// Disk throughput binds: 300 MB/s at RF 3 writes ~909 MB/s (with 1% batch overhead). Everything else is ample.
const profile = (name: string, disk: string, price: number) => `  - name: ${name}
    vendor: test
    description: ${name} test broker
    hardware: {diskThroughputBytesPerSec: "${disk}", diskSizeBytes: "100 TB", disks: 1, networkBitsPerSec: "100 Gbit/s", cores: 64, memoryBytes: "256 GiB", maxPartitionReplicas: 4000}
    priceUsdPerHour: ${price}
    sources: {diskThroughputBytesPerSec: test, priceUsdPerHour: test}
`

function files() {
  const catalogue = path.join(dir, 'cat.yaml')
  // small: 909 ÷ (100 × 80%) → 12 brokers × $0.10 = $1.20/h; mid: 909 ÷ 320 → 3 brokers × $0.30 = $0.90/h;
  // big: RF-bound at 3 brokers × $1.00 = $3.00/h. The cheapest is mid.
  fs.writeFileSync(catalogue, `profiles:\n${profile('small', '100 MB/s', 0.1)}${profile('mid', '400 MB/s', 0.3)}${profile('big', '1 GB/s', 1)}`)
  const plan = path.join(dir, 'plan.yaml')
  fs.writeFileSync(plan, 'version: 1\ncluster: {failurePolicy: survive-one-broker}\ntopics:\n  - {name: t, throughput: 300 MB/s, retention: 1h, consumerGroups: []}\n')
  return {catalogue, plan}
}

interface OptimizeJson {
  candidates: Array<{rank: number; profile: string; brokers: number; monthlyUsd: number | null; bindingResource: string}>
}

describe('optimize', () => {
  it('picks the cheapest profile that satisfies every bound (a case whose answer is known by hand)', async () => {
    const {catalogue, plan} = files()
    const {json, exitCode} = await runJson<OptimizeJson>(Optimize, ['--file', plan, '--catalogue', catalogue, '--vendor', 'test'])
    expect(exitCode).toBe(0)
    expect(json.candidates.map((c) => [c.profile, c.brokers])).toEqual([
      ['mid', 3],
      ['small', 12],
      ['big', 3],
    ])
    expect(json.candidates[0].monthlyUsd).toBeCloseTo(3 * 0.3 * 730, 6)
    expect(json.candidates[0].bindingResource).toBe('disk-throughput')
    expect(json.candidates[2].bindingResource).toBe('replication-factor')
  })

  it('tries more disks per broker when asked: two 100 MB/s disks halve the small profile’s brokers', async () => {
    const {catalogue, plan} = files()
    const {json} = await runJson<OptimizeJson>(Optimize, ['--file', plan, '--catalogue', catalogue, '--vendor', 'test', '--disks', '1,2'])
    const small2 = json.candidates.find((c) => c.profile === 'small' && c.brokers === 6)
    expect(small2?.monthlyUsd).toBeCloseTo(6 * 0.1 * 730, 6)
  })

  it('without prices it ranks by broker count and says so', async () => {
    const {plan} = files()
    const {json, exitCode, stderr} = await runJson<OptimizeJson>(Optimize, ['--file', plan, '--vendor', 'aws-msk'])
    expect(exitCode).toBe(0)
    expect(json.candidates.every((c) => c.monthlyUsd === null)).toBe(true)
    const brokers = json.candidates.map((c) => c.brokers)
    expect(brokers).toEqual([...brokers].sort((a, b) => a - b))
    expect(stderr).toBe('')
  })

  it('rejects a bad --disks list', async () => {
    const {plan} = files()
    const {exitCode, stderr} = await run(Optimize, ['--file', plan, '--disks', 'two'])
    expect(exitCode).toBe(2)
    expect(stderr).toContain('--disks')
  })
})
