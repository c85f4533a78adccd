// Text rendering of the saturation prediction ("what a benchmark of this setup would measure").
import type {SaturationCeiling, SaturationPrediction} from '../model/saturation/types.js'
import type {SaturationReport} from '../services/saturation.js'
import {formatMessagesRate, formatRate} from '../units/format.js'
import {style, table} from './style.js'

const RESOURCE: Record<SaturationCeiling['resource'], string> = {
  'broker-network-in': 'broker network in',
  'broker-network-out': 'broker network out',
  'broker-disk': 'broker disks',
  'broker-cpu': 'broker CPU',
  'broker-fsync': 'broker fsync (flush every message)',
  'producer-network': 'producer NICs',
  'producer-cpu': 'producer CPU',
  'producer-connections': 'producer connections (one request at a time each)',
  'consumer-network': 'consumer NICs',
  'consumer-cpu': 'consumer CPU',
}

export const saturationResourceLabel = (r: SaturationCeiling['resource']) => RESOURCE[r]

const rateRange = (p: {low: number; point: number; high: number}) =>
  `${formatRate(p.point, {binary: true})}  ${style.dim(`range ${formatRate(p.low, {binary: true})} – ${formatRate(p.high, {binary: true})}`)}`

function predictionLines(title: string, p: SaturationPrediction): string[] {
  const who = p.clientBound ? style.warn('client-bound: the brokers could take more') : 'broker-bound'
  const lines = [
    `  ${style.strong(title.padEnd(9))} ${style.strong(rateRange(p))} = ${formatMessagesRate(p.pointMessagesPerSec)}`,
    `  ${''.padEnd(9)} binding: ${RESOURCE[p.binding]} (${who})`,
  ]
  const rows = [...p.ceilings]
    .sort((a, b) => a.point - b.point)
    .map((c) => [RESOURCE[c.resource], c.side, Number.isFinite(c.point) ? formatRate(c.point, {binary: true}) : 'no limit', c.detail])
  return [...lines, table({head: ['resource', 'side', 'ceiling', 'why'], widths: [30, 10, 14, 58], align: ['left', 'left', 'right', 'left']}, rows)]
}

export function renderSaturation(s: SaturationReport): string {
  const lines = [
    style.heading('What a benchmark of this setup would measure'),
    style.dim('  100 % of the bottleneck, no failure headroom, clients included; payload bytes (MiB = 2^20 B)'),
  ]
  if (s.produce) lines.push(...predictionLines('Produce', s.produce))
  if (s.consume) lines.push(...predictionLines('Consume', s.consume))
  const w = s.wire
  lines.push(
    style.dim(
      `  message format v${w.messageFormat}; ${w.recordsPerBatch} records per ${Math.round(w.batchBytes)}-byte batch; ${w.wirePerPayload.toFixed(3)} request bytes per payload byte; TCP goodput ${(w.goodput * 100).toFixed(1)} % of the line; client: ${s.setup.clientCores} core(s), ${formatRate(s.setup.clientNetworkBitsPerSec / 8)} NIC`,
    ),
  )
  for (const n of s.notes) lines.push(style.dim(`  note: ${n}`))
  return lines.join('\n')
}
