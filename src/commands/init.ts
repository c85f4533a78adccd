import {Flags} from '@oclif/core'
import {BaseCommand} from '../lib/base-command.js'
import {DEFAULT_PLAN_FILE, type InitResult, PRESETS} from '../services/init.js'

export default class Init extends BaseCommand<typeof Init> {
  static summary = 'Write a cluster plan file to start from: a commented starter, or a preset system (Twitter, WhatsApp, …).'

  static description = `The starter explains every field with its default; edit it, then size the whole cluster with \`kafka-sizer plan --file FILE\`. A preset is a worked system from the sizing model (sizing-model.md §8.8): its rates, partitions and retention come from there, and every number the source does not give is marked "assumed" in a comment. Presets: ${PRESETS.join(', ')}. An existing file is never overwritten without --force.`

  static examples = [
    {description: 'A commented starter plan in ./kafka-sizer-plan.yaml', command: '<%= config.bin %> <%= command.id %>'},
    {description: 'The Twitter `tweets` topic (6K msg/s, 60K peak, 50 partitions), then size it', command: '<%= config.bin %> <%= command.id %> --preset twitter --output twitter.yaml && <%= config.bin %> plan --file twitter.yaml'},
    {description: 'Replace an existing file', command: '<%= config.bin %> <%= command.id %> --preset notifications --output plan.yaml --force'},
  ]

  static flags = {
    output: Flags.string({char: 'o', default: DEFAULT_PLAN_FILE, description: 'The file to write (parent directories are created).'}),
    preset: Flags.string({description: `A preset system instead of the starter: ${PRESETS.join(', ')}.`}),
    force: Flags.boolean({description: 'Overwrite the file if it exists.'}),
  }

  public async run(): Promise<InitResult> {
    const {initService} = await import('../services/init.js')
    const result = await initService({output: this.flags.output, preset: this.flags.preset, force: this.flags.force})
    if (!this.jsonEnabled()) {
      const {default: path} = await import('node:path')
      const relative = path.relative(process.cwd(), result.path)
      const shown = relative === '' || relative.startsWith('..') ? result.path : relative
      this.log(`Wrote ${shown}${result.preset ? ` (preset ${result.preset}, from sizing-model.md §8.8; "assumed" marks the numbers the source does not give)` : ''}.`)
      this.note(`Next: edit it, then size the cluster with \`kafka-sizer plan --file ${shown}\`.`)
    }
    return result
  }
}
