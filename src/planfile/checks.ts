// Cross-field checks of a plan file: combinations of valid values that cannot be right. Each problem
// names the path of the offending value; the reader adds file:line:col.
import {findProfile, type HardwareProfile, suggestNames} from '../catalogue/index.js'
import {DAY_MS} from '../model/constants.js'
import type {ParsedCluster} from './schema.js'
import type {TopicSpec} from './types.js'

export type Path = ReadonlyArray<string | number>

export interface Problem {
  path: Path
  message: string
}

/** Relative disagreement tolerated between throughput and messageRate × messageSize (as for the flags). */
const RATE_TOLERANCE = 0.05
const DEFAULT_RF = 3

export interface CheckInput {
  /** The cluster section's valid fields (all of them when it is valid). */
  cluster?: Partial<ParsedCluster>
  /** The topics with a valid name, with their index in the file; `complete` when every field is valid. */
  topics: Array<{index: number; complete: boolean; spec: TopicSpec}>
  /** Every topic's name as written (also of invalid topics), for duplicates. */
  names: unknown[]
  profiles: readonly HardwareProfile[]
  /** "line 12" of a path, for messages that point at a second place. */
  lineOf: (path: Path) => number | undefined
}

function fmt(x: number): string {
  return Math.round(x).toLocaleString('en-US')
}

function duration(ms: number): string {
  if (ms % DAY_MS === 0) return `${ms / DAY_MS} d`
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000} h`
  return `${fmt(ms)} ms`
}

export function crossChecks(input: CheckInput): Problem[] {
  const problems: Problem[] = []
  const add = (path: Path, message: string) => problems.push({path, message})
  const at = (path: Path) => {
    const line = input.lineOf(path)
    return line === undefined ? '' : ` (line ${line})`
  }

  // Duplicate topic names, both places named.
  const first = new Map<string, number>()
  input.names.forEach((name, i) => {
    if (typeof name !== 'string') return
    const before = first.get(name)
    if (before === undefined) first.set(name, i)
    else add(['topics', i, 'name'], `"${name}" is already the name of topics[${before}]${at(['topics', before, 'name'])}; topic names must be unique`)
  })

  const cluster = input.cluster
  if (cluster !== undefined) {
    const azs = cluster.azs ?? 1
    if (cluster.failurePolicy === 'survive-one-az' && azs < 2) {
      add(['cluster', 'failurePolicy'], `survive-one-az needs at least 2 availability zones, but azs is ${azs}${cluster.azs === undefined ? ' (the default)' : ''}; set azs, or use survive-one-broker`)
    }
    const major = cluster.kafkaVersion === undefined ? undefined : Number(cluster.kafkaVersion.split('.')[0])
    if (cluster.metadata === 'zookeeper' && major !== undefined && major >= 4) {
      add(['cluster', 'metadata'], `zookeeper mode was removed in Kafka 4.0, but kafkaVersion is "${cluster.kafkaVersion}"; use kraft`)
    }
    const hardware = cluster.hardware
    const profileName = typeof hardware === 'string' ? hardware : hardware?.profile
    if (profileName !== undefined && findProfile(profileName, input.profiles) === undefined) {
      const close = suggestNames(profileName, input.profiles.map((p) => p.name))
      const didYouMean = close.length > 0 ? `; did you mean ${close.map((c) => `"${c}"`).join(', ')}?` : ''
      add(typeof hardware === 'string' ? ['cluster', 'hardware'] : ['cluster', 'hardware', 'profile'], `no hardware profile named "${profileName}"${didYouMean} (list them with \`kafka-sizer hardware list\`)`)
    }
  }

  let defaultRfTooBig = false
  for (const {index, complete, spec} of input.topics) {
    const p = (...rest: Array<string | number>): Path => ['topics', index, ...rest]
    const r = spec.request
    const hasBytes = r.payloadBytesPerSec !== undefined
    const hasMessages = r.messagesPerSec !== undefined
    if (complete && !hasBytes && !hasMessages) {
      add(p(), `topic "${spec.name}" has no workload rate; give throughput (such as "20 MB/s"), or messageRate (such as "10k msg/s") with messageSize`)
    }
    if (hasBytes && hasMessages && r.messageSizeBytes !== undefined) {
      const implied = r.messagesPerSec! * (r.messageSizeBytes + (r.keySizeBytes ?? 0))
      const given = r.payloadBytesPerSec!
      if (Math.abs(implied - given) / given > RATE_TOLERANCE) {
        add(p('throughput'), `${fmt(given)} B/s disagrees with messageRate × (messageSize + keySize) = ${fmt(implied)} B/s; give throughput, or messageRate with messageSize, or all three within 5% of each other`)
      }
    }
    if (hasBytes && hasMessages && r.messageSizeBytes === undefined && r.payloadBytesPerSec! / r.messagesPerSec! - (r.keySizeBytes ?? 0) <= 0) {
      add(p('keySize'), `keys alone (${fmt(r.keySizeBytes ?? 0)} B) are at least throughput ÷ messageRate (${fmt(r.payloadBytesPerSec! / r.messagesPerSec!)} B per message)`)
    }
    if (r.peakFactor !== undefined && r.peakFactor < 1) {
      add(p('peakFactor'), `${r.peakFactor} is below 1; peakFactor is peak ÷ average, so 1 or more`)
    }

    const rf = r.replicationFactor
    if (r.minInsyncReplicas !== undefined && r.minInsyncReplicas > (rf ?? DEFAULT_RF)) {
      const limit = rf ?? DEFAULT_RF
      add(p('minInsyncReplicas'), `${r.minInsyncReplicas} is greater than ${rf === undefined ? 'the default replication factor' : 'replicationFactor'} ${limit}: acks=all writes would always fail (NotEnoughReplicas); use ${Math.max(1, limit - 1)} to keep writing with one replica down`)
    }
    const brokers = cluster?.brokers
    if (brokers !== undefined && brokers < (rf ?? DEFAULT_RF)) {
      if (rf !== undefined) {
        add(p('replicationFactor'), `${rf} replicas need ${rf} brokers, but cluster.brokers is ${brokers}${at(['cluster', 'brokers'])}; lower the replication factor or add brokers`)
      } else if (!defaultRfTooBig) {
        defaultRfTooBig = true
        add(['cluster', 'brokers'], `${brokers} broker(s) cannot host the ${DEFAULT_RF} replicas of topic "${spec.name}" (the default replication factor); use at least ${DEFAULT_RF} brokers, "auto", or set replicationFactor`)
      }
    }

    if (r.compressionRatio !== undefined && (r.compression === undefined || r.compression === 'none')) {
      add(p('compressionRatio'), 'is given without a codec; set compression (gzip, snappy, lz4 or zstd) with it')
    } else if (r.compressionRatio !== undefined && r.compressionRatio < 1) {
      add(p('compressionRatio'), `${r.compressionRatio} would make the data grow; the ratio is original ÷ compressed size, 1 or more`)
    }
    if (r.distinctKeys !== undefined && (r.cleanupPolicy === undefined || r.cleanupPolicy === 'delete') && r.profile !== 'event-sourcing') {
      add(p('distinctKeys'), 'only applies to compacted topics; set cleanupPolicy: compact (or compact,delete) with it')
    }
    if (r.localRetentionMs !== undefined && r.retentionMs !== undefined && r.localRetentionMs > r.retentionMs) {
      add(p('localRetention'), `${duration(r.localRetentionMs)} is longer than retention (${duration(r.retentionMs)}); tiered storage keeps the local window on disk and the full retention remotely`)
    }

    // Consumer groups: unique names; a replay cannot re-read data older than the retention.
    const retentionMs = r.retentionMs ?? (r.profile === 'event-sourcing' ? Number.POSITIVE_INFINITY : 7 * DAY_MS)
    const groupNames = new Map<string, number>()
    spec.consumerGroups.forEach((g, j) => {
      const before = groupNames.get(g.name)
      if (before === undefined) groupNames.set(g.name, j)
      else add(p('consumerGroups', j, 'name'), `"${g.name}" is already the name of consumerGroups[${before}]${at(p('consumerGroups', before, 'name'))}`)
      if (g.readPattern.kind === 'replay' && g.readPattern.windowMs > retentionMs) {
        add(p('consumerGroups', j, 'readPattern', 'replay', 'window'), `${duration(g.readPattern.windowMs)} is longer than the topic's retention (${duration(retentionMs)}${r.retentionMs === undefined ? ', the default' : ''}); a replay can only re-read retained data`)
      }
    })
    if (spec.consumerGroups.length > 0 && r.laggingGroups !== undefined && r.laggingGroups > spec.consumerGroups.length) {
      add(p('consumerGroups'), `${r.laggingGroups} lagging groups is more than the ${spec.consumerGroups.length} group(s)`)
    }
  }
  return problems
}
