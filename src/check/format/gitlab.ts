// `--format gitlab`: a GitLab Code Quality report (artifacts:reports:codequality), a JSON array of Code
// Climate issues. Fingerprints ignore line numbers, so the merge-request widget matches findings across edits.
import {createHash} from 'node:crypto'
import type {CheckResult, Severity} from '../types.js'
import {fingerprints, withFix} from './common.js'

/** Code Quality severities: info | minor | major | critical | blocker. */
export const GITLAB_SEVERITY: Record<Severity, 'info' | 'minor' | 'major' | 'critical' | 'blocker'> = {
  error: 'critical',
  warning: 'major',
  info: 'info',
}

export function renderGitlab(result: CheckResult): string {
  const prints = fingerprints(result.findings)
  const issues = result.findings.map((f, i) => ({
    type: 'issue',
    check_name: f.ruleId,
    description: `${f.ruleId}${f.topic === '' ? '' : ` ${f.topic}`}: ${withFix(f.message, f.fix)}`,
    ...(f.fix === '' ? {} : {content: {body: f.fix}}),
    categories: ['Bug Risk'],
    fingerprint: createHash('md5').update(prints[i]!).digest('hex'),
    severity: GITLAB_SEVERITY[f.severity],
    location: {path: f.file, lines: {begin: f.line}},
  }))
  return `${JSON.stringify(issues, null, 2)}\n`
}
