// Inline suppressions and the deletion allow marker, in the three places users can write them:
// an annotation/label (`kafka-sizer.io/suppress: "KT203: reason"`), a comment on the topic's line or the
// line above (`# kafka-sizer: suppress KT203 reason`), and a plan topic's `suppress:` list.
import type {SourcePos, Suppression} from '../types.js'
import type {DocContext} from './yaml-nodes.js'

export const SUPPRESS_KEY = 'kafka-sizer.io/suppress'
export const ALLOW_DELETE_KEY = 'kafka-sizer.io/allow-delete'

/** A rule id (KT203) or a rule name (min-isr-above-rf); ids are upper-cased so "kt203" matches. */
const RULE = /^[A-Za-z][A-Za-z0-9_-]*$/

/**
 * "KT203: reason", "KT203, KT204 reason", "KT203 - reason"; several entries separated by newlines or ";".
 * Each rule gets the reason of its entry; an entry without a reason keeps `reason: undefined` (the check
 * service reports it). Text that names no rule is ignored here and left to the caller to report.
 */
export function parseSuppressions(text: string, pos: SourcePos): Suppression[] {
  const out: Suppression[] = []
  for (const part of text.split(/[\n;]/)) {
    const match = /^\s*([^\s:,]+(?:\s*,\s*[^\s:,]+)*)\s*(?:[:—–]|-(?=\s))?\s*(.*)$/.exec(part)
    if (!match || match[1] === undefined) continue
    const ids = match[1].split(',').map((s) => s.trim()).filter((s) => RULE.test(s))
    const reason = match[2]?.trim() || undefined
    for (const id of ids) out.push({ruleId: /^[a-z]+\d+$/i.test(id) ? id.toUpperCase() : id, reason, pos})
  }
  return out
}

/** Suppressions from an annotation or label map (`kafka-sizer.io/suppress`). */
export function suppressionsFromMap(values: Record<string, string>, pos: Record<string, SourcePos>): Suppression[] {
  const text = values[SUPPRESS_KEY]
  return text === undefined ? [] : parseSuppressions(text, pos[SUPPRESS_KEY]!)
}

/** `kafka-sizer.io/allow-delete: "true"` (also yes/1). */
export function allowDeleteFrom(...maps: Array<Record<string, string>>): boolean | undefined {
  for (const map of maps) {
    const value = map[ALLOW_DELETE_KEY]
    if (value !== undefined) return /^(true|yes|1)$/i.test(value.trim())
  }
  return undefined
}

/**
 * Suppression comments that apply to a topic defined at `line`: on that line or the one above, and for a
 * topic that is a whole document (Strimzi, topicctl), also the comments above the document's content.
 */
export function commentSuppressions(ctx: DocContext, line: number, wholeDocument: boolean): Suppression[] {
  const lines = new Set([line, line - 1])
  if (wholeDocument) for (let l = ctx.header.from; l <= ctx.header.to; l++) lines.add(l)
  const out: Suppression[] = []
  for (const l of [...lines].sort((a, b) => a - b)) {
    for (const comment of ctx.comments.get(l) ?? []) out.push(...parseSuppressions(comment.text, comment.pos))
  }
  return out
}
