import { z } from 'zod'

/**
 * Events pushed from the engine to a front. Long operations take a caller-chosen `jobId`
 * and report progress under it, so the caller can show a bar and cancel before the call returns.
 */
export const jobProgressSchema = z.object({
  type: z.literal('job.progress'),
  jobId: z.string(),
  phase: z.string(),
  /** 0..1 when known. */
  fraction: z.number().min(0).max(1).nullable(),
  rows: z.number().int().nonnegative().optional(),
  bytes: z.number().int().nonnegative().optional(),
  message: z.string().optional(),
})
export type JobProgress = z.infer<typeof jobProgressSchema>

export const workspaceChangedSchema = z.object({
  type: z.literal('workspace.changed'),
  area: z.enum(['sources', 'mapping', 'quality', 'export', 'workspace']),
})
export type WorkspaceChanged = z.infer<typeof workspaceChangedSchema>

export type ApiEvent = JobProgress | WorkspaceChanged

/** A job id the caller may pass with long operations. */
export const jobIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).optional()
