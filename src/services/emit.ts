// Emit service: renders the artefacts a finished plan recommends (Kafka CLI script, Strimzi KafkaTopic,
// Terraform kafka_topic, Cruise Control capacity.json, server.properties) and, given a directory, writes one
// file each. The renderers are pure (src/emit/); the file writing is here.
import {chmod, mkdir, stat, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {InputError, UserError} from '../lib/errors.js'
import {ioReason} from '../lib/io-errors.js'
import {type EmitFormat, topicNameProblem} from '../emit/common.js'
import type {PlanResult} from './plan.js'

export interface EmitRequest {
  formats: readonly EmitFormat[]
  /** Kafka topic name (default "my-topic"). */
  topic?: string
  /** Strimzi cluster label (default "my-cluster"). */
  clusterName?: string
  /** Write one file per artefact here (created if missing); otherwise only return them. */
  outputDir?: string
}

export interface EmittedArtefact {
  format: EmitFormat
  filename: string
  /** Where it was written (only with an output directory). */
  path?: string
  content: string
}

export const DEFAULT_TOPIC = 'my-topic'
export const DEFAULT_CLUSTER_NAME = 'my-cluster'


/**
 * mkdir -p, one level at a time. (Node 20's mkdir {recursive: true} never returns for a path such as
 * /proc/x, where the parent exists but the child cannot be created.)
 */
async function ensureDirectory(dir: string): Promise<void> {
  try {
    await mkdir(dir)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EEXIST') {
      if ((await stat(dir)).isDirectory()) return
      throw error
    }
    const parent = path.dirname(dir)
    if (code !== 'ENOENT' || parent === dir) throw error
    await ensureDirectory(parent)
    await mkdir(dir)
  }
}

export async function emitService(plan: PlanResult, request: EmitRequest): Promise<EmittedArtefact[]> {
  const topic = request.topic ?? DEFAULT_TOPIC
  const problem = topicNameProblem(topic)
  if (problem !== undefined) throw new InputError('--topic', `${JSON.stringify(topic)} ${problem}`, 'a legal Kafka topic name', 'orders.placed.v1')
  // Loaded only when emitting: the renderers pull in the yaml package.
  const {renderArtefacts} = await import('../emit/index.js')
  const artefacts: EmittedArtefact[] = renderArtefacts(plan, request.formats, {topic, clusterName: request.clusterName ?? DEFAULT_CLUSTER_NAME})
  const dir = request.outputDir
  if (dir === undefined) return artefacts

  try {
    await ensureDirectory(path.resolve(dir))
  } catch (error) {
    throw new UserError(`--output: cannot create the directory ${dir}: ${ioReason(error)}`, {suggestions: ['give a directory you can write to']})
  }
  for (const artefact of artefacts) {
    const file = path.join(dir, artefact.filename)
    const executable = artefact.filename.endsWith('.sh')
    try {
      await writeFile(file, artefact.content, {mode: executable ? 0o755 : 0o644})
      // mode applies only when the file is created: an existing script is made executable too.
      if (executable) await chmod(file, 0o755)
    } catch (error) {
      throw new UserError(`--output: cannot write ${file}: ${ioReason(error)}`, {suggestions: ['give a directory you can write to']})
    }
    artefact.path = file
  }
  return artefacts
}

/** The artefacts as one stdout stream: one alone as it is (pipeable), several each under a header comment. */
export function emittedText(artefacts: readonly EmittedArtefact[]): string {
  if (artefacts.length === 1) return artefacts[0]!.content
  return artefacts.map((a) => `# ==> ${a.filename} (${a.format}) <==\n${a.content}`).join('\n')
}
