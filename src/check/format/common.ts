// What every output format shares: the context it renders in, severity order, and stable fingerprints.
import {createHash} from 'node:crypto'
import type {CheckResult, Finding, RuleMeta, Severity} from '../types.js'

/** A topic that was checked, findings or not (JUnit lists each one as a test case). */
export interface CheckedTopic {
  name: string
  file: string
  line: number
  column: number
}

export interface FormatContext {
  /** Metadata of every rule (the rule catalogue and the service's own rules), in --list-rules order. */
  rules: RuleMeta[]
  tool: {name: string; version: string; informationUri: string}
  /** Files and topics read; without it, formats that list clean topics list only those with findings. */
  checked?: {files: string[]; topics: CheckedTopic[]}
}

export const SEVERITY_RANK: Record<Severity, number> = {error: 0, warning: 1, info: 2}

/** Position order: file, line, column, rule id (the order of CheckResult.findings). */
export function byPosition(a: Finding, b: Finding): number {
  return compare(a.file, b.file) || a.line - b.line || a.column - b.column || compare(a.ruleId, b.ruleId) || compare(a.message, b.message)
}

/** Severity first (errors first), then position. */
export function bySeverity(a: Finding, b: Finding): number {
  return SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || byPosition(a, b)
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`
}

/** "2 errors, 1 warning, 0 info" */
export function countsText(summary: CheckResult['summary']): string {
  return `${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}, ${summary.infos} info`
}

/** Whether a finding fails the check under the result's --fail-on. */
export function fails(finding: Finding, failOn: 'error' | 'warning'): boolean {
  return SEVERITY_RANK[finding.severity] <= SEVERITY_RANK[failOn]
}

/**
 * Stable identities of findings, independent of line and column so they survive lines moving: rule id, file,
 * topic, and the message with its numbers masked (a changed value is the same finding), plus an occurrence
 * counter among findings that are otherwise identical. Hex SHA-256, one per finding, in the given order.
 */
export function fingerprints(findings: readonly Finding[]): string[] {
  const seen = new Map<string, number>()
  const ordered = findings.map((f, i) => ({f, i})).sort((a, b) => byPosition(a.f, b.f))
  const out: string[] = new Array(findings.length)
  for (const {f, i} of ordered) {
    const identity = ['kafka-sizer-check/v1', f.ruleId, f.file, f.topic, f.message.replace(/\d+(?:[.,]\d+)*/g, '#')].join('\u0000')
    const n = seen.get(identity) ?? 0
    seen.set(identity, n + 1)
    out[i] = createHash('sha256').update(`${identity}\u0000${n}`).digest('hex')
  }
  return out
}

/** The rule's metadata, or a minimal one for an id the catalogue does not know. */
export function ruleMeta(rules: readonly RuleMeta[], id: string): RuleMeta {
  return (
    rules.find((r) => r.id === id) ?? {id, name: id.toLowerCase(), title: id, section: '', defaultSeverity: 'warning', needs: [], description: id}
  )
}

/** "message. Fix: fix" for formats with one message field. */
export function withFix(message: string, fix: string): string {
  if (fix === '') return message
  return `${message}${/[.!?]$/.test(message) ? '' : '.'} Fix: ${fix}`
}
