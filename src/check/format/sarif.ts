// `--format sarif`: SARIF 2.1.0 for GitHub code scanning (github/codeql-action/upload-sarif) and other viewers.
// One run; tool.driver.rules holds every rule's metadata; each result points at the offending key with a
// repository-relative URI under %SRCROOT% and carries a partial fingerprint that ignores line numbers.
import type {CheckResult, RuleMeta, Severity} from '../types.js'
import {type FormatContext, fingerprints, ruleMeta, withFix} from './common.js'

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json'
/** The partialFingerprints key; bump the version when the identity's ingredients change. */
export const FINGERPRINT_KEY = 'kafkaSizerFinding/v1'

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {error: 'error', warning: 'warning', info: 'note'}

/** A relative POSIX path as a URI reference: each segment percent-encoded. */
export function pathToUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/')
}

function sarifRule(rule: RuleMeta) {
  return {
    id: rule.id,
    name: rule.name,
    shortDescription: {text: rule.title},
    fullDescription: {text: rule.description},
    defaultConfiguration: {level: LEVEL[rule.defaultSeverity]},
    properties: {tags: ['kafka', ...(rule.section === '' ? [] : [`section-${rule.section}`])], needs: rule.needs},
  }
}

export function renderSarif(result: CheckResult, ctx: FormatContext): string {
  // The rule catalogue in its order, plus any rule a finding names that the catalogue does not list.
  const rules: RuleMeta[] = [...ctx.rules]
  for (const f of result.findings) if (!rules.some((r) => r.id === f.ruleId)) rules.push(ruleMeta(rules, f.ruleId))
  const index = new Map(rules.map((r, i) => [r.id, i]))
  const prints = fingerprints(result.findings)
  const results = result.findings.map((f, i) => ({
    ruleId: f.ruleId,
    ruleIndex: index.get(f.ruleId)!,
    level: LEVEL[f.severity],
    message: {text: withFix(f.message, f.fix)},
    locations: [
      {
        physicalLocation: {
          artifactLocation: {uri: pathToUri(f.file), uriBaseId: '%SRCROOT%'},
          region: {startLine: f.line, startColumn: f.column},
        },
        ...(f.topic === '' ? {} : {logicalLocations: [{name: f.topic, kind: 'topic'}]}),
      },
    ],
    partialFingerprints: {[FINGERPRINT_KEY]: prints[i]},
    properties: {topic: f.topic, fix: f.fix},
  }))
  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: ctx.tool.name,
            version: ctx.tool.version,
            semanticVersion: ctx.tool.version,
            informationUri: ctx.tool.informationUri,
            rules: rules.map(sarifRule),
          },
        },
        invocations: [
          {
            executionSuccessful: result.summary.exitCode !== 2,
            exitCode: result.summary.exitCode,
            toolExecutionNotifications: result.summary.notEvaluated.map((n) => ({
              level: 'warning',
              message: {text: `${n.ruleId} not evaluated: ${n.reason}`},
              associatedRule: index.has(n.ruleId) ? {id: n.ruleId, index: index.get(n.ruleId)} : {id: n.ruleId},
            })),
          },
        ],
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  }
  return `${JSON.stringify(log, null, 2)}\n`
}
