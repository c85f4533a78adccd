// Hot keys (sizing-model §5): one key's traffic lands on one partition.

export interface HotKeyInput {
  /** Share (0..1] of the traffic carried by the hottest key. */
  keySkew: number
  peakPayloadBytesPerSec: number
  partitions: number
  partitionThroughputBytesPerSec: number
}

export interface HotKeyResult {
  keySkew: number
  /** Payload bytes/s of the hottest key alone. */
  hottestKeyBytesPerSec: number
  /** The hottest partition: the hot key plus its even share of the other keys. */
  hottestPartitionBytesPerSec: number
  /** Hottest partition ÷ the mean partition. */
  imbalance: number
  /** Hottest partition ÷ per-partition capacity p. */
  partitionUtilization: number
  overloaded: boolean
  /** Partitions to salt the hot key over so each piece fits within p: ceil(s·T ÷ p); 1 = no salting needed. */
  saltingFactor: number
}

export function hotKeyLoad(input: HotKeyInput): HotKeyResult {
  const {keySkew: s, peakPayloadBytesPerSec: t, partitions: n, partitionThroughputBytesPerSec: p} = input
  const hottestKey = s * t
  const hottestPartition = hottestKey + ((1 - s) * t) / n
  const mean = t / n
  const overloaded = hottestPartition > p
  return {
    keySkew: s,
    hottestKeyBytesPerSec: hottestKey,
    hottestPartitionBytesPerSec: hottestPartition,
    imbalance: mean > 0 ? hottestPartition / mean : 1,
    partitionUtilization: hottestPartition / p,
    overloaded,
    saltingFactor: overloaded ? Math.max(2, Math.ceil(hottestKey / p - 1e-9)) : 1,
  }
}
