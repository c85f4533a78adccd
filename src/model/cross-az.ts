// Bytes that cross availability zones (sizing-model §2.9): producers and consumers are spread evenly over
// the zones; replicas are placed rack-aware (one per zone while RF ≤ zones). Priced per GB crossing.

export interface CrossAzInput {
  /** Produce rate as sent and stored (compressed, with batch overhead), bytes/s. */
  storedBytesPerSec: number
  replicationFactor: number
  consumerGroups: number
  azs: number
  /** Consumers fetch from a replica in their own zone (KIP-392, client.rack) where one exists. */
  fetchFromFollower: boolean
}

export interface CrossAzTraffic {
  produceBytesPerSec: number
  replicationBytesPerSec: number
  consumeBytesPerSec: number
  totalBytesPerSec: number
  /** Decimal GB (10^9 B) crossing zones per day. */
  gbPerDay: number
}

/** Decimal GB (10^9 B) a day at an average rate in bytes/s. */
export function gbPerDay(bytesPerSec: number): number {
  return (bytesPerSec * 86_400) / 1e9
}

export function crossAzTraffic(x: CrossAzInput): CrossAzTraffic {
  const z = Math.max(1, x.azs)
  const w = x.storedBytesPerSec
  const elsewhere = (z - 1) / z
  // The leader's zone holds ceil(RF / zones) of the replicas (one while RF ≤ zones); every other copy crosses.
  const replicasInLeaderZone = Math.ceil(x.replicationFactor / z)
  const replication = z > 1 ? Math.max(0, x.replicationFactor - replicasInLeaderZone) * w : 0
  // Fetch-from-follower: a consumer crosses only if its zone holds no replica of the partition.
  const zonesWithReplica = Math.min(x.replicationFactor, z)
  const consumeShare = x.fetchFromFollower ? (z - zonesWithReplica) / z : elsewhere
  const produce = elsewhere * w
  const consume = consumeShare * x.consumerGroups * w
  const total = produce + replication + consume
  return {produceBytesPerSec: produce, replicationBytesPerSec: replication, consumeBytesPerSec: consume, totalBytesPerSec: total, gbPerDay: gbPerDay(total)}
}
