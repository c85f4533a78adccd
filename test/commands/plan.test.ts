import {describe, expect, it} from 'vitest'
import Plan from '../../src/commands/plan.js'
import {run, runJson} from '../helpers/run-command.js'

const README_EXAMPLE = ['--throughput', '120 MB/s', '--message-size', '1 KiB', '--retention', '7d', '--replication-factor', '3', '--consumer-groups', '3', '--max-consumers', '24']

interface PlanJson {
  partitions: number
  brokers: number
  bindingResource: string
  bindingScenario: string
  storage: {totalBytes: number; perBrokerBytes: number}
  recommendations: Array<{scope: string; key: string; value: string; why: string}>
  warnings: Array<{code: string}>
  assumptions: Array<{key: string; origin: string; source: string}>
  brokerLoad: Array<{name: string; utilization: number; limit: number}>
  failures: Array<{kind: string; withinLimits: boolean}>
  alternatives: Array<{flags: string; brokers: number}>
}

describe('plan --json', () => {
  it('answers the README example with the contract fields, nothing on stderr, exit 0', async () => {
    const {json, stderr, exitCode} = await runJson<PlanJson>(Plan, README_EXAMPLE)
    expect(exitCode).toBe(0)
    expect(stderr).toBe('')
    // 120 MB/s × 7 d × RF 3 ≈ 218 TB of payload + overheads, on 2 TB default disks at 70% fill: storage binds.
    expect(json.bindingResource).toBe('storage')
    expect(json.brokers).toBe(158)
    expect(json.partitions).toBe(158)
    expect(json.storage.totalBytes).toBeGreaterThan(218e12)
    expect(json.storage.totalBytes).toBeLessThan(223e12)
    expect(json.recommendations.length).toBeGreaterThan(20)
    for (const r of json.recommendations) {
      expect(['topic', 'producer', 'consumer', 'broker', 'os']).toContain(r.scope)
      expect(r.why.length).toBeGreaterThan(20)
    }
    expect(json.alternatives.map((a) => a.flags)).toEqual(['--disk-size "16384 GiB"', '--local-retention 1d'])
    expect(json.failures.every((f) => f.withinLimits)).toBe(true)
  })

  it('matches the stored JSON document exactly (any change to the model shows up here)', async () => {
    const {json} = await runJson(Plan, README_EXAMPLE)
    expect(json).toMatchSnapshot()
  })

  it('names every default it used, with a source', async () => {
    const {json} = await runJson<PlanJson>(Plan, ['--throughput', '50 MB/s'])
    const keys = json.assumptions.map((a) => a.key)
    expect(keys).toContain('hardware.diskThroughputBytesPerSec')
    expect(keys).toContain('messageSizeBytes')
    expect(keys).toContain('partitionThroughputBytesPerSec')
    expect(keys).not.toContain('retentionMs'.replace('retentionMs', 'throughput'))
    for (const a of json.assumptions) expect(a.source.length).toBeGreaterThan(10)
  })

  it('a flag given is not listed as an assumption', async () => {
    const {json} = await runJson<PlanJson>(Plan, ['--throughput', '50 MB/s', '--disk-throughput', '500 MiB/s', '--retention', '3d'])
    const keys = json.assumptions.map((a) => a.key)
    expect(keys).not.toContain('hardware.diskThroughputBytesPerSec')
    expect(keys).not.toContain('retentionMs')
  })

  it('more consumer groups move the binding to network out on fast disks', async () => {
    const {json} = await runJson<PlanJson>(Plan, ['--throughput', '100 MB/s', '--retention', '1h', '--consumer-groups', '8', '--disk-throughput', '2 GB/s'])
    expect(json.bindingResource).toBe('network-out')
    const out = json.brokerLoad.find((r) => r.name === 'network out')!
    expect(out.utilization).toBeLessThanOrEqual(out.limit)
  })
})

describe('plan input errors (exit 2, one line naming the flag)', () => {
  it.each([
    [['--throughput', '50 MB'], '--throughput: "50 MB" is a size, not a rate'],
    [['--throughput', '-5 MB/s'], '--throughput'],
    [['--throughput', '50 parsecs/s'], '--throughput'],
    [[], '--throughput: no workload rate given'],
    [['--throughput', '50 MB/s', '--replication-factor', '3', '--min-insync-replicas', '4'], '--min-insync-replicas: 4 is greater than --replication-factor 3'],
    [['--throughput', '100 MB/s', '--message-rate', '1k msg/s', '--message-size', '1 KiB'], '--throughput: 100,000,000 B/s disagrees with --message-rate × --message-size'],
    [['--throughput', '50 MB/s', '--compression-ratio', '3'], '--compression-ratio: given without a codec'],
    [['--throughput', '50 MB/s', '--profile', 'fastest'], 'Expected --profile=fastest to be one of'],
    [['--throughput', '50 MB/s', '--no-such-flag'], 'Nonexistent flag: --no-such-flag'],
  ])('%j → %s', async (argv, message) => {
    const {exitCode, stderr, stdout} = await run(Plan, argv)
    expect(exitCode).toBe(2)
    expect(stderr).toContain(message)
    expect(stdout).toBe('')
  })

  it('--json errors are a JSON document on stdout with exit 2', async () => {
    const {json, exitCode} = await runJson<{error: {message: string; exitCode: number}}>(Plan, ['--throughput', '50 MB'])
    expect(exitCode).toBe(2)
    expect(json.error.exitCode).toBe(2)
    expect(json.error.message).toContain('is a size, not a rate')
  })
})

describe('plan text output', () => {
  it('states the answer, the binding resource and the unit convention', async () => {
    const {stdout, exitCode} = await run(Plan, [...README_EXAMPLE, '--no-color'])
    expect(exitCode).toBe(0)
    expect(stdout).toContain('Partitions  158')
    expect(stdout).toContain('Brokers     158   bound by storage')
    expect(stdout).toContain('MB = 10^6 B, MiB = 2^20 B')
    expect(stdout).toContain('Assumptions')
    expect(stdout).toContain('Recommended configuration')
    expect(stdout).not.toMatch(/\u001b\[/)
  })
})
