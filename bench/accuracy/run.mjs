// Replays public measurements through the built `kafka-sizer capacity` and scores the predictions.
// Used by bench/accuracy.mjs (table + docs/accuracy.md) and test/validation (error bounds in CI).
import {execFileSync} from 'node:child_process'
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {CASES} from './cases.mjs'

const here = path.dirname(fileURLToPath(import.meta.url))
export const ROOT = path.resolve(here, '../..')
const BIN = path.join(ROOT, 'bin/run.js')

export function loadMeasurements() {
  return JSON.parse(readFileSync(path.join(here, 'public-measurements.json'), 'utf8')).cases
}

/** Measured payload rate in bytes/s: the file says per case whether "MB" meant 10^6 or 2^20 bytes. */
export function measuredBytesPerSec(c) {
  const unit = String(c.measured.throughput_unit ?? '')
  const scale = /MiB/.test(unit) ? 2 ** 20 : 1e6
  return {bytesPerSec: c.measured.throughput_MBps * scale, unit: scale === 1e6 ? 'MB/s (10^6 B, as stated)' : 'MiB/s (2^20 B)'}
}

/**
 * A measurement above a hard limit of its own stated hardware: payload alone (no overhead) beyond a NIC's
 * line rate on the busiest broker or on the clients. Such a case cannot be predicted from that hardware.
 */
export function physicalInconsistency(c, measured) {
  const h = c.hardware
  const w = c.workload
  if (!h.network_gbps || !w.partitions || !w.replication_factor) return undefined
  const line = (h.network_gbps * 1e9) / 8
  const replicasOnBusiest = Math.min(w.partitions, Math.ceil((w.partitions * w.replication_factor) / h.brokers)) / w.partitions
  const inbound = measured * replicasOnBusiest
  if ((w.producers ?? 0) > 0 && inbound > line) {
    return `each broker would receive ${(inbound / 1e6).toFixed(0)} MB/s of payload (produce + follower fetches for ${(replicasOnBusiest * 100).toFixed(0)} % of the topic) on a ${h.network_gbps} Gbit/s NIC (${(line / 1e6).toFixed(0)} MB/s line rate)`
  }
  return undefined
}

function predict(args) {
  const out = execFileSync(process.execPath, [BIN, 'capacity', ...args, '--json'], {encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}})
  return JSON.parse(out)
}

/** Every case of the file: scored, skipped (with the reason), or flagged inconsistent. */
export function scoreAll() {
  const byId = new Map(CASES.map((c) => [c.id, c]))
  const rows = []
  for (const c of loadMeasurements()) {
    const mapping = byId.get(c.id)
    if (!c.usable_for_numeric_validation) {
      rows.push({id: c.id, status: 'skipped', reason: 'not usable for numeric validation (per the file): fleet totals or a chart without a benchmark setup'})
      continue
    }
    if (c.measured.throughput_MBps == null) {
      rows.push({id: c.id, status: 'skipped', reason: `a ${c.measured.latency_kind ?? 'latency'} measurement: capacity predicts throughput, not latency`})
      continue
    }
    if (!mapping) throw new Error(`no mapping for numeric case ${c.id} in bench/accuracy/cases.mjs`)
    const {bytesPerSec: measured, unit} = measuredBytesPerSec(c)
    const result = predict(mapping.args)
    const p = result.saturation[mapping.side]
    const error = (p.point - measured) / measured
    const row = {
      id: c.id,
      side: mapping.side,
      status: 'scored',
      measured,
      unit,
      point: p.point,
      low: p.low,
      high: p.high,
      error,
      inRange: measured >= p.low * (1 - 1e-9) && measured <= p.high * (1 + 1e-9),
      binding: p.binding,
      clientBound: p.clientBound,
      args: mapping.args,
    }
    const inconsistent = physicalInconsistency(c, measured)
    if (inconsistent) Object.assign(row, {status: 'inconsistent', reason: inconsistent})
    rows.push(row)
  }
  return rows
}

export function summarize(rows) {
  const scored = rows.filter((r) => r.status === 'scored')
  const errors = scored.map((r) => Math.abs(r.error)).sort((a, b) => a - b)
  const mid = errors.length / 2
  const median = errors.length === 0 ? NaN : errors.length % 2 ? errors[Math.floor(mid)] : (errors[mid - 1] + errors[mid]) / 2
  return {
    scored: scored.length,
    medianAbsError: median,
    maxAbsError: errors.at(-1) ?? NaN,
    inRangeShare: scored.filter((r) => r.inRange).length / Math.max(1, scored.length),
    worst: scored.reduce((a, b) => (Math.abs(b.error) > Math.abs(a?.error ?? -1) ? b : a), undefined)?.id,
  }
}
