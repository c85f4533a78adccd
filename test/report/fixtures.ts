// Shared inputs of the report tests: the presets, a calibration profile with measured curves, temp dirs.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {calibrationFixture} from '../helpers/calibration-fixture.js'
import {root} from '../helpers/run-command.js'
import {PRESETS} from '../../src/services/init.js'

export {PRESETS}

export const presetFile = (name: string): string => path.join(root, 'templates', 'presets', `${name}.yaml`)

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `ks-report-${prefix}-`))
}

/** A calibration profile whose points form curves: message sizes × batch sizes × partitions, plus fsync points. */
export function writeCalibration(dir: string): string {
  const base = calibrationFixture().points[0]
  const points = [100, 1024].flatMap((messageBytes) =>
    [16_384, 65_536, 262_144, 1_048_576].flatMap((batchSizeBytes) =>
      [1, 32].map((partitions) => ({...base, messageBytes, batchSizeBytes, partitions, logBytesPerSec: 2e8 + Math.log2(batchSizeBytes) * 3e7 * (messageBytes / 1024 + 0.5) - partitions * 1e6})),
    ),
  )
  const fsync = [16_384, 65_536, 1_048_576].map((batchSizeBytes) => ({...base, batchSizeBytes, flush: 'every batch', appendP50Micros: 300 + batchSizeBytes / 1e4, appendP99Micros: 600 + batchSizeBytes / 5e3}))
  const file = path.join(dir, 'calibration.json')
  fs.writeFileSync(file, JSON.stringify(calibrationFixture({points: [...points, ...fsync]}), null, 2))
  return file
}
