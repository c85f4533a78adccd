// Worker-thread entry: runs one workload off the main thread, so the CLI can draw progress and react to
// Ctrl-C while the synchronous append loop runs.
import {parentPort, workerData} from 'node:worker_threads'
import {runWorkload} from './run-workload.js'
import type {BenchWorkload} from './workload.js'

const {root, workload} = workerData as {root: string; workload: BenchWorkload}
try {
  const result = runWorkload(root, workload, (progress) => parentPort?.postMessage({type: 'progress', progress}))
  parentPort?.postMessage({type: 'result', result})
} catch (error) {
  const e = error as NodeJS.ErrnoException
  parentPort?.postMessage({type: 'error', error: {message: e.message, code: e.code, stack: e.stack}})
}
