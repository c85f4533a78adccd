// `plan --chart`: the per-broker utilisation of each resource as bars, and the throughput-vs-brokers curve
// (asciichart), drawn in the terminal after the plan. Numbers come from the plan and from the same series
// the report uses (src/report/series.ts).
import chalk from 'chalk'
import type {PlanCore} from '../model/plan.js'
import type {ResourceLoad} from '../model/types.js'
import type {ThroughputPoint} from '../report/series.js'
import {formatPercent, formatRate} from '../units/format.js'
import {resourceLabel} from './labels.js'
import {style, terminalWidth, utilization} from './style.js'

/** One bar per resource: filled to its utilisation, `│` at its planning limit, the scale 0–100%. */
export function utilizationBars(loads: readonly ResourceLoad[], brokers: number, width = terminalWidth()): string {
  const labelWidth = Math.max(...loads.map((l) => resourceLabel(l.resource).length))
  const barWidth = Math.max(20, Math.min(60, width - labelWidth - 30))
  const lines = loads.map((l) => {
    const used = Number.isFinite(l.utilization) ? l.utilization : 1
    const cells = Math.round(Math.min(used, 1) * barWidth)
    const limitAt = Math.min(barWidth - 1, Math.round(l.limit * barWidth))
    const bar = Array.from({length: barWidth}, (_, i) => (i < cells ? '█' : i === limitAt ? '│' : '·')).join('')
    const over = used > 1 ? '▶' : ' '
    return `  ${resourceLabel(l.resource).padEnd(labelWidth)}  ${utilization(l.utilization, l.limit, bar + over)} ${utilization(l.utilization, l.limit, formatPercent(l.utilization)).padStart(5)} ${style.dim(`limit ${formatPercent(l.limit)}`)}`
  })
  return [style.heading(`Per-broker utilisation on ${brokers} brokers`) + style.dim('  (█ used at peak, │ planning limit, scale 0–100%)'), ...lines].join('\n')
}

/** The most peak ingress each broker count sustains, against the workload's peak, as an ASCII line chart. */
export async function throughputPlot(points: readonly ThroughputPoint[], brokers: number, peakBytesPerSec: number, width = terminalWidth()): Promise<string> {
  const {plot, blue, red} = await import('asciichart')
  const finite = points.filter((p) => Number.isFinite(p.maxIngressBytesPerSec))
  if (finite.length < 2) return ''
  const columns = Math.max(24, Math.min(72, width - 20))
  const lo = finite[0].brokers
  const hi = finite.at(-1)!.brokers
  const at = (b: number) => {
    const j = finite.findIndex((p) => p.brokers >= b)
    if (j <= 0) return finite[0].maxIngressBytesPerSec
    const a = finite[j - 1]
    const c = finite[j]
    return a.maxIngressBytesPerSec + ((c.maxIngressBytesPerSec - a.maxIngressBytesPerSec) * (b - a.brokers)) / (c.brokers - a.brokers)
  }
  const xs = Array.from({length: columns}, (_, i) => lo + ((hi - lo) * i) / (columns - 1))
  const curve = xs.map((b) => at(b) / 1e6)
  const peak = xs.map(() => peakBytesPerSec / 1e6)
  const colour = chalk.level > 0
  const chart = plot([curve, peak], {height: 12, format: (v: number) => `${v.toFixed(v >= 100 ? 0 : 1).padStart(7)} MB/s `, ...(colour ? {colors: [blue, red]} : {})})
  const pad = ' '.repeat(chart.split('\n')[0].indexOf('┤') + 1 || 14)
  const axis = Array.from({length: columns}, () => ' ')
  const mark = (b: number, label: string) => {
    const col = Math.round(((b - lo) / Math.max(1, hi - lo)) * (columns - 1))
    for (let k = 0; k < label.length && col + k < columns + 8; k++) axis[Math.max(0, Math.min(col, columns - label.length)) + k] = label[k]
  }
  mark(lo, String(lo))
  mark(hi, String(hi))
  mark(brokers, `▲${brokers}`)
  const planned = finite.find((p) => p.brokers === brokers)
  return [
    style.heading('Sustainable peak ingress by broker count') + style.dim(`  (MB/s of producer payload; ${colour ? 'blue' : 'upper'} line: the most the cluster sustains within every limit, ${colour ? 'red' : 'flat'} line: your peak ${formatRate(peakBytesPerSec)})`),
    chart,
    `${pad}${axis.join('').trimEnd()}`,
    `${pad}${style.dim(`brokers (${lo}–${hi}); ▲ the plan's ${brokers}${planned ? `, which sustain ${formatRate(planned.maxIngressBytesPerSec)}` : ''}`)}`,
  ].join('\n')
}

export async function renderPlanCharts(loads: readonly ResourceLoad[], plans: readonly PlanCore[], brokers: number, cluster?: Parameters<typeof import('../report/series.js').throughputCurve>[2]): Promise<string> {
  const {throughputCurve} = await import('../report/series.js')
  const curve = throughputCurve(plans, brokers, cluster)
  const peak = plans.reduce((a, p) => a + p.traffic.peakPayloadBytesPerSec, 0)
  return [utilizationBars(loads, brokers), await throughputPlot(curve, brokers, peak)].filter((s) => s !== '').join('\n\n')
}
