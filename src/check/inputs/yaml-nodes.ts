// Reading values out of `yaml` nodes while keeping where they were written. Parsers walk the node tree
// (not doc.toJS()) because every value must carry the 1-based line:column of its key.
import {type Document, isAlias, isMap, isScalar, isSeq, type LineCounter, type Node, visit} from 'yaml'
import type {SourcePos} from '../types.js'

/** One parsed document and what is needed to turn offsets into positions. */
export interface DocContext {
  /** Path relative to cwd, POSIX separators. */
  file: string
  doc: Document.Parsed
  lines: LineCounter
  /** Suppression comments of the whole file, by line (see ./documents.ts). */
  comments: ReadonlyMap<number, CommentAt[]>
  /** Lines (inclusive) before the document's content whose comments belong to the whole document. */
  header: {from: number; to: number}
}

export interface CommentAt {
  /** The comment text after "#". */
  text: string
  pos: SourcePos
}

/** A mapping entry: its key as text, the value node, and the position of the key. */
export interface Entry {
  key: string
  value: unknown
  pos: SourcePos
}

export function posAt(ctx: Pick<DocContext, 'file' | 'lines'>, offset: number): SourcePos {
  const {line, col} = ctx.lines.linePos(offset)
  return {file: ctx.file, line, column: col}
}

/** The position where a node starts (its range), or the document start when it has none. */
export function posOf(ctx: DocContext, node: unknown): SourcePos {
  const range = (node as Node | null | undefined)?.range
  return posAt(ctx, range ? range[0] : (ctx.doc.range?.[0] ?? 0))
}

/** Anchors of a document by name, in file order: built once, so resolving N aliases stays linear. */
const anchorIndex = new WeakMap<Document, Map<string, Array<{start: number; node: Node}>>>()

function anchorsOf(doc: Document.Parsed): Map<string, Array<{start: number; node: Node}>> {
  let index = anchorIndex.get(doc)
  if (index !== undefined) return index
  const built = new Map<string, Array<{start: number; node: Node}>>()
  visit(doc, (_key, node) => {
    const anchor = (node as {anchor?: string}).anchor
    const range = (node as Node).range
    if (anchor === undefined || range === undefined || range === null) return
    const list = built.get(anchor) ?? []
    list.push({start: range[0], node: node as Node})
    built.set(anchor, list)
  })
  index = built
  anchorIndex.set(doc, index)
  return index
}

/** Follows an alias (`*defaults`) to the node it names: the last anchor of that name before the alias. */
export function resolve(ctx: DocContext, node: unknown): unknown {
  if (!isAlias(node)) return node
  const candidates = anchorsOf(ctx.doc).get(node.source) ?? []
  const at = node.range?.[0] ?? Number.POSITIVE_INFINITY
  let found: Node | undefined
  for (const c of candidates) if (c.start < at) found = c.node
  return found
}

export function isMapping(ctx: DocContext, node: unknown): boolean {
  return isMap(resolve(ctx, node))
}

/**
 * The entries of a mapping in file order, with YAML merge keys (`<<: *defaults`) expanded: merged entries
 * come first and give way to keys written in the mapping itself. Empty for anything but a mapping.
 */
export function entries(ctx: DocContext, node: unknown): Entry[] {
  const map = resolve(ctx, node)
  if (!isMap(map)) return []
  const own: Entry[] = []
  const merged: Entry[] = []
  for (const pair of map.items) {
    const key = pair.key
    if (isScalar(key) && typeof key.value === 'symbol') {
      // `<<: *a` or `<<: [*a, *b]`: earlier sources win over later ones, as in YAML 1.1.
      const sources = isSeq(pair.value) ? pair.value.items : [pair.value]
      for (const source of sources) merged.push(...entries(ctx, source).filter((e) => !merged.some((m) => m.key === e.key)))
      continue
    }
    own.push({key: keyText(key), value: pair.value, pos: posOf(ctx, key ?? pair.value)})
  }
  if (merged.length === 0) return own
  const written = new Set(own.map((e) => e.key))
  return [...merged.filter((e) => !written.has(e.key)), ...own]
}

function keyText(key: unknown): string {
  if (isScalar(key)) return key.value === null ? '' : String(key.value)
  return String(key)
}

/** The entry for `key` (the last one when the key is repeated, as YAML loaders do), or undefined. */
export function entry(ctx: DocContext, node: unknown, key: string): Entry | undefined {
  let found: Entry | undefined
  for (const e of entries(ctx, node)) if (e.key === key) found = e
  return found
}

/** The entries of several keys at once, in one pass over the mapping. */
export function pick<K extends string>(ctx: DocContext, node: unknown, keys: readonly K[]): Partial<Record<K, Entry>> {
  const wanted = new Set<string>(keys)
  const out: Partial<Record<K, Entry>> = {}
  for (const e of entries(ctx, node)) if (wanted.has(e.key)) out[e.key as K] = e
  return out
}

/**
 * A value as written: a scalar's own type (number, string, boolean, null); an integer too large for a
 * JavaScript number keeps its source text, so 9223372036854775807 is not silently rounded.
 * Collections become plain data.
 */
export function plain(ctx: DocContext, node: unknown): unknown {
  const n = resolve(ctx, node)
  if (n === null || n === undefined) return null
  if (isScalar(n)) {
    if (typeof n.value === 'number' && Number.isInteger(n.value) && !Number.isSafeInteger(n.value) && typeof n.source === 'string') return n.source
    return n.value
  }
  return (n as Node).toJS(ctx.doc, {maxAliasCount: 1000})
}

/**
 * A topic config value: as `plain`, with a list of scalars joined by commas, the form Kafka itself uses
 * for list-typed configs (`cleanup.policy: [compact, delete]` → "compact,delete").
 */
export function configValue(ctx: DocContext, node: unknown): unknown {
  const value = plain(ctx, node)
  if (Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object')) return value.join(',')
  return value
}

/** A scalar as text (strings, numbers, booleans), or undefined for anything else. */
export function text(ctx: DocContext, node: unknown): string | undefined {
  const value = plain(ctx, node)
  return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined
}

/** A string→string map (labels, annotations): scalars as text, other values skipped. */
export function stringMap(ctx: DocContext, node: unknown): {values: Record<string, string>; pos: Record<string, SourcePos>} {
  const values: Record<string, string> = {}
  const pos: Record<string, SourcePos> = {}
  for (const e of entries(ctx, node)) {
    const value = text(ctx, e.value)
    if (value === undefined) continue
    values[e.key] = value
    pos[e.key] = e.pos
  }
  return {values, pos}
}

/** The items of a sequence (empty for anything else). */
export function items(ctx: DocContext, node: unknown): unknown[] {
  const seq = resolve(ctx, node)
  return isSeq(seq) ? seq.items : []
}
