import {BaseCommand} from '../lib/base-command.js'
import {brokersFlag, calibrationFlag, clusterFlags, hardwareFlags, workloadFlags} from '../flags/workload-flags.js'
import {requestFromFlags, sizingOptionsFromFlags} from '../flags/to-request.js'
import {type PartitionsResult, partitionsService} from '../services/partitions.js'

export default class Partitions extends BaseCommand<typeof Partitions> {
  static summary = 'The quick partition answer: max(t/p, t/c, largest consumer group), sized for growth, rounded to spread evenly.'

  static description = `t is the peak producer throughput at the end of the growth horizon, p one partition's produce throughput (10 MB/s planning default, or --partition-throughput), c one consumer instance's rate (--consumer-rate). The count is rounded up to a multiple of the broker count (given with --brokers, or sized by the plan model) and, within 25%, to the count that the most consumer-group sizes divide.`

  static examples = [
    {description: '200 MB/s with 10 MB/s partitions, growing 2x a year for 2 years', command: '<%= config.bin %> <%= command.id %> --throughput "200 MB/s" --growth 2x/year --horizon 2y'},
    {description: 'Consumers that each process 5,000 messages per second, on a 6-broker cluster', command: '<%= config.bin %> <%= command.id %> --message-rate "60k msg/s" --message-size "2 KiB" --consumer-rate "5k msg/s" --brokers 6'},
  ]

  static flags = {...workloadFlags, ...clusterFlags, ...hardwareFlags, ...brokersFlag, ...calibrationFlag}

  public async run(): Promise<PartitionsResult> {
    const result = await partitionsService(requestFromFlags(this.flags), sizingOptionsFromFlags(this.flags))
    if (!this.jsonEnabled()) {
      const {renderPartitions} = await import('../render/partitions.js')
      this.log(renderPartitions(result))
    }
    return result
  }
}
