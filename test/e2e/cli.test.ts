// End-to-end: the built binary, run as a user runs it (npm test builds first).
import {spawnSync} from 'node:child_process'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {root} from '../helpers/run-command.js'

const bin = path.join(root, 'bin', 'run.js')
const ANSI = /\u001b\[/

function cli(args: string[], env: Record<string, string> = {}) {
  // A clean environment as a user's shell has it: no colour variables unless the test sets them.
  const base = {...process.env}
  for (const key of ['NO_COLOR', 'FORCE_COLOR', 'DEBUG', 'TERM']) delete base[key]
  const r = spawnSync(process.execPath, [bin, ...args], {cwd: root, encoding: 'utf8', env: {...base, ...env}})
  return {stdout: r.stdout, stderr: r.stderr, code: r.status}
}

const EXAMPLE = ['plan', '--throughput', '120 MB/s', '--message-size', '1 KiB', '--retention', '7d', '--replication-factor', '3', '--consumer-groups', '3', '--max-consumers', '24']

describe('kafka-sizer binary', () => {
  it('--version names the CLI and its version', () => {
    const r = cli(['--version'])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^kafka-sizer\/0\.1\.0 /)
  })

  it('--help lists every command', () => {
    const r = cli(['--help'])
    expect(r.code).toBe(0)
    for (const c of ['plan', 'partitions', 'storage', 'capacity', 'calc', 'bench', 'hardware', 'autocomplete']) expect(r.stdout).toContain(c)
  })

  it('plan --help shows real examples', () => {
    const r = cli(['plan', '--help'])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('$ kafka-sizer plan --throughput "120 MB/s"')
    expect(r.stdout).toContain('--disk-throughput')
  })

  it('answers the README example: data on stdout, nothing on stderr, no colour in a pipe', () => {
    const r = cli(EXAMPLE)
    expect(r.code).toBe(0)
    expect(r.stderr).toBe('')
    expect(r.stdout).toContain('Brokers     158   bound by storage')
    expect(r.stdout).not.toMatch(ANSI)
  })

  it('--json prints one JSON document with the contract fields', () => {
    const r = cli([...EXAMPLE, '--json'])
    expect(r.code).toBe(0)
    const json = JSON.parse(r.stdout)
    expect(json.partitions).toBe(158)
    expect(json.brokers).toBe(158)
    expect(json.bindingResource).toBe('storage')
    expect(typeof json.storage.totalBytes).toBe('number')
    expect(Array.isArray(json.recommendations)).toBe(true)
  })

  it('colour: on when forced, off with NO_COLOR or --no-color even then', () => {
    expect(cli(EXAMPLE, {FORCE_COLOR: '1'}).stdout).toMatch(ANSI)
    expect(cli(EXAMPLE, {FORCE_COLOR: '1', NO_COLOR: '1'}).stdout).not.toMatch(ANSI)
    expect(cli([...EXAMPLE, '--no-color'], {FORCE_COLOR: '1'}).stdout).not.toMatch(ANSI)
  })

  it('bad input: one clear line on stderr, no stack trace, exit 2', () => {
    const r = cli(['plan', '--throughput', '50 MB'])
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr.trim()).toBe('Error: --throughput: "50 MB" is a size, not a rate. Expected a byte rate such as "50 MB/s" or a message rate such as "100k msg/s" or "5000/s".')
    expect(r.stderr).not.toMatch(/\n\s+at /)
  })

  it('an unknown flag is a usage error, exit 2', () => {
    const r = cli(['plan', '--throughput', '50 MB/s', '--thruput', '3'])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('Nonexistent flag: --thruput')
  })

  it('--json errors keep exit 2 and go to stdout as JSON', () => {
    const r = cli(['plan', '--throughput', '-3 MB/s', '--json'])
    expect(r.code).toBe(2)
    expect(JSON.parse(r.stdout).error.message).toContain('--throughput')
  })

  it('calc prints the seed example', () => {
    const r = cli(['calc', '500M msg/day * 500 B * 7 days * 3 to TB'])
    expect(r.code).toBe(0)
    expect(r.stdout.trim().startsWith('5.25 TB')).toBe(true)
  })

  it('capacity and partitions and storage answer from the binary', () => {
    expect(cli(['capacity', '--brokers', '6', '--json']).code).toBe(0)
    expect(JSON.parse(cli(['partitions', '--throughput', '200 MB/s', '--brokers', '3', '--retention', '1h', '--json']).stdout).partitions).toBe(24)
    expect(JSON.parse(cli(['storage', '--throughput', '10 MB/s', '--json']).stdout).totalBytes).toBeGreaterThan(0)
  })
})
