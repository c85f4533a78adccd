import {spawnSync} from 'node:child_process'
import {describe, expect, it} from 'vitest'
import {hclString, renderTerraform, terraformName} from '../../src/emit/terraform.js'
import {OPTIONS, README_REQUEST, has, planFor} from './fixture.js'

const TERRAFORM = has('terraform', ['version'])

/** The lines between `config = {` and its closing brace. */
function configBlock(content: string): string[] {
  const lines = content.split('\n')
  const start = lines.findIndex((l) => l === '  config = {')
  const end = lines.findIndex((l, i) => i > start && l === '  }')
  expect(start).toBeGreaterThan(0)
  expect(end).toBeGreaterThan(start)
  return lines.slice(start + 1, end)
}

describe('terraform kafka_topic (Mongey/kafka provider)', () => {
  it('has one kafka_topic resource with name, partitions, replication_factor and a string map config', async () => {
    const plan = await planFor()
    const {filename, content} = renderTerraform(plan, OPTIONS)
    expect(filename).toBe('kafka_topic-orders.placed.v1.tf')
    expect(content.match(/^resource "kafka_topic" /gm)).toHaveLength(1)
    expect(content).toMatch(/^resource "kafka_topic" "orders_placed_v1" \{$/m)
    expect(content).toMatch(/^ {2}name {15}= "orders\.placed\.v1"$/m)
    expect(content).toMatch(new RegExp(`^ {2}partitions {9}= ${plan.partitions}$`, 'm'))
    expect(content).toMatch(/^ {2}replication_factor = 3$/m)
    expect(content.trimEnd().endsWith('}')).toBe(true)

    const entries: Record<string, string> = {}
    for (const line of configBlock(content)) {
      if (/^\s*#/.test(line)) continue
      // Every value is a quoted string, as the provider's map(string) expects.
      const m = /^ {4}"([^"]+)" = "([^"]*)"$/.exec(line)
      expect(m, line).not.toBeNull()
      entries[m![1]!] = m![2]!
    }
    expect(entries['min.insync.replicas']).toBe('2')
    expect(entries['retention.ms']).toBe('604800000')
    expect(entries['unclean.leader.election.enable']).toBe('false')
    expect(entries).not.toHaveProperty('replication.factor')
  })

  it('tiered storage adds remote.storage.enable and local.retention.ms', async () => {
    const plan = await planFor({...README_REQUEST, localRetentionMs: 86_400_000})
    const content = renderTerraform(plan, OPTIONS).content
    expect(content).toContain('"remote.storage.enable" = "true"')
    expect(content).toContain('"local.retention.ms" = "86400000"')
  })

  it.skipIf(!TERRAFORM)('terraform fmt parses it and has nothing to change', async () => {
    const plan = await planFor({...README_REQUEST, keySizeBytes: 16, cleanupPolicy: 'compact,delete', distinctKeys: 1e6})
    const content = renderTerraform(plan, {topic: '9-lives_topic.v2', clusterName: 'x'}).content
    const fmt = spawnSync('terraform', ['fmt', '-no-color', '-'], {input: content, encoding: 'utf8', env: {...process.env, TF_CLI_CONFIG_FILE: '/dev/null'}})
    expect(fmt.status, fmt.stderr).toBe(0)
    expect(fmt.stdout).toBe(content)
  })

  it('hclString escapes quotes, backslashes and template sequences', () => {
    expect(hclString('a"b\\c')).toBe('"a\\"b\\\\c"')
    expect(hclString('${var.x} %{if}')).toBe('"$${var.x} %%{if}"')
    expect(terraformName('9-lives.v2')).toBe('_9_lives_v2')
  })
})
