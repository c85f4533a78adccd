import {describe, expect, it} from 'vitest'
import Capacity from '../../src/commands/capacity.js'
import {run, runJson} from '../helpers/run-command.js'

const kreps = ['--brokers', '3', '--cores', '6', '--disks', '6', '--disk-throughput', '137 MB/s', '--network', '1 Gbit/s', '--client-cores', '6', '--kafka-version', '0.8.1', '--partitions', '6', '--message-size', '100 B', '--linger', '0', '--replication-factor', '3']

describe('capacity: what a benchmark of the setup would measure', () => {
  it('a single 1 GbE consumer of 100-byte v0 messages is bound by its NIC: 125 MB/s × 1448/1538 ÷ 1.26', async () => {
    const {json, exitCode} = await runJson<{saturation: {consume: {binding: string; clientBound: boolean; point: number}; wire: {messageFormat: number; diskPerPayload: number}}}>(Capacity, [...kreps, '--batch-size', '8196', '--consumer-groups', '1', '--max-consumers', '1'])
    expect(exitCode).toBe(0)
    expect(json.saturation.wire).toMatchObject({messageFormat: 0, diskPerPayload: 1.26})
    expect(json.saturation.consume).toMatchObject({binding: 'consumer-network', clientBound: true})
    // 8196-byte message sets: 65 messages, 8 B of partition framing and 32 B of the request per batch.
    const wirePerPayload = (65 * 126 + 8 + 32) / 6500
    const expected = (125e6 * (1448 / 1538)) / wirePerPayload
    expect(Math.abs(json.saturation.consume.point - expected) / expected).toBeLessThan(1e-6)
  })

  it('acks=all binds on the producer connections and says it is client-bound', async () => {
    const {json} = await runJson<{saturation: {produce: {binding: string; clientBound: boolean; low: number; point: number; high: number}}}>(Capacity, [...kreps, '--acks', 'all', '--batch-size', '64000', '--producers', '1', '--consumer-groups', '0'])
    const p = json.saturation.produce
    expect(p).toMatchObject({binding: 'producer-connections', clientBound: true})
    expect(p.low).toBeLessThan(p.point)
    expect(p.point).toBeLessThan(p.high)
  })

  it('prints the block in text mode', async () => {
    const {stdout} = await run(Capacity, [...kreps, '--producers', '1', '--acks', '1', '--consumer-groups', '0', '--no-color'])
    expect(stdout).toContain('What a benchmark of this setup would measure')
    expect(stdout).toMatch(/binding: producer CPU \(client-bound/)
    expect(stdout).toContain('message format v0')
  })

  it('rejects a malformed --kafka-version and an unknown --flush with exit 2', async () => {
    const bad = await run(Capacity, [...kreps.filter((a) => a !== '0.8.1' && a !== '--kafka-version'), '--kafka-version', 'three'])
    expect(bad.exitCode).toBe(2)
    expect(bad.stderr).toContain('--kafka-version: "three" is not a version')
    const flush = await run(Capacity, [...kreps, '--flush', 'always'])
    expect(flush.exitCode).toBe(2)
  })
})
