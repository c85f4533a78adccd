// The hardware service passes a profile's cross-zone transfer price, with its source, into the request; a
// profile without one marks the transfer as unpriced; a stated price (flag or plan file) always wins.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import type {PlanRequest} from '../../src/model/inputs.js'
import {withHardwareProfile} from '../../src/services/hardware-profile.js'
import {planService} from '../../src/services/plan.js'

const GCP_USD_PER_GB = (0.01 * 1e9) / 2 ** 30
const base: PlanRequest = {payloadBytesPerSec: 30e6, consumerGroups: 3, azs: 3, brokers: 6}
const transfer = async (hardwareProfile: string, request: PlanRequest = base) => {
  const r = await withHardwareProfile(request, {hardwareProfile})
  return {price: r.prices?.transferUsdPerGb, source: r.priceSources?.transferUsdPerGb, unpriced: r.unpricedTransfer}
}

describe('withHardwareProfile: the profile\'s transfer price', () => {
  it('GCP: $0.01 per GiB of egress, per 10^9-byte GB, with Google\'s page and the conversion named', async () => {
    for (const name of ['gcp-n2-standard-8-pd-balanced', 'gcp-n2-standard-16-pd-ssd']) {
      const t = await transfer(name)
      expect(t.price, name).toBeCloseTo(GCP_USD_PER_GB, 15)
      expect(t.source, name).toMatch(new RegExp(`^${name}: Google Cloud network pricing \\(https://cloud\\.google\\.com/vpc/network-pricing\\)`))
      expect(t.source, name).toContain('0.01 × 10^9 / 2^30')
      expect(t.unpriced, name).toBeUndefined()
    }
  })

  it('EC2 and MSK: AWS\'s $0.02 per GB crossing, with the AWS source', async () => {
    for (const name of ['ec2-m5.2xlarge-gp3', 'ec2-i4i.2xlarge', 'msk-kafka.m7g.large', 'msk-express.m7g.large']) {
      const t = await transfer(name)
      expect(t.price, name).toBe(0.02)
      expect(t.source, name).toContain('AWS EC2 data transfer: $0.01/GB in each direction')
    }
  })

  it('Azure: 0 (Microsoft bills nothing between zones of a region), priced rather than unknown', async () => {
    const t = await transfer('azure-d8s-v5-premium-ssd-v2')
    expect(t.price).toBe(0)
    expect(t.source).toContain('Azure doesn\'t charge for data transfer between availability zones in the same region')
    expect(t.unpriced).toBeUndefined()
  })

  it('generic, the default broker (an AWS machine), prices transfer as a plan without --hardware does', async () => {
    const t = await transfer('generic')
    expect(t.price).toBe(0.02)
    expect(t.source).toContain('AWS EC2 data transfer: $0.01/GB in each direction')
    expect(t.unpriced).toBeUndefined()
  })

  it('Confluent: no price, so the transfer is marked unpriced (not AWS\'s rate)', async () => {
    for (const name of ['confluent-dedicated-1cku']) {
      const t = await transfer(name)
      expect(t.price, name).toBeUndefined()
      expect(t.source, name).toBeUndefined()
      expect(t.unpriced, name).toMatch(new RegExp(`^${name} gives no cross-zone transfer price`))
    }
  })

  it('a stated price wins over the profile\'s price and over its lack of one', async () => {
    const stated = {...base, prices: {transferUsdPerGb: 0.05}}
    expect(await transfer('gcp-n2-standard-8-pd-balanced', stated)).toEqual({price: 0.05, source: undefined, unpriced: undefined})
    expect(await transfer('confluent-dedicated-1cku', stated)).toEqual({price: 0.05, source: undefined, unpriced: undefined})
  })

  it('a user catalogue entry may give one (0 included) with its source; without one, its transfer is unpriced', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ks-transfer-price-'))
    try {
      const file = path.join(dir, 'cat.yaml')
      const hardware = 'hardware: {diskThroughputBytesPerSec: "250 MiB/s", diskSizeBytes: "2 TB", disks: 1, networkBitsPerSec: "10 Gbit/s", cores: 8, memoryBytes: "32 GiB"}'
      fs.writeFileSync(
        file,
        `profiles:\n  - name: dc-free\n    ${hardware}\n    transferUsdPerGb: 0\n    sources: {transferUsdPerGb: "our DC, 2025-01-01"}\n  - name: dc-none\n    ${hardware}\n`,
      )
      const free = await withHardwareProfile(base, {hardwareProfile: 'dc-free', cataloguePath: file})
      expect(free.prices?.transferUsdPerGb).toBe(0)
      expect(free.priceSources?.transferUsdPerGb).toBe('dc-free: our DC, 2025-01-01')
      const none = await withHardwareProfile(base, {hardwareProfile: 'dc-none', cataloguePath: file})
      expect(none.unpricedTransfer).toMatch(/^dc-none gives no cross-zone transfer price/)
      fs.writeFileSync(file, `profiles:\n  - name: dc-bad\n    ${hardware}\n    transferUsdPerGb: -1\n`)
      await expect(withHardwareProfile(base, {hardwareProfile: 'dc-bad', cataloguePath: file})).rejects.toThrow(/profiles\[0\]\.transferUsdPerGb: expected a price of 0 or more USD per GB/)
    } finally {
      fs.rmSync(dir, {recursive: true, force: true})
    }
  })
})

describe('planService: the plan\'s transfer cost and where its price came from', () => {
  const w = (p: {traffic: {storedBytesPerSec: number}}) => p.traffic.storedBytesPerSec
  const month = (bytesPerSec: number, usdPerGb: number) => ((bytesPerSec * 86_400) / 1e9) * usdPerGb * (365 / 12)

  it('GCP prices every byte crossing at the GCP rate and names the source (origin catalogue)', async () => {
    const plan = await planService(base, {hardwareProfile: 'gcp-n2-standard-8-pd-balanced'})
    expect(plan.cost?.transferUsd).toBeCloseTo(month((2 / 3 + 2 + 2) * w(plan), GCP_USD_PER_GB), 6)
    expect(plan.assumptions.find((a) => a.key === 'prices.transferUsdPerGb')).toMatchObject({value: GCP_USD_PER_GB, origin: 'catalogue', source: expect.stringMatching(/^gcp-n2-standard-8-pd-balanced: Google Cloud network pricing/)})
  })

  it('Confluent with a broker price: transfer unpriced; plain figures: AWS\'s default; a stated price wins', async () => {
    const ccu = await planService({...base, replicationFactor: 3, prices: {brokerUsdPerHour: 2}}, {hardwareProfile: 'confluent-dedicated-1cku'})
    expect(ccu.cost?.transferUsd).toBeNull()
    expect(ccu.cost?.unpriced).toContain('cross-AZ transfer')
    const plain = await planService({...base, prices: {brokerUsdPerHour: 1}})
    expect(plain.cost?.transferUsd).toBeCloseTo(month((2 / 3 + 2 + 2) * w(plain), 0.02), 6)
    const stated = await planService({...base, prices: {transferUsdPerGb: 0.05}}, {hardwareProfile: 'gcp-n2-standard-8-pd-balanced'})
    expect(stated.cost?.transferUsd).toBeCloseTo(month((2 / 3 + 2 + 2) * w(stated), 0.05), 6)
  })
})
