// Which format a document is in, from its shape alone (per document, not per file: one YAML file may mix
// KafkaTopics with Deployments, and the extension says nothing about JSON vs YAML content).
import {GITOPS_SECTIONS} from './kafka-gitops.js'
import {isStrimziTopic} from './strimzi.js'
import {type DocContext, entries, entry, isMapping, items, pick, text} from './yaml-nodes.js'

const GITOPS_SERVICE_TYPES = ['application', 'kafka-connect', 'kafka-streams']

export type DocumentKind =
  | 'kafka-sizer-plan'
  | 'strimzi'
  /** `kind: List` (kubectl get -o yaml): its items are resources, each detected on its own. */
  | 'kubernetes-list'
  /** Any other Kubernetes resource (Deployment, ConfigMap, KafkaUser, Kafka …): skipped silently. */
  | 'kubernetes-other'
  | 'topicctl'
  | 'topicctl-cluster'
  | 'kafka-gitops'
  | 'terraform-json'
  | 'unknown'

/** The kind of a resource mapping (a document's root, or an item of a Kubernetes List). */
export function detectResource(ctx: DocContext, node: unknown): DocumentKind {
  if (!isMapping(ctx, node)) return 'unknown'
  const top = pick(ctx, node, ['apiVersion', 'kind', 'metadata', 'version', 'topics', 'cluster', 'meta', 'spec', 'format_version', 'values', 'planned_values', ...GITOPS_SECTIONS])
  const kind = top.kind && text(ctx, top.kind.value)
  const apiVersion = top.apiVersion && text(ctx, top.apiVersion.value)
  if (kind !== undefined && apiVersion !== undefined) {
    if (isStrimziTopic(apiVersion, kind)) return 'strimzi'
    return kind === 'List' ? 'kubernetes-list' : 'kubernetes-other'
  }
  if (top.version && top.topics && !isMapping(ctx, top.topics.value)) return 'kafka-sizer-plan'
  if (top.format_version && (top.values || top.planned_values)) return 'terraform-json'
  if (top.meta && top.spec) {
    const spec = pick(ctx, top.spec.value, ['bootstrapAddrs', 'zkAddrs', 'partitions', 'replicationFactor', 'settings'])
    if (spec.bootstrapAddrs || spec.zkAddrs) return 'topicctl-cluster'
    if (isMapping(ctx, top.meta.value)) return 'topicctl'
  }
  if (top.topics && isMapping(ctx, top.topics.value) && !top.version) return 'kafka-gitops'
  // A kafka-gitops file split with settings.files may hold only services or users. (docker-compose files
  // also have `services:`, but their services have no kafka-gitops `type`.)
  if (top.version || top.meta || top.spec) return 'unknown'
  if ((top.users || top.customServiceAcls || top.customUserAcls) && isMapping(ctx, (top.users ?? top.customServiceAcls ?? top.customUserAcls)!.value)) return 'kafka-gitops'
  const firstService = entries(ctx, top.services?.value)[0]
  const serviceType = firstService && entry(ctx, firstService.value, 'type')
  const typeText = serviceType && text(ctx, serviceType.value)
  if (typeText !== undefined && GITOPS_SERVICE_TYPES.includes(typeText)) return 'kafka-gitops'
  return 'unknown'
}

/** The resources of a `kind: List` document. */
export function listItems(ctx: DocContext, node: unknown): unknown[] {
  return items(ctx, pick(ctx, node, ['items']).items?.value)
}
