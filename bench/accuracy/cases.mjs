// How each numeric case of public-measurements.json is replayed through `kafka-sizer capacity`: the flags
// say only what the source states (hardware, workload, versions). Where a source is silent, the flag is
// left out and kafka-sizer's documented default applies, unless the source's notes say something that
// replaces it; each such choice is commented. Nothing here is tuned to a measured result.

/** Kreps 2014: three 6-core Xeons, 6 × 7,200 rpm SATA (822 MB/s together), 1 GbE; identical client machines. */
const kreps = [
  '--brokers', '3', '--cores', '6', '--disks', '6', '--disk-throughput', '137 MB/s', // 822 MB/s ÷ 6 drives
  '--network', '1 Gbit/s', '--client-network', '1 Gbit/s', '--client-cores', '6', // clients on identical machines
  '--kafka-version', '0.8.1', '--partitions', '6', '--message-size', '100 B',
  '--linger', '0', // 2014 producer: linger.ms did not exist / 0
]

/** k8s 2021: 3 × i3en.6xlarge (24 vCPU, 25 Gbit/s), Kafka 2.8 on Ceph RBD; 16 producer and 16 consumer pods. */
const k8s = [
  '--brokers', '3', '--cores', '24', '--network', '25 Gbit/s', '--kafka-version', '2.8.0',
  // Disk throughput is not stated (Ceph over NVMe); the author reports storage was not the bottleneck,
  // so a figure far above the network keeps it out of the way rather than inventing one.
  '--disks', '1', '--disk-throughput', '10 GB/s',
  '--partitions', '6', '--message-size', '256 B', '--batch-size', '8196', '--linger', '0', // Kafka 2.8 default linger.ms 0
]

/** DC/OS 2018: broker containers limited to 3 CPUs on m3.xlarge; network and disk figures not stated (defaults apply). */
const dcos = ['--brokers', '3', '--cores', '3', '--kafka-version', '1.0', '--partitions', '10', '--message-size', '250 B', '--replication-factor', '3']

/**
 * side: which prediction the measurement is compared with (produce, or consume of all groups together).
 * inconsistent: the measurement exceeds a hard physical limit of the stated hardware (checked in run.mjs).
 */
export const CASES = [
  {id: 'kreps2014-p1-rf1', side: 'produce', args: [...kreps, '--replication-factor', '1', '--acks', '1', '--batch-size', '8196', '--producers', '1', '--consumer-groups', '0']},
  {id: 'kreps2014-p1-rf3-async', side: 'produce', args: [...kreps, '--replication-factor', '3', '--acks', '1', '--batch-size', '8196', '--producers', '1', '--consumer-groups', '0']},
  {id: 'kreps2014-p1-rf3-sync', side: 'produce', args: [...kreps, '--replication-factor', '3', '--acks', 'all', '--batch-size', '64000', '--producers', '1', '--consumer-groups', '0']},
  {id: 'kreps2014-p3-rf3-async', side: 'produce', args: [...kreps, '--replication-factor', '3', '--acks', '1', '--batch-size', '8196', '--producers', '3', '--consumer-groups', '0']},
  // "reading from the start of the log (so real disk reads)": a catch-up read.
  {id: 'kreps2014-c1', side: 'consume', args: [...kreps, '--replication-factor', '3', '--consumer-groups', '1', '--max-consumers', '1', '--lagging-groups', '1']},
  {id: 'kreps2014-c3', side: 'consume', args: [...kreps, '--replication-factor', '3', '--consumer-groups', '3', '--max-consumers', '1', '--lagging-groups', '3']},
  {id: 'kreps2014-p1c1-rf3-async', side: 'produce', args: [...kreps, '--replication-factor', '3', '--acks', '1', '--batch-size', '8196', '--producers', '1', '--consumer-groups', '1', '--max-consumers', '1']},
  {id: 'k8s2021-prod-rf1', side: 'produce', args: [...k8s, '--replication-factor', '1', '--acks', '1', '--producers', '16', '--consumer-groups', '0']},
  {id: 'k8s2021-prod-rf3-async', side: 'produce', args: [...k8s, '--replication-factor', '3', '--acks', '1', '--producers', '16', '--consumer-groups', '0']},
  {id: 'k8s2021-prod-rf3-sync', side: 'produce', args: [...k8s, '--replication-factor', '3', '--acks', 'all', '--producers', '16', '--consumer-groups', '0']},
  // 16 consumer instances, each an independent perf consumer: 16 groups of one.
  {id: 'k8s2021-consumer', side: 'consume', args: [...k8s, '--replication-factor', '3', '--consumer-groups', '16', '--max-consumers', '1']},
  {id: 'k8s2021-prod-and-consumer', side: 'produce', args: [...k8s, '--replication-factor', '3', '--acks', '1', '--producers', '16', '--consumer-groups', '16', '--max-consumers', '1']},
  // Notes: the producer and consumer containers had 0.5 CPU.
  {id: 'dcos2018-baseline-250B', side: 'produce', args: [...dcos, '--acks', '1', '--batch-size', '8196', '--linger', '0', '--producers', '1', '--client-cores', '0.5', '--consumer-groups', '0']},
  // lz4 on a "highly compressible" payload whose ratio is not stated: the ratio is left at kafka-sizer's default of 1.
  {id: 'dcos2018-tuned-lz4-250B', side: 'produce', args: [...dcos, '--acks', '1', '--batch-size', '100000', '--linger', '10', '--compression', 'lz4', '--producers', '1', '--client-cores', '0.5', '--consumer-groups', '0']},
  {id: 'dcos2018-consumer-250B', side: 'consume', args: [...dcos, '--consumer-groups', '1', '--max-consumers', '1', '--client-cores', '0.5']},
]
