/**
 * Progress and cancellation for one import: reports rows and bytes at most every 100 ms, checks
 * for cancellation between batches, and yields to the event loop now and then so a cancel
 * request (IPC, WebSocket) can arrive while a large file is being parsed.
 */
import { faultPoint } from './fault'
import type { ImportJob } from './types'

const reportEveryMs = 100
const yieldEveryMs = 50

export class ImportProgress {
  rows = 0
  bytes = 0
  batches = 0
  private fraction: number | null = null
  private lastReport = 0
  private lastYield = Date.now()

  constructor(
    private readonly job: ImportJob,
    private readonly sizeBytes: number | null,
  ) {}

  onBytes = (bytesRead: number): void => {
    this.bytes = bytesRead
  }

  /** From readers that know their progress as a share (row counts), which then replaces bytes / file size. */
  onFraction = (fraction: number): void => {
    this.fraction = fraction
  }

  /** Called after each batch of rows: may throw ApiError('CANCELLED'). */
  async afterBatch(rowsAdded: number): Promise<void> {
    this.rows += rowsAdded
    faultPoint(`after-batch:${++this.batches}`)
    const now = Date.now()
    if (now - this.lastYield >= yieldEveryMs) {
      await new Promise((resolve) => setImmediate(resolve))
      this.lastYield = Date.now()
    }
    this.job.throwIfCancelled()
    if (now - this.lastReport >= reportEveryMs) {
      this.lastReport = now
      this.report()
    }
  }

  report(phase = 'import', done = false): void {
    const share = this.fraction ?? (this.sizeBytes ? this.bytes / this.sizeBytes : null)
    const fraction = done ? 1 : share === null ? null : Math.min(0.99, share)
    this.job.progress(phase, fraction, { rows: this.rows, bytes: this.bytes })
  }
}
