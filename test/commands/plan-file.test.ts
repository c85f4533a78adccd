import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import Plan from '../../src/commands/plan.js'
import {run, runJson} from '../helpers/run-command.js'

let dir: string
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ks-planfile-'))
})
afterEach(() => fs.rmSync(dir, {recursive: true, force: true}))

const write = (name: string, text: string) => {
  const file = path.join(dir, name)
  fs.writeFileSync(file, text)
  return file
}

const CLUSTER = `version: 1
cluster:
  azs: 3
  failurePolicy: survive-one-az
  prices: {brokerUsdPerHour: 0.84}
topics:
  - name: orders
    throughput: 40 MB/s
    messageSize: 1 KiB
    retention: 1d
    consumerGroups:
      - {name: billing, instances: 12}
      - {name: audit, instances: 2, readPattern: lagging}
  - name: clicks
    messageRate: 200k msg/s
    messageSize: 200 B
    retention: 6h
    replicationFactor: 2
    minInsyncReplicas: 1
    consumerGroups:
      - {name: analytics, instances: 30}
`

interface ClusterJson {
  topics: Array<{name: string; partitions: number; replicationFactor: number}>
  brokers: number
  bindingResource: string
  crossAzBytesPerSecond: number
  cost: {monthlyUsd: number; brokersUsd: number}
  partitions: {total: number; replicas: number}
  failures: Array<{kind: string; writesBlocked: boolean}>
}

describe('plan --file (cluster plans)', () => {
  it('an MSK cluster bills the clients\' cross-AZ bytes, not replication between its brokers, and says why', async () => {
    // No consumers, 3 zones, RF 3: produce 2/3 w and replication 2 w cross zones.
    const file = write('msk.yaml', 'version: 1\ncluster: {azs: 3, hardware: msk-kafka.m7g.large}\ntopics:\n  - {name: t, throughput: 10 MB/s, retention: 1h, consumerGroups: []}\n')
    const {json} = await runJson<{crossAzBytesPerSecond: number; cost: {transferUsd: number; replicationTransferBilled: boolean; unbilledReplicationTransferUsd: number; replicationTransferSource: string}}>(Plan, ['--file', file])
    const month = (bytesPerSec: number) => ((bytesPerSec * 86_400) / 1e9) * 0.02 * (365 / 12)
    expect(json.cost.replicationTransferBilled).toBe(false)
    expect(json.cost.transferUsd).toBeCloseTo(month(json.crossAzBytesPerSecond / 4), 6)
    expect(json.cost.unbilledReplicationTransferUsd).toBeCloseTo(month((json.crossAzBytesPerSecond * 3) / 4), 6)
    expect(json.cost.replicationTransferSource).toMatch(/^msk-kafka\.m7g\.large: Amazon MSK pricing page/)
    const {stdout} = await run(Plan, ['--file', file, '--no-color'])
    expect(stdout).toMatch(/transfer +produce and consume only: replication between brokers crosses zones but is not billed/)
  })

  it('consumer catch-up: every group back at once, each at its own rate or the brokers\' spare', async () => {
    const file = write('lag.yaml', `version: 1
cluster:
  brokers: 3
  hardware: {diskThroughput: 100 MB/s, network: 10 Gbit/s}
topics:
  - name: events
    throughput: 10 MB/s
    messageSize: 1 KiB
    replicationFactor: 3
    retention: 7d
    consumerOutage: 1h
    consumerGroups:
      - {name: slow, instances: 4, rate: 1 MB/s}
      - {name: fast, instances: 2}
`)
    type Json = {catchUp: {limitedBy: string; groups: Array<{group: string; demandBytesPerSec: number | null; readBytesPerSec: number; catchUpSeconds: number | null}>}}
    const {json, exitCode} = await runJson<Json>(Plan, ['--file', file])
    expect(exitCode).toBe(0)
    const [slow, fast] = json.catchUp.groups
    // 4 instances × 1 MB/s of payload, as stored bytes (+ batch overhead): about 4 MB/s, below the 10 MB/s
    // produced, so it never catches up; the other group takes the rest of the disks' spare capacity.
    expect(slow.group).toBe('slow')
    expect(slow.demandBytesPerSec! / 4e6).toBeCloseTo(1, 1)
    expect(slow.catchUpSeconds).toBeNull()
    expect(fast.demandBytesPerSec).toBeNull()
    expect(json.catchUp.limitedBy).toBe('broker disk')
    expect(fast.readBytesPerSec + slow.readBytesPerSec).toBeGreaterThan(300e6 - 3 * 10.2e6 - 1e6)
    expect(fast.catchUpSeconds).toBeGreaterThan(0)
  })

  it('sizes every topic on one cluster: the JSON lists topics with partitions, and the cluster answer', async () => {
    const {json, exitCode, stderr} = await runJson<ClusterJson>(Plan, ['--file', write('c.yaml', CLUSTER)])
    expect(exitCode).toBe(0)
    expect(stderr).toBe('')
    expect(json.topics.map((t) => t.name)).toEqual(['orders', 'clicks'])
    for (const t of json.topics) {
      expect(t.partitions % json.brokers).toBe(0)
      expect(t.partitions).toBeGreaterThanOrEqual(t.name === 'orders' ? 12 : 30)
    }
    expect(json.brokers % 3).toBe(0)
    expect(json.partitions.replicas).toBe(json.topics[0].partitions * 3 + json.topics[1].partitions * 2)
    expect(json.crossAzBytesPerSecond).toBeGreaterThan(0)
    expect(json.cost.brokersUsd).toBeCloseTo(json.brokers * 0.84 * 730, 6)
    // RF 2 over 3 AZs with min.insync 1: one replica always survives an AZ, so writes continue.
    expect(json.failures.find((f) => f.kind === 'az-loss')?.writesBlocked).toBe(false)
  })

  it('the text output names the cluster answer and each topic', async () => {
    const {stdout, exitCode} = await run(Plan, ['--file', write('c.yaml', CLUSTER), '--no-color'])
    expect(exitCode).toBe(0)
    expect(stdout).toContain('kafka-sizer cluster plan')
    expect(stdout).toContain('orders')
    expect(stdout).toContain('clicks')
    expect(stdout).toContain('Per-topic configuration')
  })

  it('a bad file is exit 2 with file:line', async () => {
    const file = write('bad.yaml', CLUSTER.replace('replicationFactor: 2', 'replicationFactr: 2'))
    const {exitCode, stderr} = await run(Plan, ['--file', file])
    expect(exitCode).toBe(2)
    expect(stderr).toMatch(/bad\.yaml:\d+:\d+/)
    expect(stderr).toContain('replicationFactor')
  })

  it('per-topic flags cannot be mixed with a plan file', async () => {
    const {exitCode, stderr} = await run(Plan, ['--file', write('c.yaml', CLUSTER), '--throughput', '5 MB/s'])
    expect(exitCode).toBe(2)
    expect(stderr).toContain('--throughput cannot be combined with a plan file')
  })
})

describe('plan --file --emit', () => {
  it('writes topic artefacts per topic and cluster artefacts once, matching the plan', async () => {
    const out = path.join(dir, 'out')
    const {json, exitCode} = await runJson<ClusterJson & {emitted: Array<{format: string; filename: string; content: string}>}>(Plan, [
      '--file', write('c.yaml', CLUSTER), '--emit', 'strimzi,cruise-control,kafka-configs', '--output', out,
    ])
    expect(exitCode).toBe(0)
    expect(fs.readdirSync(out).sort()).toEqual(['capacity.json', 'kafkatopic-clicks.yaml', 'kafkatopic-orders.yaml', 'topic-clicks.kafka-configs.sh', 'topic-orders.kafka-configs.sh'])
    const {parse} = await import('yaml')
    for (const t of json.topics) {
      const resource = parse(fs.readFileSync(path.join(out, `kafkatopic-${t.name}.yaml`), 'utf8'))
      expect(resource.spec.partitions).toBe(t.partitions)
      expect(resource.spec.replicas).toBe(t.replicationFactor)
    }
    expect(json.emitted.filter((e) => e.format === 'cruise-control')).toHaveLength(1)
  })
  it('refuses --topic: names come from the file', async () => {
    const {exitCode, stderr} = await run(Plan, ['--file', write('c.yaml', CLUSTER), '--emit', 'strimzi', '--topic', 'x'])
    expect(exitCode).toBe(2)
    expect(stderr).toContain('topic names come from the file')
  })
})

describe('plan --file: replaying groups', () => {
  it('a group that replays at 3× adds 3 × the stored rate of disk reads', async () => {
    const base = (pattern: string) => `version: 1
topics:
  - name: events
    throughput: 50 MB/s
    retention: 1d
    consumerGroups:
      - {name: live, instances: 4}
      - {name: backfill, instances: 4, readPattern: ${pattern}}
`
    const tail = await runJson<{loads: Array<{resource: string; load: number}>; brokers: number}>(Plan, ['--file', write('a.yaml', base('tail'))])
    const replay = await runJson<{loads: Array<{resource: string; load: number}>; brokers: number; topics: Array<{peakStoredBytesPerSec: number}>}>(Plan, [
      '--file',
      write('b.yaml', base('{replay: {window: 6h, speed: 3, every: 1d}}')),
    ])
    const disk = (r: {loads: Array<{resource: string; load: number}>; brokers: number}) => r.loads.find((l) => l.resource === 'disk-throughput')!.load * r.brokers
    expect(disk(replay.json) - disk(tail.json)).toBeCloseTo(3 * replay.json.topics[0].peakStoredBytesPerSec, -3)
  })
})
