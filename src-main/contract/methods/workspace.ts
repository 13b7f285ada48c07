import { z } from 'zod'
import { method } from '../define'
import { anyRole, editors, readers, roles } from '../roles'
import type { Role } from '../roles'

export interface WorkspaceInfo {
  id: string
  name: string
  /** File name only: fronts never see server paths. */
  fileName: string
  createdAt: string
  schemaVersion: number
}

export interface WorkspaceListEntry {
  id: string
  name: string
  fileName: string
  modifiedAt: string
}

export interface SessionInfo {
  appVersion: string
  modsVersion: string
  catalogueVersion: string
  fhirVersion: string
  ukCoreVersion: string
  actor: { user: string; role: Role }
  workspace: WorkspaceInfo | null
  /** Which front serves this session. */
  front: 'electron' | 'browser' | 'cli' | 'test'
}

export interface AuditEntry {
  id: number
  at: string
  actor: string
  role: string
  action: string
  object: string | null
  details: Record<string, unknown>
}

const workspaceName = z.string().trim().min(1).max(80).regex(/^[^/\\:*?"<>|]+$/, 'A workspace name cannot contain / \\ : * ? " < > |')

export const workspaceMethods = {
  'session.info': method<SessionInfo>()({
    input: z.object({}),
    roles: anyRole,
    mutates: false,
    doc: 'Versions, the signed-in actor and the open workspace.',
  }),
  'workspace.list': method<WorkspaceListEntry[]>()({
    input: z.object({}),
    roles: anyRole,
    mutates: false,
    doc: 'Workspaces in the workspace folder, most recent first.',
  }),
  'workspace.create': method<WorkspaceInfo>()({
    input: z.object({ name: workspaceName }),
    roles: editors,
    mutates: true,
    doc: 'Creates a new workspace file in the workspace folder and opens it.',
  }),
  'workspace.open': method<WorkspaceInfo>()({
    input: z.object({ id: z.string().min(1) }),
    roles: anyRole,
    mutates: false,
    doc: 'Opens a workspace from the list by its id.',
  }),
  'workspace.close': method<null>()({
    input: z.object({}),
    roles: anyRole,
    mutates: false,
    doc: 'Closes the open workspace.',
  }),
  'job.cancel': method<{ cancelled: boolean }>()({
    input: z.object({ jobId: z.string().min(1) }),
    roles: anyRole,
    mutates: false,
    doc: 'Asks a running job to stop; its work is rolled back.',
  }),
  'audit.list': method<AuditEntry[]>()({
    input: z.object({
      limit: z.number().int().min(1).max(1000).default(200),
      beforeId: z.number().int().positive().optional(),
      action: z.string().max(80).optional(),
    }),
    roles: ['administrator', 'auditor', ...readers.filter((r) => r !== 'consultant')] as readonly Role[],
    mutates: false,
    doc: 'The audit log, newest first.',
  }),
} as const

export const allRoles = roles
