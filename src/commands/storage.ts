import {BaseCommand} from '../lib/base-command.js'
import {brokersFlag, clusterFlags, hardwareFlags, workloadFlags} from '../flags/workload-flags.js'
import {requestFromFlags, sizingOptionsFromFlags} from '../flags/to-request.js'
import {type StorageResult, storageService} from '../services/storage.js'

export default class Storage extends BaseCommand<typeof Storage> {
  static summary = 'Storage: total, per broker and per partition, from payload to bytes on disk.'

  static description = `Shows payload against stored bytes: compression, record-batch v2 overhead, index files, the active segment each replica keeps beyond retention, and the disk to provision under the fill limit. retention.bytes is per partition, as in Kafka. With --local-retention (tiered storage), local disks hold the local window and object storage one copy of the full retention. MB = 10^6 B, MiB = 2^20 B.`

  static examples = [
    {description: 'The seed example: 500M messages a day of 500 B for 7 days at RF 3 on 3 brokers', command: '<%= config.bin %> <%= command.id %> --message-rate "500M/day" --message-size "500 B" --retention 7d --replication-factor 3 --brokers 3'},
    {description: 'Tiered storage: 1 day on local disks, 30 days in object storage', command: '<%= config.bin %> <%= command.id %> --throughput "50 MB/s" --retention 30d --local-retention 1d'},
  ]

  static flags = {...workloadFlags, ...clusterFlags, ...hardwareFlags, ...brokersFlag}

  public async run(): Promise<StorageResult> {
    const result = await storageService(requestFromFlags(this.flags), sizingOptionsFromFlags(this.flags))
    if (!this.jsonEnabled()) {
      const {renderStorage} = await import('../render/storage.js')
      this.log(renderStorage(result))
    }
    return result
  }
}
