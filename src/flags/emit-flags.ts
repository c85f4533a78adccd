// Flags of `plan --emit`: which artefacts, where, and the names they carry. Values are checked here, at the
// edge, with errors that name the flag (exit 2).
import {Flags} from '@oclif/core'
import {InputError} from '../lib/errors.js'
import {EMIT_FORMATS, type EmitFormat, topicNameProblem} from '../emit/common.js'

const EMIT = 'EMIT ARTEFACTS'

/** "strimzi,terraform" (or "all") as a list of formats; an unknown name lists the valid ones. */
export function parseEmitFormats(text: string): EmitFormat[] {
  const names = text
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s !== '')
  if (names.length === 0) throw new InputError('--emit', 'no format given', `one or more of ${EMIT_FORMATS.join(', ')} (comma-separated), or all`, 'strimzi,cruise-control')
  if (names.includes('all')) return [...EMIT_FORMATS]
  const unknown = names.filter((n) => !(EMIT_FORMATS as readonly string[]).includes(n))
  if (unknown.length > 0) {
    throw new InputError(
      '--emit',
      `unknown format${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => JSON.stringify(u)).join(', ')}`,
      `one or more of ${EMIT_FORMATS.join(', ')} (comma-separated), or all`,
      'strimzi,cruise-control',
    )
  }
  return [...new Set(names as EmitFormat[])]
}

export function checkTopicName(name: string): string {
  const problem = topicNameProblem(name)
  if (problem !== undefined) throw new InputError('--topic', `${JSON.stringify(name)} ${problem}`, 'a legal Kafka topic name: 1 to 249 of a-z A-Z 0-9 . _ -, not "." or ".."', 'orders.placed.v1')
  return name
}

/** A Kubernetes label value (strimzi.io/cluster): up to 63 of A-Z a-z 0-9 - _ ., starting and ending alphanumeric. */
export function checkClusterName(name: string): string {
  if (!/^[A-Za-z0-9]([A-Za-z0-9._-]{0,61}[A-Za-z0-9])?$/.test(name)) {
    throw new InputError('--cluster-name', `${JSON.stringify(name)} is not a valid Kubernetes label value`, 'the name of the Strimzi Kafka resource: up to 63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit', 'my-cluster')
  }
  return name
}

export const emitFlags = {
  emit: Flags.custom<EmitFormat[]>({
    helpGroup: EMIT,
    description: `Also write the artefacts this plan recommends, comma-separated: ${EMIT_FORMATS.join(', ')}, or all. Without --output they go to stdout instead of the plan.`,
    parse: async (input: string) => parseEmitFormats(input),
  })(),
  output: Flags.string({
    helpGroup: EMIT,
    dependsOn: ['emit'],
    description: 'Directory to write the --emit artefacts to, one file each (created if missing; files of the same name are replaced). The paths written go to stderr.',
  }),
  topic: Flags.custom<string>({
    helpGroup: EMIT,
    dependsOn: ['emit'],
    description: 'Kafka topic name the artefacts create and configure. Default my-topic.',
    parse: async (input: string) => checkTopicName(input),
  })(),
  'cluster-name': Flags.custom<string>({
    helpGroup: EMIT,
    dependsOn: ['emit'],
    description: 'Strimzi Kafka cluster of the KafkaTopic (label strimzi.io/cluster). Default my-cluster.',
    parse: async (input: string) => checkClusterName(input),
  })(),
}
