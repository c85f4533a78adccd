// Markdown helpers for the report: Mermaid `xychart-beta` blocks from chart data, and table-cell escaping
// for GitHub-flavoured Markdown.
import type {Chart} from './types.js'

/** Mermaid strings are double-quoted and cannot contain a double quote. */
const quoted = (s: string) => `"${s.replace(/"/g, "'").replace(/\s+/g, ' ')}"`
const num = (v: number) => String(Number(v.toPrecision(4)))

function niceMax(v: number): number {
  if (!(v > 0) || !Number.isFinite(v)) return 1
  const magnitude = 10 ** Math.floor(Math.log10(v))
  const step = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find((s) => s * magnitude >= v) ?? 10
  return step * magnitude
}

/**
 * A fenced ```mermaid xychart-beta block: categories on x (bar labels, or the x values of a line chart),
 * bars and lines as data rows (xychart-beta has no legend, so the series names follow as a caption).
 */
export function mermaidChart(chart: Chart): string {
  const base = chart.series[0]
  const cats = base.points.map((p) => (typeof p.x === 'number' ? String(Number(p.x.toPrecision(3))) : String(p.x)))
  const values = chart.series.flatMap((s) => s.points.map((p) => p.y)).filter(Number.isFinite)
  const max = chart.y.max ?? niceMax(Math.max(...values) * 1.05)
  const unit = (label: string, u: string) => (u ? `${label} (${u})` : label)
  const rows = chart.series.map((s) => {
    const ys = cats.map((_, i) => {
      const y = s.points[i]?.y
      return y === undefined || !Number.isFinite(y) ? '0' : num(y)
    })
    return `    ${s.style === 'bar' ? 'bar' : 'line'} [${ys.join(', ')}]`
  })
  const lines = [
    '```mermaid',
    'xychart-beta',
    `    title ${quoted(chart.title)}`,
    `    x-axis ${quoted(unit(chart.x.label, chart.x.unit))} [${cats.map(quoted).join(', ')}]`,
    `    y-axis ${quoted(unit(chart.y.label, chart.y.unit))} ${num(chart.y.min)} --> ${num(max)}`,
    ...rows,
    '```',
  ]
  const key = `Series in order: ${chart.series.map((s) => `${s.name} (${s.style === 'bar' ? 'bars' : s.style === 'limit' ? 'reference line' : 'line'})`).join(', ')}`
  return `${lines.join('\n')}\n\n_${mdText(`${key}. ${chart.alt}`)}_`
}

/** Text safe inside a GFM table cell: pipes escaped, line breaks as spaces. */
export function mdCell(value: unknown): string {
  return mdText(String(value ?? '')).replace(/\|/g, '\\|')
}

/** Plain text that Markdown would otherwise read as markup: leading/trailing whitespace trimmed, HTML-ish angle brackets escaped. */
export function mdText(value: unknown): string {
  return String(value ?? '')
    .replace(/\s*\n\s*/g, ' ')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([*_`])/g, '\\$1')
    .trim()
}
