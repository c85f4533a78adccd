// A file's text → its YAML documents (JSON is read as YAML 1.2, its superset, so JSON keeps positions too),
// each with line:column positions and the file's `# kafka-sizer: suppress …` comments indexed by line.
import {Composer, type Document, LineCounter, Parser} from 'yaml'
import type {InputProblem} from '../types.js'
import {type CommentAt, type DocContext, posAt} from './yaml-nodes.js'

/** A suppression comment: `# kafka-sizer: suppress KT203 reason`; the part after "suppress" is kept. */
const SUPPRESS_COMMENT = /^#\s*kafka-sizer\s*:\s*suppress\b\s*(.*)$/i

export interface ParsedFile {
  docs: DocContext[]
  problems: InputProblem[]
}

/** `{{ .Values.x }}`, `{{- include … }}`: a Helm or Go template, which is not YAML until rendered. */
const TEMPLATE = /\{\{-?\s*[-.$\w(]/

export function parseDocuments(text: string, file: string): ParsedFile {
  const template = TEMPLATE.exec(text)
  if (template) {
    const before = text.slice(0, template.index)
    const line = before.split('\n').length
    const column = template.index - before.lastIndexOf('\n')
    const message = 'the file looks like a Helm or Go template ({{ … }}), which is not YAML until rendered; render it first (helm template …) and check the output'
    return {docs: [], problems: [{file, line, column, severity: 'warning', message}]}
  }
  const lines = new LineCounter()
  // One parse: the CST tokens give the comments (with offsets), the composer the documents.
  const tokens = [...new Parser(lines.addNewLine).parse(text)]
  // uniqueKeys off: a repeated key (the same topic twice, a config key twice) is a finding for the rules
  // (KT005, KT007), not a reason to refuse the whole file. merge: `<<: *defaults` is common in topic files.
  const composed = [...new Composer({uniqueKeys: false, merge: true, prettyErrors: false}).compose(tokens)] as Document.Parsed[]
  const comments = suppressionComments(tokens, file, lines)
  const problems: InputProblem[] = []
  const docs: DocContext[] = []
  let previousEnd = 0
  for (const doc of composed) {
    const contentStart = doc.contents?.range?.[0] ?? doc.range[0]
    const header = {from: previousEnd + 1, to: lines.linePos(contentStart).line}
    previousEnd = lines.linePos(doc.range[1]).line
    if (doc.errors.length > 0) {
      problems.push(syntaxProblem(doc, file, lines))
      continue
    }
    if (doc.contents === null) continue // an empty document (`---` alone, or only comments)
    docs.push({file, doc, lines, comments, header})
  }
  return {docs, problems}
}

function syntaxProblem(doc: Document.Parsed, file: string, lines: LineCounter): InputProblem {
  const first = doc.errors[0]!
  const pos = posAt({file, lines}, first.pos[0])
  const message = first.message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, '')
  const more = doc.errors.length > 1 ? ` (${doc.errors.length - 1} more error(s) may follow from this one)` : ''
  return {...at(pos), severity: 'error', message: `not valid YAML or JSON: ${message}${more}; the topics of this document were not checked`}
}

function at(pos: {file: string; line: number; column: number}): Pick<InputProblem, 'file' | 'line' | 'column'> {
  return {file: pos.file, line: pos.line, column: pos.column}
}

/** Every `# kafka-sizer: suppress` comment in the CST, by line. Walks the tokens once (linear). */
function suppressionComments(tokens: unknown[], file: string, lines: LineCounter): Map<number, CommentAt[]> {
  const out = new Map<number, CommentAt[]>()
  const visit = (token: unknown): void => {
    if (Array.isArray(token)) {
      for (const t of token) visit(t)
      return
    }
    if (token === null || typeof token !== 'object') return
    const t = token as {type?: unknown; source?: unknown; offset?: unknown}
    if (t.type === 'comment' && typeof t.source === 'string' && typeof t.offset === 'number') {
      const match = SUPPRESS_COMMENT.exec(t.source)
      if (match) {
        const pos = posAt({file, lines}, t.offset)
        const list = out.get(pos.line) ?? []
        list.push({text: match[1]!.trim(), pos})
        out.set(pos.line, list)
      }
      return
    }
    for (const value of Object.values(token)) if (value !== null && typeof value === 'object') visit(value)
  }
  visit(tokens)
  return out
}
