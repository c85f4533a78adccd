import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {escapeData, escapeProperty, githubStepSummary, renderGithub, writeGithubStepSummary} from '../../../src/check/format/github.js'
import {many, RESULT, resultOf} from './fixture.js'

describe('github format', () => {
  it('prints one workflow command per finding, errors first, then warnings, then notices', () => {
    expect(renderGithub(RESULT)).toBe(
      [
        '::error file=topics/payments.yaml,line=12,endLine=12,col=5,title=KT104 (payments.v1)::min.insync.replicas (4) exceeds the replication factor (3): every acks=all write fails%0AFix: set min.insync.replicas: 2',
        '::warning file=topics/orders.yaml,line=9,endLine=9,col=7,title=KT105 (orders.v1)::min.insync.replicas (3) equals the replication factor (3)%0AFix: set min.insync.replicas: 2',
        '::notice file=topics/orders.yaml,line=3,endLine=3,col=3,title=KT602 (orders.v1)::no owner label',
        '',
      ].join('\n'),
    )
  })

  it('escapes data (% CR LF) and properties (also : and ,) as actions/toolkit does', () => {
    expect(escapeData('100% done\r\nnext: a,b')).toBe('100%25 done%0D%0Anext: a,b')
    expect(escapeProperty('dir:a,b/100%\n')).toBe('dir%3Aa%2Cb/100%25%0A')
    const odd = resultOf([{ruleId: 'KT104', severity: 'error', message: 'line one\nline two: 50%', fix: '', topic: 'a:b,c', file: 'dir,x/we:ird.yaml', line: 1, column: 2}])
    expect(renderGithub(odd)).toBe('::error file=dir%2Cx/we%3Aird.yaml,line=1,endLine=1,col=2,title=KT104 (a%3Ab%2Cc)::line one%0Aline two: 50%25\n')
  })

  it('no findings: prints nothing', () => {
    expect(renderGithub(resultOf([], 0))).toBe('')
  })

  it('10 errors and 10 warnings all show: no summary notice', () => {
    const out = renderGithub(resultOf([...many(10, 'error'), ...many(10, 'warning')]))
    expect(out.split('\n').filter(Boolean)).toHaveLength(20)
    expect(out).not.toContain('::notice')
  })

  it('more than 10 of a type: a summary notice says how many are cut and is the first notice', () => {
    const findings = [...many(12, 'error'), ...many(3, 'warning'), ...many(10, 'info')]
    const lines = renderGithub(resultOf(findings), {stepSummary: true}).trimEnd().split('\n')
    expect(lines).toHaveLength(26)
    expect(lines.slice(0, 12).every((l) => l.startsWith('::error '))).toBe(true)
    expect(lines.slice(12, 15).every((l) => l.startsWith('::warning '))).toBe(true)
    // 2 errors over the limit, and the notice itself takes one of the 10 notice slots: 1 info is cut too.
    expect(lines[15]).toBe(
      '::notice title=kafka-sizer check::25 findings (12 errors, 3 warnings, 10 info); GitHub shows at most 10 annotations of each type per step, so 3 are not shown here: see the job summary for all of them.',
    )
    expect(lines.slice(16).every((l) => l.startsWith('::notice file='))).toBe(true)
  })

  it('without a job summary the notice points at SARIF or a local run', () => {
    const out = renderGithub(resultOf(many(11, 'warning')))
    expect(out.trimEnd().split('\n').at(-1)).toBe(
      '::notice title=kafka-sizer check::11 findings (0 errors, 11 warnings, 0 info); GitHub shows at most 10 annotations of each type per step, so 1 is not shown here: run kafka-sizer check locally or upload SARIF to see all of them.',
    )
  })

  it('rules that could not be evaluated become warnings too', () => {
    const r = resultOf([], 3)
    r.summary.notEvaluated = [{ruleId: 'KT501', reason: 'no baseline: origin/main: unknown revision'}]
    expect(renderGithub(r)).toBe('::warning title=KT501 not evaluated::no baseline: origin/main: unknown revision\n')
  })
})

describe('github job summary', () => {
  it('is a headline and a Markdown table, errors first, cells escaped', () => {
    const r = resultOf([
      {ruleId: 'KT105', severity: 'warning', message: 'a | b\nc', fix: 'x', topic: 't', file: 'f.yaml', line: 3, column: 1},
      {ruleId: 'KT104', severity: 'error', message: 'm', fix: '', topic: 't', file: 'f.yaml', line: 9, column: 5},
    ])
    expect(githubStepSummary(r)).toBe(
      [
        '### kafka-sizer check',
        '',
        '❌ 2 findings (1 error, 1 warning, 0 info) in 2 topics in 1 file; `--fail-on error`, exit 1.',
        '',
        '| Severity | Rule | Topic | Location | Message | Fix |',
        '|---|---|---|---|---|---|',
        '| 🔴 error | KT104 | t | `f.yaml:9:5` | m |  |',
        '| 🟡 warning | KT105 | t | `f.yaml:3:1` | a \\| b<br>c | x |',
        '',
      ].join('\n'),
    )
  })

  it('stays under 1 MiB however many findings there are', () => {
    const big = many(20_000, 'error').map((f) => ({...f, message: 'x'.repeat(100)}))
    const text = githubStepSummary(resultOf(big))
    expect(Buffer.byteLength(text)).toBeLessThan(1024 * 1024)
    expect(text).toMatch(/…and \d+ more findings not shown/)
  })

  it('is appended to $GITHUB_STEP_SUMMARY when it is set, and not written otherwise', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ks-summary-'))
    const file = path.join(dir, 'summary.md')
    writeFileSync(file, '# earlier step\n')
    expect(await writeGithubStepSummary(RESULT, {GITHUB_STEP_SUMMARY: file})).toBe(file)
    const text = readFileSync(file, 'utf8')
    expect(text.startsWith('# earlier step\n### kafka-sizer check\n')).toBe(true)
    expect(text).toContain('| 🔴 error | KT104 | payments.v1 | `topics/payments.yaml:12:5` |')
    expect(await writeGithubStepSummary(RESULT, {})).toBeUndefined()
  })
})
