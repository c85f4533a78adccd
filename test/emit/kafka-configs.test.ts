import {execFileSync} from 'node:child_process'
import {chmodSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {addConfigList, renderKafkaConfigs, shellQuote} from '../../src/emit/kafka-configs.js'
import {OPTIONS, README_REQUEST, planFor} from './fixture.js'

const dir = mkdtempSync(path.join(tmpdir(), 'kafka-sizer-emit-sh-'))
afterAll(() => rmSync(dir, {recursive: true, force: true}))

function script(content: string): string {
  const file = path.join(dir, `s${Math.random().toString(36).slice(2)}.sh`)
  writeFileSync(file, content)
  chmodSync(file, 0o755)
  return file
}

/** Runs the script with stand-ins for Kafka's tools that print the arguments they get, one per line. */
function runWithStubs(file: string, args: string[], env: Record<string, string> = {}): string[] {
  const bin = path.join(dir, 'bin')
  for (const tool of ['kafka-topics.sh', 'kafka-configs.sh']) {
    const stub = script(`#!/usr/bin/env bash\nprintf '%s\\n' "${tool}" "$@"\n`)
    execFileSync('mkdir', ['-p', bin])
    execFileSync('cp', [stub, path.join(bin, tool)])
  }
  const out = execFileSync('bash', [file, ...args], {env: {PATH: `${bin}:${process.env.PATH ?? ''}`, ...env}, encoding: 'utf8'})
  return out.trimEnd().split('\n')
}

describe('kafka-configs shell script', () => {
  it('passes bash -n and carries the exact partitions and replication factor', async () => {
    const plan = await planFor()
    const {filename, content} = renderKafkaConfigs(plan, OPTIONS)
    expect(filename).toBe('topic-orders.placed.v1.kafka-configs.sh')
    expect(content.startsWith('#!/usr/bin/env bash\n')).toBe(true)
    execFileSync('bash', ['-n', script(content)])
    expect(content).toContain(`--partitions ${plan.partitions} `)
    expect(content).toContain('--replication-factor 3 ')
    expect(content).toContain('--bootstrap-server "${BOOTSTRAP_SERVERS:-localhost:9092}"')
    expect(content).toContain('kafka-configs.sh')
    expect(content).toContain('--alter --entity-type topics --entity-name orders.placed.v1')
  })

  it('create: kafka-topics.sh gets one --config per topic config, exactly', async () => {
    const plan = await planFor()
    const args = runWithStubs(script(renderKafkaConfigs(plan, OPTIONS).content), [])
    const configs = plan.recommendations.filter((r) => r.scope === 'topic' && r.key !== 'replication.factor')
    expect(args).toEqual([
      'kafka-topics.sh',
      '--bootstrap-server',
      'localhost:9092',
      '--create',
      '--topic',
      'orders.placed.v1',
      '--partitions',
      String(plan.partitions),
      '--replication-factor',
      '3',
      ...configs.flatMap((c) => ['--config', `${c.key}=${c.value}`]),
    ])
  })

  it('alter: kafka-configs.sh --add-config with every config; BOOTSTRAP_SERVERS and COMMAND_CONFIG are used', async () => {
    const plan = await planFor({...README_REQUEST, keySizeBytes: 16, cleanupPolicy: 'compact,delete', distinctKeys: 1e6})
    const args = runWithStubs(script(renderKafkaConfigs(plan, OPTIONS).content), ['alter'], {BOOTSTRAP_SERVERS: 'b1:9093,b2:9093', COMMAND_CONFIG: '/etc/kafka/my client.properties'})
    expect(args.slice(0, 10)).toEqual([
      'kafka-configs.sh',
      '--bootstrap-server',
      'b1:9093,b2:9093',
      '--command-config',
      '/etc/kafka/my client.properties',
      '--alter',
      '--entity-type',
      'topics',
      '--entity-name',
      'orders.placed.v1',
    ])
    expect(args[10]).toBe('--add-config')
    expect(args[11]).toContain('cleanup.policy=[compact,delete]')
    expect(args[11]).toContain('min.insync.replicas=2')
    expect(args).toHaveLength(12)
  })

  it('an unknown action exits 2', async () => {
    const plan = await planFor()
    const file = script(renderKafkaConfigs(plan, OPTIONS).content)
    expect(() => execFileSync('bash', [file, 'delete'], {stdio: 'ignore'})).toThrow(expect.objectContaining({status: 2}))
  })

  it('shellQuote survives quotes, $ and spaces', () => {
    for (const value of ["it's", '$(rm -rf /)', 'a b', '`x`', 'plain.value=1', '']) {
      const out = execFileSync('bash', ['-c', `printf '%s' ${shellQuote(value)}`], {encoding: 'utf8'})
      expect(out).toBe(value)
    }
  })

  it('addConfigList brackets values with commas', () => {
    expect(addConfigList([{key: 'a', value: '1'}, {key: 'cleanup.policy', value: 'compact,delete'}])).toBe('a=1,cleanup.policy=[compact,delete]')
  })
})
