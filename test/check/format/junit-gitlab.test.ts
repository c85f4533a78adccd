import {XMLParser, XMLValidator} from 'fast-xml-parser'
import {describe, expect, it} from 'vitest'
import {renderGitlab} from '../../../src/check/format/gitlab.js'
import {renderJunit} from '../../../src/check/format/junit.js'
import {CONTEXT, RESULT, resultOf} from './fixture.js'

describe('junit format', () => {
  it('one suite per file, one case per topic, a failure per finding at or above --fail-on, the rest as system-out', () => {
    expect(renderJunit(RESULT, CONTEXT)).toBe(`<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="kafka-sizer check" tests="3" failures="1" errors="0" skipped="0">
  <testsuite name="topics/orders.yaml" tests="1" failures="0" errors="0" skipped="0">
    <testcase name="orders.v1" classname="topics/orders.yaml" file="topics/orders.yaml">
      <system-out>topics/orders.yaml:3:3 info KT602 no owner label
topics/orders.yaml:9:7 warning KT105 min.insync.replicas (3) equals the replication factor (3)
fix: set min.insync.replicas: 2</system-out>
    </testcase>
  </testsuite>
  <testsuite name="topics/payments.yaml" tests="2" failures="1" errors="0" skipped="0">
    <testcase name="payments.v1" classname="topics/payments.yaml" file="topics/payments.yaml">
      <failure message="KT104: min.insync.replicas (4) exceeds the replication factor (3): every acks=all write fails" type="KT104">topics/payments.yaml:12:5 error KT104 min.insync.replicas (4) exceeds the replication factor (3): every acks=all write fails
fix: set min.insync.replicas: 2</failure>
    </testcase>
    <testcase name="refunds.v1" classname="topics/payments.yaml" file="topics/payments.yaml"/>
  </testsuite>
</testsuites>
`)
  })

  it('--fail-on warning turns warnings into failures; several findings on a topic are several failures', () => {
    const r = {...RESULT, summary: {...RESULT.summary, failOn: 'warning' as const}}
    const doc = new XMLParser({ignoreAttributes: false, isArray: (name) => ['testsuite', 'testcase', 'failure'].includes(name)}).parse(renderJunit(r, CONTEXT))
    expect(doc.testsuites['@_failures']).toBe('2')
    const orders = doc.testsuites.testsuite[0].testcase[0]
    expect(orders.failure.map((f: Record<string, string>) => f['@_type'])).toEqual(['KT105'])
    expect(orders['system-out']).toBe('topics/orders.yaml:3:3 info KT602 no owner label')
  })

  it('escapes XML and replaces characters XML 1.0 cannot carry, so the document stays well-formed', () => {
    const r = resultOf([{ruleId: 'KT006', severity: 'error', message: 'name <a & "b"> \u0001 bad', fix: "use 'x'", topic: 'a<b>&"c"', file: 'x&y.yaml', line: 1, column: 1}])
    const xml = renderJunit(r)
    expect(XMLValidator.validate(xml)).toBe(true)
    expect(xml).toContain('name="a&lt;b&gt;&amp;&quot;c&quot;"')
    expect(xml).toContain('message="KT006: name &lt;a &amp; &quot;b&quot;&gt; \uFFFD bad"')
    expect(xml).not.toContain('\u0001')
  })

  it('without the list of checked topics, findings still make the cases; file-level findings are a "(file)" case', () => {
    const r = resultOf([{ruleId: 'KT900', severity: 'error', message: 'not valid YAML', fix: '', topic: '', file: 'bad.yaml', line: 4, column: 2}], 2)
    expect(renderJunit(r)).toContain('<testcase name="(file)" classname="bad.yaml" file="bad.yaml">\n      <failure message="KT900: not valid YAML" type="KT900">bad.yaml:4:2 error KT900 not valid YAML</failure>')
    expect(renderJunit(resultOf([], 0))).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="kafka-sizer check" tests="0" failures="0" errors="0" skipped="0"/>\n')
  })
})

describe('gitlab format', () => {
  it('is a Code Quality JSON array with severities mapped and line-independent fingerprints', () => {
    const issues = JSON.parse(renderGitlab(RESULT))
    expect(issues[0]).toEqual({
      type: 'issue',
      check_name: 'KT104',
      description: 'KT104 payments.v1: min.insync.replicas (4) exceeds the replication factor (3): every acks=all write fails. Fix: set min.insync.replicas: 2',
      content: {body: 'set min.insync.replicas: 2'},
      categories: ['Bug Risk'],
      fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/),
      severity: 'critical',
      location: {path: 'topics/payments.yaml', lines: {begin: 12}},
    })
    expect(issues.map((i: {severity: string}) => i.severity)).toEqual(['critical', 'major', 'info'])
    expect(issues[2]).not.toHaveProperty('content')
    const moved = JSON.parse(renderGitlab(resultOf(RESULT.findings.map((f) => ({...f, line: f.line + 3})))))
    expect(moved.map((i: {fingerprint: string}) => i.fingerprint)).toEqual(issues.map((i: {fingerprint: string}) => i.fingerprint))
    expect(new Set(issues.map((i: {fingerprint: string}) => i.fingerprint)).size).toBe(3)
    expect(JSON.parse(renderGitlab(resultOf([], 0)))).toEqual([])
  })
})
