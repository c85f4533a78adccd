// Text output of `hardware list` (one row per profile) and `hardware show` (every figure with its source).
import {HARDWARE_FIELDS, HARDWARE_LABELS, type HardwareField, type HardwareProfile} from '../catalogue/types.js'
import {formatBits, formatBytes, formatCount, formatRate} from '../units/format.js'
import {style, wrap} from './style.js'

function price(p: HardwareProfile): string {
  if (p.priceUsdPerHour === undefined) return '—'
  const when = [p.priceRegion, p.priceDate].filter(Boolean).join(', ')
  return `$${p.priceUsdPerHour}${when ? ` (${when})` : ''}`
}

/** A storage price per 10^9-byte GB-month, to 4 significant digits (a converted per-GiB price has many). */
function storagePrice(usd: number): string {
  return `$${Number(usd.toPrecision(4))} per GB-month (GB = 10^9 B)`
}

/** A cross-zone transfer price per 10^9-byte GB crossing, to 4 significant digits (GCP's is converted from GiB). */
function transferPrice(usd: number): string {
  return usd === 0 ? '$0 per GB crossing zones (not billed)' : `$${Number(usd.toPrecision(4))} per GB crossing zones (GB = 10^9 B)`
}

function disk(p: HardwareProfile): string {
  return `${formatRate(p.hardware.diskThroughputBytesPerSec)} × ${p.hardware.disks}`
}

/**
 * One line per profile, grouped by vendor: plain aligned columns rather than a boxed table, so that a row
 * never wraps on a normal terminal and the output copies cleanly.
 */
export function renderHardwareList(profiles: readonly HardwareProfile[]): string {
  if (profiles.length === 0) return 'No hardware profiles match.'
  const head = ['name', 'vCPU', 'memory', 'network', 'disk throughput × disks', 'disk size', 'partitions/broker', '$/hour (region, date)']
  const right = [false, true, true, true, true, true, true, false]
  const cells = (p: HardwareProfile): string[] => [
    p.name + (p.kind === 'capacity-target' ? ' *' : ''),
    formatCount(p.hardware.cores),
    formatBytes(p.hardware.memoryBytes, {binary: true}),
    formatBits(p.hardware.networkBitsPerSec),
    disk(p),
    p.hardware.diskSizeBytes >= 1e15 ? 'unlimited' : formatBytes(p.hardware.diskSizeBytes),
    formatCount(p.hardware.maxPartitionReplicas),
    price(p),
  ]
  const all = [head, ...profiles.map(cells)]
  const widths = head.map((_, i) => Math.max(...all.map((row) => row[i]!.length)))
  const line = (row: string[]) =>
    '  ' + row.map((cell, i) => (right[i] ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ').trimEnd()
  const lines = [
    `${style.title('Hardware profiles')} ${style.dim(`(${profiles.length}; per broker: network baseline each way, disk throughput per disk; MB = 10^6 B, GiB = 2^30 B)`)}`,
    '',
    style.dim(line(head)),
  ]
  for (const vendor of [...new Set(profiles.map((p) => p.vendor))]) {
    lines.push(style.heading(vendor))
    for (const p of profiles.filter((x) => x.vendor === vendor)) lines.push(line(cells(p)))
  }
  lines.push('')
  if (profiles.some((p) => p.kind === 'capacity-target')) {
    lines.push(style.dim('* capacity target: a managed-service unit whose published client limits are mapped onto broker figures (see `hardware show NAME`).'))
  }
  if (profiles.some((p) => p.priceUsdPerHour !== undefined)) {
    lines.push(style.dim('$/hour: on-demand list price per broker (or unit), read on the date shown; `hardware show NAME` names where each was read. Override with --broker-price, --storage-price or --catalogue.'))
  }
  lines.push(style.dim('Size with one: `kafka-sizer plan --hardware NAME`. Every figure with its source: `kafka-sizer hardware show NAME`.'))
  return lines.join('\n')
}

function figure(field: HardwareField, value: number): string {
  switch (field) {
    case 'diskThroughputBytesPerSec':
      return `${formatRate(value)} (${formatRate(value, {binary: true})})`
    case 'diskSizeBytes':
      return value >= 1e15 ? 'unlimited (nominal 1 PB)' : `${formatBytes(value)} (${formatBytes(value, {binary: true})})`
    case 'networkBitsPerSec':
      return `${formatBits(value)} (${formatRate(value / 8)})`
    case 'memoryBytes':
      return formatBytes(value, {binary: true})
    default:
      return formatCount(value)
  }
}

export function renderHardwareProfile(p: HardwareProfile): string {
  const kind = p.kind === 'capacity-target' ? 'capacity target (a managed-service unit, counted as a broker)' : 'broker'
  const rows: Array<[string, string, string]> = HARDWARE_FIELDS.map((field) => [HARDWARE_LABELS[field], figure(field, p.hardware[field]), p.sources[field] ?? ''])
  const limits = p.limits ?? {}
  if (limits.ingressBytesPerSec !== undefined) rows.push(['published ingress (client)', formatRate(limits.ingressBytesPerSec), p.sources['limits.ingressBytesPerSec'] ?? ''])
  if (limits.egressBytesPerSec !== undefined) rows.push(['published egress (client)', formatRate(limits.egressBytesPerSec), p.sources['limits.egressBytesPerSec'] ?? ''])
  if (limits.partitions !== undefined) rows.push(['published partitions', formatCount(limits.partitions), p.sources['limits.partitions'] ?? ''])
  if (p.priceUsdPerHour !== undefined) rows.push(['price', price(p), p.sources.priceUsdPerHour ?? ''])
  if (p.storagePriceUsdPerGbMonth !== undefined) rows.push(['storage price', storagePrice(p.storagePriceUsdPerGbMonth), p.sources.storagePriceUsdPerGbMonth ?? ''])
  if (p.transferUsdPerGb !== undefined) rows.push(['transfer price', transferPrice(p.transferUsdPerGb), p.sources.transferUsdPerGb ?? ''])
  if (p.replicationTransferBilled !== undefined) {
    const billed = p.replicationTransferBilled ? 'billed (every byte crossing zones is priced)' : 'not billed (cross-AZ transfer prices the clients\' bytes only)'
    rows.push(['replication transfer', billed, p.sources.replicationTransferBilled ?? ''])
  }
  const width = Math.max(...rows.map((r) => r[0].length))
  const lines = [
    `${style.title(p.name)}  ${style.dim(`${p.vendor}, ${kind}; from the ${p.catalogue === 'built-in' ? 'built-in catalogue' : `catalogue ${p.catalogue}`}`)}`,
    wrap(p.description, 2),
    '',
    style.heading('Figures') + style.dim('  (per broker; each with its source)'),
    ...rows.map(([label, value, source]) => `  ${label.padEnd(width)}  ${style.strong(value)}\n${style.dim(wrap(source, 6))}`),
  ]
  if (p.priceUsdPerHour === undefined) {
    lines.push(style.dim(p.catalogue === 'built-in' ? '  No price: none could be verified from the vendor\'s price page or a named copy of its list price, and kafka-sizer never estimates one. Give --broker-price.' : '  No price given.'))
  }
  if (p.transferUsdPerGb === undefined) {
    lines.push(style.dim('  No transfer price: a plan with --azs ≥ 2 lists cross-AZ transfer as unpriced rather than use another vendor\'s rate. Give --transfer-price.'))
  }
  if (p.notes && p.notes.length > 0) {
    lines.push('', style.heading('Notes'), ...p.notes.map((n) => `  •${wrap(n, 4).slice(3)}`))
  }
  lines.push('', style.dim(`Plan with it: kafka-sizer plan --throughput "100 MB/s" --hardware ${p.name}${p.catalogue === 'built-in' ? '' : ` --catalogue ${p.catalogue}`}`))
  return lines.join('\n')
}
