// Where the benchmark may write, and the promise that it leaves nothing behind: only under one
// directory, never one it did not create unless empty, within a disk budget, removed on success, on
// error, and on Ctrl-C or SIGTERM.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {UserError} from '../lib/errors.js'

/** Marks a directory as the benchmark's own, so a leftover from a killed run may be reused. */
const MARKER = '.kafka-sizer-bench'
/** Default disk budget: this share of the free space, and never more than MAX_DEFAULT_BUDGET. */
const DEFAULT_BUDGET_SHARE = 0.1
const MAX_DEFAULT_BUDGET = 4 * 1024 ** 3
/** Below this there is no meaningful benchmark to run. */
const MIN_BUDGET = 64 * 1024 ** 2

export interface Workspace {
  root: string
  freeBytes: number
  budgetBytes: number
  /** A fresh, empty sub-directory for one run. */
  runDir(name: string): string
  /** Removes everything the benchmark wrote (idempotent, synchronous so it also works in a signal handler). */
  cleanup(): void
}

export function freeBytesAt(dir: string): number {
  const s = fs.statfsSync(dir)
  return Number(s.bavail) * Number(s.bsize)
}

export function openWorkspace(options: {dir?: string; maxDiskBytes?: number}): Workspace {
  let root: string
  let createdRoot = false
  if (options.dir === undefined) {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'kafka-sizer-bench-'))
    createdRoot = true
  } else {
    root = path.resolve(options.dir)
    if (!fs.existsSync(root)) {
      fs.mkdirSync(root, {recursive: true})
      createdRoot = true
    } else {
      if (!fs.statSync(root).isDirectory()) throw new UserError(`--dir: ${options.dir} is not a directory`, {suggestions: ['give a directory, or a path that does not exist yet']})
      const entries = fs.readdirSync(root).filter((e) => e !== MARKER)
      const ours = fs.existsSync(path.join(root, MARKER))
      if (entries.length > 0 && !ours) {
        throw new UserError(`--dir: ${options.dir} is not empty and was not created by kafka-sizer; the benchmark writes and deletes files there, so it refuses`, {
          suggestions: ['give an empty or new directory on the file system to measure, e.g. --dir /data/kafka-sizer-bench'],
        })
      }
    }
  }
  fs.writeFileSync(path.join(root, MARKER), `kafka-sizer benchmark directory (pid ${process.pid}); safe to delete\n`)
  const freeBytes = freeBytesAt(root)
  const budgetBytes = options.maxDiskBytes ?? Math.min(MAX_DEFAULT_BUDGET, Math.floor(freeBytes * DEFAULT_BUDGET_SHARE))
  let cleaned = false
  const cleanup = () => {
    if (cleaned) return
    cleaned = true
    if (createdRoot) fs.rmSync(root, {recursive: true, force: true})
    else for (const e of fs.readdirSync(root)) fs.rmSync(path.join(root, e), {recursive: true, force: true})
  }
  if (budgetBytes > freeBytes) {
    cleanup()
    throw new UserError(`--max-disk: ${formatGiB(budgetBytes)} is more than the ${formatGiB(freeBytes)} free at ${root}`, {suggestions: ['lower --max-disk, or use --dir on a file system with more room']})
  }
  if (budgetBytes < MIN_BUDGET) {
    cleanup()
    throw new UserError(`only ${formatGiB(budgetBytes)} of disk may be used at ${root} (free ${formatGiB(freeBytes)}); the benchmark needs at least ${formatGiB(MIN_BUDGET)}`, {
      suggestions: ['free some space, raise --max-disk, or use --dir on another file system'],
    })
  }
  let runs = 0
  return {
    root,
    freeBytes,
    budgetBytes,
    runDir(name: string) {
      const dir = path.join(root, `${String(++runs).padStart(3, '0')}-${name}`)
      fs.mkdirSync(dir)
      return dir
    },
    cleanup,
  }
}

function formatGiB(bytes: number): string {
  return `${(bytes / 1024 ** 3).toFixed(2)} GiB`
}

/** Runs cleanup on SIGINT/SIGTERM, then exits with the conventional 128 + signal number. */
export function cleanupOnSignals(cleanup: () => void, beforeExit?: () => void): () => void {
  const handlers: Array<[NodeJS.Signals, () => void]> = (['SIGINT', 'SIGTERM'] as const).map((signal) => {
    const handler = () => {
      beforeExit?.()
      cleanup()
      process.stderr.write(`\nkafka-sizer bench: stopped by ${signal}; removed the benchmark files.\n`)
      process.exit(signal === 'SIGINT' ? 130 : 143)
    }
    process.once(signal, handler)
    return [signal, handler]
  })
  return () => {
    for (const [signal, handler] of handlers) process.removeListener(signal, handler)
  }
}
