import {fc, test} from '@fast-check/vitest'
import {describe, expect, it} from 'vitest'
import {CPU_BYTES_PER_CORE, FSYNC_SECONDS, WIRE_GOODPUT} from '../../src/model/saturation/constants.js'
import {predictSaturation} from '../../src/model/saturation/predict.js'
import type {SaturationInput} from '../../src/model/saturation/types.js'
import {messageFormatOf, wireCost} from '../../src/model/saturation/wire.js'

const base: SaturationInput = {
  brokers: 3,
  disks: 1,
  diskThroughputBytesPerSec: 250 * 2 ** 20,
  networkBitsPerSec: 10e9,
  cores: 8,
  replicationFactor: 3,
  acks: '1',
  flush: 'none',
  partitions: 12,
  shape: {keyBytes: 0, keyed: false, valueBytes: 1024},
  batchSizeBytes: 65_536,
  lingerMs: 5,
  compressionRatio: 1,
  producers: 4,
  consumerGroups: 1,
  consumersPerGroup: 4,
  consumersReadFromDisk: false,
  clientNetworkBitsPerSec: 10e9,
  clientCores: 2,
  cpuBytesPerCore: CPU_BYTES_PER_CORE,
  fsyncSeconds: FSYNC_SECONDS,
}

const produce = (i: Partial<SaturationInput>) => predictSaturation({...base, ...i}).produce!

describe('wire cost', () => {
  it('maps broker versions to message formats', () => {
    expect([messageFormatOf('0.8.1'), messageFormatOf('0.10.2'), messageFormatOf('0.11.0'), messageFormatOf('3.7'), messageFormatOf(undefined)]).toEqual([0, 1, 2, 2, 2])
  })

  it('charges the v0 message overhead of 26 bytes per message (offset, size, crc, magic, attributes, key and value lengths)', () => {
    const w = wireCost({keyBytes: 0, keyed: false, valueBytes: 100}, 8196, 1, 0, 2)
    expect(w.recordsPerBatch).toBe(65) // floor(8196 / 126)
    expect(w.diskPerPayload).toBeCloseTo(1.26, 10)
    expect(w.wirePerPayload).toBeCloseTo((65 * 126 + 8 + 32) / 6500, 10)
  })
})

describe('saturation ceilings', () => {
  it('a single consumer on 1 GbE reads at the NIC: line rate × TCP goodput ÷ wire bytes per payload byte', () => {
    const r = predictSaturation({...base, networkBitsPerSec: 1e9, clientNetworkBitsPerSec: 1e9, cores: 6, partitions: 6, shape: {keyBytes: 0, keyed: false, valueBytes: 100}, batchSizeBytes: 8196, kafkaVersion: '0.8.1', producers: 1, consumersPerGroup: 1})
    const w = r.wire.wirePerPayload
    expect(r.consume!.binding).toBe('consumer-network')
    expect(r.consume!.point).toBeCloseTo((125e6 * WIRE_GOODPUT.point) / w, -2)
    expect(r.consume!.clientBound).toBe(true)
  })

  it('RF 3 on 3 brokers: each broker receives the whole produce stream (leader share + follower fetches)', () => {
    const p = produce({networkBitsPerSec: 1e9, clientNetworkBitsPerSec: 100e9, producers: 8, cores: 64, clientCores: 64, consumerGroups: 0})
    expect(p.binding).toBe('broker-network-in')
    const w = wireCost(base.shape, base.batchSizeBytes, 1, 2, 4).wirePerPayload
    expect(p.point).toBeCloseTo((125e6 * WIRE_GOODPUT.point) / w, -2)
  })

  it('acks=all waits for the followers’ fetch cycle and can bind on the producer connections', () => {
    const one = produce({networkBitsPerSec: 1e9, producers: 1, acks: '1'})
    const all = produce({networkBitsPerSec: 1e9, producers: 1, acks: 'all'})
    expect(all.binding).toBe('producer-connections')
    expect(all.point).toBeLessThan(one.point)
  })

  it('flush every message adds an fsync ceiling; a slow fsync binds', () => {
    const p = produce({flush: 'every-message', fsyncSeconds: {low: 0.05, point: 0.05, high: 0.1, source: 'test'}})
    expect(p.ceilings.map((c) => c.resource)).toContain('broker-fsync')
    expect(['broker-fsync', 'producer-connections']).toContain(p.binding)
  })

  it('tail consumers that cannot keep up do not load the brokers beyond their own ceiling', () => {
    // 20 groups; a quarter-core consumer reads ~40 MB/s, twelve of them ~480 MB/s per group.
    const setup = {consumerGroups: 20, diskThroughputBytesPerSec: 10e9, networkBitsPerSec: 25e9, clientNetworkBitsPerSec: 25e9, cores: 64, producers: 64, clientCores: 0.25}
    const slowConsumers = produce({...setup, consumersPerGroup: 1})
    const fastConsumers = produce({...setup, consumersPerGroup: 12})
    expect(fastConsumers.binding).toBe('broker-network-out')
    expect(slowConsumers.binding).toBe('producer-cpu')
    expect(slowConsumers.point).toBeGreaterThan(1.5 * fastConsumers.point)
  })
})

const inputs = fc.record({
  brokers: fc.integer({min: 1, max: 24}),
  partitions: fc.integer({min: 1, max: 200}),
  replicationFactor: fc.integer({min: 1, max: 3}),
  producers: fc.integer({min: 1, max: 32}),
  consumerGroups: fc.integer({min: 0, max: 8}),
  valueBytes: fc.integer({min: 10, max: 100_000}),
  gbps: fc.constantFrom(1, 10, 25),
})

const toInput = (v: {brokers: number; partitions: number; replicationFactor: number; producers: number; consumerGroups: number; valueBytes: number; gbps: number}): SaturationInput => ({
  ...base,
  ...v,
  replicationFactor: Math.min(v.replicationFactor, v.brokers),
  shape: {keyBytes: 0, keyed: false, valueBytes: v.valueBytes},
  networkBitsPerSec: v.gbps * 1e9,
  clientNetworkBitsPerSec: v.gbps * 1e9,
})

describe('saturation properties', () => {
  test.prop([inputs])('low ≤ point ≤ high, and the binding ceiling is the lowest', (v) => {
    const p = predictSaturation(toInput(v)).produce!
    expect(p.low).toBeLessThanOrEqual(p.point * (1 + 1e-9))
    expect(p.point).toBeLessThanOrEqual(p.high * (1 + 1e-9))
    expect(p.point).toBeCloseTo(Math.min(...p.ceilings.map((c) => c.point)), 0)
  })

  // Within 0.1 %: with more brokers each produce request carries fewer batches, so the per-request framing
  // is shared by fewer bytes (a real, tiny cost; the property found it).
  test.prop([inputs])('more brokers never predict materially less produce throughput', (v) => {
    const i = toInput(v)
    const more = {...i, brokers: i.brokers + 1}
    expect(predictSaturation(more).produce!.point).toBeGreaterThanOrEqual(predictSaturation(i).produce!.point * (1 - 1e-3))
  })

  test.prop([inputs])('acks=all never beats acks=1, fsync never beats the page cache, RF 3 never beats RF 1', (v) => {
    const i = toInput(v)
    const p = (x: Partial<SaturationInput>) => predictSaturation({...i, ...x}).produce!.point * (1 - 1e-6)
    expect(predictSaturation({...i, acks: '1'}).produce!.point).toBeGreaterThanOrEqual(p({acks: 'all'}))
    expect(predictSaturation({...i, flush: 'none'}).produce!.point).toBeGreaterThanOrEqual(p({flush: 'every-message'}))
    if (i.brokers >= 3) expect(predictSaturation({...i, replicationFactor: 1}).produce!.point).toBeGreaterThanOrEqual(p({replicationFactor: 3}))
  })
})
