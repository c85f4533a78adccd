// Cross-field checks of a sizing request. Single values are already checked by the units parser; here
// we catch combinations that cannot be right, and name the flags involved.
import type {PlanRequest} from '../model/inputs.js'
import {InputError} from '../lib/errors.js'

/** Relative disagreement tolerated between --throughput and --message-rate × --message-size. */
const RATE_TOLERANCE = 0.05

export interface ValidationOptions {
  /** The command needs a workload rate (plan, partitions, storage do; capacity does not). */
  requireRate: boolean
  requireBrokers?: boolean
}

export function validateRequest(req: PlanRequest, options: ValidationOptions): void {
  const hasBytes = req.payloadBytesPerSec !== undefined
  const hasMessages = req.messagesPerSec !== undefined
  if (options.requireRate && !hasBytes && !hasMessages) {
    throw new InputError('--throughput', 'no workload rate given', 'a producer rate in bytes or messages per unit of time', '120 MB/s')
  }
  if (hasBytes && hasMessages && req.messageSizeBytes !== undefined) {
    const implied = (req.messagesPerSec as number) * (req.messageSizeBytes + (req.keySizeBytes ?? 0))
    const given = req.payloadBytesPerSec as number
    if (Math.abs(implied - given) / given > RATE_TOLERANCE) {
      throw new InputError(
        '--throughput',
        `${fmt(given)} B/s disagrees with --message-rate × --message-size = ${fmt(implied)} B/s`,
        'either --throughput, or --message-rate with --message-size, or all three consistent within 5%',
        '120 MB/s',
      )
    }
  }
  if (hasBytes && hasMessages && req.messageSizeBytes === undefined) {
    const size = (req.payloadBytesPerSec as number) / (req.messagesPerSec as number) - (req.keySizeBytes ?? 0)
    if (size <= 0) {
      throw new InputError('--key-size', `keys alone (${req.keySizeBytes} B) exceed --throughput ÷ --message-rate`, 'a key smaller than each message', '16 B')
    }
  }
  const rf = req.replicationFactor
  if (rf !== undefined && req.minInsyncReplicas !== undefined && req.minInsyncReplicas > rf) {
    throw new InputError(
      '--min-insync-replicas',
      `${req.minInsyncReplicas} is greater than --replication-factor ${rf}: acks=all writes would always fail (NotEnoughReplicas)`,
      `a value ≤ ${rf}; ${Math.max(1, rf - 1)} lets writes continue with one replica down`,
      String(Math.max(1, rf - 1)),
    )
  }
  if (rf === undefined && req.minInsyncReplicas !== undefined && req.minInsyncReplicas > 3) {
    throw new InputError('--min-insync-replicas', `${req.minInsyncReplicas} is greater than the default replication factor 3`, 'a value ≤ 3, or a larger --replication-factor', '2')
  }
  if (req.brokers !== undefined && req.brokers < (rf ?? 3)) {
    throw new InputError('--brokers', `${req.brokers} broker(s) cannot host ${rf ?? 3} replicas of each partition`, `at least --replication-factor (${rf ?? 3}) brokers`, String(rf ?? 3))
  }
  if (options.requireBrokers && req.brokers === undefined) {
    throw new InputError('--brokers', 'missing', 'the broker count of the cluster to evaluate', '6')
  }
  if (req.keySkew !== undefined && (req.keySkew <= 0 || req.keySkew > 1)) {
    throw new InputError('--key-skew', `${req.keySkew} is not a share of traffic`, 'a fraction in (0, 1] or a percentage', '20%')
  }
  if (req.laggingGroups !== undefined && req.laggingGroups > (req.consumerGroups ?? 1)) {
    throw new InputError('--lagging-groups', `${req.laggingGroups} is more than the ${req.consumerGroups ?? 1} consumer group(s)`, 'at most --consumer-groups', '1')
  }
  if (req.localRetentionMs !== undefined && req.retentionMs !== undefined && req.localRetentionMs > req.retentionMs) {
    throw new InputError('--local-retention', 'is longer than --retention', 'a local retention shorter than the total retention (tiered storage keeps the rest remotely)', '1d')
  }
  if (req.compressionRatio !== undefined && (req.compression === undefined || req.compression === 'none')) {
    throw new InputError('--compression-ratio', 'given without a codec', '--compression gzip|snappy|lz4|zstd together with the ratio', '3')
  }
  if (req.compressionRatio !== undefined && req.compressionRatio < 1) {
    throw new InputError('--compression-ratio', `${req.compressionRatio} would make data grow`, 'original ÷ compressed size, 1 or more', '3')
  }
  if (req.distinctKeys !== undefined && (req.cleanupPolicy === undefined || req.cleanupPolicy === 'delete') && req.profile !== 'event-sourcing') {
    throw new InputError('--distinct-keys', 'only applies to compacted topics', '--cleanup-policy compact (or compact,delete) with it', '5M')
  }
}

function fmt(x: number): string {
  return Math.round(x).toLocaleString('en-US')
}
