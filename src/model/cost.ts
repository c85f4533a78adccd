// Monthly cost of a plan: brokers, provisioned storage, cross-AZ transfer, tiered (remote) storage.
// Prices are inputs (flags or a catalogue entry); a component whose price is unknown is listed, not guessed.

/** Billing hours in a month, as AWS prices monthly estimates (730 = 24 × 365 ÷ 12). */
export const HOURS_PER_MONTH = 730
export const DAYS_PER_MONTH = 365 / 12
/** AWS charges $0.01/GB in each direction between AZs of a region: $0.02 per GB crossing (sizing-model §2.9). */
export const AWS_CROSS_AZ_USD_PER_GB = 0.02

export interface Prices {
  brokerUsdPerHour?: number
  storageUsdPerGbMonth?: number
  transferUsdPerGb?: number
  remoteStorageUsdPerGbMonth?: number
}

export interface CostInput {
  brokers: number
  /** Disk provisioned across the cluster, bytes. */
  provisionedStorageBytes: number
  crossAzGbPerDay: number
  /** Tiered storage: bytes kept in object storage. */
  remoteBytes?: number
  prices: Prices
}

export interface Cost {
  monthlyUsd: number
  brokersUsd: number | null
  storageUsd: number | null
  transferUsd: number | null
  remoteStorageUsd: number | null
  /** Components left out because their price is unknown. */
  unpriced: string[]
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
  const transferUsd = part('cross-AZ transfer', p.transferUsdPerGb, c.crossAzGbPerDay * DAYS_PER_MONTH)
  const remoteStorageUsd = part('remote storage', p.remoteStorageUsdPerGbMonth, (c.remoteBytes ?? 0) / 1e9)
  const monthlyUsd = [brokersUsd, storageUsd, transferUsd, remoteStorageUsd].reduce<number>((a, b) => a + (b ?? 0), 0)
  return {monthlyUsd, brokersUsd, storageUsd, transferUsd, remoteStorageUsd, unpriced}
}
