import {readFileSync} from 'node:fs'
import path from 'node:path'
import Ajv from 'ajv-draft-04'
import addFormats from 'ajv-formats'
import {describe, expect, it} from 'vitest'
import {FINGERPRINT_KEY, pathToUri, renderSarif} from '../../../src/check/format/sarif.js'
import {root} from '../../helpers/run-command.js'
import {CONTEXT, RESULT, resultOf} from './fixture.js'

// The official SARIF 2.1.0 schema (draft-04); source and licence in test/fixtures/sarif/README.md.
const schema = JSON.parse(readFileSync(path.join(root, 'test/fixtures/sarif/sarif-schema-2.1.0.json'), 'utf8'))
// unicodeRegExp off: the schema's `language` pattern has a stray "]" that is legal only without the u flag.
const ajv = new Ajv({allErrors: true, strict: false, unicodeRegExp: false})
addFormats(ajv)
const validate = ajv.compile(schema)

function sarif(result = RESULT) {
  return JSON.parse(renderSarif(result, CONTEXT))
}

describe('sarif format', () => {
  it('validates against the official SARIF 2.1.0 JSON schema', () => {
    const log = sarif()
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true)
  })

  it('the schema check is real: a wrong level or a missing message fails it', () => {
    const log = sarif()
    log.runs[0].results[0].level = 'fatal'
    expect(validate(log)).toBe(false)
    const log2 = sarif()
    delete log2.runs[0].results[0].message
    expect(validate(log2)).toBe(false)
  })

  it('also validates with no findings, unknown rule ids, odd paths and rules not evaluated', () => {
    const r = resultOf([{ruleId: 'KT999', severity: 'warning', message: 'm', fix: 'f', topic: '', file: 'dir with space/ü#1.yaml', line: 1, column: 1}], 3)
    r.summary.notEvaluated = [{ruleId: 'KT206', reason: 'no disk size'}]
    expect(validate(sarif(r)), JSON.stringify(validate.errors)).toBe(true)
    expect(validate(sarif(resultOf([], 0)))).toBe(true)
    // The schema does not check this: a valid relative URI reference.
    expect(pathToUri('dir with space/ü#1.yaml')).toBe('dir%20with%20space/%C3%BC%231.yaml')
  })

  it('the driver carries every rule with its descriptions and default level', () => {
    const {driver} = sarif().runs[0].tool
    expect(driver).toMatchObject({name: 'kafka-sizer', version: '0.1.0', informationUri: 'https://www.npmjs.com/package/kafka-sizer'})
    expect(driver.rules.map((r: {id: string}) => r.id)).toEqual(['KT104', 'KT105', 'KT206', 'KT602'])
    expect(driver.rules[3]).toEqual({
      id: 'KT602',
      name: 'required-metadata',
      shortDescription: {text: 'Required metadata missing'},
      fullDescription: {text: 'Owner and description labels.'},
      defaultConfiguration: {level: 'note'},
      properties: {tags: ['kafka', 'section-5.7'], needs: ['spec']},
    })
  })

  it('a result points at the key: relative URI under %SRCROOT%, line and column, rule index, level', () => {
    const [first] = sarif().runs[0].results
    expect(first).toEqual({
      ruleId: 'KT104',
      ruleIndex: 0,
      level: 'error',
      message: {text: 'min.insync.replicas (4) exceeds the replication factor (3): every acks=all write fails. Fix: set min.insync.replicas: 2'},
      locations: [
        {
          physicalLocation: {artifactLocation: {uri: 'topics/payments.yaml', uriBaseId: '%SRCROOT%'}, region: {startLine: 12, startColumn: 5}},
          logicalLocations: [{name: 'payments.v1', kind: 'topic'}],
        },
      ],
      partialFingerprints: {[FINGERPRINT_KEY]: expect.stringMatching(/^[0-9a-f]{64}$/)},
      properties: {topic: 'payments.v1', fix: 'set min.insync.replicas: 2'},
    })
    expect(sarif().runs[0].results.map((r: {level: string}) => r.level)).toEqual(['error', 'warning', 'note'])
  })

  it('fingerprints survive lines moving and values changing, and differ between findings', () => {
    const before = sarif().runs[0].results.map((r: {partialFingerprints: Record<string, string>}) => r.partialFingerprints[FINGERPRINT_KEY])
    // Lines added above every key, and the offending value edited (4 → 5).
    const moved = resultOf(RESULT.findings.map((f) => ({...f, line: f.line + 7, column: f.column + 2, message: f.message.replace('(4)', '(5)')})))
    const after = sarif(moved).runs[0].results.map((r: {partialFingerprints: Record<string, string>}) => r.partialFingerprints[FINGERPRINT_KEY])
    expect(after).toEqual(before)
    expect(new Set(before).size).toBe(3)
    // Another file or another topic is another finding.
    const elsewhere = resultOf([{...RESULT.findings[0]!, file: 'topics/other.yaml'}, {...RESULT.findings[0]!, topic: 'other.v1'}])
    const others = sarif(elsewhere).runs[0].results.map((r: {partialFingerprints: Record<string, string>}) => r.partialFingerprints[FINGERPRINT_KEY])
    expect(others).not.toContain(before[0])
    expect(new Set(others).size).toBe(2)
  })

  it('two otherwise identical findings get different fingerprints, in position order', () => {
    const twin = {ruleId: 'KT007', severity: 'error' as const, message: 'retention.ms set twice', fix: '', topic: 't', file: 'f.yaml'}
    const prints = (lines: number[]) => sarif(resultOf(lines.map((line) => ({...twin, line, column: 1})))).runs[0].results.map((r: {partialFingerprints: Record<string, string>}) => r.partialFingerprints[FINGERPRINT_KEY])
    const a = prints([3, 8])
    expect(a[0]).not.toBe(a[1])
    expect(prints([13, 18])).toEqual(a)
  })

  it('rules that could not be evaluated are tool notifications', () => {
    const r = resultOf([], 3)
    r.summary.notEvaluated = [{ruleId: 'KT206', reason: 'no disk size per broker'}]
    expect(sarif(r).runs[0].invocations).toEqual([
      {executionSuccessful: true, exitCode: 3, toolExecutionNotifications: [{level: 'warning', message: {text: 'KT206 not evaluated: no disk size per broker'}, associatedRule: {id: 'KT206', index: 2}}]},
    ])
  })
})
