// The calibration profile: what `bench --calibrate` measured on one machine, and what `plan`,
// `partitions` and `capacity --calibration FILE` read back. Versioned and validated with a schema.
import {z} from 'zod'

export const CALIBRATION_KIND = 'kafka-sizer-calibration'
export const CALIBRATION_VERSION = 1

const nonNegative = z.number().finite().nonnegative()
const positive = z.number().finite().positive()

const quality = z.object({
  points: z.number().int().nonnegative(),
  r2: z.number().finite(),
  rmse: nonNegative,
  maxRelativeError: nonNegative,
  dropped: z.array(z.string()),
})

export const calibrationPoint = z.object({
  messageBytes: positive,
  batchSizeBytes: positive,
  partitions: z.number().int().positive(),
  flush: z.string(),
  /** Average records and bytes per appended batch, as written. */
  records: positive,
  batchBytes: positive,
  batches: z.number().int().positive(),
  seconds: positive,
  logBytesPerSec: positive,
  recordsPerSec: positive,
  appendP50Micros: nonNegative,
  appendP99Micros: nonNegative,
  cpuUserSeconds: nonNegative,
  cpuSysSeconds: nonNegative,
})

export const calibrationProfile = z
  .object({
    kind: z.literal(CALIBRATION_KIND),
    version: z.literal(CALIBRATION_VERSION),
    createdAt: z.string(),
    tool: z.object({name: z.string(), version: z.string()}),
    machine: z.object({
      hostname: z.string(),
      platform: z.string(),
      release: z.string(),
      arch: z.string(),
      cpuModel: z.string(),
      cores: z.number().int().positive(),
      memoryBytes: positive,
      node: z.string(),
      libuv: z.string(),
    }),
    fileSystem: z.object({
      dir: z.string(),
      type: z.string().nullable(),
      mountOptions: z.string().nullable(),
      device: z.string().nullable(),
      freeBytes: nonNegative,
    }),
    disk: z.object({
      /** Sequential log writes with the closing fdatasync counted: the device's absorb rate. */
      sustainedWriteBytesPerSec: positive,
      /** Page-cache absorb rate (no sync): only how long a burst can be absorbed. */
      burstWriteBytesPerSec: positive,
      coldReadBytesPerSec: positive.nullable(),
      /** drop_caches was permitted, so the cold read really came from the device. */
      coldReadVerified: z.boolean(),
      hotReadBytesPerSec: positive.nullable(),
    }),
    fsync: z.object({
      count: z.number().int().nonnegative(),
      p50Micros: nonNegative,
      p95Micros: nonNegative,
      p99Micros: nonNegative,
      p999Micros: nonNegative,
      maxMicros: nonNegative,
      fixedSeconds: nonNegative,
      perByteSeconds: nonNegative,
      quality,
    }),
    append: z.object({
      perBatchSeconds: nonNegative,
      perRecordSeconds: nonNegative,
      perByteSeconds: nonNegative,
      quality,
    }),
    points: z.array(calibrationPoint).min(1),
  })
  .strict()

export type CalibrationProfile = z.infer<typeof calibrationProfile>
export type CalibrationPoint = z.infer<typeof calibrationPoint>

/** The JSON Schema of the file, generated from the same definition (editors complete it). */
export function calibrationJsonSchema(): unknown {
  return z.toJSONSchema(calibrationProfile)
}
