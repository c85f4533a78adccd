// `kafka-sizer report`: exit codes, --json (the data model), output files written whole, flag checks.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import Report, {planCommand} from '../../src/commands/report.js'
import type {ReportData} from '../../src/report/types.js'
import {root, run, runJson} from '../helpers/run-command.js'

const preset = path.join(root, 'templates', 'presets', 'job-scheduler.yaml')
let dir: string
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ks-report-cmd-'))
})
afterEach(() => fs.rmSync(dir, {recursive: true, force: true}))

describe('report command', () => {
  it('--json returns the report data model and nothing else', async () => {
    const {json, exitCode, stderr} = await runJson<ReportData>(Report, ['--file', preset, '--title', 'Jobs'])
    expect(exitCode).toBe(0)
    expect(stderr).toBe('')
    expect(json).toMatchObject({schema: 'kafka-sizer-report/1', title: 'Jobs', kind: 'cluster', file: expect.stringContaining('job-scheduler.yaml'), command: `kafka-sizer plan --file ${preset}`})
    expect(Object.keys(json.charts)).toEqual(['brokerUtilization', 'storageRetention', 'storageGrowth', 'throughputVsBrokers', 'calibration'])
  })

  it('the format follows the output extension, and --format overrides it', async () => {
    const html = path.join(dir, 'r.HTML')
    expect((await run(Report, ['--file', preset, '--output', html])).exitCode).toBe(0)
    expect(fs.readFileSync(html, 'utf8')).toMatch(/^<!DOCTYPE html>/)
    const md = path.join(dir, 'r.txt')
    expect((await run(Report, ['--file', preset, '--output', md])).exitCode).toBe(0)
    expect(fs.readFileSync(md, 'utf8')).toMatch(/^# Kafka sizing/)
    const forced = path.join(dir, 'forced.md')
    expect((await run(Report, ['--file', preset, '--output', forced, '--format', 'html'])).exitCode).toBe(0)
    expect(fs.readFileSync(forced, 'utf8')).toMatch(/^<!DOCTYPE html>/)
    // Written through a temporary file and a rename: nothing else is left in the directory.
    expect(fs.readdirSync(dir).sort()).toEqual(['forced.md', 'r.HTML', 'r.txt'])
  })

  it('an --output in a missing directory is an input error naming it (exit 2), and writes nothing', async () => {
    const out = path.join(dir, 'missing', 'r.html')
    const ran = await run(Report, ['--file', preset, '--output', out])
    expect(ran.exitCode).toBe(2)
    expect(ran.stderr).toContain(`--output: directory ${path.join(dir, 'missing')} does not exist`)
    expect(fs.existsSync(path.join(dir, 'missing'))).toBe(false)
  })

  it('an --output that is a directory: exit 2', async () => {
    const ran = await run(Report, ['--file', preset, '--output', dir])
    expect(ran.exitCode).toBe(2)
    expect(ran.stderr).toContain('is a directory')
  })

  it('a missing plan file, a bad --format and per-topic flags with --file: exit 2, one message', async () => {
    const missing = await run(Report, ['--file', path.join(dir, 'nope.yaml')])
    expect(missing.exitCode).toBe(2)
    const format = await run(Report, ['--file', preset, '--format', 'pdf'])
    expect(format.exitCode).toBe(2)
    expect(format.stderr).toContain('Expected --format=pdf to be one of: md, html')
    const mixed = await run(Report, ['--file', preset, '--throughput=10 MB/s'])
    expect(mixed.exitCode).toBe(2)
    expect(mixed.stderr).toContain('--file: --throughput cannot be combined with a plan file')
    const topic = await run(Report, ['--file', preset, '--topic', 'x'])
    expect(topic.exitCode).toBe(2)
  })

  it('a single topic needs a rate, as plan does: exit 2', async () => {
    const ran = await run(Report, ['--retention', '7d'])
    expect(ran.exitCode).toBe(2)
  })

  it('an invalid --topic is refused with the Kafka rule', async () => {
    const ran = await run(Report, ['--throughput=10 MB/s', '--topic', 'bad topic!'])
    expect(ran.exitCode).toBe(2)
    expect(ran.stderr).toContain('--topic')
  })

  it('on MSK the cost says replication transfer is not billed, and why (--json and Markdown)', async () => {
    const flags = ['--throughput', '30 MB/s', '--retention', '1d', '--azs', '3', '--brokers', '6', '--hardware', 'msk-kafka.m7g.large']
    const {json} = await runJson<ReportData>(Report, flags)
    expect(json.cost).toMatchObject({replicationTransferBilled: false, replicationTransferSource: expect.stringMatching(/Amazon MSK pricing page/)})
    expect(json.cost?.text.replicationTransfer).toMatch(/^Transfer counts produce and consume only: replication between brokers crosses zones but is not billed on this profile \(\$[\d,]+ a month at the transfer price, left out\)\. Source: msk-kafka\.m7g\.large: /)
    const md = path.join(dir, 'msk.md')
    expect((await run(Report, [...flags, '--output', md])).exitCode).toBe(0)
    expect(fs.readFileSync(md, 'utf8')).toContain(json.cost!.text.replicationTransfer)
    const ec2 = await runJson<ReportData>(Report, ['--throughput', '30 MB/s', '--retention', '1d', '--azs', '3', '--brokers', '6', '--hardware', 'ec2-m5.2xlarge-gp3'])
    expect(ec2.json.cost).toMatchObject({replicationTransferBilled: true, text: {replicationTransfer: ''}})
  })

  it('planCommand drops the report-only flags and quotes values with spaces', () => {
    expect(planCommand('kafka-sizer', ['--throughput', '50 MB/s', '--output', 'x.html', '--format=html', '--json', '--azs', '3', '--title', "it's"])).toBe("kafka-sizer plan --throughput '50 MB/s' --azs 3")
  })
})
