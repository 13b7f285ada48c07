/** MODS items as the mapping screen offers them: label, dataset, and what the catalogue says about them. */
import type { ModsCatalogueView } from '../../../../src-main/contract'

export interface ItemOption {
  value: string
  label: string
  dataset: string
  codeList: string | null
  datatype: string
  /** False when the item's details could not be confirmed from the published MODS standard. */
  confirmed: boolean
  safetyCritical: boolean
}

export function itemOptions(catalogue: ModsCatalogueView): ItemOption[] {
  const classes = new Map(catalogue.classes.map((c) => [c.id, c]))
  return catalogue.elements.map((e) => {
    const cls = classes.get(e.classId)
    return {
      value: e.id,
      label: `${cls?.name ?? e.classId}: ${e.name}`,
      dataset: cls?.dataset ?? '',
      codeList: e.codeList,
      datatype: e.datatype,
      confirmed: e.confirmed,
      safetyCritical: e.safetyCritical,
    }
  })
}

export const unconfirmedHelp = 'Details not confirmed from the published MODS standard'
export const safetyCriticalHelp = 'Safety-critical: errors here can harm the person, so they block the export until fixed or signed off'
