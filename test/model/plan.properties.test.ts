import {fc, test} from '@fast-check/vitest'
import {describe, expect} from 'vitest'
import {type PlanRequest, resolvePlanInput} from '../../src/model/inputs.js'
import {computePlan} from '../../src/model/plan.js'

const plan = (req: PlanRequest) => computePlan(resolvePlanInput(req).input)

const request = fc.record({
  payloadBytesPerSec: fc.double({min: 1e4, max: 2e9, noNaN: true}),
  messageSizeBytes: fc.integer({min: 10, max: 200_000}),
  retentionMs: fc.integer({min: 3_600_000, max: 30 * 86_400_000}),
  replicationFactor: fc.integer({min: 1, max: 5}),
  consumerGroups: fc.integer({min: 0, max: 10}),
  maxConsumers: fc.integer({min: 1, max: 200}),
  azs: fc.constantFrom(1, 2, 3),
  keySizeBytes: fc.option(fc.integer({min: 1, max: 64}), {nil: undefined}),
})

describe('plan model invariants', () => {
  test.prop([request, fc.double({min: 1, max: 10, noNaN: true})], {numRuns: 150})(
    'more throughput never means fewer brokers or less storage',
    (req, factor) => {
      const a = plan(req)
      const b = plan({...req, payloadBytesPerSec: req.payloadBytesPerSec * factor})
      expect(b.brokers).toBeGreaterThanOrEqual(a.brokers)
      expect(b.storage.totalBytes).toBeGreaterThanOrEqual(a.storage.totalBytes * (1 - 1e-9))
    },
  )

  test.prop([request, fc.double({min: 1, max: 10, noNaN: true})], {numRuns: 150})(
    'longer retention never means fewer brokers or less storage',
    (req, factor) => {
      const a = plan(req)
      const b = plan({...req, retentionMs: req.retentionMs * factor})
      expect(b.brokers).toBeGreaterThanOrEqual(a.brokers)
      expect(b.storage.totalBytes).toBeGreaterThanOrEqual(a.storage.totalBytes * (1 - 1e-9))
    },
  )

  test.prop([request], {numRuns: 150})('disk writes are exactly RF × the stored produce rate', (req) => {
    const p = plan(req)
    const diskWrite = p.brokerLoad.find((r) => r.name === 'disk write')!
    expect(diskWrite.load * p.brokers).toBeCloseTo(p.input.replicationFactor * p.traffic.peakStoredBytesPerSec, 0)
  })

  test.prop([request], {numRuns: 150})('the result survives one broker (and one AZ) lost within every limit', (req) => {
    const p = plan(req)
    for (const f of p.failures) expect(f.withinLimits).toBe(true)
    for (const l of p.loads) expect(l.utilization).toBeLessThanOrEqual(l.limit + 1e-9)
  })

  test.prop([request], {numRuns: 150})('brokers are a multiple of the AZ count and at least RF; partitions cover the largest group', (req) => {
    const p = plan(req)
    expect(p.brokers % req.azs).toBe(0)
    expect(p.brokers).toBeGreaterThanOrEqual(req.replicationFactor)
    expect(p.partitions).toBeGreaterThanOrEqual(req.maxConsumers)
  })
})
