import {mkdir, writeFile} from 'node:fs/promises'
import nodePath from 'node:path'
import {stripVTControlCharacters} from 'node:util'
import {Args} from '@oclif/core'
import type {CheckResult, RuleMeta} from '../check/types.js'
import {checkFlags, type FormatTarget} from '../flags/check-flags.js'
import {BaseCommand} from '../lib/base-command.js'
import {UserError} from '../lib/errors.js'
import {ioReason} from '../lib/io-errors.js'
import type {CheckOutcome} from '../services/check.js'

export default class Check extends BaseCommand<typeof Check> {
  static summary = 'Lint planned topic configs in CI: durability, sizing against the cluster, change safety against a git baseline.'

  static description = `Reads topic definitions (kafka-sizer plan files, Strimzi KafkaTopic, topicctl, kafka-gitops, Terraform kafka_topic in JSON) from files, directories and globs, and reports every finding at the file, line and column of the offending key, with a suggested fix. Cluster-aware rules use a cluster profile (--cluster or flags), workload rules use expectations from a plan file, annotations or --workload, and change-safety rules compare with --baseline-ref.

Formats: text (default), json (the stable contract), sarif, junit, github, gitlab; several at once, each to stdout or its own file (--format sarif=check.sarif). A rules file sets severities per rule, topic pattern, file pattern and environment; a topic suppresses a rule inline with a reason.

Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; 2 usage error, bad rules file, or an input file that could not be read or parsed (the others are still checked); 3 a rule you asked for (--rule, named in the rules file, or the change-safety rules with --baseline-ref) could not be evaluated for lack of input.`

  static examples = [
    {description: 'Check every topic file under ./topics (YAML, JSON and .tf files, recursively)', command: '<%= config.bin %> <%= command.id %> topics/'},
    {description: 'In GitHub Actions: annotations on the pull request, and SARIF for code scanning', command: '<%= config.bin %> <%= command.id %> topics/ --format github --format sarif=kafka-sizer.sarif'},
    {description: 'In GitLab CI: a Code Quality report and a JUnit report, with the text report in the job log', command: '<%= config.bin %> <%= command.id %> topics/ --format text --format gitlab=gl-code-quality.json --format junit=junit.xml'},
    {description: 'Check against the cluster the topics go to, and fail on warnings too', command: '<%= config.bin %> <%= command.id %> "topics/**/*.yaml" --brokers 6 --racks 3 --kafka-version 3.9 --broker-config min.insync.replicas=2 --fail-on warning'},
    {description: 'Compare with the files on main: partition decreases, deletions, RF changes, retention drops', command: '<%= config.bin %> <%= command.id %> topics/ --baseline-ref origin/main'},
    {description: 'Run one rule only (exit 3 if it lacks the input it needs)', command: '<%= config.bin %> <%= command.id %> topics/ --rule KT206 --cluster cluster.yaml'},
    {description: 'Every rule with its id, default severity and the input it needs', command: '<%= config.bin %> <%= command.id %> --list-rules'},
  ]

  static strict = false

  static args = {
    paths: Args.string({description: 'Files, directories (searched recursively) or globs of topic definitions. Default: the working directory.'}),
  }

  static flags = checkFlags

  public async run(): Promise<CheckResult | RuleMeta[]> {
    const {argv} = await this.parse(Check)
    const {allRules, checkService, loadCheckEngine} = await import('../services/check.js')
    const engine = await loadCheckEngine()
    if (this.flags['list-rules']) {
      const rules = allRules(engine)
      if (!this.jsonEnabled()) {
        const {renderRuleList} = await import('../check/format/rule-list.js')
        this.log(renderRuleList(rules))
      }
      return rules
    }

    const targets = this.targets()
    const brokerConfig = this.flags['broker-config'] === undefined ? undefined : Object.fromEntries(this.flags['broker-config'] as unknown as Array<[string, string]>)
    const outcome = await checkService(
      {
        paths: (argv as string[]).length > 0 ? (argv as string[]) : ['.'],
        failOn: this.flags['fail-on'] as 'error' | 'warning' | undefined,
        rulesFile: this.flags.rules,
        rules: this.flags.rule,
        cluster: this.flags.cluster,
        brokers: this.flags.brokers,
        racks: this.flags.racks,
        kafkaVersion: this.flags['kafka-version'],
        brokerConfig,
        workload: this.flags.workload,
        baselineRef: this.flags['baseline-ref'],
      },
      engine,
    )
    await this.output(outcome, targets)
    this.notes(outcome, targets)
    process.exitCode = outcome.result.summary.exitCode
    return outcome.result
  }

  /** The --format targets; text to stdout by default; at most one to stdout (none besides --json). */
  private targets(): FormatTarget[] {
    const given = this.flags.format ?? []
    const targets = given.length === 0 && !this.jsonEnabled() ? [{format: 'text' as const}] : given
    const toStdout = targets.filter((t) => t.file === undefined)
    if (this.jsonEnabled() && toStdout.length > 0) {
      throw new UserError(`--json prints the JSON result on stdout, so --format ${toStdout[0]!.format} needs a file: --format ${toStdout[0]!.format}=FILE`)
    }
    if (toStdout.length > 1) {
      throw new UserError(`--format: ${toStdout.map((t) => t.format).join(' and ')} would both go to stdout; give all but one a file, e.g. --format ${toStdout[1]!.format}=FILE`)
    }
    const files = targets.flatMap((t) => (t.file === undefined ? [] : [nodePath.resolve(t.file)]))
    const twice = files.find((f, i) => files.indexOf(f) !== i)
    if (twice !== undefined) throw new UserError(`--format: two formats write to ${nodePath.relative(process.cwd(), twice) || twice}; give each its own file`)
    return targets
  }

  private async output(outcome: CheckOutcome, targets: FormatTarget[]): Promise<void> {
    const {renderFormat} = await import('../check/format/index.js')
    let stepSummary: string | undefined
    if (targets.some((t) => t.format === 'github')) {
      const {writeGithubStepSummary} = await import('../check/format/github.js')
      try {
        stepSummary = await writeGithubStepSummary(outcome.result)
      } catch (error) {
        this.note(`kafka-sizer check: cannot write the job summary to $GITHUB_STEP_SUMMARY (${process.env.GITHUB_STEP_SUMMARY}): ${ioReason(error)}`)
      }
    }
    const context = {
      rules: outcome.rules,
      tool: {name: this.config.name, version: this.config.version, informationUri: 'https://www.npmjs.com/package/kafka-sizer'},
      checked: outcome.checked,
      stepSummary: stepSummary !== undefined,
    }
    for (const target of targets) {
      const text = renderFormat(target.format, outcome.result, context)
      if (target.file === undefined) {
        if (text !== '') process.stdout.write(text)
        continue
      }
      // Files never get colour, whatever the terminal.
      const content = target.format === 'text' ? stripVTControlCharacters(text) : text
      try {
        await mkdir(nodePath.dirname(nodePath.resolve(target.file)), {recursive: true})
        await writeFile(target.file, content)
      } catch (error) {
        throw new UserError(`--format ${target.format}=${target.file}: cannot write the file: ${ioReason(error)}`)
      }
      this.note(`wrote ${target.file} (${target.format})`)
    }
  }

  /** Diagnostics on stderr, next to the text report: rules skipped for lack of input nobody asked for. */
  private notes(outcome: CheckOutcome, targets: FormatTarget[]): void {
    const human = targets.some((t) => t.format === 'text' && t.file === undefined)
    if (!human) return
    if (outcome.skipped.length > 0) {
      const ids = [...new Set(outcome.skipped.map((s) => s.ruleId))]
      this.note(`skipped for lack of input: ${ids.join(', ')} (--list-rules says what each needs; name one with --rule to see why)`)
    }
    if (process.env.GITHUB_ACTIONS === 'true' && (this.flags.format ?? []).length === 0 && outcome.result.findings.length > 0) {
      this.note('tip: --format github puts these findings on the pull request as annotations')
    }
  }
}
