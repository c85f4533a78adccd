import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {z} from 'zod'
import {configuredSeverity, globToRegExp, matcher, parseRulesConfig, readRulesConfig} from '../../src/check/rules-config.js'
import {UserError} from '../../src/lib/errors.js'
import {RULES} from './format/fixture.js'

const policySchema = z.strictObject({minReplicationFactor: z.number().int().min(1).optional(), partitions: z.strictObject({min: z.number(), max: z.number()}).partial().optional()})
const options = {rules: RULES, policySchema}
const parse = (text: string) => parseRulesConfig(text, 'rules.yaml', options)
const message = (text: string) => {
  try {
    parse(text)
  } catch (error) {
    expect(error).toBeInstanceOf(UserError)
    return (error as UserError).message
  }
  throw new Error('no error')
}

describe('rules file', () => {
  it('reads failOn, severities by id or name, overrides and the policy', () => {
    const config = parse(`
failOn: warning
rules:
  KT104: warning
  min-isr-equals-rf: off
overrides:
  - topics: "payments.*"
    environments: [prod]
    rules: {KT105: error}
  - files: ["legacy/**"]
    rules: {KT104: off}
policy:
  minReplicationFactor: 2
`)
    expect(config.failOn).toBe('warning')
    expect(config.rules).toEqual({KT104: 'warning', KT105: 'off'})
    expect(config.overrides).toHaveLength(2)
    expect(config.policy).toEqual({minReplicationFactor: 2})
    expect(configuredSeverity(config, 'KT105', {topic: 'payments.v1', file: 't.yaml', environment: 'prod'})).toBe('error')
    expect(configuredSeverity(config, 'KT105', {topic: 'payments.v1', file: 't.yaml', environment: 'dev'})).toBe('off')
    expect(configuredSeverity(config, 'KT105', {topic: 'payments.v1', file: 't.yaml'})).toBe('off')
    expect(configuredSeverity(config, 'KT104', {topic: 'x', file: 'legacy/a/b.yaml'})).toBe('off')
    expect(configuredSeverity(config, 'KT104', {topic: 'x', file: 'topics/b.yaml'})).toBe('warning')
    expect(configuredSeverity(config, 'KT602', {topic: 'x', file: 'topics/b.yaml'})).toBeUndefined()
  })

  it('later overrides win; `false` means off', () => {
    const config = parse('rules: {KT602: false}\noverrides:\n  - topics: /^a/\n    rules: {KT602: info}\n  - topics: ab*\n    rules: {KT602: error}\n')
    expect(configuredSeverity(config, 'KT602', {topic: 'abc', file: 'f'})).toBe('error')
    expect(configuredSeverity(config, 'KT602', {topic: 'ax', file: 'f'})).toBe('info')
    expect(configuredSeverity(config, 'KT602', {topic: 'x', file: 'f'})).toBe('off')
  })

  it('an empty or comment-only file is no configuration', () => {
    expect(parse('# nothing yet\n')).toEqual({file: 'rules.yaml', rules: {}, overrides: []})
  })

  it('every problem names file:line:col', () => {
    expect(message('rules:\n  KT1O4: error\n')).toBe('rules.yaml:2:3: unknown rule "KT1O4" (did you mean "KT104"?)')
    expect(message('rules:\n  KT104: fatal\n')).toBe('rules.yaml:2:10: KT104: "fatal" is not a severity; expected error, warning, info or off')
    expect(message('failon: error\n')).toBe('rules.yaml:1:1: unknown key "failon" (did you mean "failOn"?); expected failOn, rules, overrides, policy')
    expect(message('failOn: info\n')).toBe('rules.yaml:1:9: failOn: "info" is not error or warning')
    expect(message('overrides:\n  - topic: a\n    rules: {KT104: off}\n')).toBe('rules.yaml:2:5: overrides[0]: unknown key "topic" (did you mean "topics"?); expected topics, files, environments, rules')
    expect(message('overrides:\n  - topics: a\n')).toBe('rules.yaml:2:5: overrides[0]: rules is missing (the severities this override sets)')
    expect(message('overrides:\n  - topics: "/(/"\n    rules: {KT104: off}\n')).toMatch(/^rules\.yaml:2:13: overrides\[0\]\.topics: not a valid regular expression: /)
    expect(message('rules: [KT104]\n')).toBe('rules.yaml:1:8: expected a mapping of rule id to error, warning, info or off, e.g. "KT105: off"')
    expect(message('rules:\n  KT104: error\n  KT104: off\n')).toMatch(/^rules\.yaml:3:3: not valid YAML: /)
  })

  it('the policy is validated with the rules’ schema, at the offending key', () => {
    expect(message('policy:\n  minReplicationFactor: 0\n')).toMatch(/^rules\.yaml:2:25: policy\.minReplicationFactor: /)
    expect(message('policy:\n  partitions:\n    mx: 3\n')).toMatch(/^rules\.yaml:3:5: policy\.partitions\.mx: /)
  })

  it('is picked up from the working directory by default; a named file must exist', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ks-rules-'))
    expect(await readRulesConfig(undefined, {...options, cwd: dir})).toEqual({rules: {}, overrides: []})
    writeFileSync(path.join(dir, '.kafka-sizer-check.yaml'), 'failOn: warning\n')
    expect((await readRulesConfig(undefined, {...options, cwd: dir})).failOn).toBe('warning')
    await expect(readRulesConfig('nope.yaml', {...options, cwd: dir})).rejects.toThrow('--rules: cannot read nope.yaml: no such file or directory')
  })
})

describe('patterns', () => {
  it('globs: * within a segment, ** across, ? one character, {a,b} either', () => {
    expect(globToRegExp('payments.*').test('payments.v1')).toBe(true)
    expect(globToRegExp('payments.*').test('paymentsXv1')).toBe(false)
    expect(globToRegExp('topics/*.yaml').test('topics/a/b.yaml')).toBe(false)
    expect(globToRegExp('topics/**/*.yaml').test('topics/a/b.yaml')).toBe(true)
    expect(globToRegExp('topics/**/*.yaml').test('topics/b.yaml')).toBe(true)
    expect(globToRegExp('t?').test('t1')).toBe(true)
    expect(globToRegExp('{orders,payments}.*').test('orders.v1')).toBe(true)
    expect(globToRegExp('{orders,payments}.*').test('refunds.v1')).toBe(false)
  })

  it('/regex/flags is a regular expression; a list matches when any does', () => {
    expect(matcher('/^PAY/i')('payments')).toBe(true)
    expect(matcher(['a.*', '/^b/'])('b1')).toBe(true)
    expect(matcher(['a.*', '/^b/'])('c1')).toBe(false)
  })
})
