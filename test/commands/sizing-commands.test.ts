import {describe, expect, it} from 'vitest'
import Capacity from '../../src/commands/capacity.js'
import Partitions from '../../src/commands/partitions.js'
import Storage from '../../src/commands/storage.js'
import Calc from '../../src/commands/calc.js'
import {run, runJson} from '../helpers/run-command.js'

describe('partitions --json', () => {
  it('golden §8.2: 200 MB/s ÷ 10 MB/s = 20 required, rounded over 3 brokers to 24', async () => {
    const {json, exitCode, stderr} = await runJson(Partitions, ['--throughput', '200 MB/s', '--brokers', '3', '--retention', '1h'])
    expect(exitCode).toBe(0)
    expect(stderr).toBe('')
    expect(json).toMatchObject({partitions: 24, required: 20, brokers: 3, evenConsumerCounts: [1, 2, 3, 4, 6, 8, 12, 24]})
  })
  it('without --brokers, rounds only for consumer-group sizes, whatever broker count default hardware would need', async () => {
    // 800 MB/s at the horizon over 7 d would need hundreds of default brokers for storage; the answer stays 80 (a round count).
    const {json} = await runJson(Partitions, ['--throughput', '200 MB/s', '--growth', '2x/year', '--horizon', '2y', '--disk-size', '100 TB'])
    expect(json).toMatchObject({required: 80, partitions: 80, brokers: null})
  })
  it('sizes for growth: 2x/year over 2 years needs 4x the partitions', async () => {
    const {json} = await runJson<{required: number; horizonPeakBytesPerSec: number}>(Partitions, ['--throughput', '50 MB/s', '--growth', '2x/year', '--horizon', '2 years', '--brokers', '3', '--retention', '1h'])
    expect(json.horizonPeakBytesPerSec).toBe(200e6)
    expect(json.required).toBe(20)
  })
  it('t/c: consumers processing 5k msg/s of 2 KiB need 60k ÷ 5k = 12 partitions', async () => {
    const {json} = await runJson<{reasons: Array<{rule: string; partitions: number}>}>(Partitions, ['--message-rate', '60k msg/s', '--message-size', '2 KiB', '--consumer-rate', '5k msg/s', '--brokers', '3', '--retention', '1h'])
    expect(json.reasons.find((r) => r.rule === 't/c')?.partitions).toBe(12)
  })
})

describe('storage --json', () => {
  it('golden §8.1: 500M msg/day × 500 B × 7 d × RF 3 = 5.25 TB of payload, ≈ 1.75 TB a broker on 3', async () => {
    const {json, exitCode} = await runJson<{totalBytes: number; perBrokerBytes: number; brokers: number; breakdown: {payloadOneCopyBytes: number}}>(Storage, [
      '--message-rate', '500M/day', '--message-size', '500 B', '--retention', '7d', '--replication-factor', '3', '--brokers', '3',
    ])
    expect(exitCode).toBe(0)
    expect(json.breakdown.payloadOneCopyBytes * 3).toBeCloseTo(5.25e12, -6)
    expect(json.brokers).toBe(3)
    // Overheads (batch headers, varints, index, active segments) add a little, never subtract.
    expect(json.totalBytes).toBeGreaterThan(5.25e12)
    expect(json.perBrokerBytes / 1e12).toBeCloseTo(1.78, 1)
  })
  it('tiered storage splits local and remote bytes', async () => {
    const {json} = await runJson<{tiered: {remoteBytes: number; localBytes: number}; retentionLimitedBy: string}>(Storage, ['--throughput', '10 MB/s', '--retention', '30d', '--local-retention', '1d'])
    expect(json.retentionLimitedBy).toBe('local.retention.ms')
    expect(json.tiered.remoteBytes).toBeGreaterThan(json.tiered.localBytes)
  })
})

describe('capacity --json', () => {
  it('golden §8.4: 3 brokers on 250 MiB/s volumes at RF 3 take ≈ 250 MiB/s of stored ingress in total', async () => {
    const {json, exitCode} = await runJson<{maxIngressBytesPerSecond: number; bindingResource: string; bindingScenario: string}>(Capacity, [
      '--brokers', '3', '--replication-factor', '3', '--disk-throughput', '250 MiB/s', '--network', '100 Gbit/s', '--cores', '64', '--disk-size', '100 TB',
      '--target-utilization', '100%', '--retention', '1h', '--consumer-groups', '0',
    ])
    expect(exitCode).toBe(0)
    expect(json.bindingResource).toBe('disk-throughput')
    // Payload is stored with ~1% record-batch overhead (1 KiB values in 64 KiB batches).
    expect(json.maxIngressBytesPerSecond / 2 ** 20).toBeGreaterThan(245)
    expect(json.maxIngressBytesPerSecond / 2 ** 20).toBeLessThan(250)
  })
  it('reports headroom at a target rate', async () => {
    const {json} = await runJson<{maxIngressBytesPerSecond: number; target: {fits: boolean; utilization: number}}>(Capacity, ['--brokers', '6', '--throughput', '50 MB/s', '--retention', '1h'])
    expect(json.target.fits).toBe(true)
    expect(json.target.utilization).toBeCloseTo(50e6 / json.maxIngressBytesPerSecond, 9)
  })
  it('says when the rate does not fit, and why: 50 MB/s × 1 d × RF 3 ≈ 13 TB > 6 × 2 TB × 70%', async () => {
    const {json} = await runJson<{bindingResource: string; target: {fits: boolean}}>(Capacity, ['--brokers', '6', '--throughput', '50 MB/s', '--retention', '1d'])
    expect(json.target.fits).toBe(false)
    expect(json.bindingResource).toBe('storage')
  })
  it('needs --brokers', async () => {
    const {exitCode, stderr} = await run(Capacity, ['--throughput', '50 MB/s'])
    expect(exitCode).toBe(2)
    expect(stderr).toContain('--brokers: missing')
  })
  it('refuses fewer brokers than replicas', async () => {
    const {exitCode, stderr} = await run(Capacity, ['--brokers', '2', '--replication-factor', '3'])
    expect(exitCode).toBe(2)
    expect(stderr).toContain('2 broker(s) cannot host 3 replicas')
  })
})

describe('calc', () => {
  it('the seed example: 500M msg/day × 500 B × 7 days × 3 = 5.25 TB', async () => {
    const {json, exitCode} = await runJson(Calc, ['500M msg/day * 500 B * 7 days * 3 to TB'])
    expect(exitCode).toBe(0)
    expect(json).toMatchObject({result: '5.25 TB', value: 5.25, unit: 'TB'})
  })
  it('prints the result as text', async () => {
    const {stdout} = await run(Calc, ['1 TB/day to MB/s'])
    expect(stdout.trim()).toMatch(/^11\.57\d* MB\/s/)
  })
  it('a syntax error is an input error, exit 2', async () => {
    const {exitCode, stderr} = await run(Calc, ['5 MB/s *'])
    expect(exitCode).toBe(2)
    expect(stderr).toContain('expression')
  })
})
