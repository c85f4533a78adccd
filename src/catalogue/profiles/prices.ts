// Shared pieces of the built-in prices: the date a stored copy was read when the copy carries no date of its
// own, and the conversion of per-GiB prices (storage, transfer) into the model's per-GB (10^9 B) ones.
import {GiB} from '../../model/constants.js'

/**
 * The date the undated stored copies of price pages and price lists were read for the built-in catalogue.
 * A source that carries its own date (a generated price list, say) says so in its source string.
 */
export const PRICES_READ_ON = '2026-11-22'

/**
 * The model prices storage per GB of 10^9 bytes (src/model/cost.ts). AWS and Google bill a "GB-month" of
 * 2^30 bytes, so a published $x per GB-month is x × 10^9 / 2^30 per 10^9-byte GB-month.
 */
export function perDecimalGbMonth(usdPerBinaryGbMonth: number): number {
  return (usdPerBinaryGbMonth * 1e9) / GiB
}

/**
 * The model prices cross-zone transfer per GB of 10^9 bytes crossing (src/model/cost.ts). Google bills network
 * usage per GB of 2^30 bytes, so a published $x per GB is x × 10^9 / 2^30 per 10^9-byte GB.
 */
export function perDecimalGb(usdPerBinaryGb: number): number {
  return (usdPerBinaryGb * 1e9) / GiB
}
