// End-to-end: the built binary (`npm test` builds first) checks the fixture files, every format to a file,
// with real exit codes, colour rules, and the GitHub job summary.
import {spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {XMLValidator} from 'fast-xml-parser'
import {describe, expect, it} from 'vitest'
import {root} from '../helpers/run-command.js'

const bin = path.join(root, 'bin', 'run.js')
const F = 'test/fixtures/check-command'
const ANSI = /\u001b\[/

function cli(args: string[], env: Record<string, string> = {}) {
  const base = {...process.env}
  for (const key of ['NO_COLOR', 'FORCE_COLOR', 'DEBUG', 'TERM', 'GITHUB_STEP_SUMMARY', 'GITHUB_ACTIONS']) delete base[key]
  const r = spawnSync(process.execPath, [bin, ...args], {cwd: root, encoding: 'utf8', env: {...base, ...env}})
  return {stdout: r.stdout, stderr: r.stderr, code: r.status}
}

describe('kafka-sizer check (binary)', () => {
  it('exit codes 0, 1, 2 and 3 on the fixtures', () => {
    expect(cli(['check', `${F}/clean`]).code).toBe(0)
    expect(cli(['check', `${F}/topics`]).code).toBe(1)
    expect(cli(['check', `${F}/broken`]).code).toBe(2)
    expect(cli(['check', `${F}/clean`, '--rule', 'KT206']).code).toBe(3)
    expect(cli(['check', `${F}/clean`, '--format', 'yaml']).code).toBe(2)
  })

  it('--json keeps the exit code and prints one JSON document', () => {
    const r = cli(['check', `${F}/topics`, '--json'])
    expect(r.code).toBe(1)
    expect(JSON.parse(r.stdout).summary).toMatchObject({errors: 1, warnings: 1, exitCode: 1})
  })

  it('writes every format to its own file, each parseable', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ks-e2e-check-'))
    const file = (n: string) => path.join(dir, n)
    const r = cli(['check', `${F}/topics`, `${F}/broken`, '--format', `text=${file('check.txt')}`, '--format', `json=${file('check.json')}`, '--format', `sarif=${file('check.sarif')}`, '--format', `junit=${file('junit.xml')}`, '--format', `github=${file('gh.txt')}`, '--format', `gitlab=${file('gl-code-quality.json')}`], {FORCE_COLOR: '1'})
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr.match(/^wrote /gm)).toHaveLength(6)
    const json = JSON.parse(readFileSync(file('check.json'), 'utf8'))
    expect(json.findings.map((f: {ruleId: string}) => f.ruleId)).toEqual(['KT900', 'KT105', 'KT104'])
    // Files never carry colour, even when the terminal would.
    expect(readFileSync(file('check.txt'), 'utf8')).not.toMatch(ANSI)
    expect(readFileSync(file('check.txt'), 'utf8')).toContain(`${F}/broken/malformed.yaml:9:5  error    KT900`)
    expect(JSON.parse(readFileSync(file('check.sarif'), 'utf8')).runs[0].results).toHaveLength(3)
    expect(XMLValidator.validate(readFileSync(file('junit.xml'), 'utf8'))).toBe(true)
    expect(readFileSync(file('gh.txt'), 'utf8').split('\n').filter(Boolean)).toHaveLength(3)
    expect(JSON.parse(readFileSync(file('gl-code-quality.json'), 'utf8')).map((i: {severity: string}) => i.severity)).toEqual(['critical', 'major', 'critical'])
  })

  it('text is coloured when forced, plain in a pipe and with NO_COLOR', () => {
    expect(cli(['check', `${F}/topics`], {FORCE_COLOR: '1'}).stdout).toMatch(ANSI)
    expect(cli(['check', `${F}/topics`]).stdout).not.toMatch(ANSI)
    expect(cli(['check', `${F}/topics`], {FORCE_COLOR: '1', NO_COLOR: '1'}).stdout).not.toMatch(ANSI)
  })

  it('github: annotations on stdout and a table appended to $GITHUB_STEP_SUMMARY', () => {
    const summary = path.join(mkdtempSync(path.join(tmpdir(), 'ks-e2e-gh-')), 'summary.md')
    writeFileSync(summary, '')
    const r = cli(['check', `${F}/topics`, '--format', 'github'], {GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary})
    expect(r.code).toBe(1)
    expect(r.stdout.split('\n')[0]).toMatch(/^::error file=test\/fixtures\/check-command\/topics\/payments\.yaml,line=12,endLine=12,col=5,title=KT104 \(payments\.captured\.v1\)::/)
    expect(readFileSync(summary, 'utf8')).toContain('| 🔴 error | KT104 | payments.captured.v1 |')
  })

  it('check --help shows the formats and examples', () => {
    const r = cli(['check', '--help'])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('$ kafka-sizer check topics/ --format github --format')
    expect(r.stdout).toContain('--baseline-ref')
  })
})
