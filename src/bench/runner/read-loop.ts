// Consumers reading the logs back: a catch-up reader from offset 0 (a lagging or replaying group) and a
// tail reader over the newest data (a caught-up group, normally served from the page cache).
import fs from 'node:fs'
import {LogReader} from '../log/reader.js'
import {LatencyRecorder} from './latency.js'
import {partitionDir} from './produce-loop.js'
import type {ReadResult} from './workload.js'

/** Kafka's consumer max.partition.fetch.bytes default. */
const FETCH_BYTES = 1_048_576
/** How much of each partition's newest data the tail reader reads. */
const TAIL_BYTES = 64 * 1_048_576

/** Drops the page cache (root only). Returns whether it worked: only then is a read really cold. */
export function dropPageCache(): boolean {
  try {
    fs.writeFileSync('/proc/sys/vm/drop_caches', '3')
    return true
  } catch {
    return false
  }
}

export function readBack(root: string, partitions: number, endOffsets: number[], kind: ReadResult['kind'], cache: ReadResult['cache'], recordBytes: number): ReadResult {
  const into = Buffer.allocUnsafe(FETCH_BYTES)
  const latency = new LatencyRecorder()
  let bytes = 0
  let records = 0
  let fetches = 0
  let crcErrors = 0
  const start = process.hrtime.bigint()
  for (let p = 0; p < partitions; p++) {
    // A tail reader is a consumer (checks CRCs); a catch-up read measures the broker's fetch path, which does not.
    const reader = new LogReader(partitionDir(root, p), {verifyCrc: kind === 'tail'})
    const end = endOffsets[p]
    let offset = kind === 'tail' ? Math.max(0, end - Math.floor(TAIL_BYTES / partitions / recordBytes)) : reader.firstOffset()
    try {
      while (offset < end) {
        const t0 = process.hrtime.bigint()
        const got = reader.fetch(offset, FETCH_BYTES, into)
        latency.record(Number(process.hrtime.bigint() - t0) / 1000)
        if (got.records === 0) break
        fetches++
        bytes += got.bytes
        records += got.records
        crcErrors += got.crcErrors
        offset = got.nextOffset
      }
    } finally {
      reader.close()
    }
  }
  return {kind, bytes, records, fetches, seconds: Number(process.hrtime.bigint() - start) / 1e9, cache, crcChecked: kind === 'tail', crcErrors, fetchLatency: latency.summary()}
}
