// Reads a calibration profile written by `bench --calibrate`, with errors that name the file, the
// line (for JSON syntax) or the field (for schema violations), and what to do.
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import type {CalibrationInput} from '../model/inputs.js'
import {UserError} from '../lib/errors.js'
import {ioReason} from '../lib/io-errors.js'

export async function readCalibration(file: string): Promise<CalibrationInput> {
  const shown = path.relative(process.cwd(), file) || file
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    const why = ioReason(error)
    throw new UserError(`--calibration: ${shown}: ${why}`, {suggestions: ['create one with `kafka-sizer bench --calibrate --output <file>`']})
  }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    const message = (error as Error).message
    const position = /position (\d+)/.exec(message)
    const line = position ? text.slice(0, Number(position[1])).split('\n').length : undefined
    throw new UserError(`--calibration: ${shown}${line ? `:${line}` : ''}: not valid JSON (${message})`, {
      suggestions: ['regenerate the profile with `kafka-sizer bench --calibrate`'],
    })
  }
  const {calibrationProfile, CALIBRATION_KIND, CALIBRATION_VERSION} = await import('../bench/calibration/profile.js')
  const kind = (data as {kind?: unknown})?.kind
  const version = (data as {version?: unknown})?.version
  if (kind === CALIBRATION_KIND && version !== CALIBRATION_VERSION) {
    throw new UserError(`--calibration: ${shown}: profile version ${String(version)} is not supported (this kafka-sizer reads version ${CALIBRATION_VERSION})`, {
      suggestions: ['regenerate the profile with this version: `kafka-sizer bench --calibrate`'],
    })
  }
  const parsed = calibrationProfile.safeParse(data)
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(top level)'}: ${i.message}`)
    throw new UserError(`--calibration: ${shown}: not a kafka-sizer calibration profile: ${issues.join('; ')}`, {
      suggestions: ['regenerate the profile with `kafka-sizer bench --calibrate`'],
    })
  }
  const profile = parsed.data
  return {
    path: shown,
    label: `calibration profile ${shown} (${profile.machine.hostname}, ${profile.createdAt.slice(0, 10)})`,
    diskThroughputBytesPerSec: profile.disk.sustainedWriteBytesPerSec,
    append: profile.append,
    fsyncP99Micros: profile.fsync.p99Micros,
  }
}
