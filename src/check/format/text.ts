// `--format text`: findings grouped by file, one `file:line:col severity RULE message` line each with its fix
// below, then a summary line. Colour comes from the project's style helper (off in pipes, NO_COLOR, --no-color).
import {style} from '../../render/style.js'
import type {CheckResult, Finding, Severity} from '../types.js'
import {byPosition, compare, countsText, plural} from './common.js'

const SEVERITY_WIDTH = 'warning'.length

function severityText(severity: Severity): string {
  const padded = severity.padEnd(SEVERITY_WIDTH)
  return severity === 'error' ? style.bad(padded) : severity === 'warning' ? style.warn(padded) : style.dim(padded)
}

function findingLines(f: Finding): string[] {
  const where = `${f.file}:${f.line}:${f.column}`
  const topic = f.topic === '' ? '' : `${f.topic}: `
  const lines = [`  ${where}  ${severityText(f.severity)}  ${style.strong(f.ruleId)}  ${topic}${f.message}`]
  if (f.fix !== '') lines.push(`    ${style.dim('fix:')} ${f.fix}`)
  return lines
}

export function renderText(result: CheckResult): string {
  const out: string[] = []
  const findings = [...result.findings].sort(byPosition)
  const files = [...new Set(findings.map((f) => f.file))].sort(compare)
  for (const file of files) {
    out.push(style.title(file))
    for (const f of findings.filter((x) => x.file === file)) out.push(...findingLines(f))
    out.push('')
  }
  const {summary} = result
  const scope = `${plural(summary.topics, 'topic')} in ${plural(summary.files, 'file')}`
  if (findings.length === 0) out.push(style.good(`No findings in ${scope}.`))
  else {
    const line = `${plural(findings.length, 'finding')} (${countsText(summary)}) in ${scope} (--fail-on ${summary.failOn}).`
    out.push(summary.exitCode === 0 ? style.warn(line) : style.bad(line))
  }
  for (const n of summary.notEvaluated) out.push(style.warn(`Not evaluated: ${n.ruleId}: ${n.reason}`))
  out.push(style.dim(`exit ${summary.exitCode}: ${EXIT_MEANING[summary.exitCode]}`))
  return `${out.join('\n')}\n`
}

const EXIT_MEANING: Record<CheckResult['summary']['exitCode'], string> = {
  0: 'no findings at or above --fail-on',
  1: 'findings at or above --fail-on',
  2: 'an input file could not be read or parsed (the other files were checked)',
  3: 'a rule you asked for could not be evaluated for lack of input',
}
