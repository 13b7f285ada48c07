/**
 * The shape of the MODS catalogue and code lists in `resources/mods/`. The standard is data:
 * a new MODS version is a new catalogue file, validated against these schemas at start-up.
 */
import { z } from 'zod'

/** Where an item's details come from; `unconfirmed` items are shown as such in the UI. */
export const provenanceSchema = z.enum(['data-spec', 'scip', 'uk-core', 'product'])

export const datatypeSchema = z.enum([
  'text',
  'date',
  'datetime',
  'time',
  'yes-no',
  'lookup', // a code from a code list
  'identifier', // e.g. NHS number, ODS code, local id
  'number',
  'telephone',
  'email',
  'postcode',
  'reference', // a link to another record (person, care worker…)
])
export type Datatype = z.infer<typeof datatypeSchema>

export const cardinalitySchema = z.object({
  min: z.number().int().min(0),
  max: z.union([z.number().int().min(1), z.literal('*')]),
})

/**
 * A dataset is what one mapped record is: one row of a MODS CSV extract and, where it has one,
 * one FHIR resource. Classes of the standard are grouped into datasets (e.g. Subject of care and
 * Person demographics are both the `person` dataset).
 */
export const datasetSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  label: z.string(),
  description: z.string(),
  /** FHIR resource type this dataset exports as, if any. */
  fhirResource: z.string().nullable(),
  /** UK Core profile URL for meta.profile, if any. */
  fhirProfile: z.string().nullable(),
  /** Whether each record belongs to a person (has a person key). */
  personLinked: z.boolean(),
})

export const classSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  name: z.string(),
  definition: z.string(),
  dataset: z.string(),
  parent: z.string().nullable(),
  /** Data browser classId, where the data specification publishes the class. */
  dataSpecClassId: z.string().nullable(),
  scipModel: z.string().nullable(),
  sources: z.array(provenanceSchema).min(1),
  confirmed: z.boolean(),
  /**
   * True when a record of the dataset may lack this class entirely (e.g. a person with no service
   * yet): its "must occur" elements then bind only when the class is present.
   */
  optionalInDataset: z.boolean().default(false),
})

export const elementSchema = z.object({
  /** `<class-id>.<element-slug>`, stable across catalogue versions. */
  id: z.string().regex(/^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$/),
  classId: z.string(),
  name: z.string(),
  /** The element name exactly as the data browser prints it, for rows seen there. */
  publishedName: z.string().optional(),
  /** In our own words. */
  definition: z.string(),
  datatype: datatypeSchema,
  /** The type exactly as the data specification prints it ("Lookup", "Date and Time"…), where seen. */
  publishedType: z.string().optional(),
  cardinality: cardinalitySchema,
  /** As the standard words it: "Must occur once", "Could occur once or more"… */
  occurs: z.string(),
  codeList: z.string().nullable(),
  /** FHIRPath-like target in the UK Core resource, e.g. `Patient.birthDate`. */
  fhirPath: z.string().nullable(),
  sources: z.array(provenanceSchema).min(1),
  safetyCritical: z.boolean(),
  /** False when a detail could not be confirmed from the published standard. */
  confirmed: z.boolean(),
  notes: z.string().optional(),
})

export const catalogueSchema = z.object({
  modsVersion: z.string(),
  catalogueVersion: z.string(),
  standard: z.object({ name: z.string(), reference: z.string(), published: z.string(), conformanceDate: z.string() }),
  references: z.array(z.object({ id: z.string(), title: z.string(), url: z.string(), version: z.string() })),
  datasets: z.array(datasetSchema),
  classes: z.array(classSchema),
  elements: z.array(elementSchema),
})

export const codeSchema = z.object({
  code: z.string(),
  display: z.string(),
  /** Legacy spellings that mean this code ("M", "male ", "1"). Compared case- and space-insensitively. */
  synonyms: z.array(z.string()).default([]),
  /** Set when this code belongs to another code system than the list's (mixed lists such as relationships). */
  system: z.string().optional(),
  /** The same meaning in other lists, e.g. gender identity `1` -> administrative-gender `male`. */
  maps: z.record(z.string(), z.string()).optional(),
})

export const codeListSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  name: z.string(),
  version: z.string(),
  /** FHIR code system URL used when exporting codes from this list. */
  system: z.string(),
  /** Where the codes came from: a file under the UK Core package, or a named published source. */
  source: z.string(),
  /** False when the list could not be checked against its published source. */
  confirmed: z.boolean().default(true),
  notes: z.string().optional(),
  codes: z.array(codeSchema).min(1),
})

export type Catalogue = z.infer<typeof catalogueSchema>
export type ModsDataset = z.infer<typeof datasetSchema>
export type ModsClass = z.infer<typeof classSchema>
export type ModsElement = z.infer<typeof elementSchema>
export type CodeList = z.infer<typeof codeListSchema>
export type Code = z.infer<typeof codeSchema>
