// runRules as a whole: the rule list, a clean topic, "not evaluated", switched-off rules, and linear cost.
import {describe, expect, it} from 'vitest'
import {RULES, policySchema, resolvePolicy} from '../../../src/check/rules/index.js'
import {availability, parseConfigValue, topicConfig} from '../../../src/check/kafka-topic-configs.js'
import {cluster, findingsOf, goodCluster, goodTopic, run, topic} from './builders.js'

const CATALOGUE = [
  'KT001', 'KT002', 'KT003', 'KT004', 'KT005', 'KT006', 'KT007', 'KT008',
  'KT101', 'KT102', 'KT103', 'KT104', 'KT105', 'KT106', 'KT107', 'KT108', 'KT109',
  'KT201', 'KT202', 'KT203', 'KT204', 'KT205', 'KT206', 'KT207', 'KT208', 'KT209', 'KT210', 'KT211', 'KT212',
  'KT301', 'KT302', 'KT303', 'KT304', 'KT305', 'KT306',
  'KT401', 'KT402', 'KT403', 'KT404', 'KT405',
  'KT501', 'KT502', 'KT503', 'KT504', 'KT505', 'KT506', 'KT507', 'KT508',
  'KT601', 'KT602', 'KT603', 'KT604', 'KT605',
]

describe('RULES', () => {
  it('documents every rule of lint-rules.md §5.1–§5.7 once, in id order', () => {
    expect(RULES.map((r) => r.id)).toEqual(CATALOGUE)
    for (const r of RULES) {
      expect(r.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
      expect(r.section).toBe(`5.${Number(r.id.slice(2, 3)) + 1}`)
      expect(r.description.length).toBeGreaterThan(40)
    }
    expect(new Set(RULES.map((r) => r.name)).size).toBe(RULES.length)
  })
})

describe('runRules', () => {
  it('finds nothing in a well-configured topic on a well-described cluster', () => {
    const out = run([goodTopic('orders'), goodTopic('payments')], {baseline: [goodTopic('orders'), goodTopic('payments')], policy: {namingPattern: '[a-z]+', requiredLabels: ['owner'], deniedKeys: ['flush.ms'], frozenKeys: ['cleanup.policy']}})
    expect(out.findings).toEqual([])
  })

  it('reports each missing input once, not per topic', () => {
    const out = run([topic('a', {partitions: 3, rf: 3}), topic('b', {partitions: 3, rf: 3})], {cluster: cluster()})
    const ids = out.notEvaluated.map((n) => n.ruleId)
    expect(new Set(ids).size).toBe(ids.length)
    expect(out.notEvaluated).toContainEqual({ruleId: 'KT103', reason: 'the cluster profile has no broker count'})
    expect(out.notEvaluated).toContainEqual({ruleId: 'KT205', reason: 'the cluster profile has no broker count'})
    expect(out.notEvaluated).toContainEqual({ruleId: 'KT504', reason: 'no baseline (--baseline-ref) to compare with'})
    for (const id of ['KT102', 'KT103', 'KT203', 'KT205', 'KT206', 'KT212']) expect(findingsOf(out, id)).toEqual([])
  })

  it('does not run rules switched off, for a topic or entirely', () => {
    const topics = [goodTopic('a', {rf: 1, config: {}}), goodTopic('b', {rf: 1, config: {}})]
    const out = run(topics, {enabled: (id, name) => !(id === 'KT101' && name === 'a') && id !== 'KT109'})
    expect(findingsOf(out, 'KT101').map((f) => f.topic)).toEqual(['b'])
    expect(out.notEvaluated.map((n) => n.ruleId)).not.toContain('KT109')
  })

  it('sorts findings by file, line, column and rule', () => {
    const out = run([goodTopic('z', {rf: 1, config: {}}), goodTopic('a', {rf: 1, config: {'retention.hours': 1}})])
    const keys = out.findings.map((f) => `${f.file}:${String(f.line).padStart(3, '0')}:${f.ruleId}`)
    expect(keys).toEqual([...keys].sort())
  })

  it('is linear: 10,000 topics with workloads in well under the time a quadratic pass would take', () => {
    const topics = Array.from({length: 10_000}, (_, i) => goodTopic(`topic.${i}`, {environment: i % 2 === 0 ? 'staging' : 'prod'}))
    const started = performance.now()
    const out = run(topics, {baseline: topics, cluster: goodCluster({brokers: 900, environment: undefined, hardware: {diskSizeBytes: 200e12, networkBitsPerSec: 100e9}})})
    const elapsed = performance.now() - started
    expect(out.findings.filter((f) => f.severity === 'error')).toEqual([])
    expect(elapsed).toBeLessThan(20_000)
  }, 60_000)
})

describe('topic-config catalogue', () => {
  it('parses values as Kafka does', () => {
    expect(parseConfigValue('long', ' 604800000 ')).toEqual({ok: true, value: 604_800_000})
    expect(parseConfigValue('long', '9223372036854775807').ok).toBe(true)
    expect(parseConfigValue('long', '9223372036854775808').ok).toBe(false)
    expect(parseConfigValue('int', 1.5).ok).toBe(false)
    expect(parseConfigValue('boolean', 'TRUE')).toEqual({ok: true, value: true})
    expect(parseConfigValue('boolean', 'yes').ok).toBe(false)
    expect(parseConfigValue('list', 'compact, delete')).toEqual({ok: true, value: ['compact', 'delete']})
  })

  it('knows when keys were added and removed', () => {
    const def = topicConfig('message.timestamp.difference.max.ms')
    expect(def && [availability(def, '3.5'), availability(def, '4.0'), availability(def)]).toEqual(['ok', 'removed', 'ok'])
    const copy = topicConfig('remote.log.copy.disable')
    expect(copy && availability(copy, '3.8')).toBe('not-yet')
  })
})

describe('policySchema', () => {
  it('accepts partial policies, rejects unknown knobs and bad patterns, and merges with defaults', () => {
    const ok = policySchema.safeParse({minReplicationFactor: 2, partitions: {max: 48}})
    expect(ok.success).toBe(true)
    expect(resolvePolicy(ok.data).partitions).toEqual({min: 1, max: 48})
    expect(policySchema.safeParse({minReplicationFacter: 2}).success).toBe(false)
    expect(policySchema.safeParse({namingPattern: '(['}).success).toBe(false)
  })
})
