// Turns a sweep's raw runs into a calibration profile: machine facts, disk rates, fitted costs, points.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {appendPointOf, fitAppendCosts, fitFsyncCosts} from '../../model/calibration/fit.js'
import {CALIBRATION_KIND, CALIBRATION_VERSION, type CalibrationProfile} from './profile.js'
import {type SweepResult, toPoint} from './sweep.js'

interface MountInfo {
  type: string | null
  mountOptions: string | null
  device: string | null
}

/** The mount that holds `dir` (longest mount-point prefix in /proc/mounts); nulls where unknown. */
export function mountOf(dir: string): MountInfo {
  try {
    const lines = fs.readFileSync('/proc/mounts', 'utf8').trim().split('\n')
    let best: {point: string; info: MountInfo} | undefined
    const target = path.resolve(dir)
    for (const line of lines) {
      const [device, point, type, options] = line.split(' ')
      const inside = target === point || target.startsWith(point.endsWith('/') ? point : `${point}/`)
      if (inside && (!best || point.length > best.point.length)) best = {point, info: {type, mountOptions: options, device}}
    }
    return best?.info ?? {type: null, mountOptions: null, device: null}
  } catch {
    return {type: null, mountOptions: null, device: null}
  }
}

export async function buildProfile(sweep: SweepResult, dir: string, freeBytes: number, toolVersion: string): Promise<CalibrationProfile> {
  const {linearAlgebra: math} = await import('../../units/mathjs-matrix.js')
  const s = sweep.sustained.result.produce
  const cold = sweep.sustained.result.reads.find((r) => r.kind === 'catch-up')
  const hot = sweep.sustained.result.reads.find((r) => r.kind === 'tail')
  const rate = (bytes: number, seconds: number) => (seconds > 0 && bytes > 0 ? bytes / seconds : null)
  const appendPoints = sweep.grid.map(({result}) => appendPointOf(result.produce))
  const fsyncRuns = sweep.fsync.map(({result}) => result.produce)
  const fsyncPoints = fsyncRuns.map((p) => ({bytes: p.batchBytes, seconds: p.fsync.p50Micros / 1e6}))
  const smallest = fsyncRuns[0]?.fsync
  const cpus = os.cpus()
  return {
    kind: CALIBRATION_KIND,
    version: CALIBRATION_VERSION,
    createdAt: new Date().toISOString(),
    tool: {name: 'kafka-sizer', version: toolVersion},
    machine: {
      hostname: os.hostname(),
      platform: os.platform(),
      release: os.release(),
      arch: os.arch(),
      cpuModel: cpus[0]?.model ?? 'unknown',
      cores: Math.max(1, cpus.length),
      memoryBytes: os.totalmem(),
      node: process.version,
      libuv: process.versions.uv ?? 'unknown',
    },
    fileSystem: {dir, ...mountOf(dir), freeBytes},
    disk: {
      sustainedWriteBytesPerSec: rate(s.logBytes, s.seconds) ?? 1,
      burstWriteBytesPerSec: rate(s.logBytes, s.seconds - s.finalSyncSeconds) ?? 1,
      coldReadBytesPerSec: cold ? rate(cold.bytes, cold.seconds) : null,
      coldReadVerified: cold?.cache === 'cold',
      hotReadBytesPerSec: hot ? rate(hot.bytes, hot.seconds) : null,
    },
    fsync: {
      count: fsyncRuns.reduce((n, p) => n + p.fsync.count, 0),
      p50Micros: smallest?.p50Micros ?? 0,
      p95Micros: smallest?.p95Micros ?? 0,
      p99Micros: smallest?.p99Micros ?? 0,
      p999Micros: smallest?.p999Micros ?? 0,
      maxMicros: Math.max(0, ...fsyncRuns.map((p) => p.fsync.maxMicros)),
      ...(fsyncPoints.length >= 2
        ? (({fixedSeconds, perByteSeconds, quality}) => ({fixedSeconds, perByteSeconds, quality}))(fitFsyncCosts(fsyncPoints, math))
        : {fixedSeconds: (smallest?.p50Micros ?? 0) / 1e6, perByteSeconds: 0, quality: {points: fsyncPoints.length, r2: 0, rmse: 0, maxRelativeError: 0, dropped: []}}),
    },
    append: fitAppendCosts(appendPoints, math),
    points: [
      toPoint(sweep.sustained.workload, sweep.sustained.result),
      ...sweep.grid.map(({workload, result}) => toPoint(workload, result)),
      ...sweep.fsync.map(({workload, result}) => toPoint(workload, result)),
    ],
  }
}
