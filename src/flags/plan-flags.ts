// Everything that describes a plan's input (workload, topic, cluster, hardware, prices, what-ifs): the flag
// set `plan` and `report` share, so a report can always be made from the same flags as a plan.
import {costFlags} from './cost-flags.js'
import {whatIfFlags} from './what-if-flags.js'
import {brokersFlag, calibrationFlag, clusterFlags, hardwareFlags, workloadFlags} from './workload-flags.js'

export const planInputFlags = {
  ...workloadFlags,
  ...clusterFlags,
  ...hardwareFlags,
  ...brokersFlag,
  ...calibrationFlag,
  ...costFlags,
  ...whatIfFlags,
}
