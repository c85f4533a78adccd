// The check service with stand-in inputs and rules: suppressions, severities from the rules file, input
// problems, "asked for" rules and the exit code.
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import type {CheckInputs, Finding, RuleRunOutput, TopicDefinition} from '../../src/check/types.js'
import {type CheckEngine, checkService, clusterFromFlags} from '../../src/services/check.js'
import {RULES} from './format/fixture.js'

function topic(name: string, file: string, line: number, extra: Partial<TopicDefinition> = {}): TopicDefinition {
  const pos = {file, line, column: 3}
  return {name: {value: name, pos}, format: 'topicctl', pos, settings: [], labels: {}, annotations: {}, suppressions: [], ...extra}
}

const finding = (ruleId: string, severity: Finding['severity'], t: string, file: string, line: number): Finding => ({ruleId, severity, message: `${ruleId} on ${t}`, fix: 'fix it', topic: t, file, line, column: 5})

interface Stand {
  inputs?: Partial<CheckInputs>
  out?: RuleRunOutput
  calls?: Array<{enabled?: (ruleId: string, topic: string) => boolean; policy: unknown; baseline?: {ref: string}}>
}

function engine(stand: Stand = {}): CheckEngine {
  const inputs: CheckInputs = {
    topics: [topic('orders.v1', 'topics/orders.yaml', 2), topic('payments.v1', 'topics/payments.yaml', 2)],
    cluster: {brokerDefaults: {}, source: 'none'},
    problems: [],
    files: ['topics/orders.yaml', 'topics/payments.yaml'],
    ...stand.inputs,
  }
  return {
    readCheckInputs: async () => inputs,
    readBaselineInputs: async (ref) => ({...inputs, topics: [], problems: [], files: [], ref}),
    runRules: (args) => {
      stand.calls?.push({enabled: args.enabled, policy: args.policy, baseline: args.baseline})
      return stand.out ?? {findings: [finding('KT105', 'warning', 'payments.v1', 'topics/payments.yaml', 9), finding('KT104', 'error', 'orders.v1', 'topics/orders.yaml', 7)], notEvaluated: []}
    },
    RULES: [...RULES, {id: 'KT501', name: 'partition-decrease', title: 'Partition count decrease', section: '5.6', defaultSeverity: 'error', needs: ['spec', 'baseline'], description: 'd'}],
    resolvePolicy: ((o: Record<string, unknown> = {}) => ({minReplicationFactor: 3, ...o, partitions: {min: 1, max: 1000, ...(o.partitions as object)}})) as unknown as CheckEngine['resolvePolicy'],
  }
}

function cwdWith(rules?: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ks-check-'))
  if (rules !== undefined) writeFileSync(path.join(dir, '.kafka-sizer-check.yaml'), rules)
  return dir
}

describe('check service', () => {
  it('sorts findings by position and counts them; an error fails under --fail-on error', async () => {
    const {result} = await checkService({paths: [], cwd: cwdWith()}, engine())
    expect(result.findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`)).toEqual(['topics/orders.yaml:7 KT104', 'topics/payments.yaml:9 KT105'])
    expect(result.summary).toEqual({files: 2, topics: 2, errors: 1, warnings: 1, infos: 0, notEvaluated: [], failOn: 'error', exitCode: 1})
  })

  it('exit 0 below --fail-on, 1 at or above it', async () => {
    const out = {findings: [finding('KT105', 'warning', 'orders.v1', 'topics/orders.yaml', 3)], notEvaluated: []}
    expect((await checkService({paths: [], cwd: cwdWith()}, engine({out}))).result.summary.exitCode).toBe(0)
    expect((await checkService({paths: [], cwd: cwdWith(), failOn: 'warning'}, engine({out}))).result.summary.exitCode).toBe(1)
    expect((await checkService({paths: [], cwd: cwdWith('failOn: warning\n')}, engine({out}))).result.summary.exitCode).toBe(1)
    // The flag wins over the file.
    expect((await checkService({paths: [], cwd: cwdWith('failOn: warning\n'), failOn: 'error'}, engine({out}))).result.summary.exitCode).toBe(0)
  })

  it('the rules file sets severities per topic and environment, off drops, and off rules are not run', async () => {
    const calls: Stand['calls'] = []
    const inputs = {topics: [topic('orders.v1', 'topics/orders.yaml', 2, {environment: {value: 'dev', pos: {file: 'topics/orders.yaml', line: 1, column: 1}}}), topic('payments.v1', 'topics/payments.yaml', 2)]}
    const rules = 'rules: {KT602: off}\noverrides:\n  - environments: [dev]\n    rules: {KT104: info}\n  - topics: "pay*"\n    rules: {KT105: off}\npolicy: {partitions: {max: 50}}\n'
    const {result} = await checkService({paths: [], cwd: cwdWith(rules)}, engine({calls, inputs}))
    expect(result.findings.map((f) => [f.ruleId, f.severity])).toEqual([['KT104', 'info']])
    expect(result.summary.exitCode).toBe(0)
    const on = calls[0]!.enabled!
    expect([on('KT602', 'orders.v1'), on('KT105', 'payments.v1'), on('KT105', 'orders.v1'), on('KT104', 'orders.v1')]).toEqual([false, false, true, true])
    expect(calls[0]!.policy).toEqual({minReplicationFactor: 3, partitions: {min: 1, max: 50}})
  })

  it('a suppression with a reason drops the finding; without one it does not, and is a KT000 finding', async () => {
    const pos = {file: 'topics/orders.yaml', line: 1, column: 3}
    const inputs = {
      topics: [
        topic('orders.v1', 'topics/orders.yaml', 2, {suppressions: [{ruleId: 'min-isr-above-rf', reason: 'migrating in Q3', pos}]}),
        topic('payments.v1', 'topics/payments.yaml', 2, {suppressions: [{ruleId: 'KT105', pos: {...pos, file: 'topics/payments.yaml'}}]}),
      ],
    }
    const {result} = await checkService({paths: [], cwd: cwdWith()}, engine({inputs}))
    expect(result.findings).toEqual([
      {ruleId: 'KT000', severity: 'warning', message: 'the suppression of KT105 has no reason, so KT105 is not suppressed', fix: 'say why after the rule id, e.g. "KT105: accepted until the Q3 migration"', topic: 'payments.v1', file: 'topics/payments.yaml', line: 1, column: 3},
      finding('KT105', 'warning', 'payments.v1', 'topics/payments.yaml', 9),
    ])
  })

  it('input problems are KT900 findings; one at error severity exits 2, and the rest is still reported', async () => {
    const inputs = {problems: [{file: 'topics/bad.yaml', line: 3, column: 1, severity: 'error' as const, message: 'not valid YAML: bad indentation'}]}
    const {result} = await checkService({paths: [], cwd: cwdWith()}, engine({inputs}))
    expect(result.findings[0]).toEqual({ruleId: 'KT900', severity: 'error', message: 'not valid YAML: bad indentation', fix: '', topic: '', file: 'topics/bad.yaml', line: 3, column: 1})
    expect(result.findings).toHaveLength(3)
    expect(result.summary.exitCode).toBe(2)
    // Lowered in the rules file, an input problem no longer exits 2.
    const lowered = await checkService({paths: [], cwd: cwdWith('rules: {KT900: warning}\n')}, engine({inputs, out: {findings: [], notEvaluated: []}}))
    expect(lowered.result.summary.exitCode).toBe(0)
  })

  it('exit 3 only for rules asked for: --rule, named in the rules file, or baseline rules with --baseline-ref', async () => {
    const out = {findings: [], notEvaluated: [{ruleId: 'KT206', reason: 'no disk size per broker'}, {ruleId: 'KT501', reason: 'no baseline'}]}
    const plain = await checkService({paths: [], cwd: cwdWith()}, engine({out}))
    expect(plain.result.summary.exitCode).toBe(0)
    expect(plain.result.summary.notEvaluated).toEqual([])
    expect(plain.skipped.map((s) => s.ruleId)).toEqual(['KT206', 'KT501'])

    const calls: Stand['calls'] = []
    const byFlag = await checkService({paths: [], cwd: cwdWith(), rules: ['disk-overflow']}, engine({out, calls}))
    expect(byFlag.result.summary).toMatchObject({exitCode: 3, notEvaluated: [{ruleId: 'KT206', reason: 'no disk size per broker'}]})
    expect([calls[0]!.enabled!('KT206', 'orders.v1'), calls[0]!.enabled!('KT104', 'orders.v1')]).toEqual([true, false])

    const byFile = await checkService({paths: [], cwd: cwdWith('rules: {KT206: warning}\n')}, engine({out}))
    expect(byFile.result.summary.exitCode).toBe(3)

    const byBaseline = await checkService({paths: [], cwd: cwdWith(), baselineRef: 'origin/main'}, engine({out}))
    expect(byBaseline.result.summary).toMatchObject({exitCode: 3, notEvaluated: [{ruleId: 'KT501', reason: 'no baseline'}]})
    // Findings at or above --fail-on take precedence over exit 3.
    const both = await checkService({paths: [], cwd: cwdWith(), rules: ['KT206']}, engine({out: {...out, findings: [finding('KT206', 'error', 'orders.v1', 'topics/orders.yaml', 2)]}}))
    expect(both.result.summary.exitCode).toBe(1)
  })

  it('an unknown --rule is a usage error with a suggestion', async () => {
    await expect(checkService({paths: [], cwd: cwdWith(), rules: ['KT2O6']}, engine())).rejects.toThrow('--rule: unknown rule "KT2O6" (did you mean "KT206"?)')
  })

  it('cluster facts from flags, with numeric and boolean broker settings typed', () => {
    expect(clusterFromFlags({paths: []})).toBeUndefined()
    expect(clusterFromFlags({paths: [], brokers: 6, brokerConfig: {'min.insync.replicas': '2', 'unclean.leader.election.enable': 'false', 'log.dirs': '/data'}})).toEqual({
      brokers: 6,
      brokerDefaults: {'min.insync.replicas': 2, 'unclean.leader.election.enable': false, 'log.dirs': '/data'},
      source: 'flags',
    })
  })
})
