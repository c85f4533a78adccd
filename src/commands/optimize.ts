import {Flags} from '@oclif/core'
import {BaseCommand} from '../lib/base-command.js'
import {InputError} from '../lib/errors.js'
import type {OptimizeResult} from '../services/optimize.js'

export default class Optimize extends BaseCommand<typeof Optimize> {
  static summary = 'Find the cheapest hardware for a cluster plan: every catalogue profile (× disk counts), ranked, with what binds each.'

  static description = `Sizes the plan file's cluster on every broker profile of the catalogue (built-in, plus --catalogue), each with the broker count that satisfies every bound and the file's failure policy. Candidates with a price (priceUsdPerHour in the catalogue) are ranked by monthly cost (brokers, storage, cross-AZ transfer; for MSK, whose replication between brokers is not billed, only the clients' transfer); the others by broker count. Built-in prices are on-demand list prices (MSK and EC2 in us-east-1, GCP in us-central1; "hardware show NAME" gives each one's source and date); profiles without a verified price (i4i, Azure, Confluent) rank after the priced ones. Give your own prices in a catalogue file to rank by yours.`

  static examples = [
    {description: 'Rank every AWS MSK size for a plan file', command: '<%= config.bin %> <%= command.id %> --file cluster.yaml --vendor aws-msk'},
    {description: 'Rank your own priced profiles, trying 1, 2 and 4 disks per broker', command: '<%= config.bin %> <%= command.id %> --file cluster.yaml --catalogue priced.yaml --disks 1,2,4 --top 5'},
  ]

  static flags = {
    file: Flags.string({char: 'f', required: true, description: 'The cluster plan file (YAML or JSON; `kafka-sizer init` writes one).'}),
    catalogue: Flags.string({description: 'Your hardware catalogue (YAML or JSON), added to the built-in one; prices there rank by cost.'}),
    vendor: Flags.string({description: 'Only this vendor’s profiles: aws-msk, aws-ec2, gcp, azure, generic, or your own.'}),
    disks: Flags.string({description: 'Disk counts per broker to try, comma-separated: "1,2,4". Default: each profile’s own.'}),
    top: Flags.integer({default: 10, min: 1, description: 'How many candidates to show.'}),
  }

  public async run(): Promise<OptimizeResult> {
    const {optimizeService} = await import('../services/optimize.js')
    const result = await optimizeService(this.flags.file, {cataloguePath: this.flags.catalogue, vendor: this.flags.vendor, disks: parseDisks(this.flags.disks), top: this.flags.top})
    if (!this.jsonEnabled()) {
      const {renderOptimize} = await import('../render/optimize.js')
      this.log(renderOptimize(result))
      for (const w of result.warnings) this.note(`warning: ${w}`)
    }
    return result
  }
}

function parseDisks(text: string | undefined): number[] | undefined {
  if (text === undefined) return undefined
  const values = text.split(',').map((s) => Number(s.trim()))
  if (values.some((v) => !Number.isInteger(v) || v < 1)) throw new InputError('--disks', `"${text}" is not a list of disk counts`, 'whole numbers of 1 or more, comma-separated', '1,2,4')
  return [...new Set(values)]
}
