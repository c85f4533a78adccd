// Confluent Cloud Dedicated: one CKU as a capacity target (the model counts CKUs instead of brokers).
import {GiB, MB} from '../../model/constants.js'
import {type CatalogueEntry, NOMINAL_OVER_QUOTA} from '../types.js'

const CKU =
  'Confluent Cloud documentation, "Kafka cluster types" → Dedicated cluster limits per CKU (https://docs.confluent.io/cloud/current/clusters/cluster-types.html), as recorded in kafka-facts.md; not re-verified against the page here'
const INGRESS_MBPS = 60
const EGRESS_MBPS = 180
const PARTITIONS = 4500
const RF = 3

export const CONFLUENT_PROFILES: CatalogueEntry[] = [
  {
    name: 'confluent-dedicated-1cku',
    vendor: 'confluent',
    kind: 'capacity-target',
    description: `Confluent Cloud Dedicated, one CKU: ${INGRESS_MBPS} MB/s in, ${EGRESS_MBPS} MB/s out and ${PARTITIONS.toLocaleString('en-US')} partitions (before replication); brokers count CKUs`,
    hardware: {
      diskThroughputBytesPerSec: NOMINAL_OVER_QUOTA * RF * INGRESS_MBPS * MB,
      diskSizeBytes: 1e15,
      disks: 1,
      networkBitsPerSec: NOMINAL_OVER_QUOTA * (EGRESS_MBPS + (RF - 1) * INGRESS_MBPS) * MB * 8,
      cores: 16,
      memoryBytes: 64 * GiB,
      maxPartitionReplicas: PARTITIONS * RF,
    },
    limits: {ingressBytesPerSec: INGRESS_MBPS * MB, egressBytesPerSec: EGRESS_MBPS * MB, partitions: PARTITIONS},
    notes: [
      'A CKU is a capacity unit, not a machine: its published ingress and egress limits are the bounds (client ingress/egress, counted on client bytes and used in full). Plan with --replication-factor 3. "Brokers" in the answer are CKUs.',
      'Confluent publishes no vCPU, memory, disk or network figures for a CKU: those are nominal values that never bind before the published limits. Storage is unlimited (nominal 1 PB).',
      'The model still checks one CKU lost (its clients move to the others), which Confluent\'s limits may already cover: treat the CKU count as an upper estimate.',
    ],
    sources: {
      diskThroughputBytesPerSec: `nominal: ${NOMINAL_OVER_QUOTA} × the RF ${RF} writes of the ${INGRESS_MBPS} MB/s ingress limit, so that it never binds before the limit; ${CKU}`,
      diskSizeBytes: 'nominal 1 PB: Dedicated clusters have unlimited storage (Confluent Cloud cluster types); not a disk',
      disks: 'derived: one logical volume (storage is managed by Confluent)',
      networkBitsPerSec: `nominal: ${NOMINAL_OVER_QUOTA} × (${EGRESS_MBPS} MB/s egress + ${RF - 1} × ${INGRESS_MBPS} MB/s replication) × 8 = ${(NOMINAL_OVER_QUOTA * (EGRESS_MBPS + (RF - 1) * INGRESS_MBPS) * 8) / 1000} Gbit/s, so that it never binds before the limits; ${CKU}`,
      cores: 'not published by Confluent: nominal 16 vCPU, chosen so that the CPU bound never binds before the published throughput limits',
      memoryBytes: 'not published by Confluent: nominal 64 GiB, chosen so that page-cache and heap checks never bind for a managed service',
      maxPartitionReplicas: `derived: ${PARTITIONS.toLocaleString('en-US')} partitions per CKU (before replication) × RF ${RF}; ${CKU}`,
      'limits.ingressBytesPerSec': `${CKU}: ${INGRESS_MBPS} MB/s ingress per CKU`,
      'limits.egressBytesPerSec': `${CKU}: ${EGRESS_MBPS} MB/s egress per CKU`,
      'limits.partitions': `${CKU}: ${PARTITIONS.toLocaleString('en-US')} partitions per CKU, before replication`,
    },
  },
]
