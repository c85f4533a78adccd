// The cluster plan file format (version 1) as one zod definition. It both validates a file (quantities
// parsed to base units by the units module, inside the schema) and generates the JSON Schema that editors
// use (planFileJsonSchema, committed as templates/kafka-sizer-plan.schema.json).
//
// Quantities are written as in the flags ("20 MB/s", "7d", "1 KiB"). A YAML number is read as the same
// text without a unit: bytes for sizes, milliseconds for durations; a rate or bandwidth needs a unit.
import {z} from 'zod'
import {InputError} from '../lib/errors.js'
import {CLEANUP_POLICIES, CODECS, PROFILE_NAMES} from '../model/types.js'
import {parseCount, parseFraction, parseGrowth, parsePositiveNumber} from '../units/plain-numbers.js'
import type {QuantityParser, Rate} from '../units/quantity.js'
import {didYouMean} from './suggest.js'

export const PLAN_FILE_VERSION = 1
export const FAILURE_POLICIES = ['none', 'survive-one-broker', 'survive-one-az'] as const
export const METADATA_MODES = ['kraft', 'zookeeper'] as const
export const READ_PATTERNS = ['tail', 'lagging'] as const
/** Kafka's topic name rule (Topic.validate): 1–249 of [a-zA-Z0-9._-], not "." or "..". */
export const TOPIC_NAME = /^[a-zA-Z0-9._-]{1,249}$/

/** Placeholder for the location in units-module errors; the reader puts file:line:col and the path there. */
const HERE = '\u0000here'

/** A value as it appears in a message: "50 MB" quoted, numbers and booleans as written, a map as "a mapping". */
export function show(value: unknown): string {
  if (value === undefined) return 'nothing'
  if (value === null) return 'null (an empty value)'
  if (typeof value === 'string') return JSON.stringify(value)
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'a mapping'
  return String(value)
}

/** The units module's message without its location prefix. */
function problemOf(error: InputError): string {
  return error.message.startsWith(`${HERE}: `) ? error.message.slice(HERE.length + 2) : error.message
}

type Parse<T> = (text: string, where: string) => T

/**
 * A value written as text or a YAML number, parsed by `parse` (a units-module function that throws
 * InputError). `expected` describes it for a wrong type and in the JSON Schema.
 */
function parsed<T>(expected: string, description: string, parse: () => Parse<T>) {
  return z
    .union([z.string(), z.number()], {error: (issue) => `expected ${expected}, not ${show(issue.input)}`})
    .transform((value, ctx): T => {
      try {
        return parse()(String(value), HERE)
      } catch (error) {
        if (!(error instanceof InputError)) throw error
        ctx.issues.push({code: 'custom', message: problemOf(error), input: value})
        return z.NEVER
      }
    })
    .meta({description})
}

/** One of fixed strings, with the valid ones and the closest one in the message. */
function choice<const T extends readonly [string, ...string[]]>(values: T, description: string) {
  return z
    .enum(values, {
      error: (issue) =>
        `${show(issue.input)} is not one of ${values.map((v) => `"${v}"`).join(', ')}${typeof issue.input === 'string' ? didYouMean(issue.input, values) : ''}`,
    })
    .meta({description})
}

function bool(description: string) {
  return z.boolean({error: (issue) => `expected true or false, not ${show(issue.input)}`}).meta({description})
}

function text(description: string, what = 'a text') {
  return z
    .string({error: (issue) => `expected ${what}, not ${show(issue.input)}${typeof issue.input === 'number' ? ' (quote it)' : ''}`})
    .min(1, {error: 'must not be empty'})
    .meta({description})
}

function usd(description: string) {
  return z
    .number({error: (issue) => `expected an amount in US dollars such as 0.84, not ${show(issue.input)}`})
    .min(0, {error: (issue) => `${show(issue.input)} is negative; expected a price of 0 or more USD`})
    .meta({description})
}

/** "Capacity of ONE disk." + "a size: …" → "Capacity of ONE disk. A size: …." */
function describe(description: string, units: string): string {
  return `${description} ${units[0]!.toUpperCase()}${units.slice(1)}.`
}

const UNITS = {
  size: 'a size: "1 KiB", "512 B", "2 TB" (MB = 10^6 B, MiB = 2^20 B) or a whole number of bytes',
  rate: 'a rate: bytes ("20 MB/s", "400 Mbit/s", "4 TB/day") or messages ("10k msg/s", "500M/day", "5000/s")',
  messageRate: 'a message rate: "10k msg/s", "2.5M/day", "5000/s"',
  byteRate: 'a byte rate: "10 MB/s", "250 MiB/s", "400 Mbit/s"',
  duration: 'a duration: "7d", "36h", "90 days", "1h30m", or milliseconds as a number',
  bandwidth: 'a bandwidth, each direction: "10 Gbit/s", "25Gbps", "1.25 GB/s"',
  count: 'a whole number: 12, or with a suffix "100k", "5M"',
  fraction: 'a fraction or a percentage: 0.8, "80%"',
  positive: 'a positive number: 2, 0.5',
  growth: 'a growth rate: "2x/year", "50%/year", "10%/month", "flat"; a number is a factor per year',
} as const

/**
 * The schema of a plan file. With a quantity parser (loadQuantityParser) it parses quantities to base
 * units; without one it serves only for the JSON Schema (parsing then throws).
 */
export function planFileSchema(units?: QuantityParser) {
  return build(units).root
}

function build(units?: QuantityParser) {
  const u = (): QuantityParser => {
    if (units === undefined) throw new Error('planFileSchema(): a quantity parser is needed to parse a file')
    return units
  }
  const size = (description: string) => parsed(UNITS.size, describe(description, UNITS.size), () => u().size)
  const byteRate = (description: string) => parsed(UNITS.byteRate, describe(description, UNITS.byteRate), () => u().byteRate)
  const bandwidth = (description: string) => parsed(UNITS.bandwidth, describe(description, UNITS.bandwidth), () => u().bandwidth)
  /** A duration in ms; only retention may be infinite ("-1", "infinite"). */
  const duration = (description: string, options: {allowZero?: boolean; infinite?: boolean} = {}) =>
    parsed(UNITS.duration, describe(description, UNITS.duration), () => (t, w) => {
      const ms = u().duration(t, w, {allowZero: options.allowZero})
      if (ms === Number.POSITIVE_INFINITY && !options.infinite) throw new InputError(w, `${JSON.stringify(t)} is infinite here`, 'a finite duration such as "7d"')
      return ms
    })
  const rate = (description: string) => parsed(UNITS.rate, describe(description, UNITS.rate), () => u().rate)
  const messageRate = (description: string) =>
    parsed<Rate>(UNITS.messageRate, describe(description, UNITS.messageRate), () => (t, w) => {
      const r = u().rate(t, w)
      if (r.kind === 'bytes') throw new InputError(w, `${JSON.stringify(t)} is a data rate, not a message rate (give a byte rate as throughput)`, UNITS.messageRate)
      return r
    })
  const count = (description: string) => parsed(UNITS.count, describe(description, UNITS.count), () => parseCount)
  const fraction = (description: string) => parsed(UNITS.fraction, describe(description, UNITS.fraction), () => parseFraction)
  const positive = (description: string) => parsed(UNITS.positive, describe(description, UNITS.positive), () => parsePositiveNumber)
  const growth = (description: string) =>
    parsed(UNITS.growth, describe(description, UNITS.growth), () => (t, w) => parseGrowth(/^\s*[\d.]+\s*$/.test(t) ? `${t}x/year` : t, w))

  const readPattern = z
    .union(
      [
        z.enum(READ_PATTERNS),
        z.strictObject({
          replay: z
            .strictObject({
              window: duration('How far back each replay starts (the data it re-reads).'),
              speed: positive('Replay read rate as a multiple of the produce rate.'),
              every: duration('How often a replay runs.'),
            })
            .meta({description: 'A periodic re-read from disk of `window` of data at `speed` × the produce rate, every `every`.'}),
        }),
      ],
      {
        error: (issue) =>
          `${show(issue.input)} is not a read pattern; expected "tail", "lagging" or {replay: {window, speed, every}}${typeof issue.input === 'string' ? didYouMean(issue.input, READ_PATTERNS) : ''}`,
      },
    )
    .default('tail')
    .meta({description: 'How the group reads: "tail" (recent data, from the page cache; default), "lagging" (behind, from disk), or {replay: {window: 6h, speed: 3, every: 1d}}.'})

  const consumerGroup = z
    .strictObject({
      name: text('Consumer group id (group.id).', 'a group name'),
      instances: count('Consumer instances in the group; partitions are at least the largest group.'),
      rate: rate("One instance's processing rate, bytes or messages per second; partitions ≥ throughput ÷ rate. Optional."),
      readPattern,
    })
    .partial({rate: true})
    .meta({description: 'One consumer group reading the topic.'})

  const acks = z
    .union([z.enum(['all', '1', '0', '-1']), z.literal([1, 0, -1])], {
      error: (issue) => `${show(issue.input)} is not a producer acks setting; expected "all", 1 or 0`,
    })
    .transform((v) => (String(v) === '-1' ? 'all' : (String(v) as 'all' | '1' | '0')))
    .meta({description: 'Producer acks: all (= -1), 1 or 0. Default from the profile (durable: all).'})

  const topic = z
    .strictObject({
      name: text('Topic name: 1–249 of a-z A-Z 0-9 . _ - (Kafka\'s rule), not "." or "..".', 'a topic name')
        .regex(TOPIC_NAME, {error: (issue) => `${show(issue.input)} is not a valid Kafka topic name; use 1–249 of a-z A-Z 0-9 . _ -`})
        .refine((name) => name !== '.' && name !== '..', {error: (issue) => `${show(issue.input)} is not a valid Kafka topic name ("." and ".." are reserved)`}),
      throughput: rate('Average producer payload rate (key + value, before compression). Give this or messageRate.'),
      messageRate: messageRate('Average message rate; with messageSize it gives the throughput.'),
      messageSize: size('Average value size. Default 1 KiB.'),
      keySize: size('Average key size; makes the topic keyed. Default: null key (unkeyed).'),
      keySkew: fraction('Share of traffic carried by the hottest key. Makes the topic keyed.'),
      peakFactor: positive('Peak ÷ average rate (at least 1). Throughput bounds use the peak, storage the average. Default 1.'),
      compression: choice(CODECS as unknown as ['none', ...string[]], 'Producer compression.type. Default none.'),
      compressionRatio: positive('Original ÷ compressed size with that codec (1 or more). Default: unknown, no shrink assumed.'),
      retention: duration('retention.ms; "-1" or "infinite" keeps everything. Default 7d (infinite for event-sourcing).', {infinite: true}),
      retentionBytes: size('retention.bytes, PER PARTITION as in Kafka. Default: no size limit.'),
      localRetention: duration('Tiered storage local.retention.ms: local disks keep this much, object storage the full retention.'),
      cleanupPolicy: choice(CLEANUP_POLICIES as unknown as ['delete', ...string[]], 'cleanup.policy. Default delete (compact for event-sourcing).'),
      distinctKeys: count('Live keys of a compacted topic (sizes its storage).'),
      replicationFactor: count('Replicas per partition. Default 3.'),
      minInsyncReplicas: count('min.insync.replicas. Default 2 with RF 3 (RF − 1, at most the profile\'s).'),
      partitions: count('A fixed partition count instead of sizing it.'),
      profile: choice(PROFILE_NAMES as unknown as ['durable', ...string[]], 'Configuration goal: durable (default), throughput, low-latency, exactly-once, event-sourcing.'),
      growth: growth('Traffic growth; partitions are sized for the horizon. Default flat.'),
      horizon: duration('Growth horizon partitions must cover. Default 2 years.'),
      producers: count('Producer instances sharing the traffic. Default 1.'),
      batchSize: size('Producer batch.size. Default from the profile (durable: 64 KiB).'),
      linger: duration('Producer linger.ms (0 allowed). Default from the profile (durable: 5 ms).', {allowZero: true}),
      acks,
      partitionThroughput: byteRate('Planning throughput of one partition. Default 10 MB/s.'),
      segmentBytes: size('segment.bytes. Default 1 GiB.'),
      maxMessageBytes: size('max.message.bytes. Default 1,048,588 B.'),
      consumerOutage: duration('Consumer outage the topic must survive without losing data. Default 1 d.'),
      consumerGroups: z
        .array(consumerGroup, {error: (issue) => `expected a list of consumer groups, not ${show(issue.input)}`})
        .meta({description: 'The consumer groups reading the topic. Default: one group of one instance reading the tail.'}),
    })
    .partial()
    .required({name: true})
    .meta({description: 'One topic: its workload, its configs and its consumers.'})

  const hardwareFigures = z
    .strictObject({
      profile: text('A catalogue profile the figures below override (`kafka-sizer hardware list`).', 'a hardware profile name'),
      diskThroughput: byteRate('Sequential write throughput of ONE disk.'),
      diskSize: size('Capacity of ONE disk.'),
      disks: count('Disks per broker (JBOD).'),
      network: bandwidth('NIC bandwidth each way (baseline, not burst).'),
      cores: count('vCPUs per broker.'),
      memory: size('RAM per broker.'),
      maxPartitionsPerBroker: count('Ceiling of partition replicas per broker.'),
    })
    .partial()

  const hardware = z
    .union([text('A hardware catalogue profile name.', 'a hardware profile name'), hardwareFigures], {
      error: (issue) => `expected a hardware profile name or a mapping of figures (diskThroughput, diskSize, disks, network, cores, memory, maxPartitionsPerBroker), not ${show(issue.input)}`,
    })
    .meta({
      description:
        'Broker hardware: a catalogue profile name (`kafka-sizer hardware list`, e.g. "msk-kafka.m5.2xlarge"), or a mapping of figures (per broker; disk figures per disk), optionally on top of `profile: NAME`. Unstated figures: the default broker (250 MiB/s and 2 TB per disk, 1 disk, 2.5 Gbit/s, 8 vCPU, 32 GiB).',
    })

  const brokers = z
    .union([z.literal('auto'), z.number(), z.string()], {error: (issue) => `expected "auto" or a broker count, not ${show(issue.input)}`})
    .transform((value, ctx): number | undefined => {
      if (value === 'auto') return undefined
      if (typeof value === 'string' && /^[a-z]/i.test(value.trim())) {
        ctx.issues.push({code: 'custom', message: `${show(value)} is neither "auto" nor a broker count${didYouMean(value, ['auto'])}`, input: value})
        return z.NEVER
      }
      try {
        return parseCount(String(value), HERE)
      } catch (error) {
        if (!(error instanceof InputError)) throw error
        ctx.issues.push({code: 'custom', message: `${problemOf(error).replace(/\.$/, '')}, or "auto" to size it.`, input: value})
        return z.NEVER
      }
    })
    .meta({description: 'Broker count: "auto" (default) sizes it; a number fixes it.'})

  const prices = z
    .strictObject({
      brokerUsdPerHour: usd('On-demand price of one broker, USD per hour.'),
      storageUsdPerGbMonth: usd('Block storage price, USD per GB-month (GB = 10^9 B), on the provisioned disk.'),
      transferUsdPerGb: usd(
        "USD per GB (10^9 B) crossing zones; replaces the hardware profile's. Default with azs ≥ 2: the profile's price (EC2, MSK 0.02; GCP 0.0093; Azure 0), AWS's 0.02 without a profile, unpriced for a profile without one (Confluent, generic).",
      ),
      remoteStorageUsdPerGbMonth: usd('Object storage (tiered) price, USD per GB-month.'),
    })
    .partial()
    .meta({description: 'Prices for the monthly cost; components without a price are reported as unpriced.'})

  const cluster = z
    .strictObject({
      name: text('Cluster name, for messages and emitted artefacts.', 'a cluster name'),
      hardware,
      brokers: brokers.optional(),
      azs: count('Availability zones (racks); brokers are a multiple. Default 1.'),
      kafkaVersion: text('Kafka version, quoted: "3.7" (YAML reads an unquoted 3.10 as the number 3.1).', 'a quoted version such as "3.7"').regex(/^\d+\.\d+(?:\.\d+)?$/, {
        error: (issue) => `${show(issue.input)} is not a Kafka version such as "3.7" or "3.9.1"`,
      }),
      metadata: choice(METADATA_MODES, 'Metadata quorum: kraft (default) or zookeeper (removed in Kafka 4.0).').default('kraft'),
      targetUtilization: fraction('Highest planned use of each throughput resource. Default 80%.'),
      maxDiskFill: fraction('Highest planned disk fill. Default 70%.'),
      failurePolicy: choice(FAILURE_POLICIES, 'What the cluster must survive within its limits: none, survive-one-broker (default), survive-one-az (needs azs ≥ 2).').default(
        'survive-one-broker',
      ),
      fetchFromFollower: bool('Consumers read from a replica in their own zone (KIP-392 client.rack): less cross-AZ traffic. Default false.'),
      prices,
    })
    .partial({name: true, hardware: true, azs: true, kafkaVersion: true, targetUtilization: true, maxDiskFill: true, fetchFromFollower: true, prices: true})
    .meta({description: 'The cluster the topics share: hardware, broker count, zones, failure policy, prices.'})

  const root = z
    .strictObject({
      $schema: z.string({error: (issue) => `expected the path or URL of the JSON Schema, not ${show(issue.input)}`}).optional().meta({
        description: 'The JSON Schema of this file (templates/kafka-sizer-plan.schema.json), for editors; kafka-sizer ignores it.',
      }),
      version: z
        .literal(PLAN_FILE_VERSION, {
          error: (issue) =>
            issue.input === undefined
              ? `missing; add "version: ${PLAN_FILE_VERSION}" at the top of the file`
              : issue.input === String(PLAN_FILE_VERSION)
                ? `write it as the number ${PLAN_FILE_VERSION}, without quotes`
                : `${show(issue.input)} is not supported: this kafka-sizer reads plan files of version ${PLAN_FILE_VERSION}`,
        })
        .meta({description: 'Plan file format version: 1.'}),
      cluster: cluster.prefault({}),
      topics: z
        .array(topic, {error: (issue) => (issue.input === undefined ? 'missing; list the topics under "topics:"' : `expected a list of topics, not ${show(issue.input)}`)})
        .min(1, {error: 'is empty; list at least one topic'}),
    })
    .meta({
      title: 'kafka-sizer cluster plan',
      description:
        'A Kafka cluster and its topics, for kafka-sizer (version 1). Quantities are text with units, as on the command line: sizes "1 KiB" (MB = 10^6 B, MiB = 2^20 B), rates "20 MB/s" or "10k msg/s", durations "7d"; a bare number is bytes for a size and milliseconds for a duration.',
    })
  return {root, cluster, topic}
}

export type PlanFileSchema = ReturnType<typeof planFileSchema>
export type ParsedPlanFile = z.output<PlanFileSchema>
export type ParsedTopic = ParsedPlanFile['topics'][number]
export type ParsedCluster = ParsedPlanFile['cluster']

/**
 * The fields of the cluster and topic mappings, each parsed on its own: for a file with problems, the
 * reader keeps the valid fields to run the cross-field checks on them too.
 */
export function planFileParts(units: QuantityParser): {cluster: Record<string, z.ZodType>; topic: Record<string, z.ZodType>} {
  const {cluster, topic} = build(units)
  return {cluster: cluster.shape, topic: topic.shape}
}

/** The JSON Schema of plan files (draft 2020-12), generated from the zod definition: what editors validate against. */
export function planFileJsonSchema(): object {
  return z.toJSONSchema(planFileSchema(), {io: 'input', target: 'draft-2020-12'})
}

type Def = {type: string; innerType?: unknown; in?: unknown; options?: unknown[]; element?: unknown; shape?: Record<string, unknown>}
const defOf = (schema: unknown): Def => (schema as {_zod: {def: Def}})._zod.def

/** The keys of the mapping(s) the schema allows at `path` (for "did you mean" on an unknown key). */
export function knownKeysAt(schema: unknown, path: ReadonlyArray<PropertyKey>): string[] {
  const keys = new Set<string>()
  const visit = (node: unknown, rest: ReadonlyArray<PropertyKey>): void => {
    const def = defOf(node)
    switch (def.type) {
      case 'optional':
      case 'default':
      case 'nullable':
      case 'prefault':
        return visit(def.innerType, rest)
      case 'pipe':
        return visit(def.in, rest)
      case 'union':
        for (const option of def.options ?? []) visit(option, rest)
        return
      case 'array':
        if (rest.length > 0 && typeof rest[0] === 'number') visit(def.element, rest.slice(1))
        return
      case 'object': {
        const shape = def.shape ?? {}
        if (rest.length === 0) for (const k of Object.keys(shape)) keys.add(k)
        else if (typeof rest[0] === 'string' && rest[0] in shape) visit(shape[rest[0]], rest.slice(1))
        return
      }
      default:
        return
    }
  }
  visit(schema, path)
  return [...keys]
}
