/**
 * The FHIR R4 collection Bundle: one Patient per person record, then the contacts, allergies and
 * medicines that belong to an exported Patient. Entries are written one at a time (bounded memory).
 * Mapped items that reach no resource are tallied for the manifest.
 */
import type Database from 'better-sqlite3'
import { buildAllergyIntolerance } from './allergy'
import type { BuildContext, ExportRecord, FhirResource } from './common'
import { resourceId } from './common'
import { buildRelatedPerson } from './contact'
import type { NotExportedItem } from './coverage'
import { ItemTally } from './coverage'
import { buildMedicationStatement } from './medication'
import { buildPatient } from './patient'

const builders: Record<string, (ctx: BuildContext, r: ExportRecord) => FhirResource | null> = {
  person: buildPatient,
  contact: buildRelatedPerson,
  allergy: buildAllergyIntolerance,
  medication: buildMedicationStatement,
}

export interface BundleCounts {
  resources: Record<string, number>
  /** Records of an exported dataset that produced no resource because their person is not exported. */
  skipped: Record<string, number>
  /** Records whose person is exported but that lack what their resource requires (a medicine's name…). */
  incomplete: Record<string, number>
  /** Mapped items with no place in the bundle, by dataset and element. */
  notExported: NotExportedItem[]
}

interface Row {
  dataset: string
  record_key: string
  person_key: string | null
  values_json: string
}

export function buildContext(db: Database.Database, workspaceId: string): BuildContext {
  const people = new Map(
    (db.prepare(`SELECT person_key, record_key FROM mods_record WHERE dataset = 'person' AND person_key IS NOT NULL`).all() as {
      person_key: string
      record_key: string
    }[]).map((r) => [r.person_key, r.record_key]),
  )
  const ctx: BuildContext = {
    workspaceId,
    patientId: (personKey) => {
      const key = personKey === null ? undefined : people.get(personKey)
      return key === undefined ? null : resourceId(ctx, 'Patient', key)
    },
  }
  return ctx
}

/** Writes the bundle as JSON text through `write`, resource by resource. */
export function writeBundle(db: Database.Database, workspaceId: string, bundleId: string, timestamp: string, write: (text: string) => void): BundleCounts {
  const ctx = buildContext(db, workspaceId)
  const counts: Omit<BundleCounts, 'notExported'> = { resources: {}, skipped: {}, incomplete: {} }
  const tally = new ItemTally()
  write(`{"resourceType":"Bundle","id":${JSON.stringify(bundleId)},"type":"collection","timestamp":${JSON.stringify(timestamp)},"entry":[`)
  let first = true
  const stmt = db.prepare(
    `SELECT dataset, record_key, person_key, values_json FROM mods_record ORDER BY CASE dataset WHEN 'person' THEN 0 ELSE 1 END, dataset, id`,
  )
  for (const row of stmt.iterate() as Iterable<Row>) {
    const values = JSON.parse(row.values_json) as Record<string, unknown>
    const build = builders[row.dataset]
    if (!build) {
      tally.addAll(row.dataset, values)
      continue
    }
    const { record, settle } = tally.watch(row.dataset, row.record_key, row.person_key, values)
    const resource = build(ctx, record)
    if (!resource) {
      // Say why: a person who is not exported, or a record missing what FHIR requires.
      const why = row.dataset !== 'person' && ctx.patientId(row.person_key) === null ? counts.skipped : counts.incomplete
      why[row.dataset] = (why[row.dataset] ?? 0) + 1
      continue
    }
    settle()
    counts.resources[resource.resourceType] = (counts.resources[resource.resourceType] ?? 0) + 1
    write(`${first ? '' : ','}\n{"fullUrl":"urn:uuid:${resource.id}","resource":${JSON.stringify(resource)}}`)
    first = false
  }
  write('\n]}\n')
  return { ...counts, notExported: tally.list() }
}
