// Replays the public measurements through the built CLI (as bench/accuracy.mjs does) and holds the model to
// its error bounds: a model change that makes any prediction worse fails here.
import {beforeAll, describe, expect, it} from 'vitest'
// @ts-expect-error: plain ESM module shared with the bench script
import {scoreAll, summarize} from '../../bench/accuracy/run.mjs'

interface Row {
  id: string
  status: 'scored' | 'skipped' | 'inconsistent'
  error: number
  inRange: boolean
  binding: string
  clientBound: boolean
  reason?: string
}

// The targets (median ≤ 15 %, none worse than 35 %, ≥ 80 % in range) are not met yet; these are
// the cases beyond 35 % today, each with the bound it must not exceed and why (docs/accuracy.md).
const KNOWN_BEYOND_35: Record<string, {bound: number; why: string}> = {
  'k8s2021-prod-rf3-sync': {bound: 1.3, why: 'acks=all per-request broker cost at 8 KB batches is not modelled'},
  'dcos2018-baseline-250B': {bound: 0.6, why: 'producer per-byte CPU taken as the broker write-equivalent cost'},
  'dcos2018-tuned-lz4-250B': {bound: 0.85, why: 'same, and the lz4 ratio of the payload is not stated'},
}

let rows: Row[] = []
beforeAll(() => {
  rows = scoreAll() as Row[]
}, 120_000)

describe('accuracy on public-measurements.json', () => {
  it('scores every numeric throughput case and says why the others are not scored', () => {
    const scored = rows.filter((r) => r.status === 'scored').map((r) => r.id)
    expect(scored).toHaveLength(14)
    expect(rows.find((r) => r.id === 'kreps2014-e2e-latency')?.status).toBe('skipped')
    for (const r of rows.filter((x) => x.status !== 'scored')) expect(r.reason).toBeTruthy()
  })

  it('flags the one case that exceeds its own stated line rate', () => {
    const p3 = rows.find((r) => r.id === 'kreps2014-p3-rf3-async')
    expect(p3?.status).toBe('inconsistent')
    expect(p3?.reason).toMatch(/1 Gbit\/s NIC \(125 MB\/s line rate\)/)
  })

  it('keeps every other case within 35 %', () => {
    for (const r of rows.filter((x) => x.status === 'scored')) {
      const known = KNOWN_BEYOND_35[r.id]
      expect(Math.abs(r.error), `${r.id}: ${(r.error * 100).toFixed(1)} %`).toBeLessThanOrEqual(known ? known.bound : 0.35)
    }
  })

  it('holds the summary scores (regression bounds; targets in docs/accuracy.md)', () => {
    const s = summarize(rows)
    expect(s.medianAbsError).toBeLessThanOrEqual(0.2)
    expect(s.inRangeShare).toBeGreaterThanOrEqual(0.5)
  })

  it('names the physics that binds: NIC for Kreps consumers, client CPU for the 0.5-CPU containers', () => {
    const by = (id: string) => rows.find((r) => r.id === id)!
    expect(by('kreps2014-c1').binding).toBe('consumer-network')
    expect(by('kreps2014-c3').binding).toBe('broker-network-out')
    expect(by('dcos2018-consumer-250B')).toMatchObject({binding: 'consumer-cpu', clientBound: true})
    expect(by('kreps2014-p1-rf3-sync').binding).toBe('producer-connections')
  })
})
