// `--format junit`: JUnit XML for GitLab (artifacts:reports:junit) and GitHub test-report actions. One test
// suite per file, one test case per topic, one <failure> per finding at or above --fail-on; findings below it
// go to the test case's <system-out>. Findings about a file rather than a topic form a "(file)" test case.
import {XMLBuilder} from 'fast-xml-parser'
import type {CheckResult, Finding} from '../types.js'
import {byPosition, compare, type FormatContext, fails} from './common.js'

/** XML 1.0 cannot carry most control characters, even escaped. */
function xmlText(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '\uFFFD')
}

const FILE_CASE = '(file)'

function line(f: Finding): string {
  return `${f.file}:${f.line}:${f.column} ${f.severity} ${f.ruleId} ${f.message}${f.fix === '' ? '' : `\nfix: ${f.fix}`}`
}

export function renderJunit(result: CheckResult, ctx: Pick<FormatContext, 'checked'> = {}): string {
  const {failOn} = result.summary
  // file → topic → findings; every checked topic is a test case, findings or not.
  const files = new Map<string, Map<string, Finding[]>>()
  const caseOf = (file: string, topic: string) => {
    if (!files.has(file)) files.set(file, new Map())
    const cases = files.get(file)!
    if (!cases.has(topic)) cases.set(topic, [])
    return cases.get(topic)!
  }
  for (const file of ctx.checked?.files ?? []) if (!files.has(file)) files.set(file, new Map())
  for (const t of ctx.checked?.topics ?? []) caseOf(t.file, t.name)
  for (const f of [...result.findings].sort(byPosition)) caseOf(f.file, f.topic === '' ? FILE_CASE : f.topic).push(f)

  let tests = 0
  let failures = 0
  const suites = [...files.keys()].sort(compare).map((file) => {
    const cases = [...files.get(file)!.entries()].map(([topic, findings]) => {
      const failing = findings.filter((f) => fails(f, failOn))
      const rest = findings.filter((f) => !fails(f, failOn))
      return {
        '@_name': xmlText(topic),
        '@_classname': xmlText(file),
        '@_file': xmlText(file),
        ...(failing.length === 0 ? {} : {failure: failing.map((f) => ({'@_message': xmlText(`${f.ruleId}: ${f.message}`), '@_type': f.ruleId, '#text': xmlText(line(f))}))}),
        ...(rest.length === 0 ? {} : {'system-out': xmlText(rest.map(line).join('\n'))}),
      }
    })
    const failed = cases.filter((c) => 'failure' in c).length
    tests += cases.length
    failures += failed
    return {
      '@_name': xmlText(file),
      '@_tests': cases.length,
      '@_failures': failed,
      '@_errors': 0,
      '@_skipped': 0,
      ...(cases.length === 0 ? {} : {testcase: cases}),
    }
  })
  const doc = {
    '?xml': {'@_version': '1.0', '@_encoding': 'UTF-8'},
    testsuites: {'@_name': 'kafka-sizer check', '@_tests': tests, '@_failures': failures, '@_errors': 0, '@_skipped': 0, ...(suites.length === 0 ? {} : {testsuite: suites})},
  }
  const builder = new XMLBuilder({ignoreAttributes: false, attributeNamePrefix: '@_', format: true, indentBy: '  ', suppressEmptyNode: true})
  return builder.build(doc) as string
}
