// `--format github`: GitHub Actions workflow commands (annotations on the pull request), errors first, and a
// Markdown table for the job summary ($GITHUB_STEP_SUMMARY). GitHub shows at most 10 annotations of each type
// per step, so when more would be cut a summary `::notice` says how many and where to see them.
import {appendFile} from 'node:fs/promises'
import type {CheckResult, Finding, Severity} from '../types.js'
import {bySeverity, countsText, plural} from './common.js'

/** Annotations GitHub shows per type (error, warning, notice) in one step. */
export const ANNOTATIONS_PER_TYPE = 10
/** GitHub's limit on one step's summary. */
export const STEP_SUMMARY_LIMIT = 1024 * 1024

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = {error: 'error', warning: 'warning', info: 'notice'}

/** Escaping of a workflow command's message (actions/toolkit escapeData). */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

/** Escaping of a workflow command's property value (actions/toolkit escapeProperty). */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

function annotation(f: Finding): string {
  const title = f.topic === '' ? f.ruleId : `${f.ruleId} (${f.topic})`
  const props = `file=${escapeProperty(f.file)},line=${f.line},endLine=${f.line},col=${f.column},title=${escapeProperty(title)}`
  const message = f.fix === '' ? f.message : `${f.message}\nFix: ${f.fix}`
  return `::${COMMAND[f.severity]} ${props}::${escapeData(message)}`
}

/** How many annotations of each type GitHub would drop, given whether a summary notice takes one notice slot. */
function cut(findings: readonly Finding[], withNotice: boolean): number {
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length
  const over = (n: number, room: number) => Math.max(0, n - room)
  return over(count('error'), ANNOTATIONS_PER_TYPE) + over(count('warning'), ANNOTATIONS_PER_TYPE) + over(count('info'), ANNOTATIONS_PER_TYPE - (withNotice ? 1 : 0))
}

export interface GithubOptions {
  /** Whether the findings also go to the job summary (GITHUB_STEP_SUMMARY is set): the notice points there. */
  stepSummary: boolean
}

export function renderGithub(result: CheckResult, options: GithubOptions = {stepSummary: false}): string {
  const sorted = [...result.findings].sort(bySeverity)
  const lines: string[] = []
  const hidden = cut(sorted, false) > 0 ? cut(sorted, true) : 0
  let noticed = false
  const summaryNotice = () => {
    const where = options.stepSummary ? 'see the job summary for all of them' : 'run kafka-sizer check locally or upload SARIF to see all of them'
    lines.push(
      `::notice title=${escapeProperty('kafka-sizer check')}::${escapeData(`${plural(sorted.length, 'finding')} (${countsText(result.summary)}); GitHub shows at most ${ANNOTATIONS_PER_TYPE} annotations of each type per step, so ${hidden} ${hidden === 1 ? 'is' : 'are'} not shown here: ${where}.`)}`,
    )
    noticed = true
  }
  for (const f of sorted) {
    // The summary goes first among the notices, so GitHub's cut never drops it.
    if (hidden > 0 && !noticed && f.severity === 'info') summaryNotice()
    lines.push(annotation(f))
  }
  if (hidden > 0 && !noticed) summaryNotice()
  for (const n of result.summary.notEvaluated) lines.push(`::warning title=${escapeProperty(`${n.ruleId} not evaluated`)}::${escapeData(n.reason)}`)
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`
}

/** A Markdown table cell: pipes escaped, line breaks as <br>. */
function cell(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>')
}

const ICON: Record<Severity, string> = {error: '🔴 error', warning: '🟡 warning', info: '🔵 info'}

/** The job summary: a headline and one table row per finding, errors first, within GitHub's 1 MiB. */
export function githubStepSummary(result: CheckResult): string {
  const {summary} = result
  const scope = `${plural(summary.topics, 'topic')} in ${plural(summary.files, 'file')}`
  const head = [`### kafka-sizer check`, '']
  if (result.findings.length === 0) head.push(`✅ No findings in ${scope}.`)
  else head.push(`${summary.exitCode === 0 ? '⚠️' : '❌'} ${plural(result.findings.length, 'finding')} (${countsText(summary)}) in ${scope}; \`--fail-on ${summary.failOn}\`, exit ${summary.exitCode}.`)
  for (const n of summary.notEvaluated) head.push('', `⚠️ **${n.ruleId} not evaluated:** ${cell(n.reason)}`)
  if (result.findings.length === 0) return `${head.join('\n')}\n`
  head.push('', '| Severity | Rule | Topic | Location | Message | Fix |', '|---|---|---|---|---|---|')
  const parts = [head.join('\n')]
  let bytes = Buffer.byteLength(parts[0]!)
  const sorted = [...result.findings].sort(bySeverity)
  for (const [i, f] of sorted.entries()) {
    const row = `\n| ${ICON[f.severity]} | ${f.ruleId} | ${cell(f.topic)} | \`${cell(f.file)}:${f.line}:${f.column}\` | ${cell(f.message)} | ${cell(f.fix)} |`
    bytes += Buffer.byteLength(row)
    // Room is kept for the closing line.
    if (bytes > STEP_SUMMARY_LIMIT - 1024) {
      parts.push(`\n\n…and ${sorted.length - i} more findings not shown (the job summary is limited to 1 MiB): see the SARIF or JSON output.`)
      break
    }
    parts.push(row)
  }
  return `${parts.join('')}\n`
}

/** Appends the job summary when GITHUB_STEP_SUMMARY names a file; returns the file written, if any. */
export async function writeGithubStepSummary(result: CheckResult, env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  const file = env.GITHUB_STEP_SUMMARY
  if (file === undefined || file === '') return undefined
  await appendFile(file, `${githubStepSummary(result)}\n`)
  return file
}
