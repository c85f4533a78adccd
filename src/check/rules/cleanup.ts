// §5.5 Cleanup, compaction and tiered storage.
import type {RuleMeta} from '../types.js'
import {type Rule, ms} from './context.js'
import {cleanupPolicy, effectiveBoolean, effectiveNumber, lastSetting, posOf} from './effective-config.js'

const meta = (id: string, name: string, title: string, defaultSeverity: RuleMeta['defaultSeverity'], needs: RuleMeta['needs'], description: string): RuleMeta => ({id, name, title, section: '5.5', defaultSeverity, needs, description})

const KT401: Rule = {
  meta: meta('KT401', 'compact-with-retention', 'Retention set on a compact-only topic, or shorter than the consumer rebuild time', 'warning', ['spec', 'workload'],
    'With cleanup.policy=compact alone, retention.ms and retention.bytes are ignored: nothing is deleted by age or size. Either the setting is dead or the policy should be compact,delete. With compact,delete, a retention shorter than the consumers\' rebuild time (consumerDowntimeMs) deletes state before a rebuilding consumer reads it.'),
  run(ctx) {
    for (const t of ctx.topics) {
      if (!ctx.on(this.meta.id, t)) continue
      const cp = cleanupPolicy(t, ctx.cluster)
      if (!cp?.value.compact) continue
      if (!cp.value.delete) {
        for (const key of ['retention.ms', 'retention.bytes']) {
          const s = lastSetting(t, key)
          if (!s) continue
          ctx.emit(this.meta, t, {message: `${key} is ignored with cleanup.policy=${cp.value.text}: compaction alone never deletes by age or size`, fix: `remove ${key}, or set cleanup.policy: compact,delete`, pos: s.pos})
        }
        continue
      }
      const downtime = t.workload?.consumerDowntimeMs
      const ret = effectiveNumber(t, ctx.cluster, 'retention.ms')
      if (downtime === undefined || !ret || ret.value < 0 || ret.value >= downtime) continue
      ctx.emit(this.meta, t, {message: `cleanup.policy=compact,delete with retention.ms ${ms(ret.value)} < consumer rebuild time ${ms(downtime)} (${t.workload?.source}): state is deleted before a rebuilding consumer reads it`, fix: `set retention.ms: ${downtime} or more`, pos: posOf(t, ret)})
    }
  },
}

const KT402: Rule = {
  meta: meta('KT402', 'compact-tiered', 'Compacted topic with tiered storage', 'error', ['spec'],
    'Kafka tiered storage supports only cleanup.policy=delete (LogConfig: "Remote log storage only supports topics with cleanup.policy=delete"): a compacted topic with remote.storage.enable=true is rejected.'),
  run(ctx) {
    for (const t of ctx.topics) {
      if (!ctx.on(this.meta.id, t)) continue
      const cp = cleanupPolicy(t, ctx.cluster)
      const remote = effectiveBoolean(t, ctx.cluster, 'remote.storage.enable')
      if (!cp?.value.compact || !remote?.value) continue
      ctx.emit(this.meta, t, {message: `cleanup.policy=${cp.value.text} with remote.storage.enable=true: tiered storage supports only cleanup.policy=delete`, fix: 'set remote.storage.enable: false, or cleanup.policy: delete', pos: posOf(t, remote)})
    }
  },
}

const KT403: Rule = {
  meta: meta('KT403', 'local-retention', 'local.retention.* without tiered storage, or above total retention', 'error', ['spec'],
    'local.retention.ms/bytes only mean something with remote.storage.enable=true (without it they are dead settings that suggest a tiering that does not happen). Kafka rejects local retention above the total retention, and -1 local retention with a finite total (LogConfig.validateRemoteStorageRetentionTime/Size).'),
  run(ctx) {
    for (const t of ctx.topics) {
      if (!ctx.on(this.meta.id, t)) continue
      const remote = effectiveBoolean(t, ctx.cluster, 'remote.storage.enable')
      for (const [localKey, totalKey] of [['local.retention.ms', 'retention.ms'], ['local.retention.bytes', 'retention.bytes']] as const) {
        const s = lastSetting(t, localKey)
        const local = effectiveNumber(t, ctx.cluster, localKey)
        if (!s || !local || local.value === -2) continue
        if (!remote?.value) {
          ctx.emit(this.meta, t, {message: `${localKey} is set but remote.storage.enable is not true: there is no remote tier, so the setting does nothing`, fix: `set remote.storage.enable: true, or remove ${localKey}`, pos: s.pos})
          continue
        }
        const total = effectiveNumber(t, ctx.cluster, totalKey)
        if (!total || total.value < 0) continue
        const fmt = localKey.endsWith('.ms') ? ms : (x: number) => String(x)
        if (local.value === -1 || local.value > total.value) {
          ctx.emit(this.meta, t, {message: `${localKey} ${local.value === -1 ? '-1 (unlimited)' : fmt(local.value)} > ${totalKey} ${fmt(total.value)}: Kafka rejects local retention above total retention`, fix: `set ${localKey}: ${total.value} or less`, pos: s.pos})
        }
      }
    }
  },
}

const KT404: Rule = {
  meta: meta('KT404', 'compaction-timing', 'Tombstones or compaction too late for the consumers', 'warning', ['spec', 'workload'],
    'On a compacted topic, delete.retention.ms shorter than the longest consumer downtime lets tombstones vanish before a slow consumer sees them (it keeps the deleted key). And without max.compaction.lag.ms, the active segment is never compacted until segment.ms rolls it: when a partition receives less than segment.bytes per segment.ms, superseded values stay for segment.ms. (min.compaction.lag.ms > max.compaction.lag.ms is rejected by Kafka and reported by KT003.)'),
  run(ctx) {
    if (!ctx.topics.some((t) => t.workload)) return ctx.topics.length > 0 ? ctx.notEvaluated(this.meta.id, 'no topic has workload expectations (consumer downtime, throughput)') : undefined
    for (const t of ctx.topics) {
      if (!ctx.on(this.meta.id, t) || !t.workload) continue
      const cp = cleanupPolicy(t, ctx.cluster)
      if (!cp?.value.compact) continue
      const downtime = t.workload.consumerDowntimeMs
      const dr = effectiveNumber(t, ctx.cluster, 'delete.retention.ms')
      if (downtime !== undefined && dr && dr.value < downtime) {
        ctx.emit(this.meta, t, {message: `delete.retention.ms ${ms(dr.value)} < consumer downtime ${ms(downtime)} (${t.workload.source}): tombstones are removed before a returning consumer reads them`, fix: `set delete.retention.ms: ${downtime}`, pos: posOf(t, dr)})
      }
      const input = ctx.planInput(t)
      if (!input?.partitions || lastSetting(t, 'max.compaction.lag.ms')) continue
      const perPartitionBytes = (input.payloadBytesPerSec / input.compressionRatio / input.partitions) * (input.segmentMs / 1000)
      if (perPartitionBytes >= input.segmentBytes || input.segmentMs <= 86_400_000) continue
      ctx.emit(this.meta, t, {message: `segment.ms ${ms(input.segmentMs)} rolls the active segment before segment.bytes fills (about ${Math.round((perPartitionBytes / input.segmentBytes) * 100)}% full): superseded values stay uncompacted for ${ms(input.segmentMs)}`, fix: 'set max.compaction.lag.ms: 86400000 (or a shorter segment.ms)', pos: posOf(t, effectiveNumber(t, ctx.cluster, 'segment.ms'))})
    }
  },
}

const KT405: Rule = {
  meta: meta('KT405', 'changelog-not-compacted', 'Changelog or state topic without compaction', 'warning', ['spec', 'workload'],
    'A topic declared as a key-based changelog/state topic needs cleanup.policy=compact (or compact,delete): with delete alone, old keys vanish after retention.ms and a rebuilt state store misses them.'),
  run(ctx) {
    if (!ctx.topics.some((t) => t.workload?.changelog !== undefined)) return ctx.topics.length > 0 ? ctx.notEvaluated(this.meta.id, 'no topic declares whether it is a changelog') : undefined
    for (const t of ctx.topics) {
      if (!ctx.on(this.meta.id, t) || !t.workload?.changelog) continue
      const cp = cleanupPolicy(t, ctx.cluster)
      if (!cp || cp.value.compact) continue
      ctx.emit(this.meta, t, {message: `the topic is a changelog (${t.workload.source}) but cleanup.policy=${cp.value.text || '(empty)'}: keys older than retention are lost`, fix: 'set cleanup.policy: compact', pos: posOf(t, cp)})
    }
  },
}

export const CLEANUP_RULES: Rule[] = [KT401, KT402, KT403, KT404, KT405]
