/** Column profiling of imported tables (issue 2): types, blanks, distinct values, patterns, shapes. */
import { z } from 'zod'
import { method } from '../define'
import { readers } from '../roles'

export type ProfileValueType = 'integer' | 'decimal' | 'date' | 'text'
export type ProfilePatternKind = 'nhs-number' | 'postcode' | 'phone' | 'email'

export interface ColumnProfile {
  ordinal: number
  name: string
  /** Highest type of the non-blank values on the chain integer < decimal < date < text; 'empty' when all blank. */
  type: ProfileValueType | 'empty'
  /** How many non-blank values fall into each type. */
  typeCounts: Record<ProfileValueType, number>
  /** A well-known pattern most (>= 80%) non-blank values match, with the share that do. */
  pattern: { kind: ProfilePatternKind; share: number } | null
  blanks: number
  distinct: number
  /** True when the column had more distinct values than are tracked: `distinct` is then a lower bound. */
  distinctCapped: boolean
  topValues: { value: string; count: number }[]
  minLength: number | null
  maxLength: number | null
  /** Most common value shapes: letters become A/a, digits 9, punctuation kept ('Aa99 9Aa'). */
  shapes: { shape: string; count: number }[]
}

export interface TableProfile {
  tableId: number
  name: string
  fileName: string
  sheet: string | null
  rows: number
  columns: ColumnProfile[]
}

export const profileMethods = {
  'profile.table': method<TableProfile>()({
    input: z.object({ tableId: z.number().int().positive() }),
    roles: readers,
    mutates: false,
    doc: 'Statistics for every column of an imported table (one streaming pass over its rows).',
  }),
} as const
