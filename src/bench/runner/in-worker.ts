// Runs a workload in a worker thread and resolves with its result; progress arrives as it happens.
import {Worker} from 'node:worker_threads'
import {runWorkload} from './run-workload.js'
import type {BenchWorkload, Progress, RunResult} from './workload.js'

export interface RunHandle {
  done: Promise<RunResult>
  /** Stops the worker at once (Ctrl-C): the caller cleans up the files. */
  terminate(): Promise<void>
}

export class BenchRunError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message)
  }
}

export function runInWorker(root: string, workload: BenchWorkload, onProgress: (p: Progress) => void, options: {inProcess?: boolean} = {}): RunHandle {
  const workerFile = new URL('./worker.js', import.meta.url)
  // Tests run the TypeScript sources, where there is no compiled worker file: run in-process there.
  if (options.inProcess || workerFile.pathname.includes('/src/')) {
    const done = new Promise<RunResult>((resolve, reject) => {
      try {
        resolve(runWorkload(root, workload, onProgress))
      } catch (error) {
        const e = error as NodeJS.ErrnoException
        reject(new BenchRunError(e.message, e.code))
      }
    })
    return {done, terminate: async () => {}}
  }
  const worker = new Worker(workerFile, {workerData: {root, workload}})
  const done = new Promise<RunResult>((resolve, reject) => {
    worker.on('message', (m: {type: string; progress?: Progress; result?: RunResult; error?: {message: string; code?: string}}) => {
      if (m.type === 'progress' && m.progress) onProgress(m.progress)
      else if (m.type === 'result' && m.result) resolve(m.result)
      else if (m.type === 'error' && m.error) reject(new BenchRunError(m.error.message, m.error.code))
    })
    worker.on('error', (e) => reject(new BenchRunError(e.message, (e as NodeJS.ErrnoException).code)))
    worker.on('exit', (code) => {
      if (code !== 0) reject(new BenchRunError(`benchmark worker stopped (exit ${code})`))
    })
  })
  return {done, terminate: async () => void (await worker.terminate())}
}
