/** RC4, the stream cipher Jet uses to mask its header page and "encode" the others (XOR, so it both masks and unmasks). */
export function rc4(key: ArrayLike<number>, data: Uint8Array): Buffer {
  const s = Uint8Array.from({ length: 256 }, (_, i) => i)
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i]! + key[i % key.length]!) & 0xff
    ;[s[i], s[j]] = [s[j]!, s[i]!]
  }
  const out = Buffer.from(data)
  for (let k = 0, i = 0, j = 0; k < out.length; k++) {
    i = (i + 1) & 0xff
    j = (j + s[i]!) & 0xff
    ;[s[i], s[j]] = [s[j]!, s[i]!]
    out[k]! ^= s[(s[i]! + s[j]!) & 0xff]!
  }
  return out
}
