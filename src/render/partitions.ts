import type {PartitionsResult} from '../services/partitions.js'
import {formatCount, formatNumber, formatPercent, formatRate} from '../units/format.js'
import {assumptionsBlock} from './blocks.js'
import {style, table} from './style.js'

export function renderPartitions(r: PartitionsResult): string {
  const lines = [
    `${style.title('Partitions')} ${style.strong(String(r.partitions))}  ${style.dim('MB = 10^6 B')}`,
    table({head: ['rule', 'needs', 'reasoning'], widths: [12, 8, 80], align: ['left', 'right', 'left']}, r.reasons.map((x) => [x.rule, formatCount(x.partitions), x.detail])),
    `  rounding: ${r.rounding}`,
    `  sized for ${formatRate(r.horizonPeakBytesPerSec)} peak at the end of the growth horizon`,
    `  consumer-group sizes that divide ${r.partitions} evenly: ${r.evenConsumerCounts.join(', ')}`,
  ]
  if (r.yearsUntilExhausted !== null) lines.push(`  at the stated growth, traffic outgrows ${r.partitions} × p in ${formatNumber(r.yearsUntilExhausted)} year(s)`)
  if (r.hotKey) {
    lines.push(
      `  hot key: ${formatPercent(r.hotKey.keySkew)} of traffic → hottest partition ${formatRate(r.hotKey.hottestPartitionBytesPerSec)}` +
        (r.hotKey.overloaded ? style.warn(` exceeds p: salt the key over ${r.hotKey.saltingFactor} partitions`) : ' (within p)'),
    )
  }
  return [...lines, '', assumptionsBlock(r.assumptions)].join('\n')
}
