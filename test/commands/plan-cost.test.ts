import {describe, expect, it} from 'vitest'
import Plan from '../../src/commands/plan.js'
import {run, runJson} from '../helpers/run-command.js'

interface CostJson {
  assumptions?: Array<{key: string; value: unknown; origin: string; source: string}>
  storage?: {provisionedBytes: number}
  crossAzBytesPerSecond?: number
  crossAz?: {produceBytesPerSec: number; replicationBytesPerSec: number; consumeBytesPerSec: number}
  cost?: {monthlyUsd: number; brokersUsd: number; storageUsd: number | null; transferUsd: number; unpriced: string[]}
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
