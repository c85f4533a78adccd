// `kafka-sizer check` in-process: exact --json documents and exit codes 0/1/2/3 on the fixtures in
// test/fixtures/check-command/, the formats written to files, usage errors, and --list-rules.
import {existsSync, mkdtempSync, readFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import Check from '../../src/commands/check.js'
import {run, runJson} from '../helpers/run-command.js'

const F = 'test/fixtures/check-command'
const summary = (s: Record<string, unknown>) => ({files: 1, topics: 1, errors: 0, warnings: 0, infos: 0, notEvaluated: [], failOn: 'error', exitCode: 0, ...s})

const KT104 = {
  ruleId: 'KT104',
  severity: 'error',
  message: 'min.insync.replicas 4 (set on the topic) > replication factor 3: every acks=all write fails',
  fix: 'set min.insync.replicas: 2',
  topic: 'payments.captured.v1',
  file: `${F}/topics/payments.yaml`,
  line: 12,
  column: 5,
}
const KT105 = {
  ruleId: 'KT105',
  severity: 'warning',
  message: 'min.insync.replicas 3 = replication factor 3: one broker down (or a rolling restart) blocks acks=all writes',
  fix: 'set min.insync.replicas: 2',
  topic: 'orders.shipped.v1',
  file: `${F}/topics/orders.yaml`,
  line: 12,
  column: 5,
}

describe('check --json and exit codes', () => {
  it('a plan file without a broker count is checked against the count `plan --file` sizes (12 here), and KT203 says it was sized', async () => {
    const r = await runJson<{findings: Array<{ruleId: string; message: string; line: number}>; summary: {notEvaluated: string[]}}>(Check, [`${F}/sized-plan`, '--rule', 'KT203'])
    expect(r.exitCode).toBe(0)
    expect(r.json.summary.notEvaluated).toEqual([])
    expect(r.json.findings).toEqual([
      expect.objectContaining({
        ruleId: 'KT203',
        severity: 'warning',
        line: 9,
        message: '40 partitions on 12 brokers (sized by kafka-sizer for this plan; set cluster.brokers to check against your real count): 4 brokers get one partition more than the others',
      }),
    ])
  })

  it('KT203 on a broker count the user gave (--brokers over the same plan file) does not say sized', async () => {
    const r = await runJson<{findings: Array<{ruleId: string; message: string}>}>(Check, [`${F}/sized-plan`, '--rule', 'KT203', '--brokers', '12'])
    expect(r.exitCode).toBe(0)
    expect(r.json.findings).toEqual([expect.objectContaining({ruleId: 'KT203', severity: 'warning', message: '40 partitions on 12 brokers: 4 brokers get one partition more than the others'})])
  })

  it("1: a plan on MSK Express brokers is held to the catalogue's client egress quota, as `plan` is; disk and NIC do not bind", async () => {
    const r = await runJson(Check, [`${F}/express-quota`])
    expect(r.json).toEqual({
      findings: [
        {
          ruleId: 'KT212',
          severity: 'error',
          message: 'client egress (consumers) 33.7 MB/s per broker = 108% of the 31.2 MB/s egress quota per broker of msk-express.m7g.large; largest: events.v1',
          fix: 'add brokers (at least 6, in whole racks of 3, to stay within the quota with every broker up; `kafka-sizer plan --file` adds the headroom to lose one) or use a larger unit with a higher quota',
          topic: 'events.v1',
          file: `${F}/express-quota/cluster.yaml`,
          line: 11,
          column: 5,
        },
      ],
      summary: summary({errors: 1, exitCode: 1}),
    })
    expect(r.exitCode).toBe(1)
  })

  it('0: a clean topic', async () => {
    const r = await runJson(Check, [`${F}/clean`])
    expect(r.json).toEqual({findings: [], summary: summary({})})
    expect(r.exitCode).toBe(0)
    expect(r.stderr).toBe('')
  })

  it('1: an error finding; findings sorted by file and line; the suppressed topic reports nothing', async () => {
    const r = await runJson(Check, [`${F}/topics`])
    expect(r.json).toEqual({findings: [KT105, KT104], summary: summary({files: 2, topics: 3, errors: 1, warnings: 1, exitCode: 1})})
    expect(r.exitCode).toBe(1)
  })

  it('--fail-on warning (flag or rules file) fails on a warning; below it exits 0', async () => {
    const file = `${F}/topics/orders.yaml`
    expect((await runJson(Check, [file])).exitCode).toBe(0)
    const flag = await runJson<{summary: {failOn: string}}>(Check, [file, '--fail-on', 'warning'])
    expect([flag.exitCode, flag.json.summary.failOn]).toEqual([1, 'warning'])
    expect((await runJson(Check, [file, '--rules', `${F}/rules-warning.yaml`])).exitCode).toBe(1)
  })

  it('the rules file switches a rule off for a topic pattern', async () => {
    const r = await runJson(Check, [`${F}/topics`, '--rules', `${F}/rules-off.yaml`])
    expect(r.json).toEqual({findings: [KT105], summary: summary({files: 2, topics: 3, warnings: 1})})
    expect(r.exitCode).toBe(0)
  })

  it('2: a malformed file is a finding with its path; the other file is still checked', async () => {
    const r = await runJson(Check, [`${F}/broken`])
    expect(r.json).toEqual({
      findings: [
        {
          ruleId: 'KT900',
          severity: 'error',
          message: 'not valid YAML or JSON: Flow sequence in block collection must be sufficiently indented and end with a ]; the topics of this document were not checked',
          fix: '',
          topic: '',
          file: `${F}/broken/malformed.yaml`,
          line: 9,
          column: 5,
        },
      ],
      summary: summary({files: 2, topics: 1, errors: 1, exitCode: 2}),
    })
    expect(r.exitCode).toBe(2)
  })

  it('2: an unknown hardware profile in a plan file is reported at its key, with the closest name', async () => {
    const r = await runJson<{findings: unknown[]; summary: {exitCode: number}}>(Check, [`${F}/unknown-hardware`])
    expect(r.json.findings).toEqual([
      {
        ruleId: 'KT900',
        severity: 'error',
        message: 'cluster.hardware: no hardware profile named "msk-express.m7g.lrage". Did you mean "msk-express.m7g.large"? (list every profile with `kafka-sizer hardware list`)',
        fix: '',
        topic: '',
        file: `${F}/unknown-hardware/cluster.yaml`,
        line: 4,
        column: 3,
      },
    ])
    expect(r.exitCode).toBe(2)
  })

  it('2: values a plan file may not combine (as `plan --file` refuses them) are reported at their keys; one a rule covers is reported once, by the rule', async () => {
    const r = await runJson<{findings: Array<{ruleId: string; line: number; column: number; message: string}>; summary: {exitCode: number}}>(Check, [`${F}/plan-cross-checks`])
    expect(r.json.findings.map((f) => [f.ruleId, f.line, f.column, f.message])).toEqual([
      ['KT900', 7, 3, 'cluster.failurePolicy: survive-one-az needs at least 2 availability zones, but azs is 1; set azs, or use survive-one-broker'],
      ['KT104', 14, 5, 'min.insync.replicas 4 (set on the topic as minInsyncReplicas) > replication factor 3: every acks=all write fails'],
      ['KT900', 16, 5, 'topics[0].compressionRatio: is given without a codec; set compression (gzip, snappy, lz4 or zstd) with it'],
      ['KT900', 19, 10, 'topics[0].consumerGroups[1].name: "analytics" is already the name of consumerGroups[0] (line 18)'],
    ])
    expect(r.exitCode).toBe(2)
  })

  it('3: a rule asked for with --rule that lacks its input', async () => {
    const r = await runJson(Check, [`${F}/clean`, '--rule', 'KT206'])
    expect(r.json).toEqual({findings: [], summary: summary({notEvaluated: [{ruleId: 'KT206', reason: 'the cluster profile has no broker count'}], exitCode: 3})})
    expect(r.exitCode).toBe(3)
  })
})

describe('check text output', () => {
  it('groups by file with the fix under each finding; skipped rules are one note on stderr', async () => {
    const r = await run(Check, [`${F}/topics`])
    expect(r.stdout).toBe(
      [
        `${F}/topics/orders.yaml`,
        `  ${F}/topics/orders.yaml:12:5  warning  KT105  orders.shipped.v1: ${KT105.message}`,
        '    fix: set min.insync.replicas: 2',
        '',
        `${F}/topics/payments.yaml`,
        `  ${F}/topics/payments.yaml:12:5  error    KT104  payments.captured.v1: ${KT104.message}`,
        '    fix: set min.insync.replicas: 2',
        '',
        '2 findings (1 error, 1 warning, 0 info) in 3 topics in 2 files (--fail-on error).',
        'exit 1: findings at or above --fail-on',
        '',
      ].join('\n'),
    )
    expect(r.stderr).toMatch(/^skipped for lack of input: KT\d{3}(, KT\d{3})* \(--list-rules says what each needs; name one with --rule to see why\)\n$/)
    expect(r.exitCode).toBe(1)
  })
})

describe('check --format to files', () => {
  it('writes each format to its file, text stays on stdout', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ks-check-out-'))
    const out = (name: string) => path.join(dir, 'reports', name)
    const r = await run(Check, [`${F}/topics`, '--format', 'text', '--format', `sarif=${out('check.sarif')}`, '--format', `junit=${out('junit.xml')}`, '--format', `gitlab=${out('cq.json')}`, '--format', `json=${out('check.json')}`, '--format', `github=${out('gh.txt')}`])
    expect(r.exitCode).toBe(1)
    expect(r.stdout).toContain('2 findings (1 error, 1 warning, 0 info)')
    for (const f of ['check.sarif', 'junit.xml', 'cq.json', 'check.json', 'gh.txt']) expect(existsSync(out(f))).toBe(true)
    expect(r.stderr).toContain(`wrote ${out('check.sarif')} (sarif)\n`)
    expect(JSON.parse(readFileSync(out('check.json'), 'utf8')).findings).toEqual([KT105, KT104])
    const sarif = JSON.parse(readFileSync(out('check.sarif'), 'utf8'))
    expect(sarif.runs[0].tool.driver.rules.map((x: {id: string}) => x.id)).toEqual(expect.arrayContaining(['KT001', 'KT104', 'KT000', 'KT900']))
    expect(readFileSync(out('junit.xml'), 'utf8')).toContain('<testcase name="orders.audit.v1"')
    expect(readFileSync(out('gh.txt'), 'utf8').split('\n')[0]).toMatch(/^::error file=test\/fixtures\/check-command\/topics\/payments\.yaml,line=12,endLine=12,col=5,title=KT104 \(payments\.captured\.v1\)::/)
  })

  it('--json with formats written to files', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ks-check-out-'))
    const r = await runJson(Check, [`${F}/clean`, '--format', `sarif=${path.join(dir, 'c.sarif')}`])
    expect(r.json).toEqual({findings: [], summary: summary({})})
    expect(existsSync(path.join(dir, 'c.sarif'))).toBe(true)
  })
})

describe('check usage errors exit 2 with one line', () => {
  const cases: Array<[string, string[], string]> = [
    ['an unknown format', ['--format', 'xml'], 'Error: --format: "xml" is not a format. Expected one of text, json, sarif, junit, github, gitlab, optionally with =FILE. Example: --format sarif=check.sarif'],
    ['two formats on stdout', ['--format', 'text', '--format', 'github'], 'Error: --format: text and github would both go to stdout; give all but one a file, e.g. --format github=FILE'],
    ['an unknown rule', ['--rule', 'KT1O4'], 'Error: --rule: unknown rule "KT1O4" (did you mean "KT104"?)'],
    ['a missing rules file', ['--rules', 'nope.yaml'], 'Error: --rules: cannot read nope.yaml: no such file or directory'],
    ['a bad --broker-config', ['--broker-config', 'min.insync.replicas'], 'Error: --broker-config: "min.insync.replicas" is not key=value. Expected a broker setting and its value. Example: --broker-config min.insync.replicas=2'],
  ]
  for (const [what, args, message] of cases) {
    it(what, async () => {
      const r = await run(Check, [`${F}/clean`, ...args])
      expect(r.exitCode).toBe(2)
      expect(r.stderr.split('\n')[0]).toBe(message)
    })
  }

  it('--json with a format on stdout: the JSON error envelope', async () => {
    const r = await run(Check, [`${F}/clean`, '--json', '--format', 'sarif'])
    expect(r.exitCode).toBe(2)
    expect(JSON.parse(r.stdout).error).toMatchObject({message: '--json prints the JSON result on stdout, so --format sarif needs a file: --format sarif=FILE', exitCode: 2})
  })

  it('a path that does not exist', async () => {
    const r = await run(Check, [`${F}/nope`])
    expect(r.exitCode).toBe(2)
    expect(r.stderr).toContain(`${F}/nope`)
  })
})

describe('check --list-rules', () => {
  it('lists every rule, the service’s own included', async () => {
    const r = await run(Check, ['--list-rules'])
    expect(r.exitCode).toBe(0)
    for (const id of ['KT001', 'KT104', 'KT206', 'KT501', 'KT605', 'KT000', 'KT900']) expect(r.stdout).toContain(id)
    expect(r.stdout).toContain('Needs: S the topic spec, C a cluster profile')
  })

  it('--json: the rule metadata', async () => {
    const r = await runJson<Array<{id: string; name: string; defaultSeverity: string; needs: string[]}>>(Check, ['--list-rules'])
    expect(r.json.find((x) => x.id === 'KT900')).toMatchObject({name: 'input-problem', defaultSeverity: 'error', needs: ['spec']})
    expect(r.json.find((x) => x.id === 'KT104')).toMatchObject({defaultSeverity: 'error'})
    expect(new Set(r.json.map((x) => x.id)).size).toBe(r.json.length)
  })
})
