// Chart objects (pure data) for the report: values scaled into one display unit per chart, axis labels
// with units, and a text alternative. The numbers come from the plan and from series.ts.
import type {CalibrationProfile} from '../bench/calibration/profile.js'
import type {ResourceLoad} from '../model/types.js'
import {formatDuration, formatNumber, formatPercent, formatRate, scaleBytes} from '../units/format.js'
import {resourceLabel} from '../render/labels.js'
import type {StorageSeries, ThroughputPoint} from './series.js'
import type {Chart, ChartSeries} from './types.js'

/** The decimal byte unit that suits `max` bytes, and its divisor. */
export function byteUnit(max: number): {unit: string; divisor: number} {
  const {unit} = scaleBytes(Number.isFinite(max) && max > 0 ? max : 1)
  const divisor = 1000 ** ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB'].indexOf(unit)
  return {unit, divisor}
}

const round = (n: number) => (Number.isFinite(n) ? Number(n.toPrecision(4)) : n)

export function utilizationChart(loads: readonly ResourceLoad[], brokers: number): Chart {
  const rows = loads.filter((l) => Number.isFinite(l.utilization))
  const worst = rows.reduce((a, b) => (b.utilization / b.limit > a.utilization / a.limit ? b : a), rows[0])
  return {
    id: 'broker-utilization',
    title: `Per-broker utilisation on ${brokers} brokers (peak, normal operation)`,
    kind: 'bar',
    x: {label: 'resource', unit: '', log: false},
    y: {label: 'utilisation', unit: '%', min: 0, max: Math.max(100, ...rows.map((l) => Math.ceil(l.utilization * 100)))},
    series: [
      {name: 'utilisation', style: 'bar', points: rows.map((l) => ({x: resourceLabel(l.resource), y: round(l.utilization * 100)}))},
      {name: 'planning limit', style: 'limit', points: rows.map((l) => ({x: resourceLabel(l.resource), y: round(l.limit * 100)}))},
    ],
    marker: null,
    alt:
      `Bar chart of each resource's utilisation on one of ${brokers} brokers, against its planning limit: ` +
      rows.map((l) => `${resourceLabel(l.resource)} ${formatPercent(l.utilization)} (limit ${formatPercent(l.limit)})`).join(', ') +
      `. The closest to its limit is ${resourceLabel(worst.resource)}.`,
  }
}

function storageChart(s: StorageSeries, id: string, title: string, xLabel: string, xUnit: string, alt: string): Chart {
  const {unit, divisor} = byteUnit(Math.max(...s.total, s.usableBytes))
  const series: ChartSeries[] = [{name: 'all topics', style: 'line', points: s.x.map((x, j) => ({x: round(x), y: round(s.total[j] / divisor)}))}]
  if (s.topics.length > 1 && s.topics.length <= 6) {
    for (const t of s.topics) series.push({name: t.name, style: 'line', points: s.x.map((x, j) => ({x: round(x), y: round(t.bytes[j] / divisor)}))})
  }
  series.push({name: 'usable disk (fill limit)', style: 'limit', points: s.x.map((x) => ({x: round(x), y: round(s.usableBytes / divisor)}))})
  return {id, title, kind: 'line', x: {label: xLabel, unit: xUnit, log: false}, y: {label: 'stored, all replicas', unit, min: 0, max: null}, series, marker: null, alt}
}

export function retentionChart(s: StorageSeries, windowMs: number): Chart {
  const end = s.total.at(-1) ?? 0
  const {unit, divisor} = byteUnit(Math.max(end, s.usableBytes))
  return storageChart(
    s,
    'storage-retention',
    'Storage as the retention window fills',
    'days since the topics started',
    'd',
    `Line chart of the cluster's stored bytes from an empty cluster: it grows for ${formatDuration(windowMs)} (the retention window) and then holds at ${formatNumber(end / divisor)} ${unit}, against ${formatNumber(s.usableBytes / divisor)} ${unit} of usable disk at the fill limit.`,
  )
}

export function growthChart(s: StorageSeries): Chart {
  const first = s.total[0] ?? 0
  const last = s.total.at(-1) ?? 0
  const years = s.x.at(-1) ?? 0
  const {unit, divisor} = byteUnit(Math.max(last, s.usableBytes))
  const crosses = s.x.find((_, j) => s.total[j] > s.usableBytes)
  return storageChart(
    s,
    'storage-growth',
    'Storage over the growth horizon',
    'years from now',
    'y',
    `Line chart of the cluster's stored bytes at the full retention window as traffic grows: ${formatNumber(first / divisor)} ${unit} now, ${formatNumber(last / divisor)} ${unit} after ${formatNumber(years)} years, against ${formatNumber(s.usableBytes / divisor)} ${unit} of usable disk on today's brokers` +
      (crosses === undefined ? '; it stays within it.' : `; it is above it by year ${formatNumber(crosses)} (the growth runway says when exactly).`),
  )
}

export function throughputChart(points: readonly ThroughputPoint[], brokers: number, peakBytesPerSec: number): Chart {
  const finite = points.filter((p) => Number.isFinite(p.maxIngressBytesPerSec))
  const {unit, divisor} = byteUnit(Math.max(peakBytesPerSec, ...finite.map((p) => p.maxIngressBytesPerSec)))
  const at = points.find((p) => p.brokers === brokers)
  return {
    id: 'throughput-vs-brokers',
    title: 'Sustainable peak ingress by broker count',
    kind: 'line',
    x: {label: 'brokers', unit: '', log: false},
    y: {label: 'peak producer payload', unit: `${unit}/s`, min: 0, max: null},
    series: [
      {name: 'most the cluster sustains', style: 'line', points: finite.map((p) => ({x: p.brokers, y: round(p.maxIngressBytesPerSec / divisor)}))},
      {name: 'your peak', style: 'limit', points: finite.map((p) => ({x: p.brokers, y: round(peakBytesPerSec / divisor)}))},
    ],
    marker: {x: brokers, label: `plan: ${brokers} brokers`},
    alt:
      `Line chart of the highest peak producer payload the cluster sustains within every limit (failure checks included) for ${finite[0]?.brokers ?? 0} to ${finite.at(-1)?.brokers ?? 0} brokers, against your peak of ${formatRate(peakBytesPerSec)}` +
      (at ? `; the plan's ${brokers} brokers sustain ${formatRate(at.maxIngressBytesPerSec)}.` : '.'),
  }
}

/** The profile's measured points: log throughput by batch size (no flush), and append latency with fsync per batch. */
export function calibrationCharts(profile: CalibrationProfile): Chart[] {
  const charts: Chart[] = []
  const plain = profile.points.filter((p) => p.flush === 'none')
  const groups = new Map<string, typeof plain>()
  for (const p of plain) {
    const key = `${p.messageBytes} B messages, ${p.partitions} partition${p.partitions === 1 ? '' : 's'}`
    groups.set(key, [...(groups.get(key) ?? []), p])
  }
  const machine = `${profile.machine.hostname}, ${profile.createdAt.slice(0, 10)}`
  if (plain.length > 0) {
    const {unit, divisor} = byteUnit(Math.max(...plain.map((p) => p.logBytesPerSec)))
    const best = plain.reduce((a, b) => (b.logBytesPerSec > a.logBytesPerSec ? b : a))
    charts.push({
      id: 'calibration-throughput',
      title: `Measured log append throughput by batch size (${machine})`,
      kind: 'line',
      x: {label: 'producer batch.size', unit: 'KiB', log: true},
      y: {label: 'log writes', unit: `${unit}/s`, min: 0, max: null},
      series: [...groups].map(([name, ps]) => ({name, style: 'line' as const, points: ps.sort((a, b) => a.batchSizeBytes - b.batchSizeBytes).map((p) => ({x: p.batchSizeBytes / 1024, y: round(p.logBytesPerSec / divisor)}))})),
      marker: null,
      alt: `Line chart of the log append throughput the benchmark measured on ${machine}, one line per message size and partition count, by batch size; the highest is ${formatRate(best.logBytesPerSec)} with ${best.messageBytes} B messages in ${Math.round(best.batchSizeBytes / 1024)} KiB batches.`,
    })
  }
  const synced = profile.points.filter((p) => p.flush !== 'none').sort((a, b) => a.batchSizeBytes - b.batchSizeBytes)
  if (synced.length > 0) {
    charts.push({
      id: 'calibration-fsync',
      title: `Measured append latency with fsync per batch (${machine})`,
      kind: 'line',
      x: {label: 'producer batch.size', unit: 'KiB', log: true},
      y: {label: 'append latency', unit: 'µs', min: 0, max: null},
      series: [
        {name: 'p50', style: 'line', points: synced.map((p) => ({x: p.batchSizeBytes / 1024, y: round(p.appendP50Micros)}))},
        {name: 'p99', style: 'line', points: synced.map((p) => ({x: p.batchSizeBytes / 1024, y: round(p.appendP99Micros)}))},
      ],
      marker: null,
      alt: `Line chart of the append latency (p50 and p99, microseconds) with an fsync after every batch on ${machine}, by batch size: p99 from ${formatNumber(synced[0].appendP99Micros)} µs to ${formatNumber(synced.at(-1)!.appendP99Micros)} µs.`,
    })
  }
  return charts
}
