// A hardware profile's prices merged under the ones the user stated (flags or a plan file's prices): each
// taken price carries the profile's source into the plan's assumptions (origin 'catalogue').
import type {HardwareProfile} from '../catalogue/index.js'
import type {PlanRequest} from '../model/inputs.js'

type PriceFields = Pick<PlanRequest, 'prices' | 'priceSources' | 'unpricedTransfer'>

/**
 * The request's prices with the profile's filling the gaps. A stated price always wins. A profile without a
 * cross-zone transfer price marks the transfer as unpriced (`unpricedTransfer`), so that the model does not
 * fall back on AWS's rate, which is the default for plain figures only.
 */
export function profilePrices(request: PlanRequest, p: HardwareProfile): PriceFields {
  const prices = {...request.prices}
  const priceSources = {...request.priceSources}
  const when = p.priceDate ? `, read ${p.priceDate}` : ''
  if (p.priceUsdPerHour !== undefined && prices.brokerUsdPerHour === undefined) {
    prices.brokerUsdPerHour = p.priceUsdPerHour
    priceSources.brokerUsdPerHour = `${p.sources.priceUsdPerHour ?? p.name}${when}`
  }
  if (p.storagePriceUsdPerGbMonth !== undefined && prices.storageUsdPerGbMonth === undefined) {
    prices.storageUsdPerGbMonth = p.storagePriceUsdPerGbMonth
    priceSources.storageUsdPerGbMonth = `${p.sources.storagePriceUsdPerGbMonth ?? p.name}${when}`
  }
  // Each vendor bills a byte crossing zones its own way (AWS both sides, GCP the sender, Azure not at all).
  let unpricedTransfer: string | undefined
  if (prices.transferUsdPerGb === undefined) {
    if (p.transferUsdPerGb === undefined) {
      unpricedTransfer = `${p.name} gives no cross-zone transfer price, and another vendor's rate would be a guess: cross-AZ transfer is left out of the cost (give --transfer-price, or prices.transferUsdPerGb in a plan file)`
    } else {
      prices.transferUsdPerGb = p.transferUsdPerGb
      priceSources.transferUsdPerGb = `${p.name}: ${p.sources.transferUsdPerGb ?? 'no source given'}`
    }
  }
  // Whether replication crossing zones is billed is the vendor's rule (MSK: it is not), whoever sets the prices.
  if (p.replicationTransferBilled !== undefined && prices.replicationTransferBilled === undefined) {
    prices.replicationTransferBilled = p.replicationTransferBilled
    priceSources.replicationTransferBilled = `${p.name}: ${p.sources.replicationTransferBilled ?? 'no source given'}`
  }
  return {
    ...(Object.keys(prices).length === 0 ? {} : {prices, priceSources}),
    ...(unpricedTransfer === undefined ? {} : {unpricedTransfer}),
  }
}
