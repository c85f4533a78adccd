// The plan file's own cross-field checks (src/planfile/checks.ts, what `plan --file` rejects a file for), run
// by `check` on a plan file too, so a CI gate does not pass a plan that `plan --file` refuses. Problems a check
// rule already reports with its own id and fix are left to the rule: the same problem twice is noise.
import {listProfiles} from '../../catalogue/index.js'
import {crossChecks, type Path, type Problem} from '../../planfile/checks.js'
import type {ParsedCluster, ParsedTopic} from '../../planfile/schema.js'
import {toTopicSpec} from '../../planfile/to-spec.js'
import type {InputProblem, SourcePos} from '../types.js'

/** Each covered problem, by the path it is reported at and what its message says, with the rule that covers it. */
const COVERED: Array<{rule: string; at: (p: Path) => boolean; says: string}> = [
  {rule: 'KT005 duplicate-topic', at: (p) => p[0] === 'topics' && p[2] === 'name', says: 'is already the name of topics['},
  {rule: 'KT104 min-isr-above-rf', at: (p) => p[2] === 'minInsyncReplicas', says: 'is greater than'},
  {rule: 'KT103 rf-exceeds-brokers', at: (p) => p[2] === 'replicationFactor', says: 'replicas need'},
  {rule: 'KT103 rf-exceeds-brokers', at: (p) => p[0] === 'cluster' && p[1] === 'brokers', says: 'cannot host the'},
  {rule: 'KT403 local-retention', at: (p) => p[2] === 'localRetention', says: 'is longer than retention'},
  // Reported on the merged cluster profile instead (cluster.ts), where flags may have named another profile.
  {rule: 'cluster.hardware', at: (p) => p[0] === 'cluster' && p[1] === 'hardware', says: 'no hardware profile named'},
  // check reads a topic's configs without its workload; rules that need a rate say "not evaluated".
  {rule: 'workload rules', at: (p) => p[0] === 'topics' && p.length === 2, says: 'has no workload rate'},
]

export function isCoveredByRule(problem: Problem): boolean {
  return COVERED.some((c) => c.at(problem.path) && problem.message.includes(c.says))
}

const pathText = (path: Path): string => path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('')

export function planCrossCheckProblems(
  cluster: Partial<ParsedCluster> | undefined,
  parsedTopics: ReadonlyArray<Partial<ParsedTopic> | undefined>,
  complete: boolean,
  names: unknown[],
  locate: (path: Path) => SourcePos,
): InputProblem[] {
  const topics = parsedTopics.flatMap((t, index) => (t?.name === undefined ? [] : [{index, complete, spec: toTopicSpec(t as ParsedTopic, locate(['topics', index]).line)}]))
  return crossChecks({cluster, topics, names, profiles: listProfiles(), lineOf: (path) => locate(path).line})
    .filter((p) => !isCoveredByRule(p))
    .map((p) => ({...locate(p.path), severity: 'error', message: `${pathText(p.path)}: ${p.message}`}))
}
