// The floor under the embedded log's fdatasync-per-batch path: what Node itself costs with no log around it.
// In a worker thread (as logbench's writers run), for each batch: the CRC-32C the broker checks (same library
// as the log, over attributes..end of a 61-byte header + records buffer), one positional writev of header +
// records, one fdatasync. No offsets, indexes, rolls or bookkeeping. Posts {bytesPerSecond, fsyncP50Micros}.
import fs from 'node:fs'
import {randomBytes} from 'node:crypto'
import {parentPort, workerData} from 'node:worker_threads'
import {crc32c} from '@node-rs/crc32'

const {file, batchBytes, batches, warmupBatches} = workerData
const header = randomBytes(61)
const records = randomBytes(batchBytes - 61)
const iov = [header, records]

function run(path, count) {
  const fd = fs.openSync(path, 'wx')
  const fsync = new Float64Array(count)
  const t0 = process.hrtime.bigint()
  for (let i = 0; i < count; i++) {
    header.writeUInt32BE(crc32c(records, crc32c(header.subarray(21))) >>> 0, 17)
    fs.writevSync(fd, iov, i * batchBytes)
    const s = process.hrtime.bigint()
    fs.fdatasyncSync(fd)
    fsync[i] = Number(process.hrtime.bigint() - s) / 1000
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9
  fs.closeSync(fd)
  fsync.sort()
  return {bytesPerSecond: (count * batchBytes) / seconds, fsyncP50Micros: fsync[count >> 1]}
}

// The same warm-up as the log's writers get (kafka-sizer bench's default), on a scratch file deleted afterwards.
if (warmupBatches > 0) run(`${file}.warmup`, warmupBatches)
const result = run(file, batches)
fs.rmSync(`${file}.warmup`, {force: true})
fs.rmSync(file, {force: true})
parentPort.postMessage(result)
