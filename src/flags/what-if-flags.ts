// Flags for the plan's what-ifs.
import {byteRateFlag} from './quantity-flags.js'

export const whatIfFlags = {
  'replication-throttle': byteRateFlag({
    name: 'replication-throttle',
    helpGroup: 'WHAT-IFS',
    description: 'Replication throttle for re-replicating onto a replacement broker (leader/follower.replication.throttled.rate): "50 MB/s". Default: unthrottled (the spare bandwidth).',
  }),
}
