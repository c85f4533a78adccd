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
  candidates: Array<{rank: number; profile: string; brokers: number; monthlyUsd: number | null; bindingResource: string; cost?: {brokersUsd: number; unpriced: string[]}}>
  warnings: string[]
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
    // The built-in Azure profiles carry no price (none could be verified).
    const {json, exitCode, stderr} = await runJson<OptimizeJson>(Optimize, ['--file', plan, '--vendor', 'azure'])
    expect(exitCode).toBe(0)
    expect(json.candidates.every((c) => c.monthlyUsd === null)).toBe(true)
    expect(json.warnings.join('\n')).toContain('no candidate has a price')
    const brokers = json.candidates.map((c) => c.brokers)
    expect(brokers).toEqual([...brokers].sort((a, b) => a - b))
    expect(stderr).toBe('')
  })

  it('built-in prices rank by cost: MSK kafka.m7g.large ($0.204/h) beats kafka.m5.large ($0.21/h) when both need the same 3 brokers', async () => {
    // A light topic: every MSK Standard size needs only the RF floor of 3 brokers, so the ranking is the hourly price.
    const light = path.join(dir, 'light.yaml')
    fs.writeFileSync(light, 'version: 1\ncluster: {failurePolicy: survive-one-broker}\ntopics:\n  - {name: t, throughput: 1 MB/s, retention: 1h, consumerGroups: []}\n')
    const {json, exitCode} = await runJson<OptimizeJson>(Optimize, ['--file', light, '--vendor', 'aws-msk', '--top', '20'])
    expect(exitCode).toBe(0)
    const costs = json.candidates.map((c) => c.monthlyUsd)
    expect(costs.every((c) => c !== null)).toBe(true)
    expect(costs).toEqual([...costs].sort((a, b) => a! - b!))
    expect(json.candidates.slice(0, 2).map((c) => [c.profile, c.brokers])).toEqual([
      ['msk-kafka.m7g.large', 3],
      ['msk-kafka.m5.large', 3],
    ])
    expect(json.candidates[0].cost?.brokersUsd).toBeCloseTo(3 * 0.204 * 730, 6)
    expect(json.candidates[1].cost?.brokersUsd).toBeCloseTo(3 * 0.21 * 730, 6)
    // Same storage and transfer, so the gap is the broker-hours: 3 × ($0.21 − $0.204) × 730 = $13.14.
    expect(json.candidates[1].monthlyUsd! - json.candidates[0].monthlyUsd!).toBeCloseTo(13.14, 6)
  })

  it('priced candidates rank before unpriced ones, and a cost that leaves out a component is flagged', async () => {
    const light = path.join(dir, 'light.yaml')
    fs.writeFileSync(light, 'version: 1\ncluster: {failurePolicy: survive-one-broker}\ntopics:\n  - {name: t, throughput: 1 MB/s, retention: 1h, consumerGroups: []}\n')
    const {json} = await runJson<OptimizeJson>(Optimize, ['--file', light, '--vendor', 'aws-ec2'])
    const priced = json.candidates.filter((c) => c.monthlyUsd !== null).map((c) => c.profile)
    const unpriced = json.candidates.filter((c) => c.monthlyUsd === null).map((c) => c.profile)
    expect(unpriced.sort()).toEqual(['ec2-i4i.2xlarge', 'ec2-i4i.4xlarge'])
    expect(json.candidates.slice(0, priced.length).map((c) => c.profile)).toEqual(priced)
    // i3en has no storage price (instance store), so its cost is a lower bound: optimize says so.
    expect(json.warnings.join('\n')).toMatch(/ec2-i3en\.2xlarge.*leaves out storage/)
  })

  it('MSK candidates price the clients\' cross-AZ bytes only; self-managed EC2 candidates pay for replication too', async () => {
    // No consumers, 3 zones, RF 3: produce 2/3 w and replication 2 w cross zones, so replication is 3 × produce.
    const zoned = path.join(dir, 'zoned.yaml')
    fs.writeFileSync(zoned, 'version: 1\ncluster: {failurePolicy: survive-one-broker, azs: 3}\ntopics:\n  - {name: t, throughput: 1 MB/s, retention: 1h, consumerGroups: []}\n')
    type Costed = {profile: string; cost?: {transferUsd: number; replicationTransferBilled: boolean; unbilledReplicationTransferUsd: number; replicationTransferSource?: string}}
    const msk = await runJson<{candidates: Costed[]}>(Optimize, ['--file', zoned, '--vendor', 'aws-msk', '--top', '3'])
    for (const c of msk.json.candidates) {
      expect(c.cost?.replicationTransferBilled, c.profile).toBe(false)
      expect(c.cost!.unbilledReplicationTransferUsd / c.cost!.transferUsd, c.profile).toBeCloseTo(3, 9)
      expect(c.cost?.replicationTransferSource, c.profile).toContain('Amazon MSK pricing page')
    }
    const ec2 = await runJson<{candidates: Costed[]}>(Optimize, ['--file', zoned, '--vendor', 'aws-ec2', '--top', '1'])
    expect(ec2.json.candidates[0].cost).toMatchObject({replicationTransferBilled: true, unbilledReplicationTransferUsd: 0})
    const text = await run(Optimize, ['--file', zoned, '--vendor', 'aws-msk', '--top', '2', '--no-color'])
    expect(text.stdout).toMatch(/Cross-AZ transfer of msk-kafka\.m7g\.large, msk-kafka\.m5\.large prices the clients' bytes only: replication\s+between brokers is not billed/)
  })

  it('rejects a bad --disks list', async () => {
    const {plan} = files()
    const {exitCode, stderr} = await run(Optimize, ['--file', plan, '--disks', 'two'])
    expect(exitCode).toBe(2)
    expect(stderr).toContain('--disks')
  })
})
