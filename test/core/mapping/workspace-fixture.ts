/** A small synthetic Sunnyside-shaped workspace for the mapping tests (invented people only). */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createWorkspace } from '../../../src-main/core/workspace'
import type { Workspace } from '../../../src-main/core/workspace'
import { createRawTable } from '../../helpers/raw-table'

export const actor = { user: 'tester', role: 'administrator' }

export const residentColumns = ['Resident ID', 'Title', 'Forename', 'Surname', 'D.O.B', 'Sex', 'NHS No', 'Post Code', 'Tel', 'Ethnicity', 'Interpreter?', 'Allergies']
export const residentRows = [
  ['R0001', 'Mrs', 'Mary', 'Smith', '03/04/1941', 'F', '943 476 5919', 'ls6 2ab', '01632 960123', 'White British', 'N', 'Penicillin'],
  ['R0002', 'Mr', 'John', 'Holroyd', '23/11/1938', 'Male', '9434765870', 'BD1 1AA', '01632960124', 'Brit', 'Yes', ''],
  ['R0003', 'Ms', 'Ann', 'Hirst', '31/02/1938', '', '', '', '', 'Irish', '', ''],
]
export const kinColumns = ['Resident ID', 'NOK Name', 'Relationship', 'NOK Tel', 'NOK Email', 'LPA (Y/N)']
export const kinRows = [
  ['R0001', 'SMITH, Jane', 'Daughter', '07700 900123', 'jane@example.com', 'Y'],
  ['r0002 ', 'Mr Bob Holroyd', 'Son', '01632960111', 'bob@example.org', 'N'],
  ['R9999', 'Mrs Ada Nobody', 'Niece', '', '', ''],
]

const dirs: string[] = []

export function sunnysideWorkspace(): { ws: Workspace; residents: number; kin: number } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mods-map-'))
  dirs.push(dir)
  const ws = createWorkspace(path.join(dir, 'w.modsws'), 'Sunnyside')
  const residents = createRawTable(ws.db, { name: 'Residents', columns: residentColumns, rows: residentRows })
  const kin = createRawTable(ws.db, { name: 'Next of Kin', columns: kinColumns, rows: kinRows })
  return { ws, residents, kin }
}

export function cleanUp(): void {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true })
}
