/**
 * How legacy text is compared with codes, displays and synonyms: case, spaces, accents and
 * punctuation are ignored, so "male ", "MALE" and "Male." all read as "male".
 */
export function normaliseCodeText(raw: string): string {
  return raw
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '')
}
