import {BaseCommand} from '../lib/base-command.js'
import {brokersFlag, calibrationFlag, clusterFlags, hardwareFlags, workloadFlags} from '../flags/workload-flags.js'
import {requestFromFlags} from '../flags/to-request.js'
import {type PlanResult, planService} from '../services/plan.js'

export default class Plan extends BaseCommand<typeof Plan> {
  static summary = 'Size one topic’s workload: partitions, brokers, storage, configs, and the binding constraint.'

  static description = `Runs the throughput / storage / broker model for one topic on one cluster and prints the partition count and why, the broker count and which resource binds it, a per-broker load table, storage with its breakdown, config recommendations with their trade-offs, warnings, and every assumption with its source.

Quantities take units: MB = 10^6 bytes, MiB = 2^20 bytes; rates per second or per day; durations like 7d or 36h. Hardware you do not give comes from one documented default broker (an m5.2xlarge-class machine with a 250 MiB/s, 2 TB volume); the assumptions block says so.`

  static examples = [
    {description: 'Size a 120 MB/s topic read by three groups, the largest with 24 consumers', command: '<%= config.bin %> <%= command.id %> --throughput "120 MB/s" --message-size "1 KiB" --retention 7d --replication-factor 3 --consumer-groups 3 --max-consumers 24'},
    {description: 'Messages per day instead of bytes, on brokers with 10 Gbit/s NICs and two 4 TB disks, across three AZs', command: '<%= config.bin %> <%= command.id %> --message-rate "500M/day" --message-size "500 B" --network "10 Gbit/s" --disks 2 --disk-size "4 TB" --azs 3'},
    {description: 'Machine-readable output for scripts', command: '<%= config.bin %> <%= command.id %> --throughput "50 MB/s" --json'},
  ]

  static flags = {...workloadFlags, ...clusterFlags, ...hardwareFlags, ...brokersFlag, ...calibrationFlag}

  public async run(): Promise<PlanResult> {
    const result = await planService(requestFromFlags(this.flags), {calibrationPath: this.flags.calibration})
    if (!this.jsonEnabled()) {
      const {renderPlan} = await import('../render/plan.js')
      this.log(renderPlan(result))
    }
    return result
  }
}
