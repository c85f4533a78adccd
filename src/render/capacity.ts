import type {CapacityResult} from '../services/capacity.js'
import {formatMessagesRate, formatPercent, formatRate} from '../units/format.js'
import {assumptionsBlock, loadTable} from './blocks.js'
import {resourceLabel} from './labels.js'
import {renderSaturation} from './saturation.js'
import {style, table} from './style.js'

const SCENARIO = {normal: 'normal operation', 'broker-loss': 'one broker lost', 'az-loss': 'one AZ lost'} as const

export function renderCapacity(c: CapacityResult): string {
  const lines = [
    `${style.title('Capacity')} of ${c.brokers} brokers  ${style.dim('payload bytes (key + value); MB = 10^6 B')}`,
    '',
    `  ${style.strong('Maximum ingress')}  ${style.strong(formatRate(c.maxIngressBytesPerSecond))} (${formatRate(c.maxIngressBytesPerSecond, {binary: true})}) = ${formatMessagesRate(c.maxIngressMessagesPerSecond)}`,
    `  ${style.strong('Consumer egress')}  ${formatRate(c.maxEgressBytesPerSecond)} at that ingress`,
    `  ${style.strong('Binding')}          ${resourceLabel(c.bindingResource)} (${SCENARIO[c.bindingScenario]})`,
  ]
  if (c.target) {
    const t = c.target
    const verdict = t.fits ? style.good(`fits: ${formatPercent(t.utilization)} of the maximum, ${formatRate(t.headroomBytesPerSec)} headroom`) : style.bad(`does not fit: ${formatPercent(t.utilization)} of the maximum`)
    lines.push(`  ${style.strong('At your rate')}     ${formatRate(t.payloadBytesPerSec)}: ${verdict}`)
  }
  const ceilings = c.ceilings
    .filter((x) => Number.isFinite(x.maxIngressBytesPerSecond))
    .map((x) => [resourceLabel(x.resource), SCENARIO[x.scenario], formatRate(x.maxIngressBytesPerSecond)])
  lines.push('', style.heading('Each resource’s ceiling'), table({head: ['resource', 'scenario', 'max ingress'], widths: [40, 30, 30], align: ['left', 'left', 'right']}, ceilings))
  lines.push('', style.heading(`Per-broker load at the maximum (${c.atMaximum.partitions} partitions)`), loadTable(c.atMaximum.brokerLoad))
  lines.push('', renderSaturation(c.saturation))
  return [...lines, '', assumptionsBlock(c.assumptions)].join('\n')
}
