// The output formats of `kafka-sizer check`: each renders the CheckResult contract to one string.
import type {CheckResult} from '../types.js'
import type {FormatContext} from './common.js'
import {renderGithub} from './github.js'
import {renderGitlab} from './gitlab.js'
import {renderJson} from './json.js'
import {renderJunit} from './junit.js'
import {renderSarif} from './sarif.js'
import {renderText} from './text.js'

export type {CheckedTopic, FormatContext} from './common.js'

export const FORMATS = ['text', 'json', 'sarif', 'junit', 'github', 'gitlab'] as const
export type CheckFormat = (typeof FORMATS)[number]

export const FORMAT_DESCRIPTIONS: Record<CheckFormat, string> = {
  text: 'findings grouped by file, for people (coloured on a terminal)',
  json: 'the stable JSON contract: {findings, summary}',
  sarif: 'SARIF 2.1.0 for GitHub code scanning (upload-sarif) and SARIF viewers',
  junit: 'JUnit XML: a test case per topic, a failure per finding at or above --fail-on',
  github: 'GitHub Actions annotations (workflow commands); also a job summary when GITHUB_STEP_SUMMARY is set',
  gitlab: 'GitLab Code Quality report (artifacts:reports:codequality)',
}

export interface RenderOptions extends FormatContext {
  /** github: whether the job summary is written too (the cut-annotations notice then points there). */
  stepSummary?: boolean
}

export function renderFormat(format: CheckFormat, result: CheckResult, options: RenderOptions): string {
  switch (format) {
    case 'text':
      return renderText(result)
    case 'json':
      return renderJson(result)
    case 'sarif':
      return renderSarif(result, options)
    case 'junit':
      return renderJunit(result, options)
    case 'github':
      return renderGithub(result, {stepSummary: options.stepSummary ?? false})
    case 'gitlab':
      return renderGitlab(result)
  }
}
