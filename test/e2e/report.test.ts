// End-to-end: the built binary writes a report file (npm test builds first).
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {root} from '../helpers/run-command.js'

const bin = path.join(root, 'bin', 'run.js')

function cli(args: string[], cwd: string) {
  const env = {...process.env}
  for (const key of ['NO_COLOR', 'FORCE_COLOR', 'DEBUG', 'TERM']) delete env[key]
  const r = spawnSync(process.execPath, [bin, ...args], {cwd, encoding: 'utf8', env})
  return {stdout: r.stdout, stderr: r.stderr, code: r.status}
}

describe('kafka-sizer report (binary)', () => {
  it('init a preset, then write its HTML and Markdown reports', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ks-e2e-report-'))
    try {
      expect(cli(['init', '--preset', 'web-crawler', '--output', 'cluster.yaml'], dir).code).toBe(0)
      const html = cli(['report', '--file', 'cluster.yaml', '--output', 'sizing.html'], dir)
      expect(html.code).toBe(0)
      expect(html.stdout).toBe('')
      expect(html.stderr).toMatch(/^wrote sizing\.html \(HTML\): \d+ brokers/)
      const page = fs.readFileSync(path.join(dir, 'sizing.html'), 'utf8')
      expect(page).toMatch(/^<!DOCTYPE html>/)
      expect(page).toContain('</html>')
      const md = cli(['report', '--file', 'cluster.yaml'], dir)
      expect(md.code).toBe(0)
      expect(md.stdout).toContain('```mermaid\nxychart-beta')
      const bad = cli(['report', '--file', 'cluster.yaml', '--output', 'no/such/dir/r.md'], dir)
      expect(bad.code).toBe(2)
      expect(bad.stderr).toContain('--output: directory no/such/dir does not exist')
      expect(cli(['report', '--help'], dir).stdout).toContain('--template')
    } finally {
      fs.rmSync(dir, {recursive: true, force: true})
    }
  }, 60_000)
})
