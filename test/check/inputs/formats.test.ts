// Each input format, read from the fixture corpus: names, values with their raw types, and the exact
// line:column of each key.
import {describe, expect, it} from 'vitest'
import {readCheckInputs} from '../../../src/check/inputs/index.js'
import {at, FIXTURES, settings, tempDir, topic, write} from './helpers.js'

const read = (...paths: string[]) => readCheckInputs(paths, {cwd: FIXTURES})

describe('Strimzi KafkaTopic', () => {
  it('reads the topic among other Kubernetes kinds, which are skipped silently', async () => {
    const inputs = await read('strimzi/orders-clean.yaml')
    expect(inputs.problems).toEqual([])
    expect(inputs.files).toEqual(['strimzi/orders-clean.yaml'])
    expect(inputs.topics.map((t) => t.name.value)).toEqual(['orders.placed.v1'])
    const t = inputs.topics[0]!
    // spec.topicName overrides metadata.name; the topic's position is its resource name.
    expect(t.format).toBe('strimzi')
    expect(at(t.name.pos)).toBe('13:3')
    expect(t.pos).toEqual({file: 'strimzi/orders-clean.yaml', line: 5, column: 3})
    expect(t.resource).toBe('KafkaTopic orders-placed-v1')
    expect(t.partitions).toEqual({value: 12, pos: {file: 'strimzi/orders-clean.yaml', line: 14, column: 3}})
    expect(t.replicationFactor?.value).toBe(3)
    expect(settings(t)).toEqual(['min.insync.replicas=2@17:5', 'retention.ms=604800000@18:5', 'cleanup.policy=delete@19:5', 'compression.type=zstd@20:5'])
    expect(t.cluster).toEqual({value: 'prod-kafka', pos: {file: 'strimzi/orders-clean.yaml', line: 8, column: 5}})
    expect(t.labels).toEqual({'strimzi.io/cluster': 'prod-kafka', owner: 'team-orders'})
    expect(t.annotations).toEqual({description: 'Orders accepted by the checkout service'})
    expect(t.suppressions).toEqual([])
    expect(t.workload).toBeUndefined()
  })

  it('keeps config values in their written type (numbers stay numbers, quoted numbers stay strings)', async () => {
    const t = topic(await read('strimzi/annotated.yaml'), 'clickstream.raw.v2')
    const byKey = Object.fromEntries(t.settings.map((s) => [s.key, s.value]))
    expect(byKey).toEqual({'min.insync.replicas': 2, 'retention.ms': '259200000', 'segment.bytes': 536870912})
  })

  it('reads kafka.strimzi.io/v1, min.insync.replicas above RF as written', async () => {
    const t = topic(await read('strimzi/min-isr-above-rf.yaml'), 'payments.captured.v1')
    expect(settings(t)[0]).toBe('min.insync.replicas=4@13:5')
    expect(t.replicationFactor?.value).toBe(3)
  })

  it('keeps a misspelt config key as written (KT001 reports it)', async () => {
    const t = topic(await read('strimzi/typo-config-key.yaml'), 'shipments.dispatched.v1')
    expect(t.settings.map((s) => s.key)).toContain('retention.msec')
  })

  it('reads the KafkaTopics of a `kind: List` (kubectl get -o yaml)', async () => {
    const inputs = await read('strimzi/kubectl-list.yaml')
    expect(inputs.problems).toEqual([])
    expect(inputs.topics.map((t) => `${t.name.value}@${at(t.pos)}`)).toEqual(['inventory.levels.v1@7:7', 'inventory.reservations.v1@19:7'])
  })
})

describe('topicctl', () => {
  it('maps retentionMinutes to retention.ms (× 60,000) and reads meta, placement and labels', async () => {
    const inputs = await read('topicctl/topics/payments-authorized.yaml')
    expect(inputs.problems).toEqual([])
    const t = topic(inputs, 'payments.authorized.v1')
    expect(t.format).toBe('topicctl')
    expect(at(t.pos)).toBe('2:3')
    expect(t.settings[0]).toEqual({key: 'retention.ms', writtenAs: 'retentionMinutes', value: 4320 * 60_000, pos: {file: 'topicctl/topics/payments-authorized.yaml', line: 12, column: 3}})
    expect(t.cluster?.value).toBe('prod-eu')
    expect(t.environment?.value).toBe('prod')
    expect(t.description?.value).toBe('Card payments that passed authorization')
    expect(t.placement).toEqual({value: 'cross-rack', pos: {file: 'topicctl/topics/payments-authorized.yaml', line: 14, column: 5}})
    expect(t.labels).toEqual({owner: 'team-payments'})
  })

  it('retentionMinutes next to settings.retention.ms gives two retention.ms settings (KT007)', async () => {
    const t = topic(await read('topicctl/topics/retention-conflict.yaml'), 'payments.refunded.v1')
    expect(t.settings.filter((s) => s.key === 'retention.ms').map((s) => `${s.writtenAs}=${String(s.value)}@${at(s.pos)}`)).toEqual([
      'retentionMinutes=86400000@12:3',
      'retention.ms=604800000@17:5',
    ])
  })

  it('reads several topics from one multi-document file; list values are joined as Kafka writes them', async () => {
    const inputs = await read('topicctl/topics/balanced-leaders-uneven.yaml')
    expect(inputs.topics.map((t) => t.name.value)).toEqual(['payments.settled.v1', 'payments.fees.v1'])
    expect(settings(topic(inputs, 'payments.settled.v1'))).toContain('cleanup.policy=compact,delete@18:5')
    expect(topic(inputs, 'payments.settled.v1').workload?.request.payloadBytesPerSec).toBe(5_000_000)
  })

  it('takes the name and environment of the one cluster.yaml among the inputs as the cluster profile', async () => {
    const inputs = await read('topicctl')
    expect(inputs.cluster).toMatchObject({name: 'prod-eu', environment: 'prod', source: 'topicctl cluster config topicctl/cluster.yaml'})
    expect(topic(inputs, 'payments.disputed.v1').cluster?.value).toBe('staging-eu')
  })
})

describe('kafka-gitops', () => {
  it('reads the topics map; a topic without replication takes the default, at the default’s position', async () => {
    const inputs = await read('kafka-gitops/state.yaml')
    expect(inputs.problems).toEqual([])
    expect(inputs.topics.map((t) => t.name.value)).toEqual(['shipments.created.v1', 'shipments.delivered.v1', 'shipments.scratch', 'shipments.tracking.v1'])
    const created = topic(inputs, 'shipments.created.v1')
    expect(created.replicationFactor).toEqual({value: 3, pos: {file: 'kafka-gitops/state.yaml', line: 4, column: 7}})
    expect(settings(created)).toEqual(['min.insync.replicas=2@11:7', 'retention.ms=259200000@12:7'])
    expect(typeof created.settings[0]!.value).toBe('string')
    expect(topic(inputs, 'shipments.delivered.v1').replicationFactor?.pos.line).toBe(15)
  })

  it('a file with only services is a kafka-gitops file with no topics, not an unknown file', async () => {
    const inputs = await read('kafka-gitops/services-only.yaml')
    expect(inputs.problems).toEqual([])
    expect(inputs.topics).toEqual([])
  })
})

describe('terraform show -json', () => {
  it('walks root and child modules; managed kafka_topic and confluent_kafka_topic only', async () => {
    const inputs = await read('terraform/state.json')
    expect(inputs.problems).toEqual([])
    expect(inputs.topics.map((t) => `${t.name.value} ${t.resource}`)).toEqual([
      'audit.log.v1 kafka_topic.audit_log',
      'billing.invoices.v1 module.billing.kafka_topic.invoices',
      'billing.invoices.v1.dlq module.billing.module.dlq.kafka_topic.this',
      'billing.invoices.v1.dlq.mirror module.billing.module.dlq.confluent_kafka_topic.mirror',
    ])
    const audit = topic(inputs, 'audit.log.v1')
    expect(audit.format).toBe('terraform-json')
    expect(at(audit.name.pos)).toBe('21:13')
    expect(audit.partitions).toEqual({value: 6, pos: {file: 'terraform/state.json', line: 22, column: 13}})
    expect(settings(audit)).toEqual(['cleanup.policy=delete@16:15', 'min.insync.replicas=2@17:15', 'retention.ms=2592000000@18:15'])
    expect(topic(inputs, 'billing.invoices.v1.dlq.mirror').partitions?.value).toBe(2)
    expect(topic(inputs, 'billing.invoices.v1.dlq.mirror').replicationFactor).toBeUndefined()
  })

  it('reads a saved plan (planned_values)', async () => {
    const {tempDir, write} = await import('./helpers.js')
    const dir = tempDir('tfplan')
    const plan = {format_version: '1.2', planned_values: {root_module: {resources: [{address: 'kafka_topic.t', mode: 'managed', type: 'kafka_topic', values: {name: 't.v1', partitions: 3, replication_factor: 3, config: {}}}]}}}
    write(dir, {'plan.json': JSON.stringify(plan, null, 2)})
    const inputs = await readCheckInputs(['plan.json'], {cwd: dir})
    expect(inputs.topics.map((t) => t.name.value)).toEqual(['t.v1'])
  })

  it('skips .tf files with an info saying why and what to run instead', async () => {
    const inputs = await read('terraform/topics.tf')
    expect(inputs.topics).toEqual([])
    expect(inputs.problems).toHaveLength(1)
    expect(inputs.problems[0]).toMatchObject({file: 'terraform/topics.tf', severity: 'info'})
    expect(inputs.problems[0]!.message).toContain('terraform show -json')
  })
})

describe('kafka-sizer plan file', () => {
  it('maps plan fields to Kafka config keys in Kafka units, with the plan as workload', async () => {
    const inputs = await read('plan/cluster-plan.yaml')
    expect(inputs.problems).toEqual([])
    const t = topic(inputs, 'orders.placed.v1')
    expect(t.format).toBe('kafka-sizer-plan')
    expect(at(t.pos)).toBe('9:5')
    expect(t.partitions).toEqual({value: 24, pos: {file: 'plan/cluster-plan.yaml', line: 13, column: 5}})
    expect(t.replicationFactor?.value).toBe(3)
    expect(t.settings.map((s) => `${s.key}(${s.writtenAs})=${String(s.value)}`)).toEqual(['min.insync.replicas(minInsyncReplicas)=2', 'retention.ms(retention)=604800000'])
    expect(t.workload).toMatchObject({source: 'plan file', producerAcks: 'all', keyed: true, consumerGroups: [{name: 'fulfilment', instances: 12}, {name: 'analytics', instances: 4}]})
    expect(t.workload?.request).toMatchObject({payloadBytesPerSec: 20_000_000, messageSizeBytes: 1024, maxConsumers: 12, consumerGroups: 2})
    expect(settings(topic(inputs, 'orders.audit.v1'))).toEqual(['retention.ms=2592000000@28:5', 'retention.bytes=10737418240@29:5'])
  })

  it('gives the cluster profile (hardware from the catalogue, azs as racks)', async () => {
    const {cluster} = await read('plan/cluster-plan.yaml')
    expect(cluster).toMatchObject({name: 'prod-eu', brokers: 6, racks: 3, kafkaVersion: '3.7', source: 'plan file plan/cluster-plan.yaml'})
    expect(cluster.hardware?.cores).toBeGreaterThan(0)
  })

  it("takes a managed unit's client quotas with the catalogue figures, as `plan` does; stated figures win", async () => {
    const dir = tempDir('express')
    write(dir, {'plan.yaml': 'version: 1\ncluster:\n  hardware: {profile: msk-express.m7g.large, cores: 4}\n  brokers: 3\ntopics:\n  - name: a\n    throughput: 1 MB/s\n'})
    const {cluster} = await readCheckInputs(['plan.yaml'], {cwd: dir})
    expect(cluster.hardwareProfile).toBe('msk-express.m7g.large')
    expect(cluster.hardware).toMatchObject({clientIngressBytesPerSec: 15.6e6, clientEgressBytesPerSec: 31.2e6, cores: 4, memoryBytes: 8 * 2 ** 30})
    expect(cluster.hardware).not.toHaveProperty('name')
  })

  it('reports plan problems at their key and keeps the valid fields of each topic', async () => {
    const inputs = await read('plan/bad-plan.yaml')
    expect(inputs.problems.map((p) => `${p.line}:${p.column} ${p.severity} ${p.message.split('.')[0]}`)).toEqual([
      '7:5 error topics[0]',
      '10:5 error topics[1]',
    ])
    expect(inputs.problems[0]!.message).toBe('topics[0].partitons: unknown key; did you mean "partitions"?')
    expect(inputs.problems[1]!.message).toMatch(/^topics\[1\]\.throughput: "50 MB" is a size, not a rate\./)
    expect(inputs.topics.map((t) => t.name.value)).toEqual(['users.profile.v1', 'users.sessions.v1'])
    expect(topic(inputs, 'users.sessions.v1').partitions?.value).toBe(6)
  })
})
