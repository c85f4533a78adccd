import {describe, expect, it} from 'vitest'
import {resolvePlanInput, type PlanRequest} from '../../src/model/inputs.js'
import {computePlan} from '../../src/model/plan.js'
import {growthRunway, recoveryTimes} from '../../src/model/what-ifs.js'

const plan = (req: PlanRequest) => computePlan(resolvePlanInput(req).input)

describe('what-ifs', () => {
  it('a replacement broker re-replicates its share of the data at the least of its links and the survivors’ spare', () => {
    // Fast survivors, slow replacement disk: the replacement's 250 MiB/s disk limits the copy.
    const p = plan({payloadBytesPerSec: 10e6, retentionMs: 86_400_000, hardware: {networkBitsPerSec: 25e9, diskThroughputBytesPerSec: 250 * 2 ** 20, diskSizeBytes: 10e12}})
    const [r] = recoveryTimes(p)
    expect(r.kind).toBe('broker-loss')
    expect(r.limitedBy).toBe('replacement disk')
    expect(r.bytesPerReplacement).toBeCloseTo(p.storage.totalBytes / p.brokers, 0)
    expect(r.seconds).toBeCloseTo(r.bytesPerReplacement / (250 * 2 ** 20), 3)
  })
  it('a replication throttle below every link sets the pace', () => {
    const p = plan({payloadBytesPerSec: 10e6, retentionMs: 86_400_000})
    const [r] = recoveryTimes(p, 20e6)
    expect(r.limitedBy).toBe('replication throttle')
    expect(r.seconds).toBeCloseTo(r.bytesPerReplacement / 20e6, 3)
  })
  it('an AZ lost: its brokers are replaced together and share the survivors’ spare bandwidth', () => {
    const p = plan({payloadBytesPerSec: 50e6, retentionMs: 86_400_000, azs: 3, hardware: {networkBitsPerSec: 1e9, diskSizeBytes: 20e12, diskThroughputBytesPerSec: 2e9}})
    const az = recoveryTimes(p).find((r) => r.kind === 'az-loss')!
    expect(az.replacements).toBe(p.brokers / 3)
    expect(az.bytesPerSec).toBeLessThanOrEqual(recoveryTimes(p).find((r) => r.kind === 'broker-loss')!.bytesPerSec)
  })
  it('growth runway: a resource at u of its limit lasts log(limit ÷ u) ÷ log(growth) years', () => {
    const p = plan({payloadBytesPerSec: 50e6, retentionMs: 3_600_000, growthPerYear: 2})
    const net = p.loads.find((l) => l.resource === 'network-out')!
    const years = growthRunway(p).find((r) => r.resource === 'network-out')!.years!
    expect(years).toBeCloseTo(Math.log(net.limit / net.utilization) / Math.log(2), 9)
    expect(growthRunway(plan({payloadBytesPerSec: 50e6})).every((r) => r.years === null || r.years === 0)).toBe(true)
  })
})

import {clusterRunway} from '../../src/model/what-ifs.js'

describe('cluster runway', () => {
  it('one topic: the same years as the single-topic formula', () => {
    const p = plan({payloadBytesPerSec: 50e6, retentionMs: 3_600_000, growthPerYear: 2})
    const demand = {storedBytesPerSec: p.traffic.peakStoredBytesPerSec, replicationFactor: 3, consumerGroups: 1, laggingGroups: 0, storageBytes: p.storage.totalBytes, partitions: p.partitions}
    const years = clusterRunway([{demand, growthPerYear: 2}], p.input.hardware, {targetUtilization: 0.8, maxDiskFill: 0.7}, p.brokers)
    const single = growthRunway(p)
    for (const r of single) {
      const c = years.find((y) => y.resource === r.resource)
      if (r.years === null) expect(c?.years ?? null).toBeNull()
      else expect(c?.years).toBeCloseTo(r.years, 6)
    }
  })
  it('no growth anywhere: no runway', () => {
    const p = plan({payloadBytesPerSec: 50e6})
    const demand = {storedBytesPerSec: 1e6, replicationFactor: 3, consumerGroups: 1, laggingGroups: 0, storageBytes: 1e9, partitions: 3}
    expect(clusterRunway([{demand, growthPerYear: 1}], p.input.hardware, {targetUtilization: 0.8, maxDiskFill: 0.7}, 3)).toEqual([])
  })
})
