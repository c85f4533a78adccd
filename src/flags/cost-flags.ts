// Flags for cross-AZ traffic and monthly cost (plan only).
import {Flags} from '@oclif/core'
import {InputError} from '../lib/errors.js'

const COST = 'COST'

/** "0.84", "$0.84", "0.84/h", "$0.10 per GB-month": a non-negative USD amount. */
export function parseUsd(text: string, flag: string): number {
  const cleaned = text.trim().replace(/^\$\s*/, '').replace(/\s*(?:usd)?\s*(?:\/|per\s+)\s*[a-z-]+$/i, '').replace(/\s*usd$/i, '')
  const value = Number(cleaned)
  if (cleaned === '' || !Number.isFinite(value)) throw new InputError(flag, `"${text}" is not an amount in US dollars`, 'a number of USD', '0.84')
  if (value < 0) throw new InputError(flag, `"${text}" is negative`, 'a price of 0 or more USD', '0.84')
  return value
}

const usd = (name: string, description: string) =>
  Flags.custom<number>({helpGroup: COST, description, parse: async (input: string) => parseUsd(input, `--${name}`)})()

export const costFlags = {
  'fetch-from-follower': Flags.boolean({helpGroup: COST, description: 'Consumers set client.rack and read from a replica in their own zone (KIP-392): less cross-AZ traffic.'}),
  'broker-price': usd('broker-price', 'On-demand price of one broker, USD per hour: "0.84". With it, the plan reports the monthly cost.'),
  'storage-price': usd('storage-price', 'Block storage price, USD per GB-month (GB = 10^9 B), applied to the provisioned disk: "0.08".'),
  'transfer-price': usd(
    'transfer-price',
    'USD per GB (10^9 B) crossing zones; it replaces the --hardware profile\'s. With --azs ≥ 2 the default is the profile\'s price (EC2, MSK: 0.02; GCP: 0.0093, $0.01 per GiB of egress; Azure: 0), or AWS\'s 0.02 without --hardware; a profile with none (Confluent, generic) leaves transfer unpriced. MSK profiles are billed for clients\' bytes only, not replication between brokers.',
  ),
  'remote-storage-price': usd('remote-storage-price', 'Object storage price for tiered storage, USD per GB-month: "0.023".'),
}
