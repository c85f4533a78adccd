import {fc, test} from '@fast-check/vitest'
import {describe, expect, it} from 'vitest'
import {parse, parseDocument} from 'yaml'
import {kubernetesName, renderStrimzi, typedValue} from '../../src/emit/strimzi.js'
import {OPTIONS, README_REQUEST, planFor} from './fixture.js'

/** Kubernetes object names: a DNS-1123 subdomain. */
const DNS_1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/

interface KafkaTopic {
  apiVersion: string
  kind: string
  metadata: {name: string; labels: Record<string, string>}
  spec: {topicName?: string; partitions: number; replicas: number; config: Record<string, unknown>}
}

describe('strimzi KafkaTopic', () => {
  it('parses as one YAML document with the fields the Topic Operator reads', async () => {
    const plan = await planFor()
    const {filename, content} = renderStrimzi(plan, OPTIONS)
    expect(filename).toBe('kafkatopic-orders.placed.v1.yaml')
    const doc = parseDocument(content)
    expect(doc.errors).toEqual([])
    expect(doc.warnings).toEqual([])
    const topic = parse(content) as KafkaTopic
    expect(topic.apiVersion).toBe('kafka.strimzi.io/v1beta2')
    expect(topic.kind).toBe('KafkaTopic')
    // A valid DNS-1123 subdomain already: kept, and no spec.topicName.
    expect(topic.metadata.name).toBe('orders.placed.v1')
    expect(topic.spec.topicName).toBeUndefined()
    expect(topic.metadata.labels).toEqual({'strimzi.io/cluster': 'prod-kafka'})
    expect(topic.spec.partitions).toBe(plan.partitions)
    expect(topic.spec.partitions).toBe(158)
    expect(topic.spec.replicas).toBe(3)
  })

  it('types config values: numbers as numbers, booleans as booleans, the rest as strings', async () => {
    const plan = await planFor()
    const {config} = (parse(renderStrimzi(plan, OPTIONS).content) as KafkaTopic).spec
    expect(config['min.insync.replicas']).toBe(2)
    expect(config['retention.ms']).toBe(604_800_000)
    expect(typeof config['retention.bytes']).toBe('number')
    expect(config['unclean.leader.election.enable']).toBe(false)
    expect(config['cleanup.policy']).toBe('delete')
    expect(config['compression.type']).toBe('producer')
    // replication.factor is spec.replicas, not a topic config.
    expect(config).not.toHaveProperty('replication.factor')
    const topicKeys = plan.recommendations.filter((r) => r.scope === 'topic' && r.key !== 'replication.factor').map((r) => r.key)
    expect(Object.keys(config)).toEqual(topicKeys)
  })

  it('explains each config in a comment above it', async () => {
    const plan = await planFor()
    const {content} = renderStrimzi(plan, OPTIONS)
    const lines = content.split('\n')
    const at = lines.findIndex((l) => l.trim().startsWith('min.insync.replicas:'))
    expect(lines[at - 1]!.trim().startsWith('#')).toBe(true)
  })

  it('converts a name Kubernetes refuses and keeps the real one in spec.topicName', async () => {
    const plan = await planFor()
    const topic = parse(renderStrimzi(plan, {topic: 'Payments__Authorized-', clusterName: 'my-cluster'}).content) as KafkaTopic
    expect(topic.metadata.name).toBe('payments-authorized')
    expect(topic.metadata.name).toMatch(DNS_1123_SUBDOMAIN)
    expect(topic.spec.topicName).toBe('Payments__Authorized-')
  })

  it('a compaction policy with a comma stays a string; tiered storage adds its topic configs', async () => {
    const compacted = await planFor({...README_REQUEST, keySizeBytes: 16, cleanupPolicy: 'compact,delete', distinctKeys: 1e6})
    expect((parse(renderStrimzi(compacted, OPTIONS).content) as KafkaTopic).spec.config['cleanup.policy']).toBe('compact,delete')
    const tiered = await planFor({...README_REQUEST, localRetentionMs: 86_400_000})
    const {config} = (parse(renderStrimzi(tiered, OPTIONS).content) as KafkaTopic).spec
    expect(config['remote.storage.enable']).toBe(true)
    expect(config['local.retention.ms']).toBe(86_400_000)
  })

  it('typedValue', () => {
    expect(typedValue('2')).toBe(2)
    expect(typedValue('-1')).toBe(-1)
    expect(typedValue('0.5')).toBe(0.5)
    expect(typedValue('true')).toBe(true)
    expect(typedValue('99999999999999999999')).toBe('99999999999999999999')
    expect(typedValue('1e3')).toBe('1e3')
    expect(typedValue('lz4')).toBe('lz4')
  })

  test.prop([fc.stringMatching(/^[a-zA-Z0-9._-]{1,249}$/).filter((s) => s !== '.' && s !== '..')], {numRuns: 300})(
    'every legal Kafka topic name gets a valid Kubernetes name',
    (name) => {
      const k = kubernetesName(name)
      expect(k).toMatch(DNS_1123_SUBDOMAIN)
      expect(k.length).toBeLessThanOrEqual(253)
    },
  )
})
