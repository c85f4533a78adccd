// Shared helpers for the input tests: a temp directory per test file, and lookups into CheckInputs.
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll} from 'vitest'
import type {CheckInputs, TopicDefinition} from '../../../src/check/types.js'

export const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/check')

/** A fresh temp directory, removed after the test file. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `kafka-sizer-check-${prefix}-`))
  afterAll(() => rmSync(dir, {recursive: true, force: true}))
  return dir
}

/** Writes files (relative path → text) under `dir`. */
export function write(dir: string, files: Record<string, string | Buffer>): void {
  for (const [rel, content] of Object.entries(files)) {
    const p = path.join(dir, rel)
    mkdirSync(path.dirname(p), {recursive: true})
    writeFileSync(p, content)
  }
}

export function topic(inputs: CheckInputs, name: string): TopicDefinition {
  const found = inputs.topics.filter((t) => t.name.value === name)
  if (found.length !== 1) throw new Error(`expected one topic "${name}", found ${found.length}: ${inputs.topics.map((t) => t.name.value).join(', ')}`)
  return found[0]!
}

/** `key=value@line:col` for each setting: compact and exact. */
export function settings(t: TopicDefinition): string[] {
  return t.settings.map((s) => `${s.key}=${String(s.value)}@${s.pos.line}:${s.pos.column}`)
}

export function at(pos: {line: number; column: number}): string {
  return `${pos.line}:${pos.column}`
}
