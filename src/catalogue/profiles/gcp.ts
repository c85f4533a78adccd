// Self-managed Kafka on Google Compute Engine: N2 general-purpose machines with zonal Persistent Disk.
import {GiB, MiB, TB, partitionReplicasForCores} from '../../model/constants.js'
import type {CatalogueEntry} from '../types.js'
import {PRICES_READ_ON, perDecimalGb} from './prices.js'

const PD_LIMITS =
  'Google Cloud, "About Persistent Disk performance" → Throughput limits for zonal Persistent Disk (https://cloud.google.com/compute/docs/disks/performance)'
const MACHINES = 'Google Cloud, "General-purpose machine family" → N2 machine types (https://cloud.google.com/compute/docs/general-purpose-machines)'
const DISK_BYTES = 2 * TB
const PRICE_REGION = 'us-central1'
const VM_PRICING =
  'Google Cloud, "VM instance pricing" (https://cloud.google.com/compute/vm-instance-pricing) → N2 machine types → N2 standard machine types, Iowa (us-central1), "Default" (on-demand) column'

// Cross-zone transfer: Google bills VM-to-VM traffic between zones of a region as egress at the sending VM
// only (ingress is free), $0.01 per GiB; AWS bills both sides. One byte crossing is billed once, converted.
const TRANSFER_PRICE = perDecimalGb(0.01)
const TRANSFER_SOURCE = `Google Cloud network pricing (https://cloud.google.com/vpc/network-pricing): VM-to-VM data transfer between zones of the same region, $0.01 per GiB, billed as egress at the sending VM. The row was read from a transcription of that page, not from a copy of the page itself: api-evangelist/google-cloud-vpc, plans/google-cloud-vpc-plans-pricing.yml ("Inter-zone VM-to-VM data transfer (same region)", $0.01 per GiB; the page read there on 2026-09-20). Google's "Virtual Private Cloud pricing" page (https://cloud.google.com/vpc/pricing, stored copy) says traffic between two VMs is egress at the source and ingress at the destination, each direction priced accordingly, and its archived copy of 2021-01-19 (web.archive.org/web/20210119211510/https://cloud.google.com/vpc/pricing) lists no charge for ingress: a byte crossing zones is billed once. Google's Compute Engine pricing page (https://cloud.google.com/compute/pricing, Japanese edition) counts network usage in GB of 2^30 bytes, so $0.01 per GiB is 0.01 × 10^9 / 2^30 = $${TRANSFER_PRICE.toFixed(5)} per 10^9-byte GB, the unit kafka-sizer's cost uses. Read ${PRICES_READ_ON}. Cross-checked: hand-written guides (cloudwebschool.com, brainagents.ai, c3x.dev) give about $0.01 per GB between zones of a region`

interface N2Size {
  type: string
  vcpu: number
  memoryGB: number
  /** Default-tier maximum egress bandwidth, Gbit/s (2 Gbit/s per vCPU, up to 32). */
  egressGbps: number
  disk: 'pd-balanced' | 'pd-ssd'
  /** On-demand USD per hour in us-central1 (see VM_PRICING). */
  priceUsdPerHour: number
}

const SIZES: N2Size[] = [
  {type: 'n2-standard-8', vcpu: 8, memoryGB: 32, egressGbps: 16, disk: 'pd-balanced', priceUsdPerHour: 0.388472},
  {type: 'n2-standard-16', vcpu: 16, memoryGB: 64, egressGbps: 32, disk: 'pd-ssd', priceUsdPerHour: 0.776944},
]

/** Zonal Persistent Disk throughput per GiB of provisioned size, MiB/s, and the per-instance write ceiling. */
const PD = {
  'pd-balanced': {perGiBMiBps: 0.28, instanceWriteMiBps: 1200},
  'pd-ssd': {perGiBMiBps: 0.48, instanceWriteMiBps: 1200},
} as const

function n2(s: N2Size): CatalogueEntry {
  const pd = PD[s.disk]
  const sizeGiB = DISK_BYTES / GiB
  const perDiskMiBps = Math.min(pd.perGiBMiBps * sizeGiB, pd.instanceWriteMiBps)
  const replicas = partitionReplicasForCores(s.vcpu)
  return {
    name: `gcp-${s.type}-${s.disk}`,
    vendor: 'gcp',
    kind: 'broker',
    priceUsdPerHour: s.priceUsdPerHour,
    priceDate: PRICES_READ_ON,
    priceRegion: PRICE_REGION,
    transferUsdPerGb: TRANSFER_PRICE,
    description: `Self-managed broker on Compute Engine ${s.type} (${s.vcpu} vCPU, ${s.memoryGB} GB) with one 2 TB zonal ${s.disk} Persistent Disk`,
    hardware: {
      diskThroughputBytesPerSec: perDiskMiBps * MiB,
      diskSizeBytes: DISK_BYTES,
      disks: 1,
      networkBitsPerSec: s.egressGbps * 1e9,
      cores: s.vcpu,
      memoryBytes: s.memoryGB * GiB,
      maxPartitionReplicas: replicas.value,
    },
    notes: [
      `${s.disk} throughput grows with the disk: ${pd.perGiBMiBps} MiB/s per GiB. A different --disk-size changes it; set --disk-throughput to match.`,
      'Persistent Disk writes travel over the VM\'s network and count against its egress cap (about 1.16 bytes per byte written), which the model\'s network-out bound does not include.',
      'Google publishes a maximum egress rate per machine type, not a baseline; ingress is not capped by machine type.',
      `The price is the VM's on-demand rate before sustained-use discounts. The ${s.disk} disk is priced separately by Google and has no price here: a plan lists storage as unpriced (give --storage-price).`,
    ],
    sources: {
      diskThroughputBytesPerSec: `${PD_LIMITS}: ${s.disk} ${pd.perGiBMiBps} MiB/s per GiB × ${sizeGiB.toFixed(0)} GiB = ${perDiskMiBps.toFixed(0)} MiB/s (write ceiling ${pd.instanceWriteMiBps} MiB/s per instance on large N2). Unverified: the lower per-instance ceiling for ${s.vcpu}-vCPU N2 machines ("Performance by machine type and vCPU count") may cut this`,
      diskSizeBytes: 'kafka-sizer planning default of 2 TB per broker (sizing-model §8.3); set --disk-size',
      disks: 'kafka-sizer assumption: one data disk per broker',
      networkBitsPerSec: `${MACHINES}: ${s.type} default maximum egress ${s.egressGbps} Gbit/s (2 Gbit/s per vCPU, at most 32 Gbit/s). Unverified here: read from memory of that table, and it is a maximum, not a baseline`,
      cores: `${MACHINES}: ${s.type} ${s.vcpu} vCPU`,
      memoryBytes: `${MACHINES}: ${s.type} ${s.memoryGB} GB (Compute Engine's GB is 2^30 bytes; unverified)`,
      maxPartitionReplicas: `${replicas.source} (kafka-sizer's rule for self-managed brokers)`,
      transferUsdPerGb: TRANSFER_SOURCE,
      priceUsdPerHour: `${VM_PRICING}: ${s.type} $${s.priceUsdPerHour} / 1 hour. Read from a stored text copy of that page, which gives no date: ${PRICES_READ_ON} is the day it was read. Cross-checked: the aggregator Cyclenerd/google-cloud-pricing-cost-calculator, pricing.yml (generated 2025-03-06 from Google's Cloud Billing Catalog API), has ${s.type} us-central1 hour: ${s.priceUsdPerHour}, the same figure`,
    },
  }
}

export const GCP_PROFILES: CatalogueEntry[] = SIZES.map(n2)
