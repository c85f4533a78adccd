// One file's parsed documents → topic definitions, each document by its own format. Files that hold no
// known document get one problem: a warning when the user named the file, an info when it was found in a
// directory or by a glob; files of only other Kubernetes kinds found in a directory are skipped silently.
import type {QuantityParser} from '../../units/quantity.js'
import type {InputProblem, TopicDefinition} from '../types.js'
import type {ClusterCandidate} from './cluster.js'
import {detectResource, type DocumentKind, listItems} from './detect.js'
import {kafkaGitopsTopics} from './kafka-gitops.js'
import {planFileTopics} from './plan-file.js'
import {strimziTopic} from './strimzi.js'
import {terraformJsonTopics} from './terraform-json.js'
import {topicctlCluster, topicctlTopic} from './topicctl.js'
import type {DocContext} from './yaml-nodes.js'
import {posOf} from './yaml-nodes.js'

export interface FileOutcome {
  topics: TopicDefinition[]
  problems: InputProblem[]
  clusters: ClusterCandidate[]
}

export interface DetectedDoc {
  ctx: DocContext
  kind: DocumentKind
}

export function detectAll(docs: DocContext[]): DetectedDoc[] {
  return docs.map((ctx) => ({ctx, kind: detectResource(ctx, ctx.doc.contents)}))
}

/** The unit parser is loaded (mathjs, slow to import) only for plan files and `kafka-sizer.io/` fields. */
export function needsUnits(text: string, docs: DetectedDoc[]): boolean {
  return docs.some((d) => d.kind === 'kafka-sizer-plan') || text.includes('kafka-sizer.io/')
}

const FORMATS = 'a kafka-sizer plan file, Strimzi KafkaTopic, topicctl topic or cluster file, kafka-gitops state file, or `terraform show -json` output'

export function convertFile(file: string, docs: DetectedDoc[], explicit: boolean, units: QuantityParser | undefined): FileOutcome {
  const out: FileOutcome = {topics: [], problems: [], clusters: []}
  const add = (parsed: {topics: TopicDefinition[]; problems: InputProblem[]}) => {
    out.topics.push(...parsed.topics)
    out.problems.push(...parsed.problems)
  }
  let known = 0
  let kubernetes = 0
  for (const {ctx, kind} of docs) {
    switch (kind) {
      case 'kafka-sizer-plan': {
        const plan = planFileTopics(ctx, units!)
        add(plan)
        out.clusters.push({profile: plan.cluster, what: 'plan file', file})
        break
      }
      case 'strimzi':
        add(strimziTopic(ctx, ctx.doc.contents, units, true))
        break
      case 'kubernetes-list':
        for (const item of listItems(ctx, ctx.doc.contents)) if (detectResource(ctx, item) === 'strimzi') add(strimziTopic(ctx, item, units, false))
        kubernetes++
        break
      case 'kubernetes-other':
        kubernetes++
        break
      case 'topicctl':
        add(topicctlTopic(ctx, units))
        break
      case 'topicctl-cluster':
        out.clusters.push({profile: topicctlCluster(ctx), what: 'topicctl cluster config', file})
        break
      case 'kafka-gitops':
        add(kafkaGitopsTopics(ctx))
        break
      case 'terraform-json':
        add(terraformJsonTopics(ctx))
        break
      case 'unknown':
        continue
    }
    known++
  }
  const unknown = docs.filter((d) => d.kind === 'unknown')
  if (known === 0 && unknown.length > 0) {
    out.problems.push({...posOf(unknown[0]!.ctx, unknown[0]!.ctx.doc.contents), severity: explicit ? 'warning' : 'info', message: `not a topic file (none of: ${FORMATS}); skipped`})
  } else if (known > 0 && unknown.length > 0 && known > kubernetes) {
    // A topic file with a stray document: say which one was skipped.
    for (const d of unknown) out.problems.push({...posOf(d.ctx, d.ctx.doc.contents), severity: 'info', message: `this document is not a topic definition (none of: ${FORMATS}); skipped`})
  } else if (explicit && known === kubernetes && kubernetes > 0 && out.topics.length === 0) {
    out.problems.push({file, line: 1, column: 1, severity: 'info', message: 'no KafkaTopic in this file (only other Kubernetes resources); nothing to check'})
  }
  return out
}
