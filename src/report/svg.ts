// Inline SVG charts from the report's chart data: scales and paths from d3-scale and d3-shape, markup as
// strings (no DOM). Every chart has a <title> and <desc> (its text alternative), axis labels with units,
// and colours from CSS custom properties with fallbacks, so the page's light and dark themes apply.
import {scaleBand, scaleLinear, scaleLog} from 'd3-scale'
import {line} from 'd3-shape'
import type {Chart, ChartSeries} from './types.js'

const W = 720
const PALETTE = ['#2563eb', '#d97706', '#059669', '#db2777', '#7c3aed', '#0891b2', '#65a30d']

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')
}

const n = (x: number) => (Math.round(x * 10) / 10).toString()
const colour = (i: number) => `var(--ks-c${i % PALETTE.length}, ${PALETTE[i % PALETTE.length]})`
const INK = 'var(--ks-ink, #1f2937)'
const MUTED = 'var(--ks-muted, #6b7280)'
const GRID = 'var(--ks-grid, #e5e7eb)'
const LIMIT = 'var(--ks-limit, #dc2626)'

function text(x: number, y: number, s: string, attrs = ''): string {
  return `<text x="${n(x)}" y="${n(y)}" ${attrs}>${escapeXml(s)}</text>`
}

const axisLabel = (label: string, unit: string) => (unit ? `${label} (${unit})` : label)
const tickText = (v: number) => (Math.abs(v) >= 1000 ? v.toLocaleString('en-US') : String(Number(v.toPrecision(4))))

function frame(chart: Chart, height: number, body: string, legendSvg: string): string {
  const id = escapeXml(chart.id)
  return (
    `<svg class="ks-chart" viewBox="0 0 ${W} ${height}" width="${W}" height="${height}" role="img" aria-labelledby="${id}-title ${id}-desc" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" font-size="12">` +
    `<title id="${id}-title">${escapeXml(chart.title)}</title><desc id="${id}-desc">${escapeXml(chart.alt)}</desc>` +
    body +
    legendSvg +
    '</svg>'
  )
}

/** The legend below the plot, wrapped into rows: its markup from `top`, and its height. */
function legend(series: readonly ChartSeries[], top: number): {svg: string; height: number} {
  let x = 16
  let y = top + 12
  const parts: string[] = []
  series.forEach((s, i) => {
    const width = 30 + s.name.length * 6.5
    if (x > 16 && x + width > W - 8) {
      x = 16
      y += 18
    }
    const c = s.style === 'limit' ? LIMIT : colour(i)
    const swatch =
      s.style === 'bar' ? `<rect x="${x}" y="${y - 9}" width="12" height="10" style="fill:${c}"/>` : `<line x1="${x}" y1="${y - 4}" x2="${x + 14}" y2="${y - 4}" style="stroke:${c}" stroke-width="2"${s.style === 'limit' ? ' stroke-dasharray="4 3"' : ''}/>`
    parts.push(swatch + text(x + 18, y, s.name, `style="fill:${INK}"`))
    x += width
  })
  return {svg: `<g class="ks-legend">${parts.join('')}</g>`, height: y - top + 8}
}

/** Horizontal bars, one per category, with the 'limit' series as a dashed mark across each bar's row. */
function barChart(chart: Chart): string {
  const bars = chart.series.find((s) => s.style === 'bar') ?? chart.series[0]
  const limits = chart.series.find((s) => s.style === 'limit')
  const cats = bars.points.map((p) => String(p.x))
  const m = {top: 12, right: 56, bottom: 64, left: 200}
  const height = m.top + m.bottom + Math.max(1, cats.length) * 30
  const yb = scaleBand<string>().domain(cats).range([m.top, height - m.bottom]).padding(0.25)
  const max = chart.y.max ?? Math.max(1, ...bars.points.map((p) => p.y))
  const x = scaleLinear().domain([chart.y.min, max]).nice().range([m.left, W - m.right])
  const grid = x
    .ticks(6)
    .map((t) => `<line x1="${n(x(t))}" y1="${m.top}" x2="${n(x(t))}" y2="${height - m.bottom}" style="stroke:${GRID}"/>` + text(x(t), height - m.bottom + 16, tickText(t), `text-anchor="middle" style="fill:${MUTED}"`))
    .join('')
  const rows = bars.points
    .map((p, i) => {
      const y = yb(String(p.x)) ?? 0
      const h = yb.bandwidth()
      const over = limits && p.y > limits.points[i].y
      const fill = over ? LIMIT : colour(0)
      const label = text(m.left - 8, y + h / 2 + 4, String(p.x), `text-anchor="end" style="fill:${INK}"`)
      const bar = `<rect x="${m.left}" y="${n(y)}" width="${n(Math.max(0, x(Math.min(p.y, x.domain()[1])) - m.left))}" height="${n(h)}" style="fill:${fill}"><title>${escapeXml(`${p.x}: ${p.y}${chart.y.unit}`)}</title></rect>`
      const end = Math.min(x(p.y), W - m.right)
      const limitX = limits ? x(limits.points[i].y) : -Infinity
      const labelX = limitX >= end - 2 && limitX - end < 56 ? limitX + 6 : end + 4
      const value = text(labelX, y + h / 2 + 4, `${Number(p.y.toPrecision(3))}${chart.y.unit}`, `style="fill:${INK}"`)
      const lim = limits ? `<line x1="${n(x(limits.points[i].y))}" y1="${n(y - 3)}" x2="${n(x(limits.points[i].y))}" y2="${n(y + h + 3)}" style="stroke:${LIMIT}" stroke-width="2" stroke-dasharray="3 2"/>` : ''
      return label + bar + value + lim
    })
    .join('')
  const axis = text((m.left + W - m.right) / 2, height - m.bottom + 36, axisLabel(chart.y.label, chart.y.unit), `text-anchor="middle" style="fill:${INK}"`)
  const key = legend(limits ? [bars, limits] : [bars], height - m.bottom + 42)
  return frame(chart, height - m.bottom + 42 + key.height, grid + rows + axis, key.svg)
}

/** Lines over a numeric x axis (linear or log), 'limit' series dashed, with an optional vertical marker. */
function lineChart(chart: Chart): string {
  const height = 340
  const m = {top: 16, right: 24, bottom: 76, left: 72}
  const all = chart.series.flatMap((s) => s.points).filter((p) => typeof p.x === 'number' && Number.isFinite(p.y)) as Array<{x: number; y: number}>
  const xs = all.map((p) => p.x)
  const xMin = Math.min(...xs, chart.marker?.x ?? Infinity)
  const xMax = Math.max(...xs, chart.marker?.x ?? -Infinity)
  const x = chart.x.log && xMin > 0 ? scaleLog().domain([xMin, xMax]).range([m.left, W - m.right]) : scaleLinear().domain([xMin, xMax === xMin ? xMin + 1 : xMax]).nice().range([m.left, W - m.right])
  const yMax = chart.y.max ?? Math.max(1e-9, ...all.map((p) => p.y)) * 1.08
  const y = scaleLinear().domain([chart.y.min, yMax]).nice().range([height - m.bottom, m.top])
  const xTicks = chart.x.log ? [...new Set(xs)].sort((a, b) => a - b) : x.ticks(8)
  const grid =
    y.ticks(5).map((t) => `<line x1="${m.left}" y1="${n(y(t))}" x2="${W - m.right}" y2="${n(y(t))}" style="stroke:${GRID}"/>` + text(m.left - 6, y(t) + 4, tickText(t), `text-anchor="end" style="fill:${MUTED}"`)).join('') +
    xTicks.map((t) => text(x(t), height - m.bottom + 16, tickText(t), `text-anchor="middle" style="fill:${MUTED}"`)).join('') +
    `<line x1="${m.left}" y1="${height - m.bottom}" x2="${W - m.right}" y2="${height - m.bottom}" style="stroke:${MUTED}"/>`
  const path = line<{x: number; y: number}>()
    .x((p) => x(p.x))
    .y((p) => y(p.y))
  const lines = chart.series
    .map((s, i) => {
      const pts = s.points.filter((p) => typeof p.x === 'number' && Number.isFinite(p.y)) as Array<{x: number; y: number}>
      const c = s.style === 'limit' ? LIMIT : colour(i)
      const d = path(pts) ?? ''
      const dots = s.style === 'limit' ? '' : pts.map((p) => `<circle cx="${n(x(p.x))}" cy="${n(y(p.y))}" r="2.5" style="fill:${c}"><title>${escapeXml(`${s.name}: ${tickText(p.x)} ${chart.x.unit} → ${tickText(p.y)} ${chart.y.unit}`)}</title></circle>`).join('')
      return `<path d="${d}" fill="none" style="stroke:${c}" stroke-width="2"${s.style === 'limit' ? ' stroke-dasharray="6 4"' : ''}/>${dots}`
    })
    .join('')
  const marker = chart.marker
    ? `<line x1="${n(x(chart.marker.x))}" y1="${m.top}" x2="${n(x(chart.marker.x))}" y2="${height - m.bottom}" style="stroke:${MUTED}" stroke-dasharray="2 3"/>` +
      text(x(chart.marker.x) + 4, m.top + 10, chart.marker.label, `style="fill:${INK}"`)
    : ''
  const axes =
    text((m.left + W - m.right) / 2, height - m.bottom + 34, axisLabel(chart.x.label, chart.x.unit) + (chart.x.log ? ', log scale' : ''), `text-anchor="middle" style="fill:${INK}"`) +
    `<text transform="translate(16 ${n((m.top + height - m.bottom) / 2)}) rotate(-90)" text-anchor="middle" style="fill:${INK}">${escapeXml(axisLabel(chart.y.label, chart.y.unit))}</text>`
  const key = legend(chart.series, height - m.bottom + 40)
  return frame(chart, height - m.bottom + 40 + key.height, grid + lines + marker + axes, key.svg)
}

export function svgChart(chart: Chart): string {
  return chart.kind === 'bar' ? barChart(chart) : lineChart(chart)
}
