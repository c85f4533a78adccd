// Builds the saturation model's input from a resolved plan input plus the benchmark-setup flags, and runs it.
import type {SaturationOptions} from '../flags/saturation-flags.js'
import {InputError} from '../lib/errors.js'
import type {CalibrationInput} from '../model/inputs.js'
import {CPU_BYTES_PER_CORE, FSYNC_SECONDS, type SourcedRange} from '../model/saturation/constants.js'
import {predictSaturation} from '../model/saturation/predict.js'
import type {SaturationResult} from '../model/saturation/types.js'
import type {PlanInput} from '../model/types.js'

export const DEFAULT_CLIENT_CORES = 1

export interface SaturationReport extends SaturationResult {
  /** What the prediction assumed that the flags did not say, with sources. */
  setup: {flush: 'none' | 'every-message'; kafkaVersion: string; clientNetworkBitsPerSec: number; clientCores: number; partitions: number; fsync: SourcedRange}
}

function fsyncRange(cal: CalibrationInput | undefined): SourcedRange {
  if (!cal) return FSYNC_SECONDS
  const p99 = cal.fsyncP99Micros / 1e6
  return {low: p99 / 2, point: p99, high: p99, source: `${cal.label}: fdatasync p99 (the low end takes half of it)`}
}

export function saturationFor(input: PlanInput, brokers: number, partitions: number, o: SaturationOptions, calibration?: CalibrationInput): SaturationReport {
  if (o.kafkaVersion !== undefined && !/^\d+(\.\d+){0,3}$/.test(o.kafkaVersion.trim())) {
    throw new InputError('--kafka-version', `"${o.kafkaVersion}" is not a version`, 'digits separated by dots', '0.8.1')
  }
  const hw = input.hardware
  const fsync = fsyncRange(calibration)
  const clientNetworkBitsPerSec = o.clientNetworkBitsPerSec ?? hw.networkBitsPerSec
  const clientCores = o.clientCores ?? DEFAULT_CLIENT_CORES
  const flush = o.flush ?? 'none'
  const result = predictSaturation({
    brokers,
    disks: hw.disks,
    diskThroughputBytesPerSec: hw.diskThroughputBytesPerSec,
    networkBitsPerSec: hw.networkBitsPerSec,
    cores: hw.cores,
    replicationFactor: input.replicationFactor,
    acks: input.acks,
    flush,
    partitions,
    shape: {keyBytes: input.keySizeBytes, keyed: input.keyed, valueBytes: input.messageSizeBytes},
    kafkaVersion: o.kafkaVersion?.trim(),
    batchSizeBytes: input.batchSizeBytes,
    lingerMs: input.lingerMs,
    compressionRatio: input.compressionRatio,
    producers: input.producers,
    consumerGroups: input.consumerGroups,
    consumersPerGroup: input.maxConsumers,
    consumersReadFromDisk: input.laggingGroups > 0,
    clientNetworkBitsPerSec,
    clientCores,
    cpuBytesPerCore: CPU_BYTES_PER_CORE,
    fsyncSeconds: fsync,
  })
  return {...result, setup: {flush, kafkaVersion: o.kafkaVersion?.trim() ?? 'current (message format v2)', clientNetworkBitsPerSec, clientCores, partitions, fsync}}
}
