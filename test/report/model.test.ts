// The report data model carries the plan's numbers: for every preset (and a single-topic plan) the summary,
// topics, loads and failures equal `plan --json` for the same input; the chart series agree with the plan.
import fs from 'node:fs'
import {afterAll, describe, expect, it} from 'vitest'
import Capacity from '../../src/commands/capacity.js'
import Plan from '../../src/commands/plan.js'
import Report from '../../src/commands/report.js'
import type {ReportData} from '../../src/report/types.js'
import {runJson} from '../helpers/run-command.js'
import {PRESETS, presetFile, tempDir, writeCalibration} from './fixtures.js'

interface Load {resource: string; utilization: number; load: number}
interface ClusterJson {
  brokers: number
  bindingResource: string
  bindingScenario: string
  partitions: {total: number; replicas: number}
  storage: {totalBytes: number; perBrokerBytes: number; provisionedBytes: number}
  cost?: {monthlyUsd: number}
  loads: Load[]
  failures: Array<{kind: string; survivors: number; writesBlocked: boolean}>
  topics: Array<{name: string; partitions: number; storageBytes: number; replicationFactor: number}>
  warnings: unknown[]
}

const dir = tempDir('model')
afterAll(() => fs.rmSync(dir, {recursive: true, force: true}))

describe('report data model: numbers equal plan --json', () => {
  it.each(PRESETS)('preset %s', async (preset) => {
    const file = presetFile(preset)
    const plan = await runJson<ClusterJson>(Plan, ['--file', file])
    const report = await runJson<ReportData>(Report, ['--file', file])
    expect(plan.exitCode).toBe(0)
    expect(report.exitCode).toBe(0)
    const p = plan.json
    const r = report.json
    expect(r.schema).toBe('kafka-sizer-report/1')
    expect(r.kind).toBe('cluster')
    expect(r.summary.brokers).toBe(p.brokers)
    expect(r.summary.partitions).toBe(p.partitions.total)
    expect(r.summary.partitionReplicas).toBe(p.partitions.replicas)
    expect(r.summary.storageBytes).toBe(p.storage.totalBytes)
    expect(r.summary.storagePerBrokerBytes).toBe(p.storage.perBrokerBytes)
    expect(r.summary.provisionedStorageBytes).toBe(p.storage.provisionedBytes)
    expect(r.summary.monthlyCostUsd).toBe(p.cost?.monthlyUsd ?? null)
    expect(r.summary.bindingResource).toBe(p.bindingResource)
    expect(r.summary.bindingScenario).toBe(p.bindingScenario)
    expect(r.topics.map((t) => [t.name, t.partitions, t.storageBytes, t.replicationFactor])).toEqual(p.topics.map((t) => [t.name, t.partitions, t.storageBytes, t.replicationFactor]))
    expect(r.brokerLoad.map((l) => [l.resource, l.utilization, l.load])).toEqual(p.loads.map((l) => [l.resource, l.utilization, l.load]))
    expect(r.failures.map((f) => [f.kind, f.survivors, f.writesBlocked])).toEqual(p.failures.map((f) => [f.kind, f.survivors, f.writesBlocked]))
    // One row per consumer group, from the cluster-wide catch-up (every group back at once).
    expect(r.consumerOutages.map((o) => [o.topic, o.catchUpMs])).toEqual(
      p.catchUp.groups.map((g) => [`${g.topic} / ${g.group}`, g.catchUpSeconds === null ? null : g.catchUpSeconds * 1000]),
    )
    expect(r.summary.text.storage.length).toBeGreaterThan(0)
    // Storage series end where the plan's storage is: full window (retention chart) and year 0 (growth chart).
    const retention = r.charts.storageRetention.series[0].points
    const growth = r.charts.storageGrowth.series[0].points
    const unitOf = (u: string) => 1000 ** ['B', 'kB', 'MB', 'GB', 'TB', 'PB'].indexOf(u)
    expect(retention.at(-1)!.y * unitOf(r.charts.storageRetention.y.unit)).toBeCloseTo(p.storage.totalBytes, -Math.floor(Math.log10(p.storage.totalBytes)) + 3)
    expect(growth[0].y * unitOf(r.charts.storageGrowth.y.unit)).toBeCloseTo(p.storage.totalBytes, -Math.floor(Math.log10(p.storage.totalBytes)) + 3)
    // The planned broker count sustains the workload's peak: the curve at the plan is at or above it.
    const curve = r.charts.throughputVsBrokers.series[0].points
    const peak = r.charts.throughputVsBrokers.series[1].points[0].y
    expect(curve.find((c) => c.x === p.brokers)!.y).toBeGreaterThanOrEqual(peak * 0.999)
    expect(r.assumptions.length).toBeGreaterThan(0)
    expect(r.assumptions.every((a) => a.source.length > 0 && ['input', 'default', 'profile', 'calibration', 'catalogue', 'derived'].includes(a.origin))).toBe(true)
    expect(r.constants.find((c) => c.name === 'RECORD_BATCH_OVERHEAD')).toMatchObject({value: 61, source: expect.stringContaining('DefaultRecordBatch')})
    expect(r.config.broker.text).toContain('=')
    expect(r.calibration).toBeNull()
  })

  it('a single-topic plan becomes a one-topic report with the same numbers; its curve is `capacity --brokers B`', async () => {
    const flags = ['--throughput', '120 MB/s', '--retention', '3d', '--consumer-groups', '3', '--azs', '3', '--disk-size', '8 TB', '--broker-price', '0.84', '--storage-price', '0.08', '--growth', '2x/year']
    const plan = await runJson<ClusterJson & {partitions: number; storage: {totalBytes: number}; cost: {monthlyUsd: number}; whatIfs: {runway: Array<{resource: string; years: number | null}>}}>(Plan, flags)
    const report = await runJson<ReportData>(Report, [...flags, '--topic', 'orders'])
    const p = plan.json
    const r = report.json
    expect(r.kind).toBe('topic')
    expect(r.topics).toHaveLength(1)
    expect(r.topics[0]).toMatchObject({name: 'orders', partitions: p.partitions, storageBytes: p.storage.totalBytes})
    expect(r.summary).toMatchObject({brokers: p.brokers, partitions: p.partitions, storageBytes: p.storage.totalBytes, monthlyCostUsd: p.cost.monthlyUsd, bindingResource: p.bindingResource})
    expect(r.runway.map((x) => [x.resource, x.years])).toEqual(p.whatIfs.runway.map((x) => [x.resource, x.years]))
    expect(r.command).toBe(`kafka-sizer plan ${flags.map((f) => (/\s/.test(f) ? `'${f}'` : f)).join(' ')}`)
    const point = r.charts.throughputVsBrokers.series[0].points.find((c) => c.x === 6)!
    const capacity = await runJson<{maxIngressBytesPerSecond: number}>(Capacity, [...flags.filter((f) => !['--broker-price', '--storage-price', '0.84', '0.08'].includes(f)), '--brokers', '6'])
    expect(point.y).toBeCloseTo(capacity.json.maxIngressBytesPerSecond / 1e6, 1)
  })

  it('a calibration profile adds its machine, date, raw points and measured curves', async () => {
    const cal = writeCalibration(dir)
    const {json, exitCode} = await runJson<ReportData>(Report, ['--file', presetFile('twitter'), '--calibration', cal])
    expect(exitCode).toBe(0)
    expect(json.calibration).toMatchObject({date: '2026-11-21', machine: {hostname: 'test-host', cores: 2}})
    expect(json.calibration!.points).toHaveLength(19)
    expect(json.charts.calibration.map((c) => c.id)).toEqual(['calibration-throughput', 'calibration-fsync'])
    expect(json.charts.calibration[0].series).toHaveLength(4)
    expect(json.assumptions.find((a) => a.key === 'hardware.diskThroughputBytesPerSec')).toMatchObject({origin: 'calibration', source: expect.stringContaining('test-host')})
  })
})
