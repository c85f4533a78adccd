// Self-managed Kafka on Azure: Dsv5 general-purpose VMs with a Premium SSD v2 data disk.
import {GiB, MB, TB, partitionReplicasForCores} from '../../model/constants.js'
import type {CatalogueEntry} from '../types.js'
import {PRICES_READ_ON} from './prices.js'

const DSV5 = 'Microsoft Learn, "Dv5 and Dsv5-series" (https://learn.microsoft.com/azure/virtual-machines/dv5-dsv5-series), Dsv5 table'
const PSSD_V2 =
  'Microsoft Learn, "Azure managed disk types" → Premium SSD v2 throughput (https://learn.microsoft.com/azure/virtual-machines/disks-types): a baseline of 125 MB/s free of charge, 0.25 MB/s per provisioned IOPS, at most 1,200 MB/s per disk (2,000 MB/s in the latest revision)'

// Microsoft does not bill data transfer between availability zones of a region, so cross-zone transfer is
// priced at 0 (not left unpriced): a plan's transfer cost on these profiles is known to be nothing.
const TRANSFER_SOURCE = `Microsoft Learn, "What are availability zones?" (https://learn.microsoft.com/azure/reliability/availability-zones-overview), read in its Japanese edition (https://learn.microsoft.com/ja-jp/azure/reliability/availability-zones-overview) and in the English copy on Azure's China docs (https://docs.azure.cn/en-us/availability-zones/az-overview): "Azure doesn't charge for data transfer between availability zones in the same region, whether you use private or public IP addressing." Read ${PRICES_READ_ON}. History, for readers of older pages: a blog account (https://blog.vjirovsky.cz/azure-may-2024-cost-storage/, of which only the opening could be read) says Azure began billing transfer between zones in April 2024 and announced a change at Build, May 2024. Traffic leaving the region or crossing a VNet peering is billed separately and is not priced here`

interface DsV5Size {
  size: string
  vcpu: number
  memoryGiB: number
  /** Max uncached disk throughput of the VM, MB/s (burst to 1,200 for 30 min). */
  uncachedMBps: number
  networkMbps: number
}

const SIZES: DsV5Size[] = [
  {size: 'D8s_v5', vcpu: 8, memoryGiB: 32, uncachedMBps: 290, networkMbps: 12_500},
  {size: 'D16s_v5', vcpu: 16, memoryGiB: 64, uncachedMBps: 600, networkMbps: 12_500},
]

function dsv5(s: DsV5Size): CatalogueEntry {
  const vm = `Standard_${s.size}`
  const replicas = partitionReplicasForCores(s.vcpu)
  return {
    name: `azure-${s.size.toLowerCase().replace('_', '-')}-premium-ssd-v2`,
    vendor: 'azure',
    kind: 'broker',
    transferUsdPerGb: 0,
    description: `Self-managed broker on Azure ${vm} (${s.vcpu} vCPU, ${s.memoryGiB} GiB) with one 2 TB Premium SSD v2 disk at its baseline 125 MB/s`,
    hardware: {
      diskThroughputBytesPerSec: 125 * MB,
      diskSizeBytes: 2 * TB,
      disks: 1,
      networkBitsPerSec: s.networkMbps * 1e6,
      cores: s.vcpu,
      memoryBytes: s.memoryGiB * GiB,
      maxPartitionReplicas: replicas.value,
    },
    notes: [
      `Premium SSD v2 throughput can be provisioned above 125 MB/s (set --disk-throughput), but ${vm} carries at most ${s.uncachedMBps} MB/s uncached across all disks (bursting to 1,200 MB/s for 30 min).`,
      'Azure publishes the maximum expected network bandwidth, not a guaranteed baseline.',
    ],
    sources: {
      diskThroughputBytesPerSec: `${PSSD_V2}; the ${vm} uncached disk limit is ${s.uncachedMBps} MBps (${DSV5}), above the disk's baseline`,
      diskSizeBytes: 'kafka-sizer planning default of 2 TB per broker (sizing-model §8.3); set --disk-size',
      disks: 'kafka-sizer assumption: one data disk per broker',
      networkBitsPerSec: `${DSV5}: ${vm} max network bandwidth ${s.networkMbps.toLocaleString('en-US')} Mbps (a maximum; Azure publishes no baseline)`,
      cores: `${DSV5}: ${vm} ${s.vcpu} vCPU`,
      memoryBytes: `${DSV5}: ${vm} ${s.memoryGiB} GiB`,
      maxPartitionReplicas: `${replicas.source} (kafka-sizer's rule for self-managed brokers)`,
      transferUsdPerGb: TRANSFER_SOURCE,
    },
  }
}

export const AZURE_PROFILES: CatalogueEntry[] = SIZES.map(dsv5)
