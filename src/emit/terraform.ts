// A kafka_topic resource for the Mongey/kafka Terraform provider, in HCL. The provider's config is a map of
// string to string, so every value is a quoted string.
import type {PlanResult} from '../services/plan.js'
import {type Artefact, type EmitOptions, hashComment, planSummary, topicConfigs} from './common.js'

/** An HCL quoted string: backslash, quote and control characters escaped, and ${ / %{ kept literal. */
export function hclString(value: string): string {
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    // A function replacer: in a replacement string "$$" would itself mean one "$".
    .replace(/\$\{/g, () => '$${')
    .replace(/%\{/g, () => '%%{')
  return `"${escaped}"`
}

/** A Terraform resource name: letters, digits, "_" and "-", starting with a letter or "_". */
export function terraformName(topic: string): string {
  const name = topic.replace(/[^A-Za-z0-9_]/g, '_')
  return /^[A-Za-z_]/.test(name) ? name : `_${name}`
}

export function renderTerraform(plan: PlanResult, options: EmitOptions): Artefact {
  const {topic} = options
  const configs = topicConfigs(plan)
  const lines: string[] = [
    ...hashComment(planSummary(plan, topic)),
    '#',
    '# For the Mongey/kafka provider (registry.terraform.io/providers/Mongey/kafka), declared elsewhere as',
    '#   terraform { required_providers { kafka = { source = "Mongey/kafka" } } }',
    '# A lower partition count, or a replication factor change on brokers older than 2.4, makes the',
    '# provider destroy and recreate the topic, with its data: review every plan that touches them.',
    `resource "kafka_topic" ${hclString(terraformName(topic))} {`,
    `  name               = ${hclString(topic)}`,
    `  partitions         = ${plan.partitions}`,
    `  replication_factor = ${plan.input.replicationFactor}`,
  ]
  if (configs.length > 0) {
    lines.push('', '  config = {')
    for (const c of configs) {
      lines.push(...hashComment(c.why, '    '))
      lines.push(`    ${hclString(c.key)} = ${hclString(c.value)}`)
    }
    lines.push('  }')
  }
  lines.push('}', '')
  return {filename: `kafka_topic-${topic}.tf`, content: lines.join('\n')}
}
