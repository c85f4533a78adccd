// A Strimzi KafkaTopic custom resource (kafka.strimzi.io/v1beta2), built as a YAML document with the
// `yaml` package: config values are typed scalars (numbers, booleans), each with its reason as a comment.
import {Document, isMap, isScalar} from 'yaml'
import type {PlanResult} from '../services/plan.js'
import {type Artefact, type EmitOptions, planSummary, topicConfigs, wrap} from './common.js'

/**
 * A Kubernetes object name (DNS-1123 subdomain: lowercase letters, digits, "-" and ".", each dot-separated
 * part starting and ending with a letter or digit, at most 253 characters) for a Kafka topic name. A valid
 * name is kept; otherwise letters are lowercased and other characters become "-". The real topic name then
 * goes in spec.topicName.
 */
export function kubernetesName(topic: string): string {
  const parts = topic
    .toLowerCase()
    .replace(/[^a-z0-9.-]/g, '-')
    .split('.')
    .map((p) => p.replace(/-{2,}/g, '-').replace(/^-+|-+$/g, ''))
    .filter((p) => p !== '')
  const name = parts.join('.').slice(0, 253).replace(/[.-]+$/, '')
  return name === '' ? 'topic' : name
}

/** A Kafka config value as a typed YAML scalar: integers and decimals as numbers, true/false as booleans. */
export function typedValue(value: string): string | number | boolean {
  if (value === 'true') return true
  if (value === 'false') return false
  if (/^-?\d+$/.test(value)) {
    const n = Number(value)
    return Number.isSafeInteger(n) ? n : value
  }
  if (/^-?\d+\.\d+$/.test(value)) return Number(value)
  return value
}

function comment(text: string, width = 96): string {
  return wrap(text, width)
    .map((l) => ` ${l}`)
    .join('\n')
}

export function renderStrimzi(plan: PlanResult, options: EmitOptions): Artefact {
  const {topic, clusterName} = options
  const configs = topicConfigs(plan)
  const name = kubernetesName(topic)
  const resource = {
    apiVersion: 'kafka.strimzi.io/v1beta2',
    kind: 'KafkaTopic',
    metadata: {
      name,
      labels: {'strimzi.io/cluster': clusterName},
    },
    spec: {
      ...(name === topic ? {} : {topicName: topic}),
      partitions: plan.partitions,
      replicas: plan.input.replicationFactor,
      config: Object.fromEntries(configs.map((c) => [c.key, typedValue(c.value)])),
    },
  }
  const doc = new Document(resource)
  doc.commentBefore = comment(
    `${planSummary(plan, topic)} Apply with kubectl apply -n <the namespace the Topic Operator watches>. The operator refuses to decrease partitions or change spec.topicName; a replicas change needs Cruise Control.`,
  )
  const config = doc.getIn(['spec', 'config'])
  if (isMap(config)) {
    for (const pair of config.items) {
      const key = isScalar(pair.key) ? pair.key : undefined
      const why = configs.find((c) => c.key === String(key?.value))?.why
      if (key && why) key.commentBefore = comment(why, 90)
    }
  }
  return {filename: `kafkatopic-${topic}.yaml`, content: doc.toString({lineWidth: 0})}
}
