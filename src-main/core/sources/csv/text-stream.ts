/** Decoded text of a file in chunks (1 MB unless asked), with byte progress; shared by the CSV and NDJSON readers. */
import fs from 'node:fs'
import type { FileReadResult } from 'node:fs/promises'
import { textDecoder } from './encoding'

export const chunkBytes = 1 << 20

export interface TextChunk {
  text: string
  final: boolean
}

export async function* textChunks(filePath: string, encoding: string, skipBytes: number, onBytes: (n: number) => void, bytesPerChunk = chunkBytes): AsyncGenerator<TextChunk> {
  const file = await fs.promises.open(filePath, 'r')
  // Two buffers, one read ahead: the next chunk is read while the caller handles this one, so
  // the import does not wait for the disk (decoders copy what they keep, so a buffer is free once decoded).
  const buffers = [Buffer.allocUnsafe(bytesPerChunk), Buffer.allocUnsafe(bytesPerChunk)] as const
  let next: Promise<FileReadResult<Buffer>> | null = null
  const readInto = (turn: 0 | 1, position: number): Promise<FileReadResult<Buffer>> => {
    const reading = file.read(buffers[turn], 0, bytesPerChunk, position)
    // Handled here too: a failure while the caller is busy must not count as an unhandled rejection.
    reading.catch(() => undefined)
    return reading
  }
  try {
    const decoder = textDecoder(encoding)
    let position = skipBytes
    let turn: 0 | 1 = 0
    next = readInto(turn, position)
    for (;;) {
      const { bytesRead, buffer } = await next
      next = null
      position += bytesRead
      onBytes(position)
      if (bytesRead === 0) {
        yield { text: decoder.end(), final: true }
        return
      }
      turn = turn === 0 ? 1 : 0
      next = readInto(turn, position)
      yield { text: decoder.write(buffer.subarray(0, bytesRead)), final: false }
    }
  } finally {
    // A read still in flight (the caller stopped early) must finish before the file is closed.
    await next?.catch(() => undefined)
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
