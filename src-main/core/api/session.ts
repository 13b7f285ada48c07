/**
 * One caller's state in the engine: who they are, which workspace is open, which files the front
 * has granted (opaque handles: renderers never send paths), running jobs, and where events go.
 */
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { ApiError } from '../../contract/errors'
import type { ApiEvent } from '../../contract/events'
import type { Role } from '../../contract/roles'
import type { Workspace } from '../workspace'

export interface Actor {
  user: string
  role: Role
}

export interface GrantedFile {
  handle: string
  path: string
  /** The name shown to the user and recorded as provenance. */
  displayName: string
}

export class FileGrants {
  private readonly files = new Map<string, GrantedFile>()

  grant(filePath: string, displayName = path.basename(filePath)): GrantedFile {
    const file = { handle: `f_${randomBytes(12).toString('hex')}`, path: filePath, displayName }
    this.files.set(file.handle, file)
    return file
  }

  resolve(handle: string): GrantedFile {
    const file = this.files.get(handle)
    if (!file) throw new ApiError('NOT_FOUND', 'That file is no longer available; please choose it again.')
    return file
  }
}

/** Cooperative cancellation: long jobs call `throwIfCancelled()` between batches. */
export class JobControl {
  private cancelled = false
  constructor(
    readonly jobId: string,
    private readonly emit: (event: ApiEvent) => void,
  ) {}

  cancel(): void {
    this.cancelled = true
  }

  throwIfCancelled(): void {
    if (this.cancelled) throw new ApiError('CANCELLED', 'The job was cancelled; nothing was changed.')
  }

  progress(phase: string, fraction: number | null, extra: { rows?: number; bytes?: number; message?: string } = {}): void {
    const clamped = fraction === null ? null : Math.min(1, Math.max(0, fraction))
    this.emit({ type: 'job.progress', jobId: this.jobId, phase, fraction: clamped, ...extra })
  }
}

export interface SessionOptions {
  actor: Actor
  /** Where `workspace.create` puts new workspaces and `workspace.list` looks. */
  workspacesDir: string
  front: 'electron' | 'browser' | 'cli' | 'test'
}

export class Session {
  readonly actor: Actor
  readonly workspacesDir: string
  readonly front: SessionOptions['front']
  readonly files = new FileGrants()
  private current: Workspace | null = null
  private readonly listeners = new Set<(event: ApiEvent) => void>()
  private readonly jobs = new Map<string, JobControl>()

  constructor(options: SessionOptions) {
    this.actor = options.actor
    this.workspacesDir = options.workspacesDir
    this.front = options.front
  }

  get workspace(): Workspace | null {
    return this.current
  }

  /** The open workspace, or a clear error for methods that need one. */
  requireWorkspace(): Workspace {
    if (!this.current) throw new ApiError('NO_WORKSPACE', 'Open or create a workspace first.')
    return this.current
  }

  useWorkspace(ws: Workspace | null): void {
    if (this.current && this.current !== ws) this.current.close()
    this.current = ws
  }

  onEvent(listener: (event: ApiEvent) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  emit(event: ApiEvent): void {
    for (const l of this.listeners) l(event)
  }

  /** Registers a job under the caller's id (or a fresh one) for progress and cancellation. */
  startJob(jobId: string | undefined): JobControl {
    const id = jobId ?? `job_${randomBytes(6).toString('hex')}`
    const job = new JobControl(id, (e) => this.emit(e))
    this.jobs.set(id, job)
    return job
  }

  endJob(job: JobControl): void {
    this.jobs.delete(job.jobId)
  }

  cancelJob(jobId: string): boolean {
    const job = this.jobs.get(jobId)
    job?.cancel()
    return Boolean(job)
  }

  close(): void {
    this.useWorkspace(null)
  }
}
