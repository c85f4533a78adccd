// Who pays for replication crossing zones: self-managed brokers (EC2, GCP) do, Amazon MSK does not bill it.
// Numbers by hand for the §8.6 shape: 30 MB/s stored, RF 3, 3 consumer groups, 3 zones, leaders read.
import {describe, expect, it} from 'vitest'
import {AWS_CROSS_AZ_USD_PER_GB, HOURS_PER_MONTH, monthlyCost} from '../../src/model/cost.js'
import {crossAzTraffic} from '../../src/model/cross-az.js'
import {resolvePlanInput} from '../../src/model/inputs.js'
import {computePlan} from '../../src/model/plan.js'

// produce 2/3 × 30 = 20 MB/s, replication 2 × 30 = 60 MB/s, consume 3 × 2/3 × 30 = 60 MB/s: 140 MB/s.
// A day: 140e6 × 86,400 / 1e9 = 12,096 GB, of which replication 5,184 GB and clients 6,912 GB.
// A month is 365/12 days, so at $0.02/GB: all 12,096 × 0.02 × 365/12 = $7,358.40;
// clients only 6,912 × 0.02 × 365/12 = $4,204.80; replication 5,184 × 0.02 × 365/12 = $3,153.60.
/** Decimal GB a day at an average rate, bytes/s. */
const gbPerDay = (bytesPerSec: number) => (bytesPerSec * 86_400) / 1e9
const traffic = crossAzTraffic({storedBytesPerSec: 30e6, replicationFactor: 3, consumerGroups: 3, azs: 3, fetchFromFollower: false})
const transfer = {crossAzGbPerDay: traffic.gbPerDay, replicationGbPerDay: gbPerDay(traffic.replicationBytesPerSec)}
const BROKERS_USD = 6 * 0.84 * HOURS_PER_MONTH // $3,679.20

describe('cross-AZ transfer: replication billed or not', () => {
  it('the traffic itself is the same either way: 140 MB/s, 60 of it replication', () => {
    expect(traffic.totalBytesPerSec).toBeCloseTo(140e6, 0)
    expect(traffic.replicationBytesPerSec).toBeCloseTo(60e6, 0)
    expect(transfer.crossAzGbPerDay).toBeCloseTo(12_096, 6)
    expect(transfer.replicationGbPerDay).toBeCloseTo(5_184, 6)
  })

  it('self-managed (no rule, the default): every byte crossing zones is billed, replication included', () => {
    const c = monthlyCost({brokers: 6, provisionedStorageBytes: 0, ...transfer, prices: {brokerUsdPerHour: 0.84, transferUsdPerGb: AWS_CROSS_AZ_USD_PER_GB}})
    expect(c.transferUsd).toBeCloseTo(7_358.4, 6)
    expect(c.replicationTransferBilled).toBe(true)
    expect(c.unbilledReplicationTransferUsd).toBe(0)
    expect(c.monthlyUsd).toBeCloseTo(3_679.2 + 7_358.4, 6)
    // Saying so explicitly changes nothing.
    const explicit = monthlyCost({brokers: 6, provisionedStorageBytes: 0, ...transfer, prices: {brokerUsdPerHour: 0.84, transferUsdPerGb: 0.02, replicationTransferBilled: true}})
    expect(explicit).toEqual(c)
  })

  it('MSK-like (replicationTransferBilled: false): produce and consume are billed, replication is left out and reported', () => {
    const c = monthlyCost({brokers: 6, provisionedStorageBytes: 0, ...transfer, prices: {brokerUsdPerHour: 0.84, transferUsdPerGb: AWS_CROSS_AZ_USD_PER_GB, replicationTransferBilled: false}})
    expect(c.transferUsd).toBeCloseTo(4_204.8, 6)
    expect(c.replicationTransferBilled).toBe(false)
    expect(c.unbilledReplicationTransferUsd).toBeCloseTo(3_153.6, 6)
    expect(c.brokersUsd).toBeCloseTo(BROKERS_USD, 9)
    expect(c.monthlyUsd).toBeCloseTo(3_679.2 + 4_204.8, 6)
  })

  it('without a transfer price, transfer is unpriced and so is the part left out', () => {
    const c = monthlyCost({brokers: 6, provisionedStorageBytes: 0, ...transfer, prices: {brokerUsdPerHour: 0.84, replicationTransferBilled: false}})
    expect(c.transferUsd).toBeNull()
    expect(c.unpriced).toEqual(['cross-AZ transfer'])
    expect(c.unbilledReplicationTransferUsd).toBeNull()
  })

  it('through the plan: the same workload differs only in the replication part of the transfer', () => {
    const plan = (replicationTransferBilled?: boolean) =>
      computePlan(resolvePlanInput({payloadBytesPerSec: 30e6, consumerGroups: 3, azs: 3, brokers: 6, prices: {brokerUsdPerHour: 0.84, ...(replicationTransferBilled === undefined ? {} : {replicationTransferBilled})}}).input)
    const ec2 = plan()
    const msk = plan(false)
    expect(msk.crossAz).toEqual(ec2.crossAz)
    const month = 0.02 * (365 / 12)
    const x = msk.crossAz!
    expect(ec2.cost?.transferUsd).toBeCloseTo(gbPerDay(x.totalBytesPerSec) * month, 6)
    expect(msk.cost?.transferUsd).toBeCloseTo(gbPerDay(x.produceBytesPerSec + x.consumeBytesPerSec) * month, 6)
    expect(msk.cost?.unbilledReplicationTransferUsd).toBeCloseTo(gbPerDay(x.replicationBytesPerSec) * month, 6)
    expect(ec2.cost!.monthlyUsd - msk.cost!.monthlyUsd).toBeCloseTo(msk.cost!.unbilledReplicationTransferUsd!, 6)
  })
})
