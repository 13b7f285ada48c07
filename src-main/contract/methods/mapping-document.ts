/**
 * The mapping document's shapes (transforms, value maps, field/dataset/table mappings) as zod
 * schemas, so every front and the renderer's editors validate what the engine stores.
 */
import { z } from 'zod'

export const columnName = z.string().min(1).max(300)

/** One step of a field's value pipeline; steps run in order on the (joined) column text. */
export const transformSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('trim') }),
  z.object({ op: z.literal('case'), to: z.enum(['upper', 'lower', 'title']) }),
  /** Joins the field's columns (must be first when present; default separator is a space). */
  z.object({ op: z.literal('join'), separator: z.string().max(10) }),
  /** Takes one part of a full name: 'SMITH, Mary J', 'Mrs Mary Smith', 'Mary J. Smith'. */
  z.object({ op: z.literal('split-name'), part: z.enum(['title', 'given', 'middle', 'family']) }),
  /** UK date resolver: day/month order decided per column from the evidence unless fixed. */
  z.object({
    op: z.literal('uk-date'),
    order: z.enum(['auto', 'dmy', 'mdy', 'ymd']).default('auto'),
    /** Two-digit years at or below the pivot are 20xx, above it 19xx. */
    pivotYear: z.number().int().min(0).max(99).default(25),
    excelSystem: z.enum(['1900', '1904']).default('1900'),
  }),
  z.object({ op: z.literal('phone') }),
  z.object({ op: z.literal('postcode') }),
  z.object({ op: z.literal('nhs-number') }),
  /** Replaces the value with `valueColumn` of the row of sheet `table` whose `keyColumn` equals it. */
  z.object({ op: z.literal('lookup'), table: z.string().min(1), keyColumn: columnName, valueColumn: columnName }),
  /** A fixed value for every row (e.g. the provider's ODS code); columns may be empty. */
  z.object({ op: z.literal('constant'), value: z.string().max(1000) }),
])
export type Transform = z.infer<typeof transformSchema>
export type TransformOp = Transform['op']

/** Source value (compared trimmed, case-insensitively) → code; null means "this means no value". */
export const valueMapSchema = z.record(z.string().max(1000), z.string().max(200).nullable())
export type ValueMap = z.infer<typeof valueMapSchema>

export const fieldMappingSchema = z.object({
  element: z.string().min(1),
  columns: z.array(columnName).max(20).default([]),
  transforms: z.array(transformSchema).max(20).default([]),
  valueMap: valueMapSchema.optional(),
})
export type FieldMapping = z.infer<typeof fieldMappingSchema>

export const datasetMappingSchema = z.object({
  dataset: z.string().min(1),
  fields: z.array(fieldMappingSchema).max(500),
})
export type DatasetMapping = z.infer<typeof datasetMappingSchema>

export const tableMappingSchema = z.object({
  tableId: z.number().int().positive(),
  /** Column holding the person's key (e.g. 'Resident ID'): the person record's identity, and the link of child records. */
  personKey: columnName.nullable(),
  datasets: z.array(datasetMappingSchema).max(50),
})
export type TableMapping = z.infer<typeof tableMappingSchema>

export const mappingSchema = z.object({ tables: z.array(tableMappingSchema).max(500) })
export type Mapping = z.infer<typeof mappingSchema>
