// A bash script around Kafka's own tools: kafka-topics.sh --create for a new topic, kafka-configs.sh
// --alter for the same configs on an existing one. Pure: returns the text.
import type {PlanResult} from '../services/plan.js'
import {type Artefact, type EmitOptions, hashComment, planSummary, topicConfigs, wrap} from './common.js'

/** One shell word, single-quoted (a ' inside becomes '\''), so nothing in it is expanded. */
export function shellQuote(value: string): string {
  return /^[A-Za-z0-9_.,:=\/@%+-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`
}

/**
 * kafka-configs.sh --add-config takes k1=v1,k2=v2; a value with a comma (cleanup.policy=compact,delete)
 * goes in square brackets, as its help says.
 */
export function addConfigList(configs: Array<{key: string; value: string}>): string {
  return configs.map(({key, value}) => `${key}=${value.includes(',') ? `[${value}]` : value}`).join(',')
}

export function renderKafkaConfigs(plan: PlanResult, options: EmitOptions): Artefact {
  const {topic} = options
  const configs = topicConfigs(plan)
  const rf = plan.input.replicationFactor
  const filename = `topic-${topic}.kafka-configs.sh`
  const q = shellQuote(topic)

  const lines: string[] = [
    '#!/usr/bin/env bash',
    ...hashComment(planSummary(plan, topic)),
    '#',
    `# Usage: BOOTSTRAP_SERVERS=host:9092 ./${filename} [create|alter]`,
    '#   create (default)  creates the topic with its partitions, replication factor and configs',
    '#                     (kafka-topics.sh --create; fails if the topic exists)',
    '#   alter             sets the same configs on an existing topic (kafka-configs.sh --alter);',
    '#                     it changes neither the partition count nor the replication factor',
    "# Needs Kafka's bin/ on PATH, or KAFKA_BIN=/path/to/kafka/bin. For a secured cluster, set",
    '# COMMAND_CONFIG to a client properties file (passed as --command-config).',
    '#',
    '# Topic configs and why:',
  ]
  for (const c of configs) {
    lines.push(`#   ${c.key}=${c.value}`)
    lines.push(...wrap(c.why, 92).map((l) => `#     ${l}`))
  }
  lines.push(
    'set -euo pipefail',
    '',
    'bin="${KAFKA_BIN:+${KAFKA_BIN%/}/}"',
    'connect=(--bootstrap-server "${BOOTSTRAP_SERVERS:-localhost:9092}")',
    'if [[ -n "${COMMAND_CONFIG:-}" ]]; then connect+=(--command-config "$COMMAND_CONFIG"); fi',
    '',
    'case "${1:-create}" in',
    '  create)',
    `    "\${bin}kafka-topics.sh" "\${connect[@]}" --create --topic ${q} \\`,
    `      --partitions ${plan.partitions} \\`,
    `      --replication-factor ${rf}${configs.length > 0 ? ' \\' : ''}`,
  )
  configs.forEach((c, i) => lines.push(`      --config ${shellQuote(`${c.key}=${c.value}`)}${i < configs.length - 1 ? ' \\' : ''}`))
  lines.push('    ;;', '  alter)')
  lines.push(
    `    # Configs only. More partitions: kafka-topics.sh --alter --topic ${q} --partitions ${plan.partitions}`,
    '    # (keyed records then map to other partitions). A new replication factor needs a reassignment',
    '    # (kafka-reassign-partitions.sh or Cruise Control), not a config change.',
  )
  if (configs.length > 0) {
    lines.push(
      `    "\${bin}kafka-configs.sh" "\${connect[@]}" --alter --entity-type topics --entity-name ${q} \\`,
      `      --add-config ${shellQuote(addConfigList(configs))}`,
    )
  } else {
    lines.push('    echo "no topic configs to set" >&2')
  }
  lines.push('    ;;', '  *)', '    echo "usage: $0 [create|alter]" >&2', '    exit 2', '    ;;', 'esac', '')
  return {filename, content: lines.join('\n')}
}
