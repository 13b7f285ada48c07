/**
 * Stable resource ids: a UUID version 5 (SHA-1, RFC 4122 §4.3) of the record's key in the
 * workspace's namespace, so exporting the same workspace again gives the same ids, and two
 * workspaces never collide.
 */
import { createHash } from 'node:crypto'

function uuidBytes(uuid: string): Buffer {
  const hex = uuid.replace(/-/g, '')
  if (!/^[0-9a-f]{32}$/i.test(hex)) throw new Error(`Not a UUID: ${uuid}`)
  return Buffer.from(hex, 'hex')
}

export function uuidV5(namespace: string, name: string): string {
  const hash = createHash('sha1').update(uuidBytes(namespace)).update(name, 'utf8').digest()
  hash[6] = (hash[6]! & 0x0f) | 0x50
  hash[8] = (hash[8]! & 0x3f) | 0x80
  const h = hash.subarray(0, 16).toString('hex')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}
