/** The screens, in workflow order. */
export const screens = [
  { id: 'start', label: 'Start', hint: 'Workspaces and versions' },
  { id: 'sources', label: 'Sources', hint: 'Import spreadsheets' },
  { id: 'data', label: 'Data', hint: 'Browse rows and profiles' },
  { id: 'mapping', label: 'Mapping', hint: 'Match columns to MODS' },
  { id: 'issues', label: 'Issues', hint: 'Data quality checks' },
  { id: 'export', label: 'Export', hint: 'FHIR and MODS files' },
] as const

export type ScreenId = (typeof screens)[number]['id']
