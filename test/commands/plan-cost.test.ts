import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import Plan from '../../src/commands/plan.js'
import {run, runJson} from '../helpers/run-command.js'

interface CostJson {
  assumptions?: Array<{key: string; value: unknown; origin: string; source: string}>
  storage?: {provisionedBytes: number}
  crossAzBytesPerSecond?: number
  crossAz?: {produceBytesPerSec: number; replicationBytesPerSec: number; consumeBytesPerSec: number}
  cost?: {
    monthlyUsd: number
    brokersUsd: number
    storageUsd: number | null
    transferUsd: number
    remoteStorageUsd: number
    unpriced: string[]
    replicationTransferBilled: boolean
    unbilledReplicationTransferUsd: number | null
    replicationTransferSource?: string
  }
  brokers: number
  traffic: {storedBytesPerSec: number}
}

const BASE = ['--throughput', '30 MB/s', '--consumer-groups', '3', '--retention', '1d']

describe('plan: cross-AZ traffic and cost', () => {
  it('golden §8.6 shape: 3 AZs, RF 3, 3 groups → (2/3 + 2 + 3 × 2/3) × the stored rate crosses zones', async () => {
    const {json} = await runJson<CostJson>(Plan, [...BASE, '--azs', '3'])
    const w = json.traffic.storedBytesPerSec
    expect(json.crossAzBytesPerSecond).toBeCloseTo((2 / 3 + 2 + 2) * w, 0)
    // Stored bytes carry ~1% of record-batch overhead over the 30 MB/s payload: 140 MB/s becomes ~141.
    expect(json.crossAzBytesPerSecond! / 1e6).toBeCloseTo(141.4, 0)
  })
  it('fetch-from-follower removes the consume part when every zone has a replica', async () => {
    const {json} = await runJson<CostJson>(Plan, [...BASE, '--azs', '3', '--fetch-from-follower'])
    expect(json.crossAz?.consumeBytesPerSec).toBe(0)
  })
  it('no cross-AZ figure with one zone', async () => {
    const {json} = await runJson<CostJson>(Plan, BASE)
    expect(json.crossAzBytesPerSecond).toBeUndefined()
  })
  it('with a broker price, cost.monthlyUsd = brokers × price × 730 h + transfer at $0.02/GB', async () => {
    const {json} = await runJson<CostJson>(Plan, [...BASE, '--azs', '3', '--broker-price', '$0.84/h'])
    expect(json.cost?.brokersUsd).toBeCloseTo(json.brokers * 0.84 * 730, 6)
    const gbPerMonth = ((json.crossAzBytesPerSecond! * 86_400) / 1e9) * (365 / 12)
    expect(json.cost?.transferUsd).toBeCloseTo(gbPerMonth * 0.02, 6)
    expect(json.cost?.unpriced).toEqual(['storage'])
    expect(json.cost?.monthlyUsd).toBeCloseTo(json.cost!.brokersUsd + json.cost!.transferUsd, 6)
  })
  it('a price that is not a number is an input error', async () => {
    const {exitCode, stderr} = await run(Plan, [...BASE, '--broker-price', 'cheap'])
    expect(exitCode).toBe(2)
    expect(stderr).toContain('--broker-price: "cheap" is not an amount in US dollars')
  })
})

describe('plan: the catalogue profile prices the cluster', () => {
  it('golden: 6 × msk-kafka.m5.2xlarge = 730 h × $0.84 × 6 = $3,679.20 a month of brokers, plus storage at $0.10 per GiB-month', async () => {
    const {json, exitCode} = await runJson<CostJson>(Plan, ['--throughput', '30 MB/s', '--retention', '1d', '--brokers', '6', '--hardware', 'msk-kafka.m5.2xlarge'])
    expect(exitCode).toBe(0)
    expect(json.brokers).toBe(6)
    expect(json.cost?.brokersUsd).toBeCloseTo(3679.2, 6)
    expect(json.cost?.brokersUsd).toBeCloseTo(730 * 0.84 * 6, 9)
    // One zone: no transfer. Storage: the provisioned bytes at $0.10 per 2^30-byte GB-month.
    expect(json.cost?.storageUsd).toBeCloseTo((json.storage!.provisionedBytes / 1024 ** 3) * 0.1, 6)
    expect(json.cost?.unpriced).toEqual([])
    expect(json.cost?.monthlyUsd).toBeCloseTo(json.cost!.brokersUsd + json.cost!.storageUsd!, 6)
    const price = json.assumptions?.find((a) => a.key === 'prices.brokerUsdPerHour')
    expect(price).toMatchObject({value: 0.84, origin: 'catalogue'})
    expect(price?.source).toMatch(/https:\/\/aws\.amazon\.com\/msk\/pricing\/.*read \d{4}-\d{2}-\d{2}$/)
  })

  it('--broker-price overrides the catalogue price; a profile without a storage price leaves storage unpriced', async () => {
    const {json} = await runJson<CostJson>(Plan, ['--throughput', '30 MB/s', '--retention', '1d', '--brokers', '6', '--hardware', 'msk-kafka.m5.2xlarge', '--broker-price', '1'])
    expect(json.cost?.brokersUsd).toBeCloseTo(730 * 1 * 6, 6)
    const i3en = await runJson<CostJson>(Plan, ['--throughput', '30 MB/s', '--retention', '1d', '--brokers', '3', '--hardware', 'ec2-i3en.2xlarge'])
    expect(i3en.json.cost?.brokersUsd).toBeCloseTo(730 * 0.904 * 3, 6)
    expect(i3en.json.cost?.unpriced).toEqual(['storage'])
  })

  it('a profile without a verified price gives no cost, as before', async () => {
    const {json} = await runJson<CostJson>(Plan, ['--throughput', '30 MB/s', '--retention', '1d', '--hardware', 'azure-d8s-v5-premium-ssd-v2'])
    expect(json.cost).toBeUndefined()
  })
})

describe('plan: replication crossing zones is not billed on MSK, and is on self-managed EC2', () => {
  // Same workload on both: 3 zones, RF 3, 3 groups reading leaders, so with w the stored rate,
  // produce 2/3 w + replication 2 w + consume 3 × 2/3 w cross zones; $0.02 per GB, 365/12 days a month.
  const workload = ['--throughput', '30 MB/s', '--retention', '1d', '--consumer-groups', '3', '--azs', '3', '--brokers', '6']
  const usdPerMonth = (bytesPerSec: number) => ((bytesPerSec * 86_400) / 1e9) * 0.02 * (365 / 12)
  const FIELDS = ['monthlyUsd', 'brokersUsd', 'storageUsd', 'transferUsd', 'remoteStorageUsd', 'unpriced', 'replicationTransferBilled', 'unbilledReplicationTransferUsd']

  it('msk-kafka.m7g.large: --json cost bills produce + consume only, names why, and still reports the replication bytes', async () => {
    const {json, exitCode} = await runJson<CostJson>(Plan, [...workload, '--hardware', 'msk-kafka.m7g.large'])
    expect(exitCode).toBe(0)
    const w = json.traffic.storedBytesPerSec
    expect(json.crossAz?.replicationBytesPerSec).toBeCloseTo(2 * w, 3)
    expect(json.crossAzBytesPerSecond).toBeCloseTo((2 / 3 + 2 + 2) * w, 3)
    const c = json.cost!
    expect(Object.keys(c)).toEqual([...FIELDS, 'replicationTransferSource'])
    expect(c.brokersUsd).toBeCloseTo(6 * 0.204 * 730, 9) // $893.52
    expect(c.storageUsd).toBeCloseTo((json.storage!.provisionedBytes / 1024 ** 3) * 0.1, 6)
    expect(c.transferUsd).toBeCloseTo(usdPerMonth((2 / 3 + 2) * w), 6)
    expect(c.remoteStorageUsd).toBe(0)
    expect(c.unpriced).toEqual([])
    expect(c.replicationTransferBilled).toBe(false)
    expect(c.unbilledReplicationTransferUsd).toBeCloseTo(usdPerMonth(2 * w), 6)
    expect(c.replicationTransferSource).toMatch(/^msk-kafka\.m7g\.large: Amazon MSK pricing page \(https:\/\/aws\.amazon\.com\/msk\/pricing\//)
    expect(c.monthlyUsd).toBeCloseTo(c.brokersUsd + c.storageUsd! + c.transferUsd, 6)
    const rule = json.assumptions?.find((a) => a.key === 'prices.replicationTransferBilled')
    expect(rule).toMatchObject({value: false, origin: 'catalogue', source: c.replicationTransferSource})
  })

  it('ec2-m5.2xlarge-gp3: --json cost bills every byte crossing zones, replication included', async () => {
    const {json, exitCode} = await runJson<CostJson>(Plan, [...workload, '--hardware', 'ec2-m5.2xlarge-gp3'])
    expect(exitCode).toBe(0)
    const w = json.traffic.storedBytesPerSec
    expect(json.crossAz?.replicationBytesPerSec).toBeCloseTo(2 * w, 3)
    const c = json.cost!
    expect(Object.keys(c)).toEqual(FIELDS)
    expect(c.brokersUsd).toBeCloseTo(6 * 0.384 * 730, 9) // $1,681.92
    expect(c.storageUsd).toBeCloseTo((json.storage!.provisionedBytes / 1024 ** 3) * 0.08, 6)
    expect(c.transferUsd).toBeCloseTo(usdPerMonth((2 / 3 + 2 + 2) * w), 6)
    expect(c.remoteStorageUsd).toBe(0)
    expect(c.unpriced).toEqual([])
    expect(c.replicationTransferBilled).toBe(true)
    expect(c.unbilledReplicationTransferUsd).toBe(0)
    expect(c.monthlyUsd).toBeCloseTo(c.brokersUsd + c.storageUsd! + c.transferUsd, 6)
    expect(json.assumptions?.some((a) => a.key === 'prices.replicationTransferBilled')).toBe(false)
  })

  it('the text says replication is not billed on MSK, and why; nothing about a cost that is too high', async () => {
    const {stdout} = await run(Plan, [...workload, '--hardware', 'msk-kafka.m7g.large', '--no-color'])
    expect(stdout).toMatch(/transfer +produce and consume only: replication between brokers \([\d.]+ MB\/s\) crosses zones but is not\s+billed on this profile \(\$[\d,]+ a month at the transfer price, left out\)\. Source:/)
    expect(stdout).toContain('Amazon MSK pricing page')
    expect(stdout).not.toMatch(/too high|overstat/)
    const ec2 = await run(Plan, [...workload, '--hardware', 'ec2-m5.2xlarge-gp3', '--no-color'])
    expect(ec2.stdout).not.toContain('not billed on this profile')
  })

  it('a catalogue entry can say its vendor does not bill replication (replicationTransferBilled: false, with a source) and give its transfer price', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ks-transfer-'))
    try {
      const file = path.join(dir, 'cat.yaml')
      fs.writeFileSync(
        file,
        'profiles:\n  - name: managed-x\n    hardware: {diskThroughputBytesPerSec: "250 MiB/s", diskSizeBytes: "2 TB", disks: 1, networkBitsPerSec: "10 Gbit/s", cores: 8, memoryBytes: "32 GiB"}\n    priceUsdPerHour: 1\n    transferUsdPerGb: 0.02\n    replicationTransferBilled: false\n    sources: {replicationTransferBilled: "vendor X price page, 2025-01-01", transferUsdPerGb: "vendor X price page, 2025-01-01"}\n',
      )
      const {json} = await runJson<CostJson>(Plan, [...workload, '--hardware', 'managed-x', '--catalogue', file])
      const w = json.traffic.storedBytesPerSec
      expect(json.cost?.transferUsd).toBeCloseTo(usdPerMonth((2 / 3 + 2) * w), 6)
      expect(json.cost?.replicationTransferSource).toBe('managed-x: vendor X price page, 2025-01-01')
    } finally {
      fs.rmSync(dir, {recursive: true, force: true})
    }
  })
})
