// The saturation model: the highest produce and consume rates a benchmark of this setup would measure,
// the resource that stops each, and a range from the uncertain figures (framing, CPU speed, round trip).
// Unlike `capacity`'s planning answer it uses 100 % of every resource and keeps no failure headroom.
import {WIRE_GOODPUT} from './constants.js'
import {type CeilingSpec, consumeCeilings, evaluate, placement, produceCeilings} from './ceilings.js'
import type {SaturationCeiling, SaturationInput, SaturationPrediction, SaturationResult} from './types.js'
import {messageFormatOf, wireCost} from './wire.js'

function predictionOf(ceilings: SaturationCeiling[], payloadPerRecord: number, scale = 1): SaturationPrediction {
  const binding = ceilings.reduce((a, b) => (b.point < a.point ? b : a))
  const min = (k: 'low' | 'point' | 'high') => Math.min(...ceilings.map((c) => c[k])) * scale
  const point = min('point')
  return {
    point,
    // The range can only be as wide as the binding resource's own uncertainty and no wider than any other's.
    low: Math.min(min('low'), point),
    high: Math.max(min('high'), point),
    pointMessagesPerSec: point / payloadPerRecord,
    binding: binding.resource,
    clientBound: binding.side === 'client',
    ceilings: ceilings.map((c) => ({...c, low: c.low * scale, point: c.point * scale, high: c.high * scale})),
  }
}

export function predictSaturation(input: SaturationInput): SaturationResult {
  const format = messageFormatOf(input.kafkaVersion)
  const {leaders} = placement(input)
  const wire = wireCost(input.shape, input.batchSizeBytes, input.compressionRatio, format, leaders)
  const notes: string[] = []
  let consume: SaturationPrediction | undefined
  let perGroupClient = Infinity
  if (input.consumerGroups > 0) {
    const specs = consumeCeilings(input, wire)
    const evaluated = specs.map((s) => evaluate(s, input))
    consume = predictionOf(evaluated, wire.payloadBytesPerRecord, input.consumerGroups)
    perGroupClient = Math.min(...evaluated.filter((c) => c.side === 'client').map((c) => c.point))
  }
  let produce: SaturationPrediction | undefined
  if (input.producers > 0) {
    // Tail consumers read what is produced, up to their own ceiling: beyond it they fall behind.
    const egress = (x: number) => input.consumerGroups * Math.min(x, perGroupClient)
    const specs: CeilingSpec[] = produceCeilings(input, wire, egress)
    produce = predictionOf(
      specs.map((s) => evaluate(s, input)),
      wire.payloadBytesPerRecord,
    )
    if (input.lingerMs === 0 && produce.binding === 'producer-cpu') {
      notes.push('linger.ms=0 with a CPU-bound producer: batches are likely smaller than batch.size, so the rate may be lower still')
    }
  }
  if (input.partitions < input.brokers) notes.push(`${input.partitions} partitions on ${input.brokers} brokers: ${input.brokers - input.partitions} broker(s) lead nothing`)
  return {
    produce,
    consume,
    wire: {
      messageFormat: format,
      recordsPerBatch: wire.recordsPerBatch,
      batchBytes: wire.batchBytes,
      diskPerPayload: wire.diskPerPayload,
      wirePerPayload: wire.wirePerPayload,
      goodput: WIRE_GOODPUT.point,
    },
    notes,
  }
}
