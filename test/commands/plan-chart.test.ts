// `plan --chart`: utilisation bars and the throughput-vs-brokers curve in the terminal, after the plan;
// nothing of it under --json.
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import Plan from '../../src/commands/plan.js'
import {utilizationBars} from '../../src/render/plan-chart.js'
import {root, run, runJson} from '../helpers/run-command.js'

const FLAGS = ['--throughput=120 MB/s', '--retention', '7d', '--consumer-groups', '3', '--max-consumers', '24']

describe('plan --chart', () => {
  it('draws utilisation bars and the sustainable ingress by broker count after the plan', async () => {
    const ran = await run(Plan, [...FLAGS, '--chart'])
    expect(ran.exitCode).toBe(0)
    expect(ran.stderr).toBe('')
    const plain = await run(Plan, FLAGS)
    expect(ran.stdout.startsWith(plain.stdout.trimEnd())).toBe(true)
    const charts = ran.stdout.slice(plain.stdout.trimEnd().length)
    expect(charts).toContain('Per-broker utilisation on 158 brokers')
    expect(charts).toMatch(/storage\s+█+│?·* +70% limit 70%/)
    expect(charts).toContain('Sustainable peak ingress by broker count')
    expect(charts).toMatch(/┤/)
    expect(charts).toContain("▲ the plan's 158, which sustain")
  })

  it('works for a cluster plan file', async () => {
    const ran = await run(Plan, ['--file', path.join(root, 'templates', 'presets', 'notifications.yaml'), '--chart'])
    expect(ran.exitCode).toBe(0)
    expect(ran.stdout).toContain('Per-broker utilisation on')
    expect(ran.stdout).toContain('Sustainable peak ingress by broker count')
  })

  it('is off in JSON mode: the JSON is the same as without --chart', async () => {
    const withChart = await runJson(Plan, [...FLAGS, '--chart'])
    const without = await runJson(Plan, FLAGS)
    expect(withChart.json).toEqual(without.json)
  })

  it('a bar is filled to the utilisation with the limit marked', () => {
    const bars = utilizationBars([{resource: 'cpu', load: 4, capacity: 8, utilization: 0.5, limit: 0.8, unit: 'cores'}], 3, 80)
    const line = bars.split('\n')[1]
    const bar = /CPU\s+([█│·]+)/.exec(line)![1]
    expect(bar.indexOf('│')).toBe(Math.round(0.8 * bar.length))
    expect([...bar].filter((c) => c === '█')).toHaveLength(Math.round(0.5 * bar.length))
  })
})
