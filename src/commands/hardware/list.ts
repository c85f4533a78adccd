import {Flags} from '@oclif/core'
import {BaseCommand} from '../../lib/base-command.js'
import {catalogueFlag} from '../../flags/workload-flags.js'
import type {HardwareListResult} from '../../services/hardware-profile.js'

export default class HardwareList extends BaseCommand<typeof HardwareList> {
  static summary = 'List the hardware catalogue: broker shapes and managed-service units with vCPU, memory, network, disks and partition limits.'

  static description = `Every profile can size a plan with --hardware NAME (plan, partitions, storage, capacity); its figures then appear in the assumptions with their sources. Network is the baseline each way (not burst), disk throughput is per disk. On-demand prices are shown only where one could be verified (the vendor's price page, or a named copy of its list price), with the region and the date it was read; kafka-sizer never estimates one. Add or replace profiles with --catalogue FILE (YAML or JSON).`

  static examples = [
    {description: 'Every built-in profile', command: '<%= config.bin %> <%= command.id %>'},
    {description: 'Only Amazon MSK brokers', command: '<%= config.bin %> <%= command.id %> --vendor aws-msk'},
    {description: 'Built-in profiles plus your own', command: '<%= config.bin %> <%= command.id %> --catalogue ./our-hardware.yaml'},
  ]

  static flags = {
    vendor: Flags.string({description: 'Only profiles of this vendor: aws-msk, aws-ec2, gcp, azure, confluent, generic, or a vendor from your catalogue.'}),
    ...catalogueFlag,
  }

  public async run(): Promise<HardwareListResult> {
    const {listHardwareService} = await import('../../services/hardware-profile.js')
    const result = await listHardwareService({vendor: this.flags.vendor, cataloguePath: this.flags.catalogue})
    if (!this.jsonEnabled()) {
      const {renderHardwareList} = await import('../../render/hardware.js')
      this.log(renderHardwareList(result.profiles))
    }
    return result
  }
}
