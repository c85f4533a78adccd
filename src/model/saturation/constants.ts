// Constants of the saturation model (what a benchmark measures at 100 % of its bottleneck), each with its
// source. Ranges are [low, high] of a figure whose true value depends on things a benchmark rarely states.
import {CPU_READ_WEIGHT, CPU_WRITE_EQUIVALENT_PER_CORE, type SourcedConstant} from '../constants.js'

export interface SourcedRange {
  low: number
  point: number
  high: number
  source: string
}

const r = (low: number, point: number, high: number, source: string): SourcedRange => ({low, point, high, source})
const c = (value: number, source: string): SourcedConstant => ({value, source})

/**
 * TCP payload per byte on the wire with a 1500-byte MTU: 1448 B of TCP payload (1500 − IPv4 20 − TCP 20 −
 * RFC 7323 timestamps 12) per 1538 B on the wire (+ Ethernet header 14, FCS 4, preamble/SFD 8, inter-frame
 * gap 12); 1460 B without the timestamp option (the high end). The low end also charges TCP ACKs and
 * Kafka response framing sharing the link (~4 %, kafka-sizer assumption).
 */
export const WIRE_GOODPUT = r(0.9, 1448 / 1538, 1460 / 1538, 'IEEE 802.3 framing + IPv4/TCP headers, 1500-byte MTU: 1448 ÷ 1538 with RFC 7323 timestamps (1460 ÷ 1538 without)')

/** Per-message overhead of the legacy formats, including the 12-byte log overhead (offset + size). */
export const LEGACY_OVERHEAD_V0 = c(26, 'Kafka LegacyRecord.RECORD_OVERHEAD_V0 (14) + Records.LOG_OVERHEAD (12): message format v0, Kafka < 0.10')
export const LEGACY_OVERHEAD_V1 = c(34, 'Kafka LegacyRecord.RECORD_OVERHEAD_V1 (22) + Records.LOG_OVERHEAD (12): message format v1, Kafka 0.10.x')

/** Produce request framing per partition batch (partition index, records length) and per request. */
export const PRODUCE_PER_BATCH_OVERHEAD = c(8, 'Kafka ProduceRequest schema: partition index (int32) + records size (int32) per partition')
export const PRODUCE_PER_REQUEST_OVERHEAD = c(64, 'Kafka RequestHeader v2 + ProduceRequest v3+ fields (acks, timeout, topic name of ~20 B), rounded up')

export const NUM_IO_THREADS_FLUSH = c(8, 'Kafka num.io.threads default: at most this many produce requests (and their fsyncs) run at once per broker')

/** Broker CPU: bytes written per core-second at saturation, and what a byte read costs relative to a write. */
export const CPU_BYTES_PER_CORE = r(
  0.75 * CPU_WRITE_EQUIVALENT_PER_CORE.value,
  CPU_WRITE_EQUIVALENT_PER_CORE.value,
  1.25 * CPU_WRITE_EQUIVALENT_PER_CORE.value,
  `${CPU_WRITE_EQUIVALENT_PER_CORE.source}; ±25 % for CPU generations (kafka-sizer assumption)`,
)
export const READ_WEIGHT = CPU_READ_WEIGHT

/**
 * A client's CPU:  one client instance uses at most
 * its threads' cores (or its container's CPU limit when lower). Per byte it does the work of the broker's request
 * path for that byte (write-equivalent for a producer, read-weighted for a consumer).
 */
export const PRODUCER_THREADS = c(2, 'KafkaProducer: the caller’s send() thread plus its Sender I/O thread (kafka-producer-network-thread)')
export const CONSUMER_THREADS = c(1, 'KafkaConsumer (classic protocol): poll() fetches and decodes on the caller’s thread')

/** Network round trip inside one data centre / availability zone. */
export const LAN_ROUND_TRIP_MS = r(0.1, 0.25, 0.5, 'kafka-sizer assumption: 0.1–0.5 ms TCP round trip inside one data centre or AZ (sub-millisecond per AWS/GCP)')

/**
 * One fdatasync of a small batch's data, when no calibration profile is given: logbench.md's fio
 * measurement on this project's reference VM (16 KiB per sync: p50 264 µs, p99 481 µs).
 */
export const FSYNC_SECONDS = r(264e-6, 264e-6, 481e-6, 'logbench.md: fio fdatasync=1, 16 KiB per sync, p50 264 µs / p99 481 µs (reference VM)')
