/** Versions shown in the about box, the CLI and every export manifest. */
import { readResourceJson } from './resources'

interface PackageJson {
  version: string
}

let cached: { appVersion: string; modsVersion: string; catalogueVersion: string; fhirVersion: string; ukCoreVersion: string } | null = null

export function appVersions() {
  if (cached) return cached
  const manifest = readResourceJson('mods', 'catalogue.json') as { modsVersion?: string; catalogueVersion?: string }
  const pkg = readResourceJson('..', 'package.json') as PackageJson
  cached = {
    appVersion: pkg.version,
    modsVersion: manifest.modsVersion ?? 'unknown',
    catalogueVersion: manifest.catalogueVersion ?? 'unknown',
    fhirVersion: '4.0.1',
    ukCoreVersion: 'STU2 2.0.2',
  }
  return cached
}
