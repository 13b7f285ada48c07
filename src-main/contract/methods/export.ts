/**
 * Export packs (issue 2): a folder with the FHIR R4 UK Core bundle, MODS CSV extracts, every issue
 * and a manifest of SHA-256 checksums, plus a zip of it. Fronts never pass paths: the pack goes to
 * the exports folder next to the workspace and is named in the result.
 */
import { z } from 'zod'
import { method } from '../define'
import { jobIdSchema } from '../events'
import { identifiableExporters } from '../roles'

export interface PackFile {
  /** Path inside the pack, with forward slashes (e.g. `fhir/bundle.json`). */
  path: string
  sha256: string
  bytes: number
}

export interface ExportCounts {
  /** FHIR resources by type. */
  resources: Record<string, number>
  /** MODS records per dataset in the CSV extracts. */
  records: Record<string, number>
  /** Records with no FHIR resource because their person is not in the export. */
  skipped: Record<string, number>
  /** Records with no FHIR resource because they lack what FHIR requires (a medicine's name…). */
  incomplete: Record<string, number>
  issues: { error: number; warning: number; info: number }
  /** Cells the formula guard prefixed with ' in the CSV files. */
  escapedCells: number
}

export interface ExportResult {
  packName: string
  files: PackFile[]
  /** The zip of the pack folder (`<packName>.zip`), when one was asked for. */
  zip: PackFile | null
  counts: ExportCounts
}

export const exportMethods = {
  'export.run': method<ExportResult>()({
    input: z.object({ purpose: z.string().trim().min(1).max(500), jobId: jobIdSchema }),
    roles: identifiableExporters,
    mutates: true,
    doc: 'Writes an export pack (FHIR bundle, MODS CSV, issues, manifest) and its zip to the exports folder, atomically.',
  }),
} as const
