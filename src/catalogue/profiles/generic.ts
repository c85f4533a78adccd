// The model's default broker, by name: what a plan uses when no hardware flag or profile is given.
import {DEFAULT_HARDWARE, partitionReplicasForCores} from '../../model/constants.js'
import {AWS_CROSS_AZ_SOURCE, AWS_CROSS_AZ_USD_PER_GB} from '../../model/cost.js'
import type {CatalogueEntry} from '../types.js'

const D = DEFAULT_HARDWARE
const replicas = partitionReplicasForCores(D.cores.value)

export const GENERIC_PROFILES: CatalogueEntry[] = [
  {
    name: 'generic',
    vendor: 'generic',
    kind: 'broker',
    description: `kafka-sizer's default broker: ${D.name}`,
    // The default broker is an AWS machine, and a plan without --hardware prices transfer at AWS's rate:
    // naming the profile must give the same plan.
    transferUsdPerGb: AWS_CROSS_AZ_USD_PER_GB,
    hardware: {
      diskThroughputBytesPerSec: D.diskThroughputBytesPerSec.value,
      diskSizeBytes: D.diskSizeBytes.value,
      disks: D.disks.value,
      networkBitsPerSec: D.networkBitsPerSec.value,
      cores: D.cores.value,
      memoryBytes: D.memoryBytes.value,
      maxPartitionReplicas: replicas.value,
    },
    notes: ['The same figures a plan uses without --hardware; naming it makes the choice explicit.'],
    sources: {
      diskThroughputBytesPerSec: D.diskThroughputBytesPerSec.source,
      diskSizeBytes: D.diskSizeBytes.source,
      disks: D.disks.source,
      networkBitsPerSec: D.networkBitsPerSec.source,
      cores: D.cores.source,
      memoryBytes: D.memoryBytes.source,
      maxPartitionReplicas: replicas.source,
      transferUsdPerGb: AWS_CROSS_AZ_SOURCE,
    },
  },
]
