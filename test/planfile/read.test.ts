import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {listProfiles} from '../../src/catalogue/index.js'
import {UserError} from '../../src/lib/errors.js'
import {readPlanFile} from '../../src/planfile/read.js'
import type {PlanFile} from '../../src/planfile/types.js'

const dir = mkdtempSync(path.join(os.tmpdir(), 'kafka-sizer-planfile-'))
afterAll(() => rmSync(dir, {recursive: true, force: true}))

let n = 0
/** Writes `text` to a new file and returns its path. */
function file(text: string, ext = 'yaml'): string {
  const p = path.join(dir, `plan-${++n}.${ext}`)
  writeFileSync(p, text)
  return p
}

/** The UserError readPlanFile throws for this file. */
async function failure(p: string, options?: Parameters<typeof readPlanFile>[1]): Promise<UserError> {
  try {
    await readPlanFile(p, options)
  } catch (error) {
    expect(error).toBeInstanceOf(UserError)
    expect((error as UserError).exitCode).toBe(2)
    return error as UserError
  }
  throw new Error(`expected ${p} to be rejected`)
}

/** The message of a file with exactly one problem; it starts with "<file>:<line>:<col>: ". */
async function problem(text: string, ext = 'yaml'): Promise<{line: number; col: number; rest: string}> {
  const p = file(text, ext)
  const {message} = await failure(p)
  expect(message.startsWith(`${p}:`), message).toBe(true)
  const match = /^:(\d+):(\d+): (.*)$/s.exec(message.slice(p.length))
  expect(match, message).not.toBeNull()
  return {line: Number(match![1]), col: Number(match![2]), rest: match![3]!}
}

const FULL = `version: 1
cluster:
  name: prod
  hardware: msk-kafka.m5.2xlarge
  brokers: auto
  azs: 3
  kafkaVersion: "3.7"
  metadata: kraft
  targetUtilization: 80%
  maxDiskFill: 70%
  failurePolicy: survive-one-az
  fetchFromFollower: true
  prices: {brokerUsdPerHour: 0.84, storageUsdPerGbMonth: 0.08, transferUsdPerGb: 0.02, remoteStorageUsdPerGbMonth: 0.023}
topics:
  - name: orders
    throughput: 20 MB/s
    messageSize: 1 KiB
    keySize: 16 B
    keySkew: 5%
    peakFactor: 2
    compression: lz4
    compressionRatio: 3
    retention: 7d
    retentionBytes: 50 GiB
    localRetention: 1d
    cleanupPolicy: compact,delete
    distinctKeys: 5M
    replicationFactor: 3
    minInsyncReplicas: 2
    partitions: 24
    profile: durable
    growth: 2x/year
    horizon: 2y
    producers: 4
    batchSize: 64 KiB
    linger: 5ms
    acks: all
    partitionThroughput: 10 MB/s
    segmentBytes: 512 MiB
    maxMessageBytes: 2 MiB
    consumerOutage: 12h
    consumerGroups:
      - name: billing
        instances: 12
        rate: 5k msg/s
        readPattern: tail
      - name: audit
        instances: 2
        rate: 1 MB/s
        readPattern: lagging
      - name: ml
        instances: 3
        readPattern: {replay: {window: 6h, speed: 3, every: 1d}}
  - name: clicks.v1
    messageRate: 500/s
    retention: infinite
    acks: 1
    linger: 0
`

describe('readPlanFile: a valid file', () => {
  it('gives every value in base units: the cluster, each topic as a PlanRequest, and its consumer groups', async () => {
    const p = file(FULL)
    const plan = await readPlanFile(p)
    const expected: PlanFile = {
      path: p,
      version: 1,
      cluster: {
        name: 'prod',
        hardwareProfile: 'msk-kafka.m5.2xlarge',
        azs: 3,
        kafkaVersion: '3.7',
        metadata: 'kraft',
        targetUtilization: 0.8,
        maxDiskFill: 0.7,
        failurePolicy: 'survive-one-az',
        fetchFromFollower: true,
        prices: {brokerUsdPerHour: 0.84, storageUsdPerGbMonth: 0.08, transferUsdPerGb: 0.02, remoteStorageUsdPerGbMonth: 0.023},
      },
      topics: [
        {
          name: 'orders',
          line: 15,
          request: {
            payloadBytesPerSec: 20e6,
            messageSizeBytes: 1024,
            keySizeBytes: 16,
            keySkew: 0.05,
            peakFactor: 2,
            compression: 'lz4',
            compressionRatio: 3,
            retentionMs: 7 * 86_400_000,
            retentionBytesPerPartition: 50 * 1024 ** 3,
            localRetentionMs: 86_400_000,
            cleanupPolicy: 'compact,delete',
            distinctKeys: 5e6,
            replicationFactor: 3,
            minInsyncReplicas: 2,
            partitions: 24,
            profile: 'durable',
            growthPerYear: 2,
            horizonYears: 2,
            producers: 4,
            batchSizeBytes: 65_536,
            lingerMs: 5,
            acks: 'all',
            partitionThroughputBytesPerSec: 10e6,
            segmentBytes: 512 * 1024 ** 2,
            maxMessageBytes: 2 * 1024 ** 2,
            consumerOutageMs: 12 * 3_600_000,
            consumerGroups: 3,
            maxConsumers: 12,
            laggingGroups: 1,
            // The slowest instance: 1 MB/s is below 5k msg/s × 1,040 B = 5.2 MB/s.
            consumerRate: {bytesPerSec: 1e6},
          },
          consumerGroups: [
            {name: 'billing', instances: 12, rate: {messagesPerSec: 5000}, readPattern: {kind: 'tail'}},
            {name: 'audit', instances: 2, rate: {bytesPerSec: 1e6}, readPattern: {kind: 'lagging'}},
            {name: 'ml', instances: 3, readPattern: {kind: 'replay', windowMs: 6 * 3_600_000, speed: 3, everyMs: 86_400_000}},
          ],
        },
        {
          name: 'clicks.v1',
          line: 54,
          request: {messagesPerSec: 500, retentionMs: Number.POSITIVE_INFINITY, acks: '1', lingerMs: 0},
          consumerGroups: [],
        },
      ],
    }
    expect(plan).toEqual(expected)
  })

  it('fills the defaults: kraft, survive-one-broker, brokers sized (no cluster section at all)', async () => {
    const plan = await readPlanFile(file('version: 1\ntopics:\n  - {name: t, throughput: 1 MB/s}\n'))
    expect(plan.cluster).toEqual({metadata: 'kraft', failurePolicy: 'survive-one-broker'})
    expect(plan.topics[0]!.request).toEqual({payloadBytesPerSec: 1e6})
  })

  it('takes an empty "cluster:" (every field commented out) as no cluster section', async () => {
    const plan = await readPlanFile(file('version: 1\ncluster:\n  # azs: 3\ntopics:\n  - {name: t, throughput: 1 MB/s}\n'))
    expect(plan.cluster).toEqual({metadata: 'kraft', failurePolicy: 'survive-one-broker'})
  })

  it('takes hardware figures as a mapping, on top of a catalogue profile, and a fixed broker count', async () => {
    const plan = await readPlanFile(
      file(`version: 1
cluster:
  brokers: 6
  hardware: {profile: msk-kafka.m5.4xlarge, diskThroughput: 500 MiB/s, diskSize: 4 TB, disks: 2, network: 10 Gbit/s, cores: 16, memory: 64 GiB, maxPartitionsPerBroker: 4000}
topics:
  - {name: t, throughput: 1 MB/s}
`),
    )
    expect(plan.cluster).toEqual({
      hardwareProfile: 'msk-kafka.m5.4xlarge',
      hardware: {diskThroughputBytesPerSec: 500 * 1024 ** 2, diskSizeBytes: 4e12, disks: 2, networkBitsPerSec: 10e9, cores: 16, memoryBytes: 64 * 1024 ** 3, maxPartitionReplicas: 4000},
      brokers: 6,
      metadata: 'kraft',
      failurePolicy: 'survive-one-broker',
    })
  })

  it('reads JSON the same way (YAML 1.2 is a superset), tabs and all', async () => {
    const json = JSON.stringify({$schema: './kafka-sizer-plan.schema.json', version: 1, cluster: {azs: 2}, topics: [{name: 'orders', throughput: '20 MB/s', consumerGroups: [{name: 'g', instances: 4}]}]}, null, '\t')
    const plan = await readPlanFile(file(json, 'json'))
    expect(plan.cluster.azs).toBe(2)
    expect(plan.topics[0]!.request).toEqual({payloadBytesPerSec: 20e6, consumerGroups: 1, maxConsumers: 4, laggingGroups: 0})
  })

  it('accepts a hardware name from a user catalogue when given its profiles', async () => {
    const ours = {...listProfiles()[0]!, name: 'onprem-r740'}
    const p = file('version: 1\ncluster:\n  hardware: onprem-r740\ntopics:\n  - {name: t, throughput: 1 MB/s}\n')
    await expect(readPlanFile(p, {profiles: [...listProfiles(), ours]})).resolves.toMatchObject({cluster: {hardwareProfile: 'onprem-r740'}})
    expect((await failure(p)).message).toMatch(/cluster\.hardware: no hardware profile named "onprem-r740"/)
  })
})

describe('readPlanFile: each problem names file:line:col and the path', () => {
  it('an unknown key, with the closest known one', async () => {
    const r = await problem('version: 1\ntopics:\n  - name: orders\n    throughput: 20 MB/s\n    replicationFactr: 3\n')
    expect(r).toEqual({line: 5, col: 5, rest: 'topics[0].replicationFactr: unknown key; did you mean "replicationFactor"?'})
  })

  it('Kafka config spellings suggest the file key', async () => {
    const r = await problem('version: 1\ntopics:\n  - name: orders\n    throughput: 20 MB/s\n    min.insync.replicas: 2\n')
    expect(r.rest).toBe('topics[0].min.insync.replicas: unknown key; did you mean "minInsyncReplicas"?')
  })

  it('a wrong type: partitions: many', async () => {
    const r = await problem('version: 1\ntopics:\n  - name: orders\n    throughput: 20 MB/s\n    partitions: many\n')
    expect(r.line).toBe(5)
    expect(r.col).toBe(17)
    expect(r.rest).toMatch(/^topics\[0\]\.partitions: "many" is not a number\. Expected a whole number/)
  })

  it('a mapping where a quantity is expected', async () => {
    const r = await problem('version: 1\ntopics:\n  - name: orders\n    throughput: {rate: 20}\n')
    expect(r.line).toBe(4)
    expect(r.rest).toMatch(/^topics\[0\]\.throughput: expected a rate: .* not a mapping$/)
  })

  it('a negative rate', async () => {
    const r = await problem('version: 1\ntopics:\n  - name: orders\n    throughput: -5 MB/s\n')
    expect(r.line).toBe(4)
    expect(r.rest).toMatch(/^topics\[0\]\.throughput: "-5 MB\/s" must be greater than zero\./)
  })

  it('a size where a rate is expected', async () => {
    const r = await problem('version: 1\ntopics:\n  - name: a\n    throughput: 1 MB/s\n  - name: b\n    throughput: 50 MB\n')
    expect(r).toMatchObject({line: 6, col: 17})
    expect(r.rest).toMatch(/^topics\[1\]\.throughput: "50 MB" is a size, not a rate\. Expected/)
  })

  it('an unknown unit', async () => {
    const r = await problem('version: 1\ntopics:\n  - name: a\n    messageRate: 200 TPS\n')
    expect(r.line).toBe(4)
    expect(r.rest).toMatch(/unknown unit "TPS"/)
  })

  it('an enum value, listing the valid ones', async () => {
    const r = await problem('version: 1\ntopics:\n  - name: a\n    throughput: 1 MB/s\n    compression: lz5\n')
    expect(r.line).toBe(5)
    expect(r.rest).toBe('topics[0].compression: "lz5" is not one of "none", "gzip", "snappy", "lz4", "zstd"; did you mean "lz4"?')
  })

  it('a replication factor above the fixed broker count', async () => {
    const r = await problem('version: 1\ncluster:\n  brokers: 2\ntopics:\n  - name: a\n    throughput: 1 MB/s\n    replicationFactor: 3\n')
    expect(r.line).toBe(7)
    expect(r.rest).toBe('topics[0].replicationFactor: 3 replicas need 3 brokers, but cluster.brokers is 2 (line 3); lower the replication factor or add brokers')
  })

  it('the default replication factor above the fixed broker count', async () => {
    const r = await problem('version: 1\ncluster:\n  brokers: 2\ntopics:\n  - name: a\n    throughput: 1 MB/s\n')
    expect(r.line).toBe(3)
    expect(r.rest).toMatch(/^cluster\.brokers: 2 broker\(s\) cannot host the 3 replicas of topic "a"/)
  })

  it('a broker count that is neither "auto" nor a number', async () => {
    expect((await problem('version: 1\ncluster:\n  brokers: autoo\ntopics:\n  - {name: a, throughput: 1 MB/s}\n')).rest).toBe(
      'cluster.brokers: "autoo" is neither "auto" nor a broker count; did you mean "auto"?',
    )
    expect((await problem('version: 1\ncluster:\n  brokers: 0\ntopics:\n  - {name: a, throughput: 1 MB/s}\n')).rest).toMatch(
      /^cluster\.brokers: "0" must be greater than zero\. Expected a whole number .*, or "auto" to size it\.$/,
    )
  })

  it('duplicate topic names, naming both lines', async () => {
    const r = await problem('version: 1\ntopics:\n  - name: orders\n    throughput: 1 MB/s\n  - name: orders\n    throughput: 2 MB/s\n')
    expect(r).toEqual({line: 5, col: 11, rest: 'topics[1].name: "orders" is already the name of topics[0] (line 3); topic names must be unique'})
  })

  it('min.insync.replicas above the replication factor', async () => {
    const r = await problem('version: 1\ntopics:\n  - name: a\n    throughput: 1 MB/s\n    replicationFactor: 2\n    minInsyncReplicas: 3\n')
    expect(r.line).toBe(6)
    expect(r.rest).toMatch(/^topics\[0\]\.minInsyncReplicas: 3 is greater than replicationFactor 2: acks=all writes would always fail/)
  })

  it('survive-one-az with one zone', async () => {
    const r = await problem('version: 1\ncluster:\n  failurePolicy: survive-one-az\ntopics:\n  - {name: a, throughput: 1 MB/s}\n')
    expect(r.line).toBe(3)
    expect(r.rest).toMatch(/^cluster\.failurePolicy: survive-one-az needs at least 2 availability zones, but azs is 1/)
  })

  it('throughput that disagrees with messageRate × messageSize by more than 5%', async () => {
    const r = await problem('version: 1\ntopics:\n  - name: a\n    throughput: 20 MB/s\n    messageRate: 10k msg/s\n    messageSize: 1 KiB\n')
    expect(r.line).toBe(4)
    expect(r.rest).toBe('topics[0].throughput: 20,000,000 B/s disagrees with messageRate × (messageSize + keySize) = 10,240,000 B/s; give throughput, or messageRate with messageSize, or all three within 5% of each other')
    // Within 5%: accepted.
    await expect(readPlanFile(file('version: 1\ntopics:\n  - {name: a, throughput: 10 MB/s, messageRate: 10k msg/s, messageSize: 1 KiB}\n'))).resolves.toBeDefined()
  })

  it('a topic without a rate', async () => {
    const r = await problem('version: 1\ntopics:\n  - name: a\n    retention: 7d\n')
    expect(r).toMatchObject({line: 3, col: 5})
    expect(r.rest).toMatch(/^topics\[0\]: topic "a" has no workload rate/)
  })

  it('a missing topic name', async () => {
    const r = await problem('version: 1\ntopics:\n  - throughput: 1 MB/s\n')
    expect(r).toEqual({line: 3, col: 5, rest: 'topics[0].name: missing (required)'})
  })

  it('an invalid Kafka topic name', async () => {
    const r = await problem('version: 1\ntopics:\n  - {name: "orders/v1", throughput: 1 MB/s}\n')
    expect(r.rest).toMatch(/^topics\[0\]\.name: "orders\/v1" is not a valid Kafka topic name/)
  })

  it('an unknown hardware profile, with the closest names', async () => {
    const r = await problem('version: 1\ncluster:\n  hardware: msk-kafka.m5.2xlarg\ntopics:\n  - {name: a, throughput: 1 MB/s}\n')
    expect(r).toMatchObject({line: 3, col: 13})
    expect(r.rest).toMatch(/^cluster\.hardware: no hardware profile named "msk-kafka\.m5\.2xlarg"; did you mean "msk-kafka\.m5\.2xlarge"/)
  })

  it('a read pattern that is not one, with the closest', async () => {
    const r = await problem('version: 1\ntopics:\n  - name: a\n    throughput: 1 MB/s\n    consumerGroups:\n      - {name: g, instances: 2, readPattern: lag}\n')
    expect(r.line).toBe(6)
    expect(r.rest).toMatch(/readPattern: "lag" is not a read pattern; expected "tail", "lagging" or \{replay: .*did you mean "lagging"\?$/)
  })

  it('a problem inside a replay (the union picks the mapping form)', async () => {
    const r = await problem('version: 1\ntopics:\n  - name: a\n    throughput: 1 MB/s\n    consumerGroups:\n      - name: g\n        instances: 2\n        readPattern:\n          replay: {window: 6h, speed: 3, evry: 1d}\n')
    expect(r.line).toBe(9)
    expect(r.rest).toMatch(/^topics\[0\]\.consumerGroups\[0\]\.readPattern\.replay\.evry: unknown key; did you mean "every"\?$/)
  })

  it('a replay window longer than the retention', async () => {
    const r = await problem('version: 1\ntopics:\n  - name: a\n    throughput: 1 MB/s\n    retention: 1d\n    consumerGroups:\n      - {name: g, instances: 2, readPattern: {replay: {window: 2d, speed: 3, every: 1d}}}\n')
    expect(r.line).toBe(7)
    expect(r.rest).toMatch(/readPattern\.replay\.window: 2 d is longer than the topic's retention \(1 d\)/)
  })

  it('an unquoted Kafka version', async () => {
    const r = await problem('version: 1\ncluster:\n  kafkaVersion: 3.10\ntopics:\n  - {name: a, throughput: 1 MB/s}\n')
    expect(r.rest).toBe('cluster.kafkaVersion: expected a quoted version such as "3.7", not 3.1 (quote it)')
  })

  it('distinctKeys on a topic that is not compacted', async () => {
    const r = await problem('version: 1\ntopics:\n  - name: a\n    throughput: 1 MB/s\n    distinctKeys: 5M\n')
    expect(r.line).toBe(5)
    expect(r.rest).toMatch(/only applies to compacted topics/)
  })

  it('version missing, or not 1', async () => {
    expect(await problem('topics:\n  - {name: a, throughput: 1 MB/s}\n')).toEqual({line: 1, col: 1, rest: 'version: missing; add "version: 1" at the top of the file'})
    expect(await problem('version: 2\ntopics:\n  - {name: a, throughput: 1 MB/s}\n')).toEqual({
      line: 1,
      col: 10,
      rest: 'version: 2 is not supported: this kafka-sizer reads plan files of version 1',
    })
  })

  it('a YAML syntax error, with its line', async () => {
    const r = await problem('version: 1\ntopics:\n  - name: a\n    throughput: [1 MB/s\n  - name: b\n')
    expect(r.line).toBeGreaterThanOrEqual(4)
    expect(r.line).toBeLessThanOrEqual(5)
    expect(r.rest).toMatch(/^not valid YAML or JSON: /)
  })

  it('a duplicate key, with its line', async () => {
    const r = await problem('version: 1\ntopics:\n  - name: a\n    throughput: 1 MB/s\n    throughput: 2 MB/s\n')
    expect(r.line).toBe(5)
    expect(r.rest).toMatch(/^not valid YAML or JSON: the same key appears twice/)
  })

  it('a JSON file with a problem: line and column as for YAML', async () => {
    const json = '{\n  "version": 1,\n  "topics": [\n    {"name": "a", "throughput": "50 MB"}\n  ]\n}\n'
    const r = await problem(json, 'json')
    expect(r).toMatchObject({line: 4, col: 33})
    expect(r.rest).toMatch(/^topics\[0\]\.throughput: "50 MB" is a size, not a rate/)
  })

  it('a JSON syntax error', async () => {
    const r = await problem('{\n  "version": 1,\n  "topics": [\n    {"name": "a" "throughput": "1 MB/s"}\n  ]\n}\n', 'json')
    expect(r.line).toBe(4)
    expect(r.rest).toMatch(/^not valid YAML or JSON/)
  })
})

describe('readPlanFile: several problems together', () => {
  it('lists each on its own line, sorted by line, and counts those beyond ten', async () => {
    const topics = Array.from({length: 12}, (_, i) => `  - name: t${i}\n    throughput: ${i + 1} MB\n`).join('')
    const p = file(`version: 1\ntopics:\n${topics}`)
    const {message} = await failure(p)
    const lines = message.split('\n')
    expect(lines[0]).toBe(`${p}: 12 problems:`)
    expect(lines.slice(1, 11).map((l) => /:(\d+):\d+:/.exec(l)![1])).toEqual(['4', '6', '8', '10', '12', '14', '16', '18', '20', '22'])
    expect(lines[11]).toBe('  … and 2 more')
  })

  it('reports value problems and cross-field problems of the valid fields together', async () => {
    const p = file('version: 1\ncluster:\n  brokers: 2\n  metdata: kraft\ntopics:\n  - name: a\n    throughput: 50 MB\n    replicationFactor: 3\n')
    const {message} = await failure(p)
    expect(message.split('\n').slice(1)).toEqual([
      `  ${p}:4:3: cluster.metdata: unknown key; did you mean "metadata"?`,
      expect.stringMatching(/:7:17: topics\[0\]\.throughput: "50 MB" is a size/),
      `  ${p}:8:24: topics[0].replicationFactor: 3 replicas need 3 brokers, but cluster.brokers is 2 (line 3); lower the replication factor or add brokers`,
    ])
  })
})

describe('readPlanFile: files that cannot be read', () => {
  it('a missing file', async () => {
    const {message, suggestions} = await failure(path.join(dir, 'nope.yaml'))
    expect(message).toBe(`${path.join(dir, 'nope.yaml')}: no such file`)
    expect(suggestions.join()).toMatch(/kafka-sizer init/)
  })

  it('a directory', async () => {
    const sub = path.join(dir, 'a-dir')
    mkdirSync(sub)
    expect((await failure(sub)).message).toBe(`${sub}: is a directory, not a plan file`)
  })

  it('an empty file, or one with only comments', async () => {
    expect((await failure(file(''))).message).toMatch(/: the file is empty/)
    expect((await failure(file('# nothing yet\n'))).message).toMatch(/: the file has no content/)
  })

  it('a file that is a list, not a mapping', async () => {
    expect((await failure(file('- a\n- b\n'))).message).toMatch(/:1:1: expected a mapping with "version: 1", "cluster:" and "topics:", not a list$/)
  })

  it('names the file relative to the working directory when inside it', async () => {
    const cwd = process.cwd()
    process.chdir(dir)
    try {
      const p = file('version: 1\ntopics: []\n')
      const {message} = await failure(path.basename(p))
      expect(message).toBe(`${path.basename(p)}:2:9: topics: is empty; list at least one topic`)
    } finally {
      process.chdir(cwd)
    }
  })
})
