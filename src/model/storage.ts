// Storage, precisely (sizing-model §3): what the retention window holds, what the format adds, and what
// the disks must provide. All byte totals are cluster-wide and count every replica unless named "oneCopy".
import {
  INDEX_INTERVAL_BYTES,
  MIN_CLEANABLE_DIRTY_RATIO,
  OFFSET_INDEX_ENTRY_BYTES,
  RETENTION_CHECK_INTERVAL_MS,
  TIME_INDEX_ENTRY_BYTES,
} from './constants.js'
import type {CleanupPolicy} from './types.js'

export interface StorageInput {
  /** Average payload (key + value) rate before compression, bytes/s. */
  payloadBytesPerSec: number
  /** Average stored rate (compressed records + batch overhead), bytes/s. */
  storedBytesPerSec: number
  messagesPerSec: number
  compressionRatio: number
  /** Bytes of one batch as stored: sets the index spacing. */
  batchBytes: number
  replicationFactor: number
  partitions: number
  brokers: number
  retentionMs: number
  retentionBytesPerPartition?: number
  localRetentionMs?: number
  segmentBytes: number
  segmentMs: number
  cleanupPolicy: CleanupPolicy
  distinctKeys?: number
  /** Stored bytes per message, for compacted topics. */
  storedBytesPerMessage: number
  maxDiskFill: number
}

export interface StorageBreakdown {
  /** Bytes kept on brokers' disks, all replicas, with every overhead: the number disks must hold. */
  totalBytes: number
  perBrokerBytes: number
  /** One partition replica. */
  perPartitionReplicaBytes: number
  /** Disk to provision so that totalBytes stays within the fill limit. */
  provisionedBytes: number
  provisionedPerBrokerBytes: number
  /** How long data stays: the retention window actually in force (retention.bytes may cut it). */
  effectiveRetentionMs: number
  retentionLimitedBy: 'retention.ms' | 'retention.bytes' | 'compaction' | 'local.retention.ms'
  breakdown: {
    /** Payload of the window, one copy, before compression. */
    payloadOneCopyBytes: number
    /** What compression saves, all replicas (negative of the shrink). */
    compressionSavingBytes: number
    /** Record-batch and per-record overhead, all replicas. */
    batchOverheadBytes: number
    /** Log bytes, all replicas = payload × RF − saving + overhead. */
    logBytes: number
    /** Offset and time index entries. */
    indexBytes: number
    /** Data beyond the window: retention deletes only whole closed segments, and only every check interval. */
    activeSegmentBytes: number
    /** Compacted topics: the not-yet-cleaned portion bounded by min.cleanable.dirty.ratio. */
    dirtyBytes: number
  }
  tiered?: {
    localBytes: number
    /** Object storage holds one copy of every closed segment for the full retention. */
    remoteBytes: number
  }
  /** Segments per broker (closed + active), for vm.max_map_count and file descriptors. */
  segmentsPerBroker: number
}

/** Index entries: one offset and one time entry every k batches, with k·batch > index.interval.bytes (LogSegment.append). */
export function indexBytesPerLogByte(batchBytes: number): number {
  const batchesPerEntry = Math.floor(INDEX_INTERVAL_BYTES.value / batchBytes) + 1
  return (OFFSET_INDEX_ENTRY_BYTES.value + TIME_INDEX_ENTRY_BYTES.value) / (batchesPerEntry * batchBytes)
}

export function computeStorage(s: StorageInput): StorageBreakdown {
  const rf = s.replicationFactor
  const replicas = s.partitions * rf
  const perPartitionStoredRate = s.storedBytesPerSec / s.partitions
  const tiered = s.localRetentionMs !== undefined && s.localRetentionMs < s.retentionMs

  // The window of data the broker keeps locally.
  let windowMs = tiered ? (s.localRetentionMs as number) : s.retentionMs
  let limitedBy: StorageBreakdown['retentionLimitedBy'] = tiered ? 'local.retention.ms' : 'retention.ms'
  if (s.retentionBytesPerPartition !== undefined && perPartitionStoredRate > 0) {
    const byBytesMs = (s.retentionBytesPerPartition / perPartitionStoredRate) * 1000
    if (byBytesMs < windowMs) {
      windowMs = byBytesMs
      limitedBy = 'retention.bytes'
    }
  }

  let logBytes: number
  let payloadOneCopy: number
  let dirtyBytes = 0
  const compacts = s.cleanupPolicy !== 'delete' && s.distinctKeys !== undefined
  const compactedClean = compacts ? (s.distinctKeys as number) * s.storedBytesPerMessage * rf : Infinity
  const windowLog = Number.isFinite(windowMs) ? (s.storedBytesPerSec * windowMs * rf) / 1000 : Infinity
  if (compacts && compactedClean < windowLog) {
    // The cleaner starts once dirty ÷ (clean + dirty) ≥ r, so dirty ≤ clean × r ÷ (1 − r).
    const r = MIN_CLEANABLE_DIRTY_RATIO.value
    dirtyBytes = (compactedClean * r) / (1 - r)
    logBytes = compactedClean
    limitedBy = 'compaction'
    payloadOneCopy = ((s.distinctKeys as number) * s.payloadBytesPerSec) / Math.max(s.messagesPerSec, 1e-12)
  } else {
    logBytes = windowLog
    payloadOneCopy = (s.payloadBytesPerSec * windowMs) / 1000
  }

  const compressedOneCopy = payloadOneCopy / s.compressionRatio
  const compressionSavingBytes = (payloadOneCopy - compressedOneCopy) * rf
  const batchOverheadBytes = logBytes - compressedOneCopy * rf
  const indexBytes = (logBytes + dirtyBytes) * indexBytesPerLogByte(s.batchBytes)

  // Each replica may hold one more segment than the window, plus what arrives between retention checks.
  const segmentFill = Math.min(s.segmentBytes, (perPartitionStoredRate * s.segmentMs) / 1000)
  const checkLag = (perPartitionStoredRate * RETENTION_CHECK_INTERVAL_MS.value) / 1000
  const activeSegmentBytes = replicas * (segmentFill + checkLag)

  const totalBytes = logBytes + dirtyBytes + indexBytes + activeSegmentBytes
  const perPartitionReplicaBytes = totalBytes / replicas
  const retainedPerReplica = (logBytes + dirtyBytes) / replicas
  const segmentsPerReplica = Math.ceil(retainedPerReplica / Math.max(segmentFill, 1)) + 1

  const result: StorageBreakdown = {
    totalBytes,
    perBrokerBytes: totalBytes / s.brokers,
    perPartitionReplicaBytes,
    provisionedBytes: totalBytes / s.maxDiskFill,
    provisionedPerBrokerBytes: totalBytes / s.maxDiskFill / s.brokers,
    effectiveRetentionMs: windowMs,
    retentionLimitedBy: limitedBy,
    breakdown: {
      payloadOneCopyBytes: payloadOneCopy,
      compressionSavingBytes,
      batchOverheadBytes,
      logBytes,
      indexBytes,
      activeSegmentBytes,
      dirtyBytes,
    },
    segmentsPerBroker: Number.isFinite(segmentsPerReplica) ? (segmentsPerReplica * replicas) / s.brokers : Infinity,
  }
  if (tiered) {
    result.tiered = {localBytes: totalBytes, remoteBytes: (s.storedBytesPerSec * s.retentionMs) / 1000}
  }
  return result
}
