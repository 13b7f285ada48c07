/** Shared by the import benchmarks: where generated files go and the synthetic name pools. */
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
export const benchDir = path.join(root, '.bench')

export const given = ['Zoë', 'Łukasz', 'Siân', 'Amelia', 'Oliver', 'Priya', 'Mohammed', 'Grace', 'Tomasz', 'Aoife']
export const family = ['Smith', 'Jones', 'Williams', 'Brown', 'Taylor', 'Davies', 'Evans', 'Patel', 'Nowak', "O'Brien"]
export const towns = ['Leeds', 'York', 'Hull', 'Bradford', 'Wakefield']
