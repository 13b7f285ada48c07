/** Decoded text of a file in chunks (1 MB unless asked), with byte progress; shared by the CSV and NDJSON readers. */
import fs from 'node:fs'
import { textDecoder } from './encoding'

export const chunkBytes = 1 << 20

export interface TextChunk {
  text: string
  final: boolean
}

export async function* textChunks(filePath: string, encoding: string, skipBytes: number, onBytes: (n: number) => void, bytesPerChunk = chunkBytes): AsyncGenerator<TextChunk> {
  const file = await fs.promises.open(filePath, 'r')
  try {
    const decoder = textDecoder(encoding)
    let position = skipBytes
    // One buffer for the whole file: decoders copy what they keep.
    const buf = Buffer.allocUnsafe(bytesPerChunk)
    for (;;) {
      const { bytesRead } = await file.read(buf, 0, bytesPerChunk, position)
      position += bytesRead
      onBytes(position)
      if (bytesRead === 0) {
        yield { text: decoder.end(), final: true }
        return
      }
      yield { text: decoder.write(buf.subarray(0, bytesRead)), final: false }
    }
  } finally {
    await file.close()
  }
}

/** The first `bytes` of the file decoded (for sniffing); may end mid-record. */
export function headText(filePath: string, encoding: string, skipBytes: number, bytes = 64 * 1024): string {
  const fd = fs.openSync(filePath, 'r')
  try {
    const buf = Buffer.alloc(bytes)
    const n = fs.readSync(fd, buf, 0, bytes, skipBytes)
    return textDecoder(encoding).write(buf.subarray(0, n))
  } finally {
    fs.closeSync(fd)
  }
}
