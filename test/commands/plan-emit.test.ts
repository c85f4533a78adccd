import {mkdtempSync, readdirSync, readFileSync, rmSync, statSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {parse} from 'yaml'
import Plan from '../../src/commands/plan.js'
import {run, runJson} from '../helpers/run-command.js'

const WORKLOAD = ['--throughput', '120 MB/s', '--message-size', '1 KiB', '--retention', '7d', '--replication-factor', '3', '--consumer-groups', '3', '--max-consumers', '24']
const root = mkdtempSync(path.join(tmpdir(), 'kafka-sizer-plan-emit-'))
afterAll(() => rmSync(root, {recursive: true, force: true}))

interface Emitted {
  format: string
  filename: string
  path?: string
  content: string
}

describe('plan --emit', () => {
  it('--output DIR writes exactly one file per artefact and prints their paths on stderr', async () => {
    const dir = path.join(root, 'all', 'nested')
    const {stdout, stderr, exitCode} = await run(Plan, [...WORKLOAD, '--emit', 'all', '--topic', 'orders.placed.v1', '--output', dir])
    expect(exitCode).toBe(0)
    expect(readdirSync(dir).sort()).toEqual([
      'capacity.json',
      'kafka_topic-orders.placed.v1.tf',
      'kafkatopic-orders.placed.v1.yaml',
      'server.properties',
      'topic-orders.placed.v1.kafka-configs.sh',
    ])
    expect(stderr.trimEnd().split('\n')).toEqual([
      `wrote ${path.join(dir, 'topic-orders.placed.v1.kafka-configs.sh')}`,
      `wrote ${path.join(dir, 'kafkatopic-orders.placed.v1.yaml')}`,
      `wrote ${path.join(dir, 'kafka_topic-orders.placed.v1.tf')}`,
      `wrote ${path.join(dir, 'capacity.json')}`,
      `wrote ${path.join(dir, 'server.properties')}`,
    ])
    // The plan itself still goes to stdout.
    expect(stdout).toContain('Recommended configuration')
    expect(statSync(path.join(dir, 'topic-orders.placed.v1.kafka-configs.sh')).mode & 0o111).not.toBe(0)
  })

  it('--json gains emitted [{format, filename, path, content}] matching the files; the other fields are unchanged', async () => {
    const dir = path.join(root, 'json')
    const {json, stderr, exitCode} = await runJson<{partitions: number; emitted: Emitted[]}>(Plan, [...WORKLOAD, '--emit', 'strimzi,cruise-control', '--output', dir])
    expect(exitCode).toBe(0)
    expect(stderr).toBe('')
    expect(json.emitted.map((e) => e.format)).toEqual(['strimzi', 'cruise-control'])
    for (const e of json.emitted) expect(readFileSync(e.path!, 'utf8')).toBe(e.content)
    expect((parse(json.emitted[0]!.content) as {spec: {partitions: number}}).spec.partitions).toBe(json.partitions)

    const {json: plain} = await runJson<Record<string, unknown>>(Plan, WORKLOAD)
    const {emitted, ...rest} = json as unknown as Record<string, unknown>
    expect(emitted).toBeDefined()
    expect(rest).toEqual(plain)
  })

  it('without --output one artefact alone is stdout, ready to pipe (here: YAML)', async () => {
    const {stdout, stderr, exitCode} = await run(Plan, [...WORKLOAD, '--emit', 'strimzi', '--cluster-name', 'prod-kafka'])
    expect(exitCode).toBe(0)
    const topic = parse(stdout) as {kind: string; metadata: {name: string; labels: Record<string, string>}; spec: {partitions: number}}
    expect(topic.kind).toBe('KafkaTopic')
    expect(topic.metadata.name).toBe('my-topic')
    expect(topic.metadata.labels['strimzi.io/cluster']).toBe('prod-kafka')
    expect(topic.spec.partitions).toBe(158)
    expect(stderr).toContain('158 partitions')
  })

  it('without --output several artefacts are separated by header comments', async () => {
    const {stdout, exitCode} = await run(Plan, [...WORKLOAD, '--emit', 'cruise-control,server-properties'])
    expect(exitCode).toBe(0)
    const parts = stdout.split(/^# ==> (.+) <==\n/m)
    expect(parts[0]).toBe('')
    expect(parts[1]).toBe('capacity.json (cruise-control)')
    expect(JSON.parse(parts[2]!)).toHaveProperty('brokerCapacities')
    expect(parts[3]).toBe('server.properties (server-properties)')
  })

  it.each([
    [['--emit', 'strimzi', '--topic', 'orders placed'], '--topic: "orders placed" contains " "'],
    [['--emit', 'strimzi', '--topic', '..'], '--topic: ".." is not allowed'],
    [['--emit', 'strimzi', '--topic', 'x'.repeat(250)], "over Kafka's limit of 249"],
    [['--emit', 'strimzi', '--topic', 'topic/1'], 'contains "/"'],
    [['--emit', 'helm'], '--emit: unknown format "helm". Expected one or more of kafka-configs, strimzi, terraform, cruise-control, server-properties'],
    [['--emit', 'strimzi,yaml,tf'], '--emit: unknown formats "yaml", "tf"'],
    [['--emit', 'strimzi', '--cluster-name', 'Not a label!'], '--cluster-name'],
    [['--topic', 'orders'], '--emit'],
    [['--output', 'somewhere'], '--emit'],
  ])('%j exits 2 naming the problem', async (flags, message) => {
    const {stdout, stderr, exitCode} = await run(Plan, [...WORKLOAD, ...flags])
    expect(exitCode).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toContain(message)
  })

  it('a file in the way of --output exits 2 and writes nothing', async () => {
    const blocker = path.join(root, 'blocker')
    await run(Plan, [...WORKLOAD, '--emit', 'cruise-control', '--output', blocker])
    const {stderr, exitCode} = await run(Plan, [...WORKLOAD, '--emit', 'strimzi', '--output', path.join(blocker, 'capacity.json', 'sub')])
    expect(exitCode).toBe(2)
    expect(stderr).toContain('--output: cannot create the directory')
    expect(readdirSync(blocker)).toEqual(['capacity.json'])
  })
})
