// The hardware catalogue: named broker shapes (and managed-service capacity units) whose figures feed the
// model's Hardware. Every figure carries its source; a figure nobody published says so in its source.
import type {Hardware} from '../model/types.js'

/** The model's hardware figures, in base units: bytes, bytes/s, bits/s (network), counts. */
export type HardwareFigures = Omit<Hardware, 'name'>

export const HARDWARE_FIELDS = [
  'diskThroughputBytesPerSec',
  'diskSizeBytes',
  'disks',
  'networkBitsPerSec',
  'cores',
  'memoryBytes',
  'maxPartitionReplicas',
] as const satisfies ReadonlyArray<keyof HardwareFigures>

export type HardwareField = (typeof HARDWARE_FIELDS)[number]

/** Human labels, as the assumptions block and `hardware show` print them. */
export const HARDWARE_LABELS: Record<HardwareField, string> = {
  diskThroughputBytesPerSec: 'disk throughput (per disk)',
  diskSizeBytes: 'disk size (per disk)',
  disks: 'disks per broker',
  networkBitsPerSec: 'network (each direction)',
  cores: 'cores (vCPU)',
  memoryBytes: 'memory',
  maxPartitionReplicas: 'partition replicas per broker (limit)',
}

/**
 * 'broker': one machine the model counts as a broker. 'capacity-target': a managed-service capacity unit
 * (an MSK Express broker's quota, a Confluent CKU) whose published client limits are mapped onto broker
 * figures; the model counts units instead of machines.
 */
export type ProfileKind = 'broker' | 'capacity-target'

/**
 * A capacity unit's disk and NIC are the vendor's business: its published client quotas (`limits`) bind in
 * the model (the client-ingress and client-egress bounds). Its nominal disk and network figures are this
 * many times what the quotas need at RF 3, so they never bind first at any target utilisation ≥ 25 %.
 */
export const NOMINAL_OVER_QUOTA = 4
export const PROFILE_KINDS: readonly ProfileKind[] = ['broker', 'capacity-target']

/** Limits a vendor publishes per unit in client terms (before replication), shown next to the figures. */
export interface PublishedLimits {
  /** Producer (client) ingress per unit, bytes/s. */
  ingressBytesPerSec?: number
  /** Consumer (client) egress per unit, bytes/s. */
  egressBytesPerSec?: number
  /** Partitions per unit as the vendor counts them (see the source for whether replicas are included). */
  partitions?: number
}

export interface HardwareProfile {
  /** Kebab-case, lower case: "msk-kafka.m5.2xlarge". */
  name: string
  /** "aws-msk", "aws-ec2", "gcp", "azure", "confluent", "generic", or a user's own. */
  vendor: string
  kind: ProfileKind
  description: string
  hardware: HardwareFigures
  limits?: PublishedLimits
  /** On-demand USD per hour, only when read from the vendor's price page (never estimated). */
  priceUsdPerHour?: number
  /** YYYY-MM-DD the price was read. */
  priceDate?: string
  priceRegion?: string
  storagePriceUsdPerGbMonth?: number
  /**
   * USD per 10^9-byte GB crossing a zone boundary of one region, as the vendor bills it (AWS: both sides,
   * $0.01 out + $0.01 in; GCP: the sending side only, per GiB, converted). Absent: unknown, and a plan with
   * --azs ≥ 2 lists cross-AZ transfer as unpriced rather than borrowing another vendor's rate.
   */
  transferUsdPerGb?: number
  /**
   * false: the vendor bills no data transfer for replication between the brokers of a cluster (Amazon MSK),
   * so the cost prices only the clients' bytes crossing zones. Absent or true: replication crossing zones is
   * billed like any other traffic (self-managed brokers on EC2 or GCP). Needs a source when given.
   */
  replicationTransferBilled?: boolean
  /** Caveats that matter for sizing with this profile. */
  notes?: string[]
  /**
   * The source of every figure, keyed by field: the HARDWARE_FIELDS, "limits.<field>" for each published
   * limit, "priceUsdPerHour", "storagePriceUsdPerGbMonth", "transferUsdPerGb" and "replicationTransferBilled"
   * when those are given.
   */
  sources: Record<string, string>
  /** "built-in", or the path of the user catalogue the profile came from. */
  catalogue: string
}

/** Every source key a profile must fill, given the optional figures it has. */
export function requiredSourceKeys(
  profile: Pick<HardwareProfile, 'limits' | 'priceUsdPerHour' | 'storagePriceUsdPerGbMonth' | 'transferUsdPerGb' | 'replicationTransferBilled'>,
): string[] {
  const keys: string[] = [...HARDWARE_FIELDS]
  for (const [key, value] of Object.entries(profile.limits ?? {})) if (value !== undefined) keys.push(`limits.${key}`)
  if (profile.priceUsdPerHour !== undefined) keys.push('priceUsdPerHour')
  if (profile.storagePriceUsdPerGbMonth !== undefined) keys.push('storagePriceUsdPerGbMonth')
  if (profile.transferUsdPerGb !== undefined) keys.push('transferUsdPerGb')
  if (profile.replicationTransferBilled !== undefined) keys.push('replicationTransferBilled')
  return keys
}

/** A profile as the built-in catalogue files define it (the index adds `catalogue: 'built-in'`). */
export type CatalogueEntry = Omit<HardwareProfile, 'catalogue'>
