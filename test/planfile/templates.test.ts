// The starter plan and the presets that `kafka-sizer init` writes must stay valid plan files.
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {afterAll, describe, expect, it} from 'vitest'
import {readPlanFile} from '../../src/planfile/read.js'
import {knownKeysAt, planFileSchema} from '../../src/planfile/schema.js'
import {PRESETS, templateUrl} from '../../src/services/init.js'

const dir = mkdtempSync(path.join(os.tmpdir(), 'kafka-sizer-templates-'))
afterAll(() => rmSync(dir, {recursive: true, force: true}))

const STARTER = fileURLToPath(templateUrl())
/** "# key: value" at a field's indentation: an optional field left at its default. */
const OPTIONAL_LINE = /^(\s*)# ([a-z][A-Za-z]*:(?: |$))/

describe('templates/plan.yaml (the starter)', () => {
  const text = readFileSync(STARTER, 'utf8')

  it('is a valid plan file', async () => {
    const plan = await readPlanFile(STARTER)
    expect(plan.topics.map((t) => t.name)).toEqual(['orders', 'audit-log'])
  })

  it('stays valid with every optional field switched on (each "# key: value" line uncommented)', async () => {
    const lines = text.split('\n')
    const optional = lines.filter((l) => OPTIONAL_LINE.test(l))
    expect(optional.length).toBeGreaterThan(25)
    const p = path.join(dir, 'all-fields.yaml')
    writeFileSync(p, lines.map((l) => l.replace(OPTIONAL_LINE, '$1$2')).join('\n'))
    const plan = await readPlanFile(p)
    expect(plan.cluster).toMatchObject({hardwareProfile: 'msk-kafka.m5.2xlarge', kafkaVersion: '3.9', failurePolicy: 'survive-one-az', fetchFromFollower: true})
    expect(plan.topics[0]!.request).toMatchObject({messagesPerSec: 19_200, payloadBytesPerSec: 20e6, distinctKeys: 5e6, partitions: 24})
  })

  it('documents every field of the format', () => {
    const schema = planFileSchema()
    const paths: Array<Array<string | number>> = [[], ['cluster'], ['cluster', 'hardware'], ['cluster', 'prices'], ['topics', 0], ['topics', 0, 'consumerGroups', 0], ['topics', 0, 'consumerGroups', 0, 'readPattern', 'replay']]
    for (const p of paths) {
      const keys = knownKeysAt(schema, p)
      expect(keys.length, p.join('.')).toBeGreaterThan(0)
      for (const key of keys.filter((k) => k !== '$schema')) expect(text, `${p.join('.')}.${key}`).toMatch(new RegExp(`[\\s{,]${key}:`))
    }
  })
})

describe.each(PRESETS)('templates/presets/%s.yaml', (preset) => {
  const file = fileURLToPath(templateUrl(preset))
  const text = readFileSync(file, 'utf8')

  it('is a valid plan file', async () => {
    const plan = await readPlanFile(file)
    expect(plan.topics.length).toBeGreaterThan(0)
    expect(plan.cluster.name).toBe(preset)
  })

  it('cites sizing-model.md §8.8 in its header and marks its own numbers', () => {
    const header = text.split('\nversion:')[0]!
    expect(header).toMatch(/Source: sizing-model\.md §8\.8/)
    expect(text).toMatch(preset === 'job-scheduler' ? /# ours/ : /# assumed/)
  })
})

describe('the presets carry the figures of sizing-model.md §8.8', () => {
  const topic = async (preset: (typeof PRESETS)[number], name: string) => {
    const plan = await readPlanFile(fileURLToPath(templateUrl(preset)))
    const t = plan.topics.find((x) => x.name === name)
    expect(t, `${preset}: ${name}`).toBeDefined()
    return t!
  }
  const DAY = 86_400_000

  it('twitter tweets: 6K msg/s, 60K peak, 50 partitions, RF 3, 7 d, keyed, 5 groups', async () => {
    const t = await topic('twitter', 'tweets')
    expect(t.request).toMatchObject({messagesPerSec: 6000, peakFactor: 10, partitions: 50, replicationFactor: 3, retentionMs: 7 * DAY, consumerGroups: 5})
    expect(t.request.keySizeBytes).toBeGreaterThan(0)
  })

  it('whatsapp messages.created: 1.15M msg/s, 100 partitions, RF 3, 7 d, keyed', async () => {
    const t = await topic('whatsapp', 'messages.created')
    expect(t.request).toMatchObject({messagesPerSec: 1.15e6, partitions: 100, replicationFactor: 3, retentionMs: 7 * DAY})
    expect(t.request.keySizeBytes).toBeGreaterThan(0)
  })

  it('ad-aggregator ad-events: 2.3M events/s, 500 partitions, RF 3, 7 d, keyed, exactly-once', async () => {
    const t = await topic('ad-aggregator', 'ad-events')
    expect(t.request).toMatchObject({messagesPerSec: 2.3e6, partitions: 500, replicationFactor: 3, retentionMs: 7 * DAY, profile: 'exactly-once'})
    expect(t.request.keySizeBytes).toBeGreaterThan(0)
  })

  it('ticket-booking reservation-events: 200/s, 20 partitions, RF 3, 30 d, acks=all', async () => {
    const t = await topic('ticket-booking', 'reservation-events')
    expect(t.request).toMatchObject({messagesPerSec: 200, partitions: 20, replicationFactor: 3, retentionMs: 30 * DAY, acks: 'all'})
  })

  it('notifications: notifications-pending with 20 partitions, RF 3, 3 groups, and a DLQ topic', async () => {
    const t = await topic('notifications', 'notifications-pending')
    expect(t.request).toMatchObject({partitions: 20, replicationFactor: 3, consumerGroups: 3})
    await topic('notifications', 'notifications-dlq')
  })

  it('web-crawler: urls-to-crawl and urls-discovered, 50 partitions keyed by domain, 7 d', async () => {
    for (const name of ['urls-to-crawl', 'urls-discovered']) {
      const t = await topic('web-crawler', name)
      expect(t.request).toMatchObject({partitions: 50, retentionMs: 7 * DAY})
      expect(t.request.keySizeBytes).toBeGreaterThan(0)
    }
  })
})
