// Runs a command class in-process (full coverage), capturing stdout, stderr and the exit code.
import {captureOutput} from '@oclif/test'
import type {Command} from '@oclif/core'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

export interface Ran {
  stdout: string
  stderr: string
  exitCode: number
  error?: Error & {oclif?: {exit?: number}}
}

export async function run(cmd: typeof Command, argv: string[]): Promise<Ran> {
  process.exitCode = undefined
  const result = await captureOutput(() => cmd.run(argv, root), {print: false, stripAnsi: true})
  const exitCode = result.error?.oclif?.exit ?? (typeof process.exitCode === 'number' ? process.exitCode : result.error ? 1 : 0)
  process.exitCode = undefined
  return {stdout: result.stdout, stderr: result.stderr, exitCode, error: result.error as Ran['error']}
}

/** Runs with --json and parses stdout (the whole of it must be one JSON document). */
export async function runJson<T = Record<string, unknown>>(cmd: typeof Command, argv: string[]): Promise<Ran & {json: T}> {
  const ran = await run(cmd, [...argv, '--json'])
  return {...ran, json: JSON.parse(ran.stdout) as T}
}
