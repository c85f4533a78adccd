import {describe, expect, it} from 'vitest'
import Plan from '../../src/commands/plan.js'
import {run, runJson} from '../helpers/run-command.js'

interface CostJson {
  crossAzBytesPerSecond?: number
  crossAz?: {produceBytesPerSec: number; replicationBytesPerSec: number; consumeBytesPerSec: number}
  cost?: {monthlyUsd: number; brokersUsd: number; transferUsd: number; unpriced: string[]}
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
