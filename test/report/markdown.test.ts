// Markdown reports: GitHub-flavoured tables and Mermaid xychart-beta blocks, no HTML, the plan's numbers.
import fs from 'node:fs'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import Report from '../../src/commands/report.js'
import type {ReportData} from '../../src/report/types.js'
import {run, runJson} from '../helpers/run-command.js'
import {PRESETS, presetFile, tempDir, writeCalibration} from './fixtures.js'

const dir = tempDir('md')
afterAll(() => fs.rmSync(dir, {recursive: true, force: true}))

/** Markdown outside fenced code blocks. */
const prose = (md: string) => md.replace(/```[\s\S]*?```/g, '')

describe('report --format md', () => {
  it.each(PRESETS)('preset %s: sections, tables, mermaid charts and the plan numbers', async (preset) => {
    const {json} = await runJson<ReportData>(Report, ['--file', presetFile(preset)])
    const out = path.join(dir, `${preset}.md`)
    const ran = await run(Report, ['--file', presetFile(preset), '--output', out])
    expect(ran.exitCode).toBe(0)
    expect(ran.stdout).toBe('')
    expect(ran.stderr).toContain(`wrote ${out} (Markdown)`)
    const md = fs.readFileSync(out, 'utf8')
    for (const heading of ['## Summary', '## Topics', '## Per-broker utilisation', '## Storage', '## Throughput by broker count', '## Failure scenarios', '## Recommended configuration', '## Warnings', '## Assumptions', '### Model constants']) {
      expect(md).toContain(`\n${heading}`)
    }
    expect(md).toContain(`| **Brokers** | **${json.summary.brokers}** (`)
    expect(md).toContain(`| **Storage** | ${json.summary.text.storage} (`)
    for (const t of json.topics) expect(md).toContain(`| \`${t.name}\` | ${t.partitions} | ${t.replicationFactor} |`)
    for (const l of json.brokerLoad) expect(md).toContain(`| ${l.label} | ${l.text.load} | ${l.text.capacity} |`)
    expect(md.match(/```mermaid\nxychart-beta\n/g)).toHaveLength(4)
    expect(md).toContain('```properties\n')
    for (const f of json.failures) expect(md).toContain(`| ${f.label} |`)
    // GFM only: no HTML tags anywhere, and tables are well-formed (every row of a table has the header's cells).
    expect(prose(md)).not.toMatch(/<\/?[a-z][a-z0-9]*[\s>/]/i)
    const tables = prose(md).split(/\n{2,}/).filter((b) => b.startsWith('|'))
    for (const t of tables) {
      const cells = t.split('\n').filter((row) => row !== '').map((row) => row.replace(/\\\|/g, '').split('|').length)
      expect(new Set(cells).size, t).toBe(1)
    }
  })

  it('prints to stdout without --output, and includes the calibration curves when a profile is given', async () => {
    const cal = writeCalibration(dir)
    const ran = await run(Report, ['--file', presetFile('ticket-booking'), '--calibration', cal])
    expect(ran.exitCode).toBe(0)
    expect(ran.stdout).toMatch(/^# Kafka sizing: /)
    expect(ran.stdout).toContain('## Calibration profile')
    expect(ran.stdout).toContain('measured 2026-11-21 on test-host')
    expect(ran.stdout.match(/```mermaid/g)).toHaveLength(6)
    expect(ran.stdout).toContain('| 1,024 B | 64 KiB | 32 | none |')
  })

  it('a mermaid block quotes labels safely and sets an axis range that holds every value', async () => {
    const {mermaidChart} = await import('../../src/report/markdown.js')
    const block = mermaidChart({
      id: 'x',
      title: 'A "quoted" title',
      kind: 'bar',
      x: {label: 'resource', unit: '', log: false},
      y: {label: 'utilisation', unit: '%', min: 0, max: null},
      series: [{name: 'u', style: 'bar', points: [{x: 'a', y: 42}, {x: 'b', y: 130}]}],
      marker: null,
      alt: 'two bars',
    })
    expect(block).toContain(`title "A 'quoted' title"`)
    expect(block).toContain('x-axis "resource" ["a", "b"]')
    expect(block).toMatch(/y-axis "utilisation \(%\)" 0 --> (1[4-9]\d|[2-9]\d\d)\n/)
    expect(block).toContain('bar [42, 130]')
  })
})
