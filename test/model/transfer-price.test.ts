// Which cross-zone transfer price a plan uses: a stated one, else the hardware profile's, else AWS's rate for
// plain figures only; a named profile without a price leaves transfer unpriced rather than borrow AWS's.
// Numbers for the §8.6 shape (30 MB/s stored, RF 3, 3 groups, 3 zones, leaders read): 140 MB/s crosses, so
// 12,096 GB a day; a month is 365/12 days.
import {describe, expect, it} from 'vitest'
import {AWS_CROSS_AZ_SOURCE, monthlyCost} from '../../src/model/cost.js'
import {crossAzTraffic} from '../../src/model/cross-az.js'
import {type PlanRequest, resolvePlanInput} from '../../src/model/inputs.js'
import {computePlan} from '../../src/model/plan.js'

const GCP_USD_PER_GB = (0.01 * 1e9) / 2 ** 30 // $0.01 per GiB, per 10^9-byte GB: $0.0093132...
const request = (extra: Partial<PlanRequest> = {}): PlanRequest => ({payloadBytesPerSec: 30e6, consumerGroups: 3, azs: 3, brokers: 6, ...extra})
const transferAssumption = (req: PlanRequest) => resolvePlanInput(req).assumptions.find((a) => a.key === 'prices.transferUsdPerGb')

describe('cross-zone transfer price: which one the plan uses', () => {
  it('the GCP rate by hand: 12,096 GB a day × $0.0093132 × 365/12 = $3,426.52 a month (AWS: $7,358.40)', () => {
    const traffic = crossAzTraffic({storedBytesPerSec: 30e6, replicationFactor: 3, consumerGroups: 3, azs: 3, fetchFromFollower: false})
    const cost = (transferUsdPerGb: number) =>
      monthlyCost({brokers: 6, provisionedStorageBytes: 0, crossAzGbPerDay: traffic.gbPerDay, replicationGbPerDay: 5_184, prices: {brokerUsdPerHour: 0.84, transferUsdPerGb}}).transferUsd
    expect(GCP_USD_PER_GB).toBeCloseTo(0.00931323, 8)
    expect(cost(GCP_USD_PER_GB)).toBeCloseTo(12_096 * GCP_USD_PER_GB * (365 / 12), 6)
    expect(cost(GCP_USD_PER_GB)).toBeCloseTo(3_426.52, 2)
    expect(cost(0.02)).toBeCloseTo(7_358.4, 6)
  })

  it('plain figures (no profile named): AWS\'s $0.02 per GB crossing, as a default with its source', () => {
    const {input} = resolvePlanInput(request())
    expect(input.prices.transferUsdPerGb).toBe(0.02)
    expect(transferAssumption(request())).toMatchObject({value: 0.02, origin: 'default', source: AWS_CROSS_AZ_SOURCE})
  })

  it('a profile\'s price (as the hardware service passes it): used, and listed with its source, origin catalogue', () => {
    const req = request({prices: {brokerUsdPerHour: 0.388472, transferUsdPerGb: GCP_USD_PER_GB}, priceSources: {transferUsdPerGb: 'gcp-x: Google Cloud network pricing'}})
    expect(resolvePlanInput(req).input.prices.transferUsdPerGb).toBe(GCP_USD_PER_GB)
    expect(transferAssumption(req)).toEqual({
      key: 'prices.transferUsdPerGb',
      label: 'cross-AZ transfer price (USD per GB)',
      value: GCP_USD_PER_GB,
      unit: 'factor',
      origin: 'catalogue',
      source: 'gcp-x: Google Cloud network pricing',
    })
    const plan = computePlan(resolvePlanInput(req).input)
    expect(plan.cost?.transferUsd).toBeCloseTo(((plan.crossAz!.totalBytesPerSec * 86_400) / 1e9) * GCP_USD_PER_GB * (365 / 12), 6)
  })

  it('a named profile without a price: transfer unpriced, listed as such, never AWS\'s rate', () => {
    const req = request({prices: {brokerUsdPerHour: 1}, unpricedTransfer: 'confluent-x gives no cross-zone transfer price'})
    const {input} = resolvePlanInput(req)
    expect(input.prices.transferUsdPerGb).toBeUndefined()
    expect(transferAssumption(req)).toMatchObject({value: 'not priced', unit: 'text', origin: 'catalogue', source: 'confluent-x gives no cross-zone transfer price'})
    const cost = computePlan(input).cost!
    expect(cost.transferUsd).toBeNull()
    expect(cost.unpriced).toContain('cross-AZ transfer')
    expect(cost.monthlyUsd).toBeCloseTo(6 * 730, 6) // brokers only
  })

  it('a stated price wins over both the profile\'s and the unpriced mark, and is not listed as a default', () => {
    const req = request({prices: {brokerUsdPerHour: 1, transferUsdPerGb: 0.05}, unpricedTransfer: 'ignored: a price was stated'})
    expect(resolvePlanInput(req).input.prices.transferUsdPerGb).toBe(0.05)
    expect(transferAssumption(req)).toBeUndefined()
  })

  it('one zone: nothing crosses, so no transfer price is listed, whatever the profile says', () => {
    expect(transferAssumption(request({azs: 1}))).toBeUndefined()
    expect(transferAssumption(request({azs: 1, unpricedTransfer: 'x'}))).toBeUndefined()
    expect(transferAssumption(request({azs: 1, prices: {transferUsdPerGb: 0.02}, priceSources: {transferUsdPerGb: 'ec2'}}))).toBeUndefined()
  })
})
