// The background flush a roll schedules (Kafka UnifiedLog.roll's "flush-log" task), for the logs of the
// embedded benchmark: async syncs on libuv's threadpool, bounded so a loop that never yields cannot pile up
// open fds, finished synchronously when the log closes.
import * as fs from 'node:fs'
import {type SyncKind, syncFdAsync, syncFdSync} from './index-file.js'
import type {LogSegment} from './segment.js'

/** Above this many unfinished roll flushes, the oldest is finished synchronously (bounds open fds in a loop that never yields). */
export const MAX_PENDING_ROLL_FLUSHES = 16

interface RollFlushJob {
  fds: number[]
  remaining: number
  withDir: boolean
  finished: boolean
  startNs: bigint
  error: Error | undefined
}

export class RollFlusher {
  private readonly pending = new Set<RollFlushJob>()
  /** Background flushes scheduled so far. */
  scheduled = 0
  /** The first error a background flush reported (the log throws it on its next use). */
  error: Error | undefined

  constructor(
    private readonly dirFd: number,
    private readonly sync: SyncKind,
    private readonly onDone: ((micros: number) => void) | undefined,
  ) {}

  get pendingCount(): number {
    return this.pending.size
  }

  /**
   * UnifiedLog.roll schedules "flush-log" (flushUptoOffsetExclusive(newSegment.baseOffset)) on the scheduler. Here:
   * async fdatasync/fsync of the .log and both indexes (+ the directory if the segment was never flushed, as
   * LocalLog.flush does) on libuv's threadpool; the fds close when all complete. The syncs run in the background
   * even while the caller's loop never yields; only the completion callbacks (which close the fds) wait for the
   * event loop, so more than MAX_PENDING_ROLL_FLUSHES unfinished jobs are finished synchronously, oldest first.
   */
  schedule(segment: LogSegment): void {
    const withDir = !segment.dirFlushed
    segment.dirFlushed = true
    const job: RollFlushJob = {fds: segment.releaseFds(), remaining: 0, withDir, finished: false, startNs: process.hrtime.bigint(), error: undefined}
    job.remaining = job.fds.length + (withDir ? 1 : 0)
    const done = (err: NodeJS.ErrnoException | null): void => {
      if (err && job.error === undefined) job.error = err
      if (--job.remaining === 0 && !job.finished) this.complete(job)
    }
    this.pending.add(job)
    this.scheduled++
    for (const fd of job.fds) syncFdAsync(fd, this.sync, done)
    if (withDir) fs.fsync(this.dirFd, done)
    while (this.pending.size > MAX_PENDING_ROLL_FLUSHES) {
      const oldest = this.pending.values().next().value as RollFlushJob
      this.finishSync(oldest)
    }
  }

  /** Finishes every pending flush now (on close); throws the first error after trying them all. */
  finishAll(): void {
    let firstError: unknown
    for (const job of [...this.pending]) {
      try {
        this.finishSync(job)
      } catch (error) {
        firstError ??= error
      }
    }
    if (firstError !== undefined) throw firstError
  }

  private complete(job: RollFlushJob): void {
    job.finished = true
    this.pending.delete(job)
    for (const fd of job.fds) {
      try {
        fs.closeSync(fd)
      } catch (error) {
        job.error ??= error as Error
      }
    }
    if (job.error !== undefined) this.error ??= job.error
    else this.onDone?.(Number(process.hrtime.bigint() - job.startNs) / 1000)
  }

  /**
   * Finishes a roll flush without waiting for its callbacks: sync the fds here, close them, and mark the job so its
   * late callbacks do nothing. A threadpool sync that has not started yet may then hit a closed (or reused) fd
   * number: an fsync of another file or EBADF, both harmless, and its callback is ignored.
   */
  private finishSync(job: RollFlushJob): void {
    if (job.finished) return
    job.finished = true
    this.pending.delete(job)
    let firstError: unknown
    for (const fd of job.fds) {
      try {
        syncFdSync(fd, this.sync)
      } catch (error) {
        firstError ??= error
      }
      try {
        fs.closeSync(fd)
      } catch (error) {
        firstError ??= error
      }
    }
    if (job.withDir) {
      try {
        fs.fsyncSync(this.dirFd)
      } catch (error) {
        firstError ??= error
      }
    }
    if (firstError !== undefined) throw firstError
    this.onDone?.(Number(process.hrtime.bigint() - job.startNs) / 1000)
  }
}
