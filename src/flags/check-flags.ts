// The flags of `kafka-sizer check`: output formats (FORMAT or FORMAT=FILE), the gate, the rules, and the
// cluster/workload/baseline inputs.
import {Flags} from '@oclif/core'
import {FORMAT_DESCRIPTIONS, FORMATS, type CheckFormat} from '../check/format/index.js'
import {UserError} from '../lib/errors.js'
import {countFlag} from './quantity-flags.js'

export interface FormatTarget {
  format: CheckFormat
  /** Output file; stdout when absent. */
  file?: string
}

const OUTPUT = 'OUTPUT'
const RULES = 'RULES'
const CLUSTER = 'CLUSTER AND WORKLOAD'

/** "sarif" or "sarif=check.sarif". */
export function parseFormatTarget(input: string): FormatTarget {
  const eq = input.indexOf('=')
  const name = (eq < 0 ? input : input.slice(0, eq)).trim().toLowerCase()
  const file = eq < 0 ? undefined : input.slice(eq + 1).trim()
  const format = name === 'gitlab-codequality' || name === 'codequality' ? 'gitlab' : name
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UserError(`--format: "${name}" is not a format. Expected one of ${FORMATS.join(', ')}, optionally with =FILE. Example: --format sarif=check.sarif`)
  }
  if (file === '') throw new UserError(`--format: "${input}" names no file after "=". Example: --format ${format}=check.${format === 'gitlab' ? 'codequality.json' : format}`)
  return {format: format as CheckFormat, ...(file === undefined ? {} : {file})}
}

/** "key=value" for --broker-config. */
export function parseKeyValue(input: string): [string, string] {
  const eq = input.indexOf('=')
  if (eq <= 0 || eq === input.length - 1) {
    throw new UserError(`--broker-config: "${input}" is not key=value. Expected a broker setting and its value. Example: --broker-config min.insync.replicas=2`)
  }
  return [input.slice(0, eq).trim(), input.slice(eq + 1).trim()]
}

export const checkFlags = {
  format: Flags.custom<FormatTarget>({
    helpGroup: OUTPUT,
    multiple: true,
    description: `Output format, FORMAT or FORMAT=FILE; repeat for several (at most one without a file goes to stdout). Default text. ${FORMATS.map((f) => `${f}: ${FORMAT_DESCRIPTIONS[f]}`).join('; ')}.`,
    parse: async (input: string) => parseFormatTarget(input),
  })(),
  'fail-on': Flags.string({
    helpGroup: OUTPUT,
    options: ['error', 'warning'],
    description: 'Exit 1 when a finding has this severity or a higher one. Default: the rules file’s failOn, else error.',
  }),
  'list-rules': Flags.boolean({
    helpGroup: RULES,
    description: 'List every rule (id, name, default severity, what it needs) and exit; with --json, the rule metadata.',
  }),
  rules: Flags.string({
    helpGroup: RULES,
    description: 'Rules file (YAML): failOn, severity per rule, overrides per topic/file/environment, policy. Default .kafka-sizer-check.yaml in the working directory when present.',
  }),
  rule: Flags.string({
    helpGroup: RULES,
    multiple: true,
    description: 'Run only this rule (id or name; repeat or comma-separate). A rule given here that cannot be evaluated for lack of input exits 3.',
  }),
  cluster: Flags.string({
    helpGroup: CLUSTER,
    aliases: ['cluster-file'],
    description: 'Cluster profile: a kafka-sizer plan file (its cluster: section) or a topicctl cluster.yaml. Default: the one plan file or cluster.yaml among the inputs. Flags below win over the file.',
  }),
  brokers: countFlag({name: 'brokers', helpGroup: CLUSTER, description: 'Broker count of the target cluster.'}),
  racks: countFlag({name: 'racks', helpGroup: CLUSTER, description: 'Racks (availability zones) the brokers span.'}),
  'kafka-version': Flags.string({helpGroup: CLUSTER, description: 'Kafka version of the target cluster, e.g. 3.9 or 4.0 (version-dependent limits such as segment.bytes ≥ 1 MiB from 4.0).'}),
  'broker-config': Flags.custom<[string, string]>({
    helpGroup: CLUSTER,
    multiple: true,
    description: 'A broker default (server.properties) the topics inherit, key=value; repeat for several: min.insync.replicas=2, message.max.bytes=1048588, default.replication.factor=3.',
    parse: async (input: string) => parseKeyValue(input),
  })(),
  workload: Flags.string({
    helpGroup: CLUSTER,
    aliases: ['workload-file'],
    description: 'Workload expectations per topic (a sidecar YAML file: throughput, message size, consumer groups, acks, keyed...). They may also come from a plan file or kafka-sizer.io/ annotations.',
  }),
  'baseline-ref': Flags.string({
    helpGroup: CLUSTER,
    description: 'Git ref of the previously applied topic files (e.g. origin/main): enables the change-safety rules (partition decrease, deletion, RF change...). Those rules then count as asked for: if they cannot run, exit 3.',
  }),
}
