import {Flags} from '@oclif/core'
import {BaseCommand} from '../lib/base-command.js'
import {fileFlag, refuseFlagsWithFile} from '../flags/file-flags.js'
import type {ClusterPlanResult} from '../services/cluster-plan.js'
import {planInputFlags} from '../flags/plan-flags.js'
import {requestFromFlags, sizingOptionsFromFlags} from '../flags/to-request.js'
import {type PlanResult, planService} from '../services/plan.js'
import {emitFlags} from '../flags/emit-flags.js'
import type {EmittedArtefact} from '../services/emit.js'
import type {EmitFormat} from '../emit/common.js'

export default class Plan extends BaseCommand<typeof Plan> {
  static summary = 'Size one topic’s workload: partitions, brokers, storage, configs, and the binding constraint.'

  static description = `Runs the throughput / storage / broker model for one topic on one cluster and prints the partition count and why, the broker count and which resource binds it, a per-broker load table, storage with its breakdown, config recommendations with their trade-offs, warnings, and every assumption with its source.

Quantities take units: MB = 10^6 bytes, MiB = 2^20 bytes; rates per second or per day; durations like 7d or 36h. Hardware you do not give comes from one documented default broker (an m5.2xlarge-class machine with a 250 MiB/s, 2 TB volume); the assumptions block says so.`

  static examples = [
    {description: 'Size a 120 MB/s topic read by three groups, the largest with 24 consumers', command: '<%= config.bin %> <%= command.id %> --throughput "120 MB/s" --message-size "1 KiB" --retention 7d --replication-factor 3 --consumer-groups 3 --max-consumers 24'},
    {description: 'Messages per day instead of bytes, on brokers with 10 Gbit/s NICs and two 4 TB disks, across three AZs', command: '<%= config.bin %> <%= command.id %> --message-rate "500M/day" --message-size "500 B" --network "10 Gbit/s" --disks 2 --disk-size "4 TB" --azs 3'},
    {description: 'Write a Strimzi KafkaTopic, a Terraform kafka_topic and Cruise Control’s capacity.json for the plan into ./kafka', command: '<%= config.bin %> <%= command.id %> --throughput "50 MB/s" --topic orders.placed.v1 --emit strimzi,terraform,cruise-control --output ./kafka'},
    {description: 'Size a whole cluster from a plan file (write a starter with `kafka-sizer init --preset twitter`)', command: '<%= config.bin %> <%= command.id %> --file cluster.yaml'},
    {description: 'Machine-readable output for scripts', command: '<%= config.bin %> <%= command.id %> --throughput "50 MB/s" --json'},
  ]

  static flags = {
    ...fileFlag,
    chart: Flags.boolean({
      description: 'Also draw the per-broker utilisation of each resource as bars and the sustainable ingress by broker count as a line chart, in the terminal (not with --json).',
    }),
    ...planInputFlags,
    ...emitFlags,
  }

  public async run(): Promise<(PlanResult & {emitted?: EmittedArtefact[]}) | (ClusterPlanResult & {emitted?: EmittedArtefact[]})> {
    if (this.flags.file !== undefined) return this.runFile(this.flags.file)
    const result = await planService(requestFromFlags(this.flags), sizingOptionsFromFlags(this.flags))
    if (this.flags.emit !== undefined) return this.emit(result, this.flags.emit)
    if (!this.jsonEnabled()) {
      const {renderPlan} = await import('../render/plan.js')
      this.log(renderPlan(result))
      if (this.flags.chart) {
        const {renderPlanCharts} = await import('../render/plan-chart.js')
        this.log(`\n${await renderPlanCharts(result.loads, [result], result.brokers)}`)
      }
    }
    return result
  }

  /** --file: many topics on one cluster. Per-topic flags belong in the file, so they are refused here. */
  private async runFile(file: string): Promise<ClusterPlanResult & {emitted?: EmittedArtefact[]}> {
    refuseFlagsWithFile(this.flags, this.argv, new Set(['file', 'json', 'color', 'calibration', 'hardware', 'catalogue', 'replication-throttle', 'emit', 'output', 'cluster-name', 'chart']), file)
    const {clusterPlanService, topicPlansOf} = await import('../services/cluster-plan.js')
    const result = await clusterPlanService(file, sizingOptionsFromFlags(this.flags))
    if (this.flags.emit !== undefined) {
      // Topic artefacts once per topic (named after it); cluster artefacts (Cruise Control, server.properties) once.
      const {emitService, emittedText} = await import('../services/emit.js')
      const formats = this.flags.emit
      const perTopic = formats.filter((f) => f !== 'cruise-control' && f !== 'server-properties')
      const once = formats.filter((f) => f === 'cruise-control' || f === 'server-properties')
      const plans = topicPlansOf(result)
      const emitted: EmittedArtefact[] = []
      const options = {clusterName: this.flags['cluster-name'], outputDir: this.flags.output}
      for (const [i, t] of result.topics.entries()) {
        if (perTopic.length > 0) emitted.push(...(await emitService(plans[i], {...options, formats: perTopic, topic: t.name})))
      }
      if (once.length > 0) emitted.push(...(await emitService(plans[0], {...options, formats: once, topic: result.topics[0].name})))
      if (!this.jsonEnabled()) {
        if (this.flags.output === undefined) this.log(emittedText(emitted).replace(/\n$/, ''))
        else {
          const {renderClusterPlan} = await import('../render/cluster-plan.js')
          this.log(renderClusterPlan(result))
          for (const artefact of emitted) this.note(`wrote ${artefact.path ?? artefact.filename}`)
        }
      }
      return {...result, emitted}
    }
    if (!this.jsonEnabled()) {
      const {renderClusterPlan} = await import('../render/cluster-plan.js')
      this.log(renderClusterPlan(result))
      if (this.flags.chart) {
        const {renderPlanCharts} = await import('../render/plan-chart.js')
        const cluster = {names: result.topics.map((t) => t.name), failurePolicy: result.cluster.failurePolicy as 'none' | 'survive-one-broker' | 'survive-one-az', metadata: result.cluster.metadata as 'kraft' | 'zookeeper'}
        this.log(`\n${await renderPlanCharts(result.loads, topicPlansOf(result), result.brokers, cluster)}`)
      }
    }
    return result
  }

  /** --emit: the artefacts go to stdout alone (pipeable), or to files under --output next to the usual plan. */
  private async emit(result: PlanResult, formats: EmitFormat[]): Promise<PlanResult & {emitted: EmittedArtefact[]}> {
    const {emitService, emittedText} = await import('../services/emit.js')
    const emitted = await emitService(result, {formats, topic: this.flags.topic, clusterName: this.flags['cluster-name'], outputDir: this.flags.output})
    if (!this.jsonEnabled()) {
      if (this.flags.output === undefined) {
        this.log(emittedText(emitted).replace(/\n$/, ''))
        this.note(`kafka-sizer plan: ${result.partitions} partitions, ${result.brokers} brokers (${result.bindingResource} binds); the artefacts are on stdout, the full plan is printed without --emit or with --output`)
      } else {
        const {renderPlan} = await import('../render/plan.js')
        this.log(renderPlan(result))
        for (const artefact of emitted) this.note(`wrote ${artefact.path ?? artefact.filename}`)
      }
    }
    return {...result, emitted}
  }
}
