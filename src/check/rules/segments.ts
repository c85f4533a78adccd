// §5.4 Segments and message size: segment size and age against retention and message size, and the chain of
// size limits from producer to topic to consumer.
import {MAX_RECORD_OVERHEAD, MiB, RECORD_BATCH_OVERHEAD} from '../../model/constants.js'
import {compareVersions} from '../kafka-topic-configs.js'
import type {RuleMeta} from '../types.js'
import {type Rule, bytes, ms, n} from './context.js'
import {describeOrigin, effectiveNumber, posOf} from './effective-config.js'

const meta = (id: string, name: string, title: string, defaultSeverity: RuleMeta['defaultSeverity'], needs: RuleMeta['needs'], description: string): RuleMeta => ({id, name, title, section: '5.4', defaultSeverity, needs, description})

const KT301: Rule = {
  meta: meta('KT301', 'segment-too-small', 'segment.bytes too small', 'warning', ['spec', 'cluster'],
    'Small segments mean many files: two index mmaps and three file handles each, frequent rolls, and a cleaner and retention scan over all of them. Below 1 MiB is rejected from Kafka 4.0 (KIP-1030; KT003 reports it on 4.x clusters, this rule on older or unknown versions because the next upgrade will reject the topic). Also below 2% of retention.bytes (more than 50 segments per partition; Kafkistry\'s ratio rule).'),
  run(ctx) {
    const version = ctx.cluster.kafkaVersion
    for (const t of ctx.topics) {
      if (!ctx.on(this.meta.id, t)) continue
      const seg = effectiveNumber(t, ctx.cluster, 'segment.bytes')
      if (!seg) continue
      const pos = posOf(t, seg)
      if (seg.value < MiB) {
        if (version !== undefined && compareVersions(version, '4.0') >= 0) continue
        ctx.emit(this.meta, t, {message: `segment.bytes ${bytes(seg.value)} is below 1 MiB: Kafka ${version ?? '≥ 4.0'}${version ? ' accepts it, but 4.0 and later reject it (KIP-1030)' : ' rejects it (KIP-1030)'}, and tiny segments mean a roll and two mmapped indexes per few records`, fix: `set segment.bytes: ${MiB * 64}`, pos})
        continue
      }
      const rb = effectiveNumber(t, ctx.cluster, 'retention.bytes')
      if (rb && rb.value > 0 && seg.value < rb.value * 0.02) {
        ctx.emit(this.meta, t, {message: `segment.bytes ${bytes(seg.value)} is ${((seg.value / rb.value) * 100).toFixed(1)}% of retention.bytes ${bytes(rb.value)}: ${n(Math.ceil(rb.value / seg.value))} segments per partition`, fix: `set segment.bytes: ${Math.ceil((rb.value * 0.05) / MiB) * MiB} (about 5% of retention.bytes)`, pos})
      }
    }
  },
}

const KT302: Rule = {
  meta: meta('KT302', 'segment-vs-retention-bytes', 'segment.bytes large relative to retention.bytes', 'warning', ['spec'],
    'Retention deletes closed segments only; the active segment is never deleted. With segment.bytes above half of retention.bytes a partition holds up to retention.bytes + segment.bytes, so size retention overshoots by more than 50%.'),
  run(ctx) {
    for (const t of ctx.topics) {
      if (!ctx.on(this.meta.id, t)) continue
      const seg = effectiveNumber(t, ctx.cluster, 'segment.bytes')
      const rb = effectiveNumber(t, ctx.cluster, 'retention.bytes')
      if (!seg || !rb || rb.value < 0 || seg.value <= rb.value / 2) continue
      const target = Math.max(MiB, Math.floor(rb.value / 10 / MiB) * MiB)
      ctx.emit(this.meta, t, {message: `segment.bytes ${bytes(seg.value)} > 50% of retention.bytes ${bytes(rb.value)}: a partition holds up to ${bytes(seg.value + rb.value)} because the active segment is never deleted`, fix: `set segment.bytes: ${target} (a tenth of retention.bytes)`, pos: posOf(t, seg.origin === 'topic' ? seg : rb)})
    }
  },
}

const KT303: Rule = {
  meta: meta('KT303', 'segment-ms', 'segment.ms very small, or longer than retention.ms', 'warning', ['spec'],
    'segment.ms below the platform floor (policy minSegmentMs, 1 h) rolls a segment per partition that often (below 1 min is invalid from Kafka 5.0, KIP-1030). segment.ms above retention.ms keeps data past its retention on quiet partitions: the segment closes (and becomes deletable) only after segment.ms.'),
  run(ctx) {
    const floor = ctx.policy.minSegmentMs
    const version = ctx.cluster.kafkaVersion
    for (const t of ctx.topics) {
      if (!ctx.on(this.meta.id, t)) continue
      const seg = effectiveNumber(t, ctx.cluster, 'segment.ms')
      const ret = effectiveNumber(t, ctx.cluster, 'retention.ms')
      if (!seg) continue
      if (seg.value < floor) {
        if (seg.value < 60_000 && version !== undefined && compareVersions(version, '5.0') >= 0) continue
        ctx.emit(this.meta, t, {message: `segment.ms ${ms(seg.value)} is below the ${ms(floor)} floor${seg.value < 60_000 ? '; below 1 min it is invalid from Kafka 5.0 (KIP-1030)' : ''}: every partition rolls a segment that often`, fix: `set segment.ms: ${floor}`, pos: posOf(t, seg)})
      } else if (ret && ret.value >= 0 && seg.value > ret.value && (seg.origin === 'topic' || ret.origin === 'topic')) {
        ctx.emit(this.meta, t, {message: `segment.ms ${ms(seg.value)} (${describeOrigin(seg, ctx.cluster)}) > retention.ms ${ms(ret.value)}: on a quiet partition data stays up to ${ms(seg.value + ret.value)}`, fix: `set segment.ms: ${ret.value}`, pos: posOf(t, seg.origin === 'topic' ? seg : ret)})
      }
    }
  },
}

const KT304: Rule = {
  meta: meta('KT304', 'max-message-vs-segment', 'max.message.bytes above segment.bytes', 'warning', ['spec'],
    'A record batch must fit in one segment; a topic that accepts batches larger than a segment rolls a segment per large batch and misreports its own limits.'),
  run(ctx) {
    for (const t of ctx.topics) {
      if (!ctx.on(this.meta.id, t)) continue
      const mm = effectiveNumber(t, ctx.cluster, 'max.message.bytes')
      const seg = effectiveNumber(t, ctx.cluster, 'segment.bytes')
      if (!mm || !seg || mm.value <= seg.value) continue
      ctx.emit(this.meta, t, {message: `max.message.bytes ${bytes(mm.value)} > segment.bytes ${bytes(seg.value)}`, fix: `set max.message.bytes: ${seg.value} or raise segment.bytes`, pos: posOf(t, mm.origin === 'topic' ? mm : seg)})
    }
  },
}

const KT305: Rule = {
  meta: meta('KT305', 'max-message-chain', 'max.message.bytes above the platform cap or the declared client limits', 'warning', ['spec', 'cluster', 'workload'],
    'The topic\'s max.message.bytes overrides the broker\'s message.max.bytes, so the real risk is a misaligned size chain: producers whose max.request.size is lower cannot send what the topic allows, consumers whose max.partition.fetch.bytes is lower fetch one oversized batch per request. Also the platform cap (policy maxMessageBytesCap, 5 MiB as NAIS).'),
  run(ctx) {
    const cap = ctx.policy.maxMessageBytesCap
    for (const t of ctx.topics) {
      if (!ctx.on(this.meta.id, t)) continue
      const mm = effectiveNumber(t, ctx.cluster, 'max.message.bytes')
      if (!mm) continue
      const pos = posOf(t, mm)
      if (mm.value > cap) {
        ctx.emit(this.meta, t, {message: `max.message.bytes ${bytes(mm.value)} is above the platform cap ${bytes(cap)}`, fix: `set max.message.bytes: ${cap} (store large payloads elsewhere and send a reference)`, pos})
        continue
      }
      const w = t.workload
      for (const [limit, what, client] of [[w?.producerMaxRequestSize, 'producer max.request.size', 'producers cannot send batches the topic accepts'], [w?.consumerMaxPartitionFetchBytes, 'consumer max.partition.fetch.bytes', 'consumers fetch one oversized batch per request']] as const) {
        if (limit === undefined || mm.value <= limit) continue
        ctx.emit(this.meta, t, {message: `max.message.bytes ${bytes(mm.value)} > ${what} ${bytes(limit)} (${w?.source}): ${client}`, fix: `set max.message.bytes: ${limit}, or raise ${what} to ${mm.value}`, pos})
      }
    }
  },
}

const KT306: Rule = {
  meta: meta('KT306', 'record-exceeds-max-message', 'Declared record size does not fit max.message.bytes', 'error', ['spec', 'workload'],
    'A record whose single-record batch (record + 61 B batch header + up to 21 B record overhead, after the stated compression) exceeds max.message.bytes is rejected with RecordTooLargeException: produce fails. The p99 record size is used when given, else the average key + value.'),
  run(ctx) {
    const has = ctx.topics.some((t) => t.workload && (t.workload.p99MessageBytes !== undefined || t.workload.request.messageSizeBytes !== undefined))
    if (!has) return ctx.topics.length > 0 ? ctx.notEvaluated(this.meta.id, 'no topic has workload expectations with a record size') : undefined
    for (const t of ctx.topics) {
      const w = t.workload
      if (!ctx.on(this.meta.id, t) || !w) continue
      const record = w.p99MessageBytes ?? (w.request.messageSizeBytes === undefined ? undefined : w.request.messageSizeBytes + (w.request.keySizeBytes ?? 0))
      const mm = effectiveNumber(t, ctx.cluster, 'max.message.bytes')
      if (record === undefined || !mm) continue
      const ratio = w.request.compression && w.request.compression !== 'none' ? (w.request.compressionRatio ?? 1) : 1
      const batch = Math.ceil(record / ratio) + RECORD_BATCH_OVERHEAD.value + MAX_RECORD_OVERHEAD.value
      if (batch <= mm.value) continue
      ctx.emit(this.meta, t, {
        message: `${w.p99MessageBytes !== undefined ? 'p99' : 'average'} record ${bytes(record)}${ratio !== 1 ? ` (÷ ${ratio} compression)` : ''} makes a ${bytes(batch)} batch > max.message.bytes ${bytes(mm.value)} (${describeOrigin(mm, ctx.cluster)}): produce fails with RecordTooLargeException`,
        fix: `set max.message.bytes: ${Math.ceil((batch * 1.1) / 1024) * 1024}, and producer max.request.size to match`,
        pos: posOf(t, mm),
      })
    }
  },
}

export const SEGMENT_RULES: Rule[] = [KT301, KT302, KT303, KT304, KT305, KT306]
