import {Flags} from '@oclif/core'
import {BaseCommand} from '../lib/base-command.js'
import {planInputFlags} from '../flags/plan-flags.js'
import {requestFromFlags, sizingOptionsFromFlags} from '../flags/to-request.js'
import {fileFlag, refuseFlagsWithFile} from '../flags/file-flags.js'
import {checkTopicName} from '../flags/emit-flags.js'
import type {ReportData} from '../report/types.js'

const REPORT = 'REPORT'
/** Flags of report alone: left out of the `kafka-sizer plan …` command the report cites. */
const REPORT_ONLY = new Set(['format', 'output', 'template', 'title', 'topic', 'json', 'color'])

export default class Report extends BaseCommand<typeof Report> {
  static summary = 'Write the sizing document for review: Markdown for a pull request, or one self-contained HTML file.'

  static description = `Runs the same plan as \`kafka-sizer plan\` (a cluster plan file with --file, or one topic's flags) and writes a document from it: a summary (brokers, partitions, storage, monthly cost, binding resource), per-topic table, per-broker utilisation, storage over the retention window and the growth horizon, throughput by broker count, failure scenarios with their outcomes, copy-paste config blocks, warnings, every assumption and constant with its source, and a calibration profile's measured curves.

HTML is one file with inline CSS and SVG charts, no network requests, light and dark themes and a print stylesheet. Markdown is GitHub-flavoured with Mermaid xychart-beta charts. Both come from Liquid templates in templates/; --template uses your own (the data model is in the README), and --json prints the data model.`

  static examples = [
    {description: 'An HTML report of a cluster plan file (the format follows the extension)', command: '<%= config.bin %> <%= command.id %> --file cluster.yaml --output sizing.html'},
    {description: 'Markdown for a pull request, on stdout', command: '<%= config.bin %> <%= command.id %> --file cluster.yaml --format md > SIZING.md'},
    {description: 'One topic from plan flags', command: '<%= config.bin %> <%= command.id %> --throughput "120 MB/s" --retention 7d --consumer-groups 3 --topic orders --output orders.md'},
    {description: 'Your own template (Liquid; the fields are those of --json)', command: '<%= config.bin %> <%= command.id %> --file cluster.yaml --template my-report.md.liquid --output sizing.md'},
    {description: 'The report data model, for scripts', command: '<%= config.bin %> <%= command.id %> --file cluster.yaml --json'},
  ]

  static flags = {
    ...fileFlag,
    format: Flags.option({options: ['md', 'html'] as const, helpGroup: REPORT, description: 'md (GitHub-flavoured Markdown) or html (one self-contained file). Default: from the --output extension (.html, .htm), else md.'})(),
    output: Flags.string({helpGroup: REPORT, description: 'File to write (its directory must exist; written whole or not at all). Default: stdout.'}),
    template: Flags.string({helpGroup: REPORT, description: 'Your own Liquid template instead of templates/report.<format>.liquid; its fields are the report data model (--json). Partials are looked up beside it, then in templates/.'}),
    title: Flags.string({helpGroup: REPORT, description: 'The document title. Default "Kafka sizing: <cluster or topic name>".'}),
    topic: Flags.custom<string>({helpGroup: REPORT, description: 'Name of the single topic (without --file). Default my-topic.', parse: async (input: string) => checkTopicName(input)})(),
    ...planInputFlags,
  }

  public async run(): Promise<ReportData> {
    const f = this.flags
    if (f.file !== undefined) {
      refuseFlagsWithFile(f, this.argv, new Set(['file', 'json', 'color', 'calibration', 'hardware', 'catalogue', 'replication-throttle', ...REPORT_ONLY].filter((k) => k !== 'topic')), f.file)
    }
    const {reportService} = await import('../services/report.js')
    const options = {
      ...sizingOptionsFromFlags(f),
      title: f.title,
      topic: f.topic,
      command: planCommand(this.config.bin, this.argv),
      tool: {name: this.config.bin, version: this.config.version},
    }
    const data = await reportService(f.file === undefined ? {request: requestFromFlags(f)} : {file: f.file}, options)
    if (this.jsonEnabled()) return data
    const format = f.format ?? (/\.html?$/i.test(f.output ?? '') ? 'html' : 'md')
    const {renderReport} = await import('../report/render.js')
    const text = await renderReport(data, format, f.template)
    if (f.output === undefined) {
      this.log(text.replace(/\n$/, ''))
    } else {
      const {writeReport} = await import('../report/write.js')
      await writeReport(f.output, text)
      this.note(`wrote ${f.output} (${format === 'html' ? 'HTML' : 'Markdown'}): ${data.summary.brokers} brokers, ${data.summary.partitions} partitions, ${data.summary.bindingResourceLabel} binds`)
    }
    return data
  }
}

/** `kafka-sizer plan …` with the report's own flags left out: the command behind the report's numbers. */
export function planCommand(bin: string, argv: readonly string[]): string {
  const out: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    const name = /^--(?:no-)?([a-z-]+)/.exec(a)?.[1]
    if (name !== undefined && REPORT_ONLY.has(name)) {
      if (!a.includes('=') && name !== 'json' && name !== 'color' && i + 1 < argv.length) i++
      continue
    }
    out.push(/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)
  }
  return [bin, 'plan', ...out].join(' ')
}
