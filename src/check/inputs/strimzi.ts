// Strimzi `KafkaTopic` custom resources (kafka.strimzi.io/v1beta2 and v1). The Kafka topic name is
// `spec.topicName` when set, else `metadata.name`; `strimzi.io/cluster` names the cluster. Annotations carry
// suppressions, the deletion allow marker and workload expectations (`kafka-sizer.io/*`).
import type {QuantityParser} from '../../units/quantity.js'
import type {ConfigSetting, InputProblem, TopicDefinition} from '../types.js'
import {allowDeleteFrom, commentSuppressions, suppressionsFromMap} from './suppress.js'
import {annotationFields, workloadFrom} from './workload.js'
import {configValue, type DocContext, entries, pick, posOf, stringMap, text} from './yaml-nodes.js'

export const STRIMZI_CLUSTER_LABEL = 'strimzi.io/cluster'

export interface Parsed {
  topics: TopicDefinition[]
  problems: InputProblem[]
}

/** One KafkaTopic resource (`node` is the resource mapping: a document, or an item of a `kind: List`). */
export function strimziTopic(ctx: DocContext, node: unknown, units: QuantityParser | undefined, wholeDocument: boolean): Parsed {
  const problems: InputProblem[] = []
  const top = pick(ctx, node, ['metadata', 'spec'])
  const meta = pick(ctx, top.metadata?.value, ['name', 'labels', 'annotations'])
  const spec = pick(ctx, top.spec?.value, ['topicName', 'partitions', 'replicas', 'config'])

  const resourceName = meta.name && text(ctx, meta.name.value)
  const topicName = spec.topicName && text(ctx, spec.topicName.value)
  const nameEntry = topicName !== undefined ? spec.topicName! : resourceName !== undefined ? meta.name! : undefined
  const pos = meta.name?.pos ?? nameEntry?.pos ?? posOf(ctx, node)
  if (nameEntry === undefined) {
    problems.push({...pos, severity: 'error', message: 'KafkaTopic without metadata.name (or spec.topicName): the resource was not checked'})
    return {topics: [], problems}
  }

  const labels = stringMap(ctx, meta.labels?.value)
  const annotations = stringMap(ctx, meta.annotations?.value)
  const settings: ConfigSetting[] = entries(ctx, spec.config?.value).map((e) => ({key: e.key, writtenAs: e.key, value: configValue(ctx, e.value), pos: e.pos}))

  // Workload and markers: annotations first, labels as a fallback (label values cannot hold spaces or "=").
  const fields = annotationFields({...labels.values, ...annotations.values}, {...labels.pos, ...annotations.pos})
  const {workload, problems: workloadProblems} = workloadFrom(fields, units, 'annotation', pos)
  problems.push(...workloadProblems)

  const topic: TopicDefinition = {
    name: {value: (topicName ?? resourceName)!, pos: nameEntry.pos},
    format: 'strimzi',
    pos,
    settings,
    labels: labels.values,
    annotations: annotations.values,
    suppressions: [
      ...suppressionsFromMap(annotations.values, annotations.pos),
      ...suppressionsFromMap(labels.values, labels.pos),
      ...commentSuppressions(ctx, pos.line, wholeDocument),
    ],
  }
  if (resourceName !== undefined && topicName !== undefined) topic.resource = `KafkaTopic ${resourceName}`
  if (spec.partitions) topic.partitions = {value: configValue(ctx, spec.partitions.value), pos: spec.partitions.pos}
  if (spec.replicas) topic.replicationFactor = {value: configValue(ctx, spec.replicas.value), pos: spec.replicas.pos}
  const cluster = labels.values[STRIMZI_CLUSTER_LABEL]
  if (cluster !== undefined) topic.cluster = {value: cluster, pos: labels.pos[STRIMZI_CLUSTER_LABEL]!}
  const allowDelete = allowDeleteFrom(annotations.values, labels.values)
  if (allowDelete !== undefined) topic.allowDelete = allowDelete
  if (workload !== undefined) topic.workload = workload
  return {topics: [topic], problems}
}

/** Is this resource mapping a Strimzi KafkaTopic? (Other kinds in the same file are skipped silently.) */
export function isStrimziTopic(apiVersion: string | undefined, kind: string | undefined): boolean {
  return kind === 'KafkaTopic' && apiVersion !== undefined && apiVersion.startsWith('kafka.strimzi.io/')
}
