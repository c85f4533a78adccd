import {Flags} from '@oclif/core'
// The workload, topic, cluster and hardware flags shared by plan, partitions, storage and capacity.
import {CLEANUP_POLICIES, CODECS, PROFILE_NAMES} from '../model/types.js'
import {
  bandwidthFlag,
  byteRateFlag,
  choiceFlag,
  countFlag,
  countOrZeroFlag,
  durationFlag,
  durationOrZeroFlag,
  fractionFlag,
  growthFlag,
  positiveNumberFlag,
  rateFlag,
  sizeFlag,
} from './quantity-flags.js'

const WORKLOAD = 'WORKLOAD'
const TOPIC = 'TOPIC'
const CONSUMERS = 'CONSUMERS'
const PRODUCER = 'PRODUCER'
const CLUSTER = 'CLUSTER'
const HARDWARE = 'HARDWARE (per broker)'

export const workloadFlags = {
  throughput: rateFlag({name: 'throughput', helpGroup: WORKLOAD, description: 'Average producer payload rate, bytes or messages per unit of time: "120 MB/s", "400 Mbit/s", "100k msg/s". MB = 10^6 B, MiB = 2^20 B.'}),
  'message-rate': rateFlag({name: 'message-rate', helpGroup: WORKLOAD, description: 'Average message rate: "100k msg/s", "2.5M/day". Give it with --message-size, or with --throughput to derive the size.'}),
  'message-size': sizeFlag({name: 'message-size', helpGroup: WORKLOAD, description: 'Average value size: "1 KiB", "512 B". Default 1 KiB.'}),
  'key-size': sizeFlag({name: 'key-size', helpGroup: WORKLOAD, description: 'Average key size; makes the topic keyed (records spread by key hash). Default: null key.'}),
  'peak-factor': positiveNumberFlag({name: 'peak-factor', helpGroup: WORKLOAD, description: 'Peak ÷ average rate. Throughput bounds use the peak; storage uses the average. Default 1.'}),
  'key-skew': fractionFlag({name: 'key-skew', helpGroup: WORKLOAD, description: 'Share of traffic carried by the hottest key: "0.2" or "20%". Makes the topic keyed.'}),
  growth: growthFlag({name: 'growth', helpGroup: WORKLOAD, description: 'Traffic growth: "2x/year", "50%/year". Partitions are sized for the horizon.'}),
  horizon: durationFlag({name: 'horizon', helpGroup: WORKLOAD, description: 'Growth horizon that partitions must cover: "2 years", "18 months". Default 2 years.'}),
  compression: choiceFlag({options: CODECS, helpGroup: WORKLOAD, description: 'Producer compression codec.'}),
  'compression-ratio': positiveNumberFlag({name: 'compression-ratio', helpGroup: WORKLOAD, description: 'Original ÷ compressed size of your data with that codec, e.g. 3. Default 1 (unknown: no shrink assumed).'}),
  profile: choiceFlag({options: PROFILE_NAMES, helpGroup: WORKLOAD, description: 'Configuration goal: durable (default), throughput, low-latency, exactly-once, event-sourcing.'}),

  retention: durationFlag({name: 'retention', helpGroup: TOPIC, description: 'retention.ms: "7d", "36h", "90 days", raw milliseconds, or "-1"/"infinite". Default 7 d.'}),
  'retention-bytes': sizeFlag({name: 'retention-bytes', helpGroup: TOPIC, description: 'retention.bytes, PER PARTITION (Kafka semantics): "50 GiB".'}),
  'local-retention': durationFlag({name: 'local-retention', helpGroup: TOPIC, description: 'Tiered storage local.retention.ms: local disks keep this much; object storage keeps the full retention.'}),
  'cleanup-policy': choiceFlag({options: CLEANUP_POLICIES, helpGroup: TOPIC, description: 'cleanup.policy. Compacted topics are sized from --distinct-keys.'}),
  'distinct-keys': countFlag({name: 'distinct-keys', helpGroup: TOPIC, description: 'Live keys of a compacted topic: "5M".'}),
  'replication-factor': countFlag({name: 'replication-factor', helpGroup: TOPIC, description: 'Replicas per partition. Default 3.'}),
  'min-insync-replicas': countFlag({name: 'min-insync-replicas', helpGroup: TOPIC, description: 'min.insync.replicas. Default 2 with RF 3.'}),
  partitions: countFlag({name: 'partitions', helpGroup: TOPIC, description: 'Use this partition count instead of sizing it.'}),
  'segment-bytes': sizeFlag({name: 'segment-bytes', helpGroup: TOPIC, description: 'segment.bytes. Default 1 GiB.'}),
  'max-message-bytes': sizeFlag({name: 'max-message-bytes', helpGroup: TOPIC, description: 'max.message.bytes. Default 1,048,588 B.'}),

  'consumer-groups': countOrZeroFlag({name: 'consumer-groups', helpGroup: CONSUMERS, description: 'Consumer groups reading the topic. Default 1.'}),
  'max-consumers': countFlag({name: 'max-consumers', helpGroup: CONSUMERS, description: 'Instances in the largest consumer group. Default 1.'}),
  'consumer-rate': rateFlag({name: 'consumer-rate', helpGroup: CONSUMERS, description: 'One consumer instance’s processing rate, for t/c: "5k msg/s" or "20 MB/s".'}),
  'lagging-groups': countOrZeroFlag({name: 'lagging-groups', helpGroup: CONSUMERS, description: 'Groups that read old data from disk rather than the tail. Default 0.'}),
  'consumer-outage': durationFlag({name: 'consumer-outage', helpGroup: CONSUMERS, description: 'Consumer outage the plan must survive without losing data. Default 1 d.'}),

  acks: choiceFlag({options: ['0', '1', 'all'] as const, helpGroup: PRODUCER, description: 'Producer acks. Default from --profile (durable: all).'}),
  'batch-size': sizeFlag({name: 'batch-size', helpGroup: PRODUCER, description: 'Producer batch.size. Default from --profile (durable: 64 KiB).'}),
  linger: durationOrZeroFlag({name: 'linger', helpGroup: PRODUCER, description: 'Producer linger.ms: "5ms", "20". Default from --profile (durable: 5 ms).'}),
  producers: countFlag({name: 'producers', helpGroup: PRODUCER, description: 'Producer instances sharing the traffic. Default 1.'}),
  'partition-throughput': byteRateFlag({name: 'partition-throughput', helpGroup: PRODUCER, description: 'Planning throughput p of one partition. Default 10 MB/s (Jun Rao, Confluent).'}),
}

export const clusterFlags = {
  azs: countFlag({name: 'azs', helpGroup: CLUSTER, description: 'Availability zones (racks). Brokers are a multiple; one AZ lost is checked when ≥ 2.'}),
  'target-utilization': fractionFlag({name: 'target-utilization', helpGroup: CLUSTER, description: 'Highest planned use of each throughput resource: "0.8" or "80%". Default 80%.'}),
  'max-disk-fill': fractionFlag({name: 'max-disk-fill', helpGroup: CLUSTER, description: 'Highest planned disk fill: "70%". Default 70%.'}),
}

/** A user hardware catalogue (YAML or JSON) that adds profiles or replaces built-in ones of the same name. */
export const catalogueFlag = {
  catalogue: Flags.string({
    helpGroup: HARDWARE,
    description: 'Your own hardware catalogue, YAML or JSON (`profiles:` with name, hardware figures and sources): adds profiles for --hardware, or replaces built-in ones of the same name.',
  }),
}

export const hardwareFlags = {
  hardware: Flags.string({
    helpGroup: HARDWARE,
    description: 'A hardware profile from the catalogue (`kafka-sizer hardware list`), e.g. "msk-kafka.m5.2xlarge": its figures replace the defaults, each cited in the assumptions. Flags such as --cores still override single figures.',
  }),
  ...catalogueFlag,
  'disk-throughput': byteRateFlag({name: 'disk-throughput', helpGroup: HARDWARE, description: 'Sequential write throughput of ONE disk: "250 MiB/s". Default 250 MiB/s (MSK default EBS).'}),
  'disk-size': sizeFlag({name: 'disk-size', helpGroup: HARDWARE, description: 'Capacity of ONE disk: "2 TB". Default 2 TB.'}),
  disks: countFlag({name: 'disks', helpGroup: HARDWARE, description: 'Disks per broker (JBOD). Default 1.'}),
  network: bandwidthFlag({name: 'network', helpGroup: HARDWARE, description: 'NIC bandwidth each way (baseline, not burst): "10 Gbit/s", "2.5 Gbps". Default 2.5 Gbit/s.'}),
  cores: countFlag({name: 'cores', helpGroup: HARDWARE, description: 'vCPUs per broker. Default 8.'}),
  memory: sizeFlag({name: 'memory', helpGroup: HARDWARE, description: 'RAM per broker: "32 GiB". Default 32 GiB.'}),
  'max-partitions-per-broker': countFlag({name: 'max-partitions-per-broker', helpGroup: HARDWARE, description: 'Ceiling of partition replicas per broker. Default 2,000 (MSK, m5.2xlarge) or 4,000 with custom hardware.'}),
}

export const calibrationFlag = {
  calibration: Flags.string({
    helpGroup: HARDWARE,
    description: 'Calibration profile from `kafka-sizer bench --calibrate`: its measured disk throughput and per-partition append cost replace the defaults.',
  }),
}

export const brokersFlag = {
  brokers: countFlag({name: 'brokers', helpGroup: CLUSTER, description: 'Broker count of the cluster.'}),
}
