import { z } from 'zod'
import { method } from '../define'
import { anyRole } from '../roles'

/** Where an item's details come from (mirrors core/mods/schema.ts; the contract imports only zod). */
export type ModsProvenance = 'data-spec' | 'scip' | 'uk-core' | 'product'

export interface ModsDatasetView {
  id: string
  label: string
  description: string
  fhirResource: string | null
  fhirProfile: string | null
  personLinked: boolean
}

export interface ModsClassView {
  id: string
  name: string
  definition: string
  dataset: string
  parent: string | null
  dataSpecClassId: string | null
  scipModel: string | null
  sources: ModsProvenance[]
  confirmed: boolean
  optionalInDataset: boolean
}

export interface ModsElementView {
  id: string
  classId: string
  name: string
  publishedName?: string | undefined
  definition: string
  datatype: string
  publishedType?: string | undefined
  cardinality: { min: number; max: number | '*' }
  occurs: string
  codeList: string | null
  fhirPath: string | null
  sources: ModsProvenance[]
  safetyCritical: boolean
  confirmed: boolean
  notes?: string | undefined
}

export interface ModsCatalogueView {
  modsVersion: string
  catalogueVersion: string
  standard: { name: string; reference: string; published: string; conformanceDate: string }
  references: { id: string; title: string; url: string; version: string }[]
  datasets: ModsDatasetView[]
  classes: ModsClassView[]
  elements: ModsElementView[]
}

export interface ModsCodeView {
  code: string
  display: string
  synonyms: string[]
  system?: string | undefined
  maps?: Record<string, string> | undefined
}

export interface ModsCodeListView {
  id: string
  name: string
  version: string
  system: string
  source: string
  confirmed: boolean
  notes?: string | undefined
  codes: ModsCodeView[]
}

export const modsMethods = {
  'mods.catalogue': method<ModsCatalogueView>()({
    input: z.object({}),
    roles: anyRole,
    mutates: false,
    doc: 'The MODS catalogue: versions, datasets, classes and elements with definitions, cardinality, code list and FHIR target.',
  }),
  'mods.codeList': method<ModsCodeListView>()({
    input: z.object({ id: z.string().min(1).max(80) }),
    roles: anyRole,
    mutates: false,
    doc: 'One MODS code list with its codes, displays, synonyms and source.',
  }),
} as const
