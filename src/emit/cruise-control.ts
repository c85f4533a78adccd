// Cruise Control's broker capacity file (capacity.json, read by BrokerCapacityConfigFileResolver) for the
// plan's broker hardware.
//
// Units, as Cruise Control defines them (linkedin/cruise-control):
// - BrokerCapacityConfigFileResolver's Javadoc and config/capacity.json: DISK in MB, CPU in percent (0-100),
//   NW_IN / NW_OUT in KB/s. Values are strings, read with Double.parseDouble.
// - Those MB and KB are binary: the load Cruise Control compares with the capacity is converted by
//   monitor/sampling/holder/HolderUtils.convertUnit, which divides byte rates by BYTES_IN_KB = 1024 and
//   partition sizes by BYTES_IN_MB = 1024 * 1024. So DISK = bytes / 2^20 and NW = bytes/s / 2^10.
import type {PlanResult} from '../services/plan.js'
import type {Artefact, EmitOptions} from './common.js'

/** Cruise Control's KB and MB (HolderUtils.BYTES_IN_KB / BYTES_IN_MB). */
export const CC_BYTES_PER_KB = 1024
export const CC_BYTES_PER_MB = 1024 * 1024

export interface CapacityFile {
  brokerCapacities: Array<{
    brokerId: string
    capacity: {DISK: string; CPU: string; NW_IN: string; NW_OUT: string}
    doc: string
  }>
}

/** A number as Cruise Control reads it: plain decimal, never exponent notation. */
function decimal(n: number): string {
  const s = String(n)
  return /e/i.test(s) ? n.toFixed(6).replace(/\.?0+$/, '') : s
}

export function capacityFile(plan: PlanResult): CapacityFile {
  const hw = plan.input.hardware
  const diskBytes = hw.diskSizeBytes * hw.disks
  const networkBytesPerSec = hw.networkBitsPerSec / 8
  const disk = decimal(diskBytes / CC_BYTES_PER_MB)
  const nw = decimal(networkBytesPerSec / CC_BYTES_PER_KB)
  const doc =
    `Default capacity of every broker (brokerId -1), from kafka-sizer plan's broker: ${hw.name}. ` +
    `Units are Cruise Control's: DISK in MB of 2^20 bytes (${hw.disks} disk(s) x ${hw.diskSizeBytes} bytes = ${diskBytes} bytes = ${disk} MB), ` +
    `CPU in percent (100 = all ${hw.cores} cores), ` +
    `NW_IN and NW_OUT in KB/s of 1024 bytes (a ${hw.networkBitsPerSec} bit/s NIC, full duplex, = ${networkBytesPerSec} bytes/s = ${nw} KB/s each way). ` +
    'These are physical capacities: Cruise Control applies its own *.capacity.threshold settings on top. ' +
    (hw.disks > 1 ? `With JBOD (one log dir per disk), give DISK per log dir instead: {"/path/to/dir": "${decimal(hw.diskSizeBytes / CC_BYTES_PER_MB)}", ...}.` : '')
  return {
    brokerCapacities: [
      {
        brokerId: '-1',
        capacity: {DISK: disk, CPU: '100', NW_IN: nw, NW_OUT: nw},
        doc: doc.trim(),
      },
    ],
  }
}

export function renderCruiseControl(plan: PlanResult, _options: EmitOptions): Artefact {
  return {filename: 'capacity.json', content: `${JSON.stringify(capacityFile(plan), null, 2)}\n`}
}
