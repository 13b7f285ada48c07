/** Export packs: FHIR R4 UK Core bundle, MODS CSV extracts, issues, manifest, zip. */
export { exportPack, exportsDirFor } from './pack'
export { exportCheckedPack } from './checked-export'
export type { ExportOptions } from './pack'
export { writeIssuesCsv, issueColumns } from './issues-csv'
export { CsvWriter, neutralise, isFormulaLike, quoteField } from './csv'
export { uuidV5 } from './ids'
export { writeBundle } from './fhir/bundle'
