// The --file flag of plan and report: a cluster plan file, whose topics carry their own workload flags.
import {Flags} from '@oclif/core'
import {UserError} from '../lib/errors.js'

export const fileFlag = {
  file: Flags.string({
    char: 'f',
    helpGroup: 'CLUSTER PLAN FILE',
    description: 'Size a whole cluster from a plan file (YAML or JSON: a cluster section and a topics list; `kafka-sizer init` writes one). Workload flags then come from the file.',
  }),
}

/** Per-topic flags belong in the plan file: refuse any given flag outside `allowed`. */
export function refuseFlagsWithFile(flags: Record<string, unknown>, argv: readonly string[], allowed: ReadonlySet<string>, file: string): void {
  const given = Object.keys(flags).filter((k) => !allowed.has(k) && argv.some((a) => a === `--${k}` || a.startsWith(`--${k}=`)))
  if (given.length > 0) {
    throw new UserError(`--file: --${given[0]} cannot be combined with a plan file`, {
      suggestions: [given[0] === 'topic' ? 'topic names come from the file' : `set it in ${file} (cluster: or a topic entry), or drop --file`],
    })
  }
}
