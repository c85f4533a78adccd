// Storage service: total, per broker and per partition, with the breakdown from payload to disk.
import {resolvePlanInput, type PlanRequest} from '../model/inputs.js'
import {computePlan} from '../model/plan.js'
import type {StorageBreakdown} from '../model/storage.js'
import type {Assumption} from '../model/types.js'
import {validateRequest} from './validate-request.js'
import {applySizingOptions, type SizingOptions} from './plan.js'

export interface StorageResult extends StorageBreakdown {
  partitions: number
  brokers: number
  brokersFrom: 'flag' | 'model'
  replicationFactor: number
  /** Average payload and stored rates the window is filled at, bytes/s. */
  payloadBytesPerSec: number
  storedBytesPerSec: number
  compression: string
  compressionRatio: number
  maxDiskFill: number
  retentionMs: number | null
  storageWindowNote?: string
  assumptions: Assumption[]
}

export async function storageService(request: PlanRequest, options: SizingOptions = {}): Promise<StorageResult> {
  request = await applySizingOptions(request, options)
  validateRequest(request, {requireRate: true})
  const {input, assumptions} = resolvePlanInput(request)
  const plan = computePlan(input)
  return {
    ...plan.storage,
    partitions: plan.partitions,
    brokers: plan.brokers,
    brokersFrom: request.brokers === undefined ? 'model' : 'flag',
    replicationFactor: input.replicationFactor,
    payloadBytesPerSec: plan.traffic.payloadBytesPerSec,
    storedBytesPerSec: plan.traffic.storedBytesPerSec,
    compression: input.compression,
    compressionRatio: input.compressionRatio,
    maxDiskFill: input.maxDiskFill,
    retentionMs: Number.isFinite(input.retentionMs) ? input.retentionMs : null,
    storageWindowNote: plan.storageWindowNote,
    assumptions,
  }
}
