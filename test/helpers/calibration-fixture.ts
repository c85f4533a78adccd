// A valid calibration profile, as `bench --calibrate` writes it, for tests of the readers.
import type {CalibrationProfile} from '../../src/bench/calibration/profile.js'

export function calibrationFixture(overrides: Partial<CalibrationProfile> = {}): CalibrationProfile {
  const quality = {points: 12, r2: 0.99, rmse: 1e-6, maxRelativeError: 0.05, dropped: []}
  return {
    kind: 'kafka-sizer-calibration',
    version: 1,
    createdAt: '2026-11-21T23:00:00.000Z',
    tool: {name: 'kafka-sizer', version: '0.1.0'},
    machine: {hostname: 'test-host', platform: 'linux', release: '6.18.44', arch: 'x64', cpuModel: 'AMD EPYC', cores: 2, memoryBytes: 24 * 2 ** 30, node: 'v20.20.2', libuv: '1.46.0'},
    fileSystem: {dir: '/tmp/x', type: 'ext4', mountOptions: 'rw,relatime', device: '/dev/vda', freeBytes: 80e9},
    disk: {sustainedWriteBytesPerSec: 1.2e9, burstWriteBytesPerSec: 3e9, coldReadBytesPerSec: 1.2e9, coldReadVerified: true, hotReadBytesPerSec: 6e9},
    fsync: {count: 1000, p50Micros: 270, p95Micros: 400, p99Micros: 480, p999Micros: 1400, maxMicros: 3000, fixedSeconds: 260e-6, perByteSeconds: 0.4e-3 / 2 ** 20, quality},
    append: {perBatchSeconds: 15e-6, perRecordSeconds: 0.1e-6, perByteSeconds: 0.5e-9, quality},
    points: [
      {messageBytes: 1024, batchSizeBytes: 65_536, partitions: 8, flush: 'none', records: 63, batchBytes: 65_140, batches: 10_000, seconds: 1, logBytesPerSec: 651e6, recordsPerSec: 630_000, appendP50Micros: 40, appendP99Micros: 120, cpuUserSeconds: 0.5, cpuSysSeconds: 0.4},
    ],
    ...overrides,
  }
}
