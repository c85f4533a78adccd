// Every constant of the model, each with its named source. Units: bytes (B), MB = 10^6 B, MiB = 2^20 B,
// milliseconds (ms). A constant without a source does not belong here.

export const KB = 1e3
export const MB = 1e6
export const GB = 1e9
export const TB = 1e12
export const KiB = 1024
export const MiB = 1024 ** 2
export const GiB = 1024 ** 3
export const SECOND_MS = 1000
export const HOUR_MS = 3_600_000
export const DAY_MS = 86_400_000
export const YEAR_MS = 365 * DAY_MS

export interface SourcedConstant {
  value: number
  source: string
}

const c = (value: number, source: string): SourcedConstant => ({value, source})

// --- Record format v2 ---------------------------------------------------------------------------
/** Batch header including the 12-byte log overhead. */
export const RECORD_BATCH_OVERHEAD = c(61, 'Kafka DefaultRecordBatch.RECORD_BATCH_OVERHEAD')
/** Upper bound of per-record overhead excluding key, value and headers. */
export const MAX_RECORD_OVERHEAD = c(21, 'Kafka DefaultRecord.MAX_RECORD_OVERHEAD')
export const OFFSET_INDEX_ENTRY_BYTES = c(8, 'Kafka OffsetIndex.ENTRY_SIZE')
export const TIME_INDEX_ENTRY_BYTES = c(12, 'Kafka TimeIndex.ENTRY_SIZE')
export const INDEX_INTERVAL_BYTES = c(4096, 'Kafka index.interval.bytes default (ServerLogConfigs)')

// --- Topic / log defaults ------------------------------------------------------------------------
export const SEGMENT_BYTES = c(1_073_741_824, 'Kafka segment.bytes default, 1 GiB (LogConfig)')
export const SEGMENT_MS = c(604_800_000, 'Kafka segment.ms default, 7 d (LogConfig)')
export const RETENTION_MS = c(604_800_000, 'Kafka retention.ms default, 7 d (LogConfig)')
export const RETENTION_CHECK_INTERVAL_MS = c(300_000, 'Kafka log.retention.check.interval.ms default (LogConfig)')
export const MAX_MESSAGE_BYTES = c(1_048_588, 'Kafka max.message.bytes / message.max.bytes default, 1 MiB + 12 B')
export const MIN_CLEANABLE_DIRTY_RATIO = c(0.5, 'Kafka min.cleanable.dirty.ratio default (LogConfig)')
export const MIN_INSYNC_REPLICAS_DEFAULT = c(1, 'Kafka min.insync.replicas default (LogConfig)')

// --- Producer / consumer defaults ------------------------------------------------------------------
export const BATCH_SIZE = c(16_384, 'Kafka producer batch.size default (ProducerConfig)')
export const LINGER_MS = c(5, 'Kafka producer linger.ms default since 4.0 (KIP-1030); 0 before')
export const BUFFER_MEMORY = c(33_554_432, 'Kafka producer buffer.memory default, 32 MiB (ProducerConfig)')
export const MAX_POLL_RECORDS = c(500, 'Kafka consumer max.poll.records default (ConsumerConfig)')
export const MAX_POLL_INTERVAL_MS = c(300_000, 'Kafka consumer max.poll.interval.ms default (ConsumerConfig)')

// --- Broker defaults ----------------------------------------------------------------------------
export const NUM_NETWORK_THREADS = c(3, 'Kafka num.network.threads default (SocketServerConfigs)')
export const NUM_IO_THREADS = c(8, 'Kafka num.io.threads default (ServerConfigs)')
export const NUM_REPLICA_FETCHERS = c(1, 'Kafka num.replica.fetchers default (ReplicationConfigs)')
export const REPLICA_LAG_TIME_MAX_MS = c(30_000, 'Kafka replica.lag.time.max.ms default (ReplicationConfigs)')

// --- Planning values ----------------------------------------------------------------------------
/** Conservative per-partition produce throughput when no calibration profile is given. */
export const PARTITION_THROUGHPUT = c(10 * MB, 'Jun Rao, "How to choose the number of topics/partitions" (Confluent, 2015): conservative planning value 10 MB/s')
/** Utilisation target for throughput resources in normal operation. */
export const TARGET_UTILIZATION = c(0.8, 'AWS, "Best practices for right-sizing your Apache Kafka clusters": plan for ~80% of each bound')
/** Disks are never planned full: retention deletes late and brokers need room to move data. */
export const MAX_DISK_FILL = c(0.7, 'sizing headroom: plan disks ≤ 60–70% full (MSK alarms at 85%; MSK auto-scaling targets 50–60%)')
/** Partition replicas per broker (ZooKeeper-era guidance, still the common planning ceiling). */
export const MAX_PARTITION_REPLICAS_PER_BROKER = c(4000, 'Confluent, "Apache Kafka Supports 200K Partitions Per Cluster" (2018); KIP-578')
export const MAX_PARTITION_REPLICAS_PER_CLUSTER_ZK = c(200_000, 'Confluent (2018); KIP-578 (ZooKeeper clusters)')
/** CPU: write-equivalent bytes a vCPU handles; write-equivalent = bytes written + bytes read ÷ 4. */
export const CPU_WRITE_EQUIVALENT_PER_CORE = c(40 * MB, 'Google Cloud Managed Kafka sizing: ~20 MB/s of write-equivalent per vCPU at 50% CPU, i.e. 40 MB/s at saturation')
export const CPU_READ_WEIGHT = c(0.25, 'Google Cloud Managed Kafka sizing: reads cost ¼ of writes')
/** Seconds of writes the page cache should hold so that tail consumers never touch the disk. */
export const PAGE_CACHE_WINDOW_MS = c(30_000, 'Apache Kafka docs, ops "Memory": buffer ~30 s of writes (write_throughput × 30)')
export const BROKER_HEAP_BYTES = c(6 * GiB, 'Apache Kafka docs, ops "Java": -Xmx6g heap for a production broker')
export const OS_RESERVED_MEMORY_BYTES = c(1 * GiB, 'kafka-sizer assumption: 1 GiB for the OS and other processes')
export const LINUX_MAX_MAP_COUNT = c(65_530, 'Linux vm.max_map_count default')
export const CONSUMER_OUTAGE_MS = c(24 * HOUR_MS, 'kafka-sizer assumption: a consumer outage of one day (a weekend incident caught next morning) must not lose data')
export const GROWTH_HORIZON_YEARS = c(2, 'sizing-model §2.8: size partitions for 1–2 years of growth (partitions cannot be reduced)')
export const KRAFT_CONTROLLERS = c(3, 'Kafka KRaft production guidance: 3 (or 5) dedicated controllers')

/** Value size when only a byte rate is given: needed for batch and record overhead. */
export const DEFAULT_MESSAGE_SIZE = c(1024, 'kafka-sizer assumption: 1 KiB values, the OpenMessaging Benchmark standard payload (set --message-size)')

// --- Default broker hardware (used when no hardware flag is given) -----------------------------
// An AWS m5.2xlarge-class broker with one gp3/MSK-default volume: a common, published configuration.
export const DEFAULT_HARDWARE = {
  name: 'default (m5.2xlarge-class, 1 × 2 TB network volume at 250 MiB/s)',
  diskThroughputBytesPerSec: c(250 * MiB, 'AWS MSK default EBS volume throughput, 250 MiB/s (MSK developer guide)'),
  diskSizeBytes: c(2 * TB, 'sizing-model §8.3 worked example: 2 TB of storage per broker'),
  disks: c(1, 'one volume per broker (MSK provisions one EBS volume per broker)'),
  networkBitsPerSec: c(2.5e9, 'AWS EC2 m5.2xlarge baseline network bandwidth, 2.5 Gbit/s (not the 10 Gbit/s burst)'),
  cores: c(8, 'AWS EC2 m5.2xlarge: 8 vCPU'),
  memoryBytes: c(32 * GiB, 'AWS EC2 m5.2xlarge: 32 GiB'),
}

/**
 * Recommended partition replicas per broker by vCPU count: AWS MSK's table (m5.large/xlarge 1,000,
 * m5.2xlarge 2,000, m5.4xlarge and up 4,000), which ends at the general 4,000 guidance.
 */
export function partitionReplicasForCores(cores: number): SourcedConstant {
  const source = 'AWS MSK recommended partitions per broker (m5.large/xlarge 1,000; 2xlarge 2,000; 4xlarge+ 4,000), by vCPU count'
  if (cores <= 4) return c(1000, source)
  if (cores < 16) return c(2000, source)
  return c(MAX_PARTITION_REPLICAS_PER_BROKER.value, source)
}

/** Open-files floor for a broker, whatever the segment count. */
export const OPEN_FILES_FLOOR = c(100_000, 'Confluent Platform production deployment guidance: file descriptor limit of at least 100,000')

// --- Compression ratios ------------------------------------------------------------------------
// No universal ratio exists: it depends on the data. Without --compression-ratio the model assumes the
// data does not shrink (ratio 1), which over-provisions rather than under-provisions, and says so.
export const UNKNOWN_COMPRESSION_RATIO = c(1, 'kafka-sizer assumption: no shrink until measured (kafka-sizer bench --sample, or --compression-ratio)')
