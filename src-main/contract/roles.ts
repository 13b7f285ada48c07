/**
 * Workspace roles (issue 8). Every API method names the roles that may call it;
 * the dispatcher enforces this for every front.
 */
export const roles = ['administrator', 'data-officer', 'reviewer', 'consultant', 'auditor'] as const
export type Role = (typeof roles)[number]

/** Shorthands for the common permission sets, so method definitions stay readable. */
export const anyRole: readonly Role[] = roles
export const editors: readonly Role[] = ['administrator', 'data-officer', 'consultant']
export const readers: readonly Role[] = ['administrator', 'data-officer', 'reviewer', 'consultant']
export const identifiableExporters: readonly Role[] = ['administrator', 'data-officer']
