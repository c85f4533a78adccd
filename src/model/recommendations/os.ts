// Operating-system settings of the broker hosts (sysctl, systemd limits, memory, file system).
import {LINUX_MAX_MAP_COUNT, PAGE_CACHE_WINDOW_MS} from '../constants.js'
import type {PlanCore} from '../plan.js'
import type {Recommendation} from '../types.js'
import {formatBytes, formatCount, formatDuration} from '../../units/format.js'
import {roundUpNice} from '../round.js'
import {perPartitionBytesPerSec, recommendedSegmentBytes, recommendedSegmentMs, retainedPerReplicaBytes} from './topic.js'

/**
 * Segments per broker with the recommended segment.bytes / segment.ms: smaller segments than the plan's input
 * mean more files and mmaps, so the OS limits must cover whichever count is larger.
 */
export function segmentsPerBrokerRecommended(plan: PlanCore): number {
  const fill = Math.min(recommendedSegmentBytes(plan), (perPartitionBytesPerSec(plan) * recommendedSegmentMs(plan)) / 1000)
  const perReplica = Math.ceil(retainedPerReplicaBytes(plan) / Math.max(fill, 1)) + 1
  const segments = (perReplica * plan.partitions * plan.input.replicationFactor) / plan.brokers
  return Math.max(plan.os.segmentsPerBroker, Number.isFinite(segments) ? segments : plan.os.segmentsPerBroker)
}

export function osRecommendations(plan: PlanCore): Recommendation[] {
  const rec = (key: string, value: string, why: string): Recommendation => ({scope: 'os', key, value, why})
  const out: Recommendation[] = []
  const segments = segmentsPerBrokerRecommended(plan)
  const more = segments > plan.os.segmentsPerBroker

  // Same rule as plan.os: twice the need, never below Linux's default.
  const maxMap = Math.max(plan.os.recommendedMaxMapCount, LINUX_MAX_MAP_COUNT.value, roundUpNice(4 * segments))
  out.push(
    rec(
      'vm.max_map_count',
      String(maxMap),
      `each segment memory-maps 2 index files: ~${formatCount(segments)} segments per broker${more ? ' (with the recommended segment size)' : ''} need ${formatCount(2 * segments)} maps; ${formatCount(maxMap)} is at least 2× that and never below the Linux default ${formatCount(LINUX_MAX_MAP_COUNT.value)}; running out crashes the broker (costs only kernel bookkeeping)`,
    ),
  )

  const files = Math.max(plan.os.recommendedOpenFiles, roundUpNice(segments * 3 * 2))
  out.push(
    rec(
      'LimitNOFILE',
      String(files),
      `open files (systemd LimitNOFILE / limits.conf nofile): ~${formatCount(segments)} segments per broker × 3 files (.log, .index, .timeindex) plus client and replica connections; a high limit costs nothing, hitting it stops the broker`,
    ),
  )

  const pc = plan.pageCache
  out.push(
    rec(
      'page-cache-bytes',
      String(Math.ceil(pc.neededBytes)),
      pc.sufficient
        ? `${formatBytes(pc.neededBytes, {binary: true})} of free RAM holds ${formatDuration(PAGE_CACHE_WINDOW_MS.value)} of one broker's writes (Kafka docs), so tail consumers read from memory; ${formatBytes(pc.availableBytes, {binary: true})} is left after heap and OS (covers ${formatDuration(pc.coversSeconds * 1000)})`
        : `${formatBytes(pc.neededBytes, {binary: true})} would hold ${formatDuration(PAGE_CACHE_WINDOW_MS.value)} of one broker's writes (Kafka docs), but only ${formatBytes(pc.availableBytes, {binary: true})} is left after heap and OS: tail consumers will hit the disk; add RAM or brokers`,
    ),
  )

  out.push(
    rec(
      'vm.swappiness',
      '1',
      'keeps the JVM heap in RAM (swapping stalls the broker long enough to drop out of the ISR) while still letting the kernel swap in an emergency; costs nothing on a dedicated broker',
    ),
  )

  out.push(
    rec(
      'filesystem',
      'xfs,noatime',
      'XFS (or ext4) on the log directories, mounted noatime: no metadata write on every read of a segment; Kafka’s ops docs report XFS performing better for its workload',
    ),
  )
  return out
}
