import {describe, expect, it} from 'vitest'
import {renderJson} from '../../../src/check/format/json.js'
import {renderText} from '../../../src/check/format/text.js'
import {RESULT, resultOf} from './fixture.js'

// Colour is off in tests (no TTY); the text format's exact layout is checked here.
describe('text format', () => {
  it('groups findings by file, one file:line:col line per finding with its fix, then the summary', () => {
    expect(renderText(RESULT)).toBe(
      [
        'topics/orders.yaml',
        '  topics/orders.yaml:3:3  info     KT602  orders.v1: no owner label',
        '  topics/orders.yaml:9:7  warning  KT105  orders.v1: min.insync.replicas (3) equals the replication factor (3)',
        '    fix: set min.insync.replicas: 2',
        '',
        'topics/payments.yaml',
        '  topics/payments.yaml:12:5  error    KT104  payments.v1: min.insync.replicas (4) exceeds the replication factor (3): every acks=all write fails',
        '    fix: set min.insync.replicas: 2',
        '',
        '3 findings (1 error, 1 warning, 1 info) in 3 topics in 2 files (--fail-on error).',
        'exit 1: findings at or above --fail-on',
        '',
      ].join('\n'),
    )
  })

  it('says so when there is nothing to report, and lists rules that could not be evaluated', () => {
    const clean = resultOf([], 3)
    clean.summary.notEvaluated = [{ruleId: 'KT206', reason: 'no disk size per broker: give --cluster with a plan file'}]
    expect(renderText(clean)).toBe(
      ['No findings in 0 topics in 1 file.', 'Not evaluated: KT206: no disk size per broker: give --cluster with a plan file', 'exit 3: a rule you asked for could not be evaluated for lack of input', ''].join('\n'),
    )
  })

  it('a file-level finding (no topic) has no topic prefix', () => {
    const text = renderText(resultOf([{ruleId: 'KT900', severity: 'error', message: 'not valid YAML: bad indentation', fix: '', topic: '', file: 'a.yaml', line: 2, column: 1}], 2))
    expect(text).toContain('  a.yaml:2:1  error    KT900  not valid YAML: bad indentation\n')
  })
})

describe('json format', () => {
  it('is the CheckResult itself, two-space indented', () => {
    const text = renderJson(RESULT)
    expect(JSON.parse(text)).toEqual(RESULT)
    expect(text.startsWith('{\n  "findings": [\n    {\n      "ruleId": "KT104",')).toBe(true)
    expect(Object.keys(JSON.parse(text).findings[0])).toEqual(['ruleId', 'severity', 'message', 'fix', 'topic', 'file', 'line', 'column'])
  })
})
