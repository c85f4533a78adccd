// The input side of `kafka-sizer check`: files, directories and globs → CheckInputs (topic definitions with
// positions, the cluster profile, and the problems met while reading). Nothing here throws for a bad
// file: every file-level problem is an InputProblem and the other files are still read. Only a usage error
// throws InputError: a path the user named that does not exist, a missing --cluster-file/--workload-file,
// a bad --baseline-ref. See docs/check-inputs.md.
import nodePath from 'node:path'
import {closest} from '../../planfile/suggest.js'
import {loadQuantityParser, type QuantityParser} from '../../units/quantity.js'
import type {CheckInputs, ClusterProfile, InputProblem, TopicDefinition} from '../types.js'
import {gitTree} from './baseline.js'
import {type ClusterCandidate, clusterFromInputs, mergeCluster, resolveClusterHardware} from './cluster.js'
import {convertFile, type DetectedDoc, detectAll, needsUnits} from './convert.js'
import {type Discovered, discover, relativePath, workingTree} from './discover.js'
import {parseDocuments} from './documents.js'
import {contentOf, DEFAULT_MAX_FILE_BYTES, readInputFile, type ReadResult, sizeProblem} from './read-file.js'
import {hclProblems, isHcl} from './terraform-hcl.js'
import {topicctlCluster} from './topicctl.js'
import {mergeWorkload, sidecarWorkloads} from './workload.js'
import {planFileTopics} from './plan-file.js'
import {detectResource} from './detect.js'

export {DEFAULT_MAX_FILE_BYTES} from './read-file.js'
export {WORKLOAD_FIELDS} from './workload.js'

export interface ReadInputsOptions {
  /** Paths in results are relative to this, POSIX separators. */
  cwd: string
  /** A kafka-sizer plan file or topicctl cluster.yaml giving the cluster profile. */
  clusterFile?: string
  /** From flags (--brokers, --racks, --kafka-version, --disk …); flags win over files. */
  cluster?: Partial<ClusterProfile>
  /** Sidecar YAML/JSON keyed by topic name. */
  workloadFile?: string
  /** Default 10 MiB; larger files become an InputProblem. */
  maxFileBytes?: number
}

/** Files read at once: enough to overlap I/O, few enough to stay far from the open-files limit. */
const CONCURRENCY = 32

export async function readCheckInputs(paths: string[], options: ReadInputsOptions): Promise<CheckInputs> {
  const cwd = nodePath.resolve(options.cwd)
  const max = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES
  const found = withoutSideFiles(await discover(paths, cwd), cwd, options)
  const read = (d: Discovered) => readInputFile(d.abs, d.file, {maxFileBytes: max, explicit: d.explicit})
  return assemble(found, read, options, true)
}

export async function readBaselineInputs(ref: string, paths: string[], options: ReadInputsOptions): Promise<CheckInputs & {ref: string}> {
  const cwd = nodePath.resolve(options.cwd)
  const max = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES
  const tree = await gitTree(ref, cwd)
  const found = withoutSideFiles(await discover(paths, cwd, tree), cwd, options).filter((d) => !isHcl(d.file))
  // Every blob in one git process, then the same guards as for files on disk.
  const wanted = found.map((d) => tree.blob(d.abs)).filter((b) => b !== undefined && sizeProblem(b.size, max) === undefined)
  const contents = await tree.readBlobs([...new Set(wanted.map((b) => b!.sha))])
  const read = async (d: Discovered): Promise<ReadResult> => {
    const blob = tree.blob(d.abs)
    if (blob === undefined) return {ok: false}
    const file = `${d.file} (at ${ref})`
    const tooLarge = sizeProblem(blob.size, max)
    if (tooLarge) return {ok: false, problem: {file: d.file, line: 1, column: 1, severity: 'error', message: `at ${ref}: ${tooLarge}`}}
    const bytes = contents.get(blob.sha)
    if (bytes === undefined) return {ok: false, problem: {file: d.file, line: 1, column: 1, severity: 'error', message: `${file}: git could not read the file`}}
    const content = contentOf(bytes, d.file, d.explicit)
    return content.ok ? {ok: true, text: content.text, identity: blob.sha + d.file} : {ok: false, problem: {...content.problem, message: `at ${ref}: ${content.problem.message}`}}
  }
  // The sidecar workload file is the expectation of today, not of the baseline: it is not read at the ref.
  const inputs = await assemble(found, read, {...options, workloadFile: undefined}, false)
  return {...inputs, ref}
}

/** --cluster-file and --workload-file are not topic files: drop them when a directory walk found them. */
function withoutSideFiles(found: Discovered[], cwd: string, options: ReadInputsOptions): Discovered[] {
  const side = new Set([options.clusterFile, options.workloadFile].filter((f) => f !== undefined).map((f) => nodePath.resolve(cwd, f!)))
  return found.filter((d) => d.explicit || !side.has(d.abs))
}

interface ReadFile {
  d: Discovered
  text: string
  docs: DetectedDoc[]
}

async function assemble(found: Discovered[], read: (d: Discovered) => Promise<ReadResult>, options: ReadInputsOptions, current: boolean): Promise<CheckInputs> {
  const cwd = nodePath.resolve(options.cwd)
  const problems: InputProblem[] = []
  const hcl = found.filter((d) => isHcl(d.file))
  problems.push(...hclProblems(hcl.filter((d) => d.explicit).map((d) => d.file), hcl.filter((d) => !d.explicit).map((d) => d.file)))

  // Read and parse every file (bounded concurrency); a file reached by two paths is read once.
  const results = await mapLimit(found.filter((d) => !isHcl(d.file)), CONCURRENCY, read)
  const seen = new Set<string>()
  const files: ReadFile[] = []
  const readNames: string[] = []
  found.filter((d) => !isHcl(d.file)).forEach((d, i) => {
    const result = results[i]!
    if (result.identity !== undefined) {
      if (seen.has(result.identity)) return
      seen.add(result.identity)
    }
    if (!result.ok) {
      if (result.problem) {
        problems.push(result.problem)
        readNames.push(d.file)
      }
      return
    }
    readNames.push(d.file)
    const parsed = parseDocuments(result.text, d.file)
    problems.push(...parsed.problems)
    files.push({d, text: result.text, docs: detectAll(parsed.docs)})
  })

  const sidecar = current && options.workloadFile !== undefined ? await readSide(options.workloadFile, cwd, options) : undefined
  const units = files.some((f) => needsUnits(f.text, f.docs)) || sidecar?.docs.length ? await loadQuantityParser() : undefined

  const topics: TopicDefinition[] = []
  const candidates: ClusterCandidate[] = []
  for (const f of files) {
    const outcome = convertFile(f.d.file, f.docs, f.d.explicit, units)
    topics.push(...outcome.topics)
    problems.push(...outcome.problems)
    candidates.push(...outcome.clusters)
  }

  // Cluster profile: --cluster-file, else the one cluster definition among the inputs; flags on top.
  let fromFile: Partial<ClusterProfile> | undefined
  if (options.clusterFile !== undefined) {
    const cluster = await readClusterFile(options.clusterFile, cwd, options, units)
    problems.push(...cluster.problems)
    fromFile = cluster.profile
  } else {
    const fromInputs = clusterFromInputs(candidates)
    problems.push(...fromInputs.problems)
    fromFile = fromInputs.profile
  }
  const cluster = mergeCluster(fromFile, options.cluster)
  const hardwareProblem = await resolveClusterHardware(cluster)
  if (hardwareProblem !== undefined) problems.push(hardwareProblem)
  if (current && cluster.brokers === undefined && cluster.planFile !== undefined) await useSizedBrokers(cluster, nodePath.resolve(cwd, cluster.planFile))

  if (sidecar !== undefined) problems.push(...applySidecar(sidecar, topics, units))
  return {topics, cluster, problems, files: [...new Set(readNames)].sort()}
}

interface SideFile {
  file: string
  docs: ReturnType<typeof parseDocuments>['docs']
  problems: InputProblem[]
}

/** A side file named by a flag: must exist (usage error otherwise); its read/parse problems are reported. */
async function readSide(given: string, cwd: string, options: ReadInputsOptions): Promise<SideFile> {
  const abs = nodePath.resolve(cwd, given)
  const file = relativePath(cwd, abs)
  if ((await workingTree.kind(abs)) === undefined) await discover([given], cwd) // throws "no such file"
  const result = await readInputFile(abs, file, {maxFileBytes: options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES, explicit: true})
  if (!result.ok) return {file, docs: [], problems: result.problem ? [result.problem] : []}
  const parsed = parseDocuments(result.text, file)
  return {file, docs: parsed.docs, problems: parsed.problems}
}

async function readClusterFile(given: string, cwd: string, options: ReadInputsOptions, loaded: QuantityParser | undefined): Promise<{profile?: Partial<ClusterProfile>; problems: InputProblem[]}> {
  const side = await readSide(given, cwd, options)
  const doc = side.docs[0]
  if (doc === undefined) return {problems: side.problems}
  const kind = detectResource(doc, doc.doc.contents)
  if (kind === 'topicctl-cluster') return {profile: topicctlCluster(doc), problems: side.problems}
  if (kind === 'kafka-sizer-plan') {
    const plan = planFileTopics(doc, loaded ?? (await loadQuantityParser()))
    // The plan's topic problems belong to checking its topics, not to using it as a cluster profile.
    return {profile: plan.cluster, problems: side.problems}
  }
  const problem: InputProblem = {file: side.file, line: 1, column: 1, severity: 'error', message: '--cluster-file: not a kafka-sizer plan file (version, cluster, topics) or a topicctl cluster config (meta, spec.bootstrapAddrs); no cluster profile was read from it'}
  return {problems: [...side.problems, problem]}
}

function applySidecar(side: SideFile, topics: TopicDefinition[], units: QuantityParser | undefined): InputProblem[] {
  const problems = [...side.problems]
  const byName = new Map<string, TopicDefinition[]>()
  for (const t of topics) {
    const list = byName.get(t.name.value)
    if (list === undefined) byName.set(t.name.value, [t])
    else list.push(t)
  }
  for (const doc of side.docs) {
    const {byTopic, problems: p} = sidecarWorkloads(doc, units, `sidecar ${side.file}`)
    problems.push(...p)
    for (const [name, workload] of byTopic) {
      const matching = byName.get(name)
      if (matching === undefined) {
        const suggested = closest(name, [...byName.keys()])
        const hint = suggested === undefined ? '' : `; did you mean "${suggested}"?`
        problems.push({...workload.pos!, severity: 'warning', message: `workload for "${name}", which no input file defines${hint}`})
        continue
      }
      for (const t of matching) t.workload = mergeWorkload(t.workload, workload)
    }
  }
  return problems
}

/** `fn` over `items` with at most `limit` running at once; results in input order. */
async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const i = next++
      results[i] = await fn(items[i]!)
    }
  }
  await Promise.all(Array.from({length: Math.min(limit, items.length)}, worker))
  return results
}

/**
 * A plan file that leaves the broker count to kafka-sizer (every preset does) still has one: the count
 * `plan --file` sizes. The broker-count rules then run on it. A plan file that does not size (its own
 * errors are already findings) leaves the count unknown.
 */
async function useSizedBrokers(cluster: ClusterProfile, planFile: string): Promise<void> {
  try {
    const {clusterPlanService} = await import('../../services/cluster-plan.js')
    const sized = await clusterPlanService(planFile)
    cluster.brokers = sized.brokers
    cluster.brokersSized = true
    cluster.source += ` (${sized.brokers} brokers, as \`kafka-sizer plan --file\` sizes it)`
  } catch {
    // Left unknown: the rules that need a broker count say "not evaluated".
  }
}
