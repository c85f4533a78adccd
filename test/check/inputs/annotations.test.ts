// Suppressions, the deletion marker, workload expectations (annotations, labels, sidecar) and the cluster
// profile (files and flags).
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {readCheckInputs} from '../../../src/check/inputs/index.js'
import {parseSuppressions} from '../../../src/check/inputs/suppress.js'
import {InputError} from '../../../src/lib/errors.js'
import {at, FIXTURES, tempDir, topic, write} from './helpers.js'

const read = (paths: string[], options: Partial<Parameters<typeof readCheckInputs>[1]> = {}) => readCheckInputs(paths, {cwd: FIXTURES, ...options})
const pos = {file: 'f.yaml', line: 3, column: 1}

describe('suppressions', () => {
  it('parses "ID: reason", "ID reason", "ID,ID - reason", several entries, and a missing reason', () => {
    expect(parseSuppressions('KT203: leaders balanced by hand (ticket OPS-12)', pos)).toEqual([{ruleId: 'KT203', reason: 'leaders balanced by hand (ticket OPS-12)', pos}])
    expect(parseSuppressions('kt203 single rack', pos)).toEqual([{ruleId: 'KT203', reason: 'single rack', pos}])
    expect(parseSuppressions('KT203, KT205 - test cluster; KT101', pos).map((s) => `${s.ruleId}:${s.reason}`)).toEqual(['KT203:test cluster', 'KT205:test cluster', 'KT101:undefined'])
  })

  it('reads the annotation, and the allow-delete marker', async () => {
    const t = topic(await read(['strimzi/annotated.yaml']), 'clickstream.raw.v2')
    expect(t.suppressions).toEqual([{ruleId: 'KT203', reason: 'leaders balanced by hand (ticket OPS-12)', pos: {file: 'strimzi/annotated.yaml', line: 16, column: 5}}])
    expect(t.allowDelete).toBe(true)
  })

  it('keeps a suppression without a reason, with reason undefined (the service reports it)', async () => {
    const t = topic(await read(['strimzi/bad-annotations.yaml']), 'audit-events')
    expect(t.suppressions).toEqual([{ruleId: 'KT101', reason: undefined, pos: {file: 'strimzi/bad-annotations.yaml', line: 11, column: 5}}])
  })

  it('reads comments above the document and on the topic line', async () => {
    const t = topic(await read(['strimzi/comment-suppression.yaml']), 'metrics.raw.v1')
    expect(t.suppressions.map((s) => `${s.ruleId}@${at(s.pos)}: ${s.reason}`)).toEqual([
      'KT204@1:1: partitions sized for the 2027 migration (ticket CAP-88)',
      'KT203@5:26: single-rack test cluster',
      'KT205@5:26: single-rack test cluster',
    ])
  })

  it('reads a comment on the line above a kafka-gitops topic, for that topic only', async () => {
    const inputs = await read(['kafka-gitops/state.yaml'])
    expect(topic(inputs, 'shipments.scratch').suppressions.map((s) => `${s.ruleId}@${at(s.pos)}`)).toEqual(['KT101@19:3'])
    expect(topic(inputs, 'shipments.delivered.v1').suppressions).toEqual([])
  })

  it('reads a plan topic’s suppress list (strings and {rule, reason}) and comments', async () => {
    const t = topic(await read(['plan/cluster-plan.yaml']), 'orders.audit.v1')
    expect(t.suppressions.map((s) => `${s.ruleId}@${at(s.pos)}: ${s.reason}`)).toEqual([
      'KT207@31:9: size cap is deliberate, audit archive keeps the rest',
      'KT601@32:9: undefined',
      'KT203@24:3: legacy partition count kept for the ordering contract (ARCH-9)',
    ])
  })
})

describe('workload expectations', () => {
  it('reads every kafka-sizer.io/ annotation into base units', async () => {
    const t = topic(await read(['strimzi/annotated.yaml']), 'clickstream.raw.v2')
    expect(t.workload).toEqual({
      request: {payloadBytesPerSec: 20_000_000, messageSizeBytes: 1024, consumerGroups: 2, maxConsumers: 12, keySkew: 0.05, acks: 'all'},
      consumerGroups: [
        {name: 'sessionizer', instances: 12},
        {name: 'audit', instances: 2},
      ],
      producerAcks: 'all',
      keyed: true,
      requiredRetentionMs: 3 * 86_400_000,
      coPartitionGroups: ['sessionizer'],
      source: 'annotation',
      pos: {file: 'strimzi/annotated.yaml', line: 4, column: 3},
    })
  })

  it('a bad quantity or an unknown field is a problem at its annotation; the topic is still read', async () => {
    const inputs = await read(['strimzi/bad-annotations.yaml'])
    expect(inputs.problems.map((p) => `${p.line}:${p.column} ${p.severity} ${p.message}`)).toEqual([
      '9:5 error kafka-sizer.io/throughput: "50 MB" is a size, not a rate. Expected a byte rate such as "50 MB/s" or a message rate such as "100k msg/s" or "5000/s".',
      '10:5 warning kafka-sizer.io/consumer: unknown workload field; did you mean "kafka-sizer.io/consumers"?',
    ])
    expect(topic(inputs, 'audit-events').replicationFactor?.value).toBe(1)
  })

  it('applies a sidecar file by topic name (any key spelling), and warns about names no input defines', async () => {
    const inputs = await read(['workload'], {workloadFile: 'workload/workload.yaml'})
    // The sidecar is not read as a topic file although it sits in the directory.
    expect(inputs.files).toEqual(['workload/topics.yaml'])
    const created = topic(inputs, 'shipments.created.v1').workload!
    expect(created).toMatchObject({source: 'sidecar workload/workload.yaml', producerAcks: 'all', keyed: true, consumerGroups: [{name: 'tracking', instances: 16}, {name: 'billing', instances: 4}]})
    expect(created.request).toMatchObject({payloadBytesPerSec: 30_000_000, messageSizeBytes: 2048, maxConsumers: 16})
    const delivered = topic(inputs, 'shipments.delivered.v1').workload!
    expect(delivered.request.messagesPerSec).toBe(5000)
    expect(delivered.requiredRetentionMs).toBe(14 * 86_400_000)
    expect(delivered.consumerDowntimeMs).toBe(2 * 86_400_000)
    expect(inputs.problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.severity} ${p.message}`)).toEqual([
      'workload/workload.yaml:13:3 warning partitions: unknown workload field; the fields are ' + 'throughput, message-size, p99-message-size, key-size, key-skew, distinct-keys, peak-factor, producers, consumers, acks, keyed, changelog, required-retention, consumer-downtime, streams-app, max-request-size, max-partition-fetch-bytes',
      'workload/workload.yaml:14:1 warning workload for "shipments.deliverd.v1", which no input file defines; did you mean "shipments.delivered.v1"?',
    ])
  })

  it('a sidecar named by the flag that does not exist is a usage error', async () => {
    await expect(read(['workload'], {workloadFile: 'workload/nope.yaml'})).rejects.toThrow(InputError)
  })

  it('sidecar fields win over annotations, field by field', async () => {
    const dir = tempDir('merge')
    write(dir, {
      'topic.yaml': 'apiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaTopic\nmetadata:\n  name: a\n  annotations:\n    kafka-sizer.io/throughput: 10 MB/s\n    kafka-sizer.io/keyed: "true"\nspec:\n  partitions: 3\n',
      'w.yaml': 'a:\n  throughput: 40 MB/s\n',
    })
    const w = topic(await readCheckInputs(['topic.yaml'], {cwd: dir, workloadFile: 'w.yaml'}), 'a').workload!
    expect(w.request.payloadBytesPerSec).toBe(40_000_000)
    expect(w.keyed).toBe(true)
    expect(w.source).toBe('annotation + sidecar w.yaml')
  })
})

describe('cluster profile', () => {
  it('--cluster-file with a topicctl cluster.yaml; flags win', async () => {
    const inputs = await read(['strimzi/orders-clean.yaml'], {clusterFile: 'topicctl/cluster.yaml', cluster: {brokers: 6, name: 'from-flag', source: '--brokers flag'}})
    expect(inputs.cluster).toEqual({
      name: 'from-flag',
      environment: 'prod',
      brokers: 6,
      brokerDefaults: {},
      source: 'topicctl cluster config topicctl/cluster.yaml + --brokers flag',
      pos: {file: 'topicctl/cluster.yaml', line: 2, column: 3},
    })
  })

  it('--cluster-file with a plan file gives its cluster section (its topics are not checked)', async () => {
    const inputs = await read(['strimzi/orders-clean.yaml'], {clusterFile: 'plan/cluster-plan.yaml'})
    expect(inputs.cluster).toMatchObject({name: 'prod-eu', brokers: 6, racks: 3})
    expect(inputs.topics.map((t) => t.name.value)).toEqual(['orders.placed.v1'])
    expect(inputs.topics[0]!.format).toBe('strimzi')
  })

  it('several cluster definitions among the inputs: none is used, an info says to pick one', async () => {
    const inputs = await read(['plan', 'topicctl'])
    expect(inputs.cluster.name).toBeUndefined()
    expect(inputs.problems.filter((p) => p.message.includes('--cluster-file'))).toHaveLength(1)
  })

  it('a file that is no cluster definition is an error problem; a missing one a usage error', async () => {
    const inputs = await read(['strimzi/orders-clean.yaml'], {clusterFile: 'strimzi/orders-clean.yaml'})
    expect(inputs.problems.map((p) => p.severity)).toEqual(['error'])
    await expect(read(['strimzi'], {clusterFile: path.join('topicctl', 'missing.yaml')})).rejects.toThrow(/no such file: topicctl\/missing.yaml/)
  })

  it('without files or flags the profile is empty and says so', async () => {
    const {cluster} = await read(['strimzi/orders-clean.yaml'])
    expect(cluster).toEqual({brokerDefaults: {}, source: 'none (no cluster file or flags)'})
  })
})
