import {Args} from '@oclif/core'
import {BaseCommand} from '../../lib/base-command.js'
import {catalogueFlag} from '../../flags/workload-flags.js'
import type {HardwareProfile} from '../../catalogue/types.js'

export default class HardwareShow extends BaseCommand<typeof HardwareShow> {
  static summary = 'One hardware profile: every figure with its source, the published limits, notes and price.'

  static description = `Figures are per broker (per disk where the name says so), in the units the model uses: bytes, bytes/s and bits/s for the network. A figure nobody publishes says so in its source ("derived", "nominal", "unverified"). A capacity target (an MSK Express broker, a Confluent CKU) maps the vendor's client limits onto broker figures; its notes say how.`

  static examples = [
    {description: 'An MSK Standard broker, with the source of each figure', command: '<%= config.bin %> <%= command.id %> msk-kafka.m5.2xlarge'},
    {description: 'A profile from your own catalogue, as JSON', command: '<%= config.bin %> <%= command.id %> onprem-r740 --catalogue ./our-hardware.yaml --json'},
  ]

  static args = {
    name: Args.string({description: 'Profile name, as `kafka-sizer hardware list` prints it.', required: true}),
  }

  static flags = {...catalogueFlag}

  public async run(): Promise<HardwareProfile> {
    const {args} = await this.parse(HardwareShow)
    const {showHardwareService} = await import('../../services/hardware-profile.js')
    const profile = await showHardwareService(args.name, this.flags.catalogue)
    if (!this.jsonEnabled()) {
      const {renderHardwareProfile} = await import('../../render/hardware.js')
      this.log(renderHardwareProfile(profile))
    }
    return profile
  }
}
