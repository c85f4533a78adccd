// The cross-zone transfer price by vendor, through the commands: GCP bills the sending side per GiB, Azure
// nothing, Confluent is unknown (unpriced), plain figures keep AWS's $0.02, and a stated price wins.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import HardwareShow from '../../src/commands/hardware/show.js'
import Plan from '../../src/commands/plan.js'
import {run, runJson} from '../helpers/run-command.js'

interface Assumption {
  key: string
  label: string
  value: unknown
  unit: string
  origin: string
  source: string
}
interface CostJson {
  assumptions: Assumption[]
  crossAzBytesPerSecond: number
  traffic: {storedBytesPerSec: number}
  cost?: {monthlyUsd: number; brokersUsd: number; storageUsd: number | null; transferUsd: number | null; remoteStorageUsd: number; unpriced: string[]; replicationTransferBilled: boolean; unbilledReplicationTransferUsd: number | null}
}

// 3 zones, RF 3, 3 groups reading leaders: produce 2/3 w + replication 2 w + consume 2 w cross, w stored.
const workload = ['--throughput', '30 MB/s', '--retention', '1d', '--consumer-groups', '3', '--azs', '3', '--brokers', '6']
const GCP_USD_PER_GB = (0.01 * 1e9) / 2 ** 30 // Google's $0.01 per GiB of egress, per 10^9-byte GB
const usdPerMonth = (bytesPerSec: number, usdPerGb: number) => ((bytesPerSec * 86_400) / 1e9) * usdPerGb * (365 / 12)
const transferAssumption = (json: CostJson) => json.assumptions.find((a) => a.key === 'prices.transferUsdPerGb')

describe('plan: the cross-zone transfer price comes from the hardware profile', () => {
  it('gcp-n2-standard-8-pd-balanced: exact --json cost fields at $0.01 per GiB, and the price\'s source', async () => {
    const {json, exitCode} = await runJson<CostJson>(Plan, [...workload, '--hardware', 'gcp-n2-standard-8-pd-balanced'])
    expect(exitCode).toBe(0)
    const w = json.traffic.storedBytesPerSec
    expect(json.crossAzBytesPerSecond).toBeCloseTo((2 / 3 + 2 + 2) * w, 3)
    const c = json.cost!
    expect(Object.keys(c)).toEqual(['monthlyUsd', 'brokersUsd', 'storageUsd', 'transferUsd', 'remoteStorageUsd', 'unpriced', 'replicationTransferBilled', 'unbilledReplicationTransferUsd'])
    expect(c.brokersUsd).toBeCloseTo(6 * 0.388472 * 730, 9) // $1,701.51
    expect(c.storageUsd).toBeNull()
    expect(c.transferUsd).toBeCloseTo(usdPerMonth((2 / 3 + 2 + 2) * w, GCP_USD_PER_GB), 6)
    expect(c.transferUsd).toBeCloseTo(3_459.88, 2) // was $7,430.03 at AWS's $0.02
    expect(c.remoteStorageUsd).toBe(0)
    expect(c.unpriced).toEqual(['storage'])
    expect(c.replicationTransferBilled).toBe(true)
    expect(c.unbilledReplicationTransferUsd).toBe(0)
    expect(c.monthlyUsd).toBeCloseTo(c.brokersUsd + c.transferUsd!, 6)
    const price = transferAssumption(json)!
    expect(price).toMatchObject({label: 'cross-AZ transfer price (USD per GB)', value: GCP_USD_PER_GB, unit: 'factor', origin: 'catalogue'})
    expect(price.source).toMatch(/^gcp-n2-standard-8-pd-balanced: Google Cloud network pricing \(https:\/\/cloud\.google\.com\/vpc\/network-pricing\)/)
    expect(price.source).toContain('0.01 × 10^9 / 2^30')
  })

  it('the text cost line and the assumptions block say the same', async () => {
    const {stdout} = await run(Plan, [...workload, '--hardware', 'gcp-n2-standard-8-pd-balanced', '--no-color'])
    expect(stdout).toMatch(/cost +\$5,161 a month: brokers \$1,702, storage not priced, transfer \$3,460, remote storage \$0/)
    expect(stdout).toMatch(/cross-AZ transfer price \(USD per GB\) +0\.00931/)
    expect(stdout).toContain('gcp-n2-standard-8-pd-balanced: Google Cloud network pricing')
  })

  it('--transfer-price wins over the profile\'s price', async () => {
    const {json} = await runJson<CostJson>(Plan, [...workload, '--hardware', 'gcp-n2-standard-8-pd-balanced', '--transfer-price', '0.05'])
    expect(json.cost?.transferUsd).toBeCloseTo(usdPerMonth(json.crossAzBytesPerSecond, 0.05), 6)
    expect(transferAssumption(json)).toBeUndefined()
  })

  it('Azure: transfer priced at 0 (not billed between zones), with Microsoft\'s statement as the source', async () => {
    const {json} = await runJson<CostJson>(Plan, [...workload, '--hardware', 'azure-d8s-v5-premium-ssd-v2', '--broker-price', '1'])
    expect(json.cost?.transferUsd).toBe(0)
    expect(json.cost?.unpriced).toEqual(['storage'])
    expect(transferAssumption(json)).toMatchObject({value: 0, origin: 'catalogue', source: expect.stringContaining('Azure doesn\'t charge for data transfer between availability zones in the same region')})
  })

  it('Confluent: no transfer price, so cross-AZ transfer is unpriced (not AWS\'s rate), and the output says why', async () => {
    const flags = [...workload, '--replication-factor', '3', '--hardware', 'confluent-dedicated-1cku', '--broker-price', '2']
    const {json} = await runJson<CostJson>(Plan, flags)
    expect(json.cost?.transferUsd).toBeNull()
    expect(json.cost?.unpriced).toEqual(['storage', 'cross-AZ transfer'])
    expect(json.cost?.monthlyUsd).toBeCloseTo(json.cost!.brokersUsd, 9)
    expect(transferAssumption(json)).toMatchObject({value: 'not priced', unit: 'text', origin: 'catalogue', source: expect.stringMatching(/^confluent-dedicated-1cku gives no cross-zone transfer price/)})
    const {stdout} = await run(Plan, [...flags, '--no-color'])
    expect(stdout).toMatch(/transfer +not priced: confluent-dedicated-1cku gives no cross-zone transfer price/)
  })

  it('plain figures (no --hardware) keep AWS\'s $0.02 per GB crossing as the default', async () => {
    const {json} = await runJson<CostJson>(Plan, [...workload, '--broker-price', '1'])
    expect(json.cost?.transferUsd).toBeCloseTo(usdPerMonth(json.crossAzBytesPerSecond, 0.02), 6)
    expect(transferAssumption(json)).toMatchObject({value: 0.02, origin: 'default', source: expect.stringContaining('AWS EC2 data transfer')})
  })

  it('plan --file: the profile prices the cluster\'s transfer, and the file\'s prices.transferUsdPerGb wins', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ks-transfer-file-'))
    try {
      const file = (prices: string) => {
        const f = path.join(dir, 'gcp.yaml')
        fs.writeFileSync(f, `version: 1\ncluster: {azs: 3, hardware: gcp-n2-standard-8-pd-balanced${prices}}\ntopics:\n  - {name: t, throughput: 10 MB/s, retention: 1h, consumerGroups: []}\n`)
        return f
      }
      type FileJson = {crossAzBytesPerSecond: number; cost: {transferUsd: number}; assumptions: Assumption[]}
      const gcp = await runJson<FileJson>(Plan, ['--file', file('')])
      expect(gcp.json.cost.transferUsd).toBeCloseTo(usdPerMonth(gcp.json.crossAzBytesPerSecond, GCP_USD_PER_GB), 6)
      expect(gcp.json.assumptions.find((a) => a.key === 'prices.transferUsdPerGb')).toMatchObject({value: GCP_USD_PER_GB, origin: 'catalogue'})
      const own = await runJson<FileJson>(Plan, ['--file', file(', prices: {transferUsdPerGb: 0.015}')])
      expect(own.json.cost.transferUsd).toBeCloseTo(usdPerMonth(own.json.crossAzBytesPerSecond, 0.015), 6)
    } finally {
      fs.rmSync(dir, {recursive: true, force: true})
    }
  })
})

describe('hardware show: the transfer price with its source', () => {
  it('GCP, EC2, Azure print theirs; Confluent says it has none', async () => {
    const gcp = await run(HardwareShow, ['gcp-n2-standard-16-pd-ssd', '--no-color'])
    expect(gcp.stdout).toMatch(/transfer price +\$0\.009313 per GB crossing zones \(GB = 10\^9 B\)/)
    expect(gcp.stdout).toContain('https://cloud.google.com/vpc/network-pricing')
    const ec2 = await run(HardwareShow, ['ec2-m5.2xlarge-gp3', '--no-color'])
    expect(ec2.stdout).toMatch(/transfer price +\$0\.02 per GB crossing zones/)
    const azure = await run(HardwareShow, ['azure-d16s-v5-premium-ssd-v2', '--no-color'])
    expect(azure.stdout).toMatch(/transfer price +\$0 per GB crossing zones \(not billed\)/)
    expect(azure.stdout).toContain('learn.microsoft.com')
    const cku = await run(HardwareShow, ['confluent-dedicated-1cku', '--no-color'])
    expect(cku.stdout).not.toContain('transfer price ')
    expect(cku.stdout).toContain('No transfer price: a plan with --azs ≥ 2 lists cross-AZ transfer as unpriced')
  })
})
