/**
 * Where an Access file is read. Normally in a worker thread with a memory cap and a time limit on
 * every step (opening the file, opening a table, one batch of rows): mdb-reader follows chains of
 * pages inside a file without limits, so a damaged memo or OLE value can loop for ever. A step that
 * runs out of time or memory stops the worker and fails the import. The in-thread session reads
 * the same way without isolation; tests use it where they replace mdb-reader.
 */
import { startWorker } from '../worker-entry'
import { AccessFailed, AccessReading } from './database'
import type { AccessReply, AccessRequest } from './protocol'

type Answer<K extends AccessRequest['kind']> = Extract<AccessReply, { kind: K }>['value']

export interface AccessSession {
  /** The answer to one request; rejects with AccessFailed when the file cannot be read. */
  ask<R extends AccessRequest>(request: R): Promise<Answer<R['kind']>>
  close(): void
}

export interface IsolationLimits {
  memoryMb: number
  stepSeconds: number
}

const repair = 'the file is probably damaged. Open it in Access, run Compact and Repair Database, and import it again'

function what(request: AccessRequest): { subject: string; sheet?: string } {
  return request.kind === 'open' ? { subject: 'the file' } : { subject: 'the table', sheet: request.name }
}

function answerOf<R extends AccessRequest>(reply: AccessReply): Answer<R['kind']> {
  if (reply.kind === 'failed') throw new AccessFailed(reply.failure)
  return reply.value as Answer<R['kind']>
}

export function inThreadSession(): AccessSession {
  const reading = new AccessReading()
  return {
    ask: async (request) => answerOf(reading.answer(request)),
    close: () => {},
  }
}

export function isolatedSession({ memoryMb, stepSeconds }: IsolationLimits): AccessSession {
  const worker = startWorker('access/worker', 'access-worker', { resourceLimits: { maxOldGenerationSizeMb: memoryMb } })
  let pending: { request: AccessRequest; resolve: (reply: AccessReply) => void; reject: (e: Error) => void } | null = null
  let broken: AccessFailed | null = null

  const fail = (reason: (subject: string) => string): void => {
    if (!pending) return
    const { subject, sheet } = what(pending.request)
    broken = new AccessFailed({ reason: reason(subject), ...(sheet !== undefined ? { sheet } : {}) })
    pending.reject(broken)
    pending = null
    void worker.terminate()
  }
  worker.on('message', (reply: AccessReply) => {
    pending?.resolve(reply)
    pending = null
  })
  worker.on('error', (e: Error & { code?: string }) =>
    fail((subject) =>
      e.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? `reading ${subject} needed more than the ${memoryMb} MB of memory allowed; ${repair}`
        : `${subject} could not be read (${e.message})`,
    ),
  )
  worker.on('exit', () => fail((subject) => `${subject} could not be read (the reader stopped unexpectedly)`))

  return {
    async ask(request) {
      if (broken) throw broken
      const reply = await new Promise<AccessReply>((resolve, reject) => {
        const timer = setTimeout(() => fail((subject) => `${subject} could not be read in time (${stepSeconds} s); ${repair}`), stepSeconds * 1000)
        const settle = <T>(then: (value: T) => void) => (value: T) => {
          clearTimeout(timer)
          then(value)
        }
        pending = { request, resolve: settle(resolve), reject: settle(reject) }
        worker.postMessage(request)
      })
      return answerOf(reply)
    },
    close: () => void worker.terminate(),
  }
}
