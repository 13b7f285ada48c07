/**
 * Entry of the worker thread that reads an Access file (started by session.ts). A damaged file can
 * send mdb-reader into an endless loop or make it eat memory; here that costs only this thread,
 * which the main thread stops when a step takes too long or the thread runs out of memory.
 */
import { parentPort } from 'node:worker_threads'
import { AccessReading } from './database'
import type { AccessRequest } from './protocol'

const port = parentPort
if (!port) throw new Error('access/worker.ts runs only as a worker thread')
const reading = new AccessReading()
port.on('message', (request: AccessRequest) => port.postMessage(reading.answer(request)))
