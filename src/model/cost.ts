// Monthly cost of a plan: brokers, provisioned storage, cross-AZ transfer, tiered (remote) storage.
// Prices are inputs (flags or a catalogue entry); a component whose price is unknown is listed, not guessed.

/** Billing hours in a month, as AWS prices monthly estimates (730 = 24 × 365 ÷ 12). */
export const HOURS_PER_MONTH = 730
export const DAYS_PER_MONTH = 365 / 12
/** AWS charges $0.01/GB in each direction between AZs of a region: $0.02 per GB crossing (sizing-model §2.9). */
export const AWS_CROSS_AZ_USD_PER_GB = 0.02
/** Where AWS_CROSS_AZ_USD_PER_GB comes from: the default for plain figures, and the EC2 and MSK profiles' source. */
export const AWS_CROSS_AZ_SOURCE = 'AWS EC2 data transfer: $0.01/GB in each direction between AZs of a region (sizing-model §2.9)'

export interface Prices {
  brokerUsdPerHour?: number
  storageUsdPerGbMonth?: number
  /** USD per 10^9-byte GB crossing a zone boundary, whichever side(s) of the crossing the vendor bills. */
  transferUsdPerGb?: number
  remoteStorageUsdPerGbMonth?: number
  /**
   * false: the vendor bills no transfer for replication between the brokers of a cluster (Amazon MSK), so
   * only the clients' bytes crossing zones are priced. Absent or true: every byte crossing zones is billed.
   */
  replicationTransferBilled?: boolean
}

export interface CostInput {
  brokers: number
  /** Disk provisioned across the cluster, bytes. */
  provisionedStorageBytes: number
  /** Decimal GB crossing zones per day on every path: produce, replication and consume. */
  crossAzGbPerDay: number
  /** The replication part of crossAzGbPerDay (follower fetches from leaders in other zones). */
  replicationGbPerDay: number
  /** Tiered storage: bytes kept in object storage. */
  remoteBytes?: number
  prices: Prices
}

export interface Cost {
  monthlyUsd: number
  brokersUsd: number | null
  storageUsd: number | null
  /** Cross-AZ transfer as billed: replication is left out when replicationTransferBilled is false. */
  transferUsd: number | null
  remoteStorageUsd: number | null
  /** Components left out because their price is unknown. */
  unpriced: string[]
  /** Whether the replication bytes crossing zones are in transferUsd (false: the vendor does not bill them). */
  replicationTransferBilled: boolean
  /**
   * What the replication bytes crossing zones would cost at the transfer price, left out of transferUsd
   * because the vendor does not bill them: 0 when they are billed, null when transfer has no price.
   */
  unbilledReplicationTransferUsd: number | null
}

/** Decimal GB a day billed as cross-AZ transfer: every path, less replication where the vendor does not bill it. */
export function billedCrossAzGbPerDay(c: Pick<CostInput, 'crossAzGbPerDay' | 'replicationGbPerDay'>, prices: Prices): number {
  return prices.replicationTransferBilled === false ? c.crossAzGbPerDay - c.replicationGbPerDay : c.crossAzGbPerDay
}

export function monthlyCost(c: CostInput): Cost {
  const p = c.prices
  const unpriced: string[] = []
  const part = (name: string, price: number | undefined, amount: number): number | null => {
    if (amount === 0) return 0
    if (price === undefined) {
      unpriced.push(name)
      return null
    }
    return price * amount
  }
  const brokersUsd = part('brokers', p.brokerUsdPerHour, c.brokers * HOURS_PER_MONTH)
  const storageUsd = part('storage', p.storageUsdPerGbMonth, c.provisionedStorageBytes / 1e9)
  const transferUsd = part('cross-AZ transfer', p.transferUsdPerGb, billedCrossAzGbPerDay(c, p) * DAYS_PER_MONTH)
  const remoteStorageUsd = part('remote storage', p.remoteStorageUsdPerGbMonth, (c.remoteBytes ?? 0) / 1e9)
  const monthlyUsd = [brokersUsd, storageUsd, transferUsd, remoteStorageUsd].reduce<number>((a, b) => a + (b ?? 0), 0)
  const replicationTransferBilled = p.replicationTransferBilled !== false
  const unbilledGbPerMonth = replicationTransferBilled ? 0 : c.replicationGbPerDay * DAYS_PER_MONTH
  const unbilledReplicationTransferUsd = unbilledGbPerMonth === 0 ? 0 : p.transferUsdPerGb === undefined ? null : p.transferUsdPerGb * unbilledGbPerMonth
  return {monthlyUsd, brokersUsd, storageUsd, transferUsd, remoteStorageUsd, unpriced, replicationTransferBilled, unbilledReplicationTransferUsd}
}
