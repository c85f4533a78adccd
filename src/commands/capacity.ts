import {BaseCommand} from '../lib/base-command.js'
import {brokersFlag, calibrationFlag, clusterFlags, hardwareFlags, workloadFlags} from '../flags/workload-flags.js'
import {requestFromFlags, sizingOptionsFromFlags} from '../flags/to-request.js'
import {type CapacityResult, capacityService} from '../services/capacity.js'
import {saturationFlags, saturationOptionsFromFlags} from '../flags/saturation-flags.js'

export default class Capacity extends BaseCommand<typeof Capacity> {
  static summary = 'Reverse mode: the largest ingress a given cluster sustains, the resource that stops it, and the headroom at your rate.'

  static description = `Give the cluster (--brokers and hardware) and the workload's shape (replication factor, consumer groups, message size, retention). The answer is the highest peak producer payload rate at which every resource stays within the target utilisation and the cluster still survives one broker (and one AZ) lost. With --throughput it also reports the utilisation and headroom at that rate.`

  static examples = [
    {description: 'Six default brokers, RF 3, three consumer groups: how much can they take?', command: '<%= config.bin %> <%= command.id %> --brokers 6 --replication-factor 3 --consumer-groups 3'},
    {
      description: 'Predict a published benchmark: 3 brokers on 1 GbE with six 7,200 rpm disks, one producer of 100-byte messages, RF 3, acks=1',
      command:
        '<%= config.bin %> <%= command.id %> --brokers 3 --network "1 Gbit/s" --client-network "1 Gbit/s" --cores 6 --client-cores 6 --disks 6 --disk-throughput "137 MB/s" --replication-factor 3 --acks 1 --partitions 6 --message-size "100 B" --batch-size 8196 --linger 0 --producers 1 --consumer-groups 0 --kafka-version 0.8.1',
    },
    {description: 'Headroom at 150 MB/s on 9 brokers with 10 Gbit/s NICs and two disks each', command: '<%= config.bin %> <%= command.id %> --brokers 9 --network "10 Gbit/s" --disks 2 --disk-throughput "500 MiB/s" --throughput "150 MB/s"'},
  ]

  static flags = {...workloadFlags, ...clusterFlags, ...hardwareFlags, ...brokersFlag, ...calibrationFlag, ...saturationFlags}

  public async run(): Promise<CapacityResult> {
    const result = await capacityService(requestFromFlags(this.flags), sizingOptionsFromFlags(this.flags), saturationOptionsFromFlags(this.flags))
    if (!this.jsonEnabled()) {
      const {renderCapacity} = await import('../render/capacity.js')
      this.log(renderCapacity(result))
    }
    return result
  }
}
