import { createHarBuilder, type HarWorkerReply, type HarWorkerRequest } from '../../protocol/har-export.ts'
import type { HttpExchange } from '../../protocol/http-exchange.ts'

/** Exchanges per message: small enough that copying one batch to the worker never holds up input. */
const BATCH = 1_000

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

function batchesOf(exchanges: readonly HttpExchange[]): HttpExchange[][] {
  const batches: HttpExchange[][] = []
  for (let start = 0; start < exchanges.length; start += BATCH) batches.push(exchanges.slice(start, start + BATCH))
  return batches
}

/** Where there is no Worker (jsdom): the same builder on this thread, one batch per task. */
async function buildHere(exchanges: readonly HttpExchange[], creator: { name: string; version: string }, mask: boolean): Promise<Blob> {
  const builder = createHarBuilder(creator, mask)
  for (const batch of batchesOf(exchanges)) {
    builder.add(batch)
    await nextTask()
  }
  return builder.finish()
}

/**
 * The HAR file of `exchanges`, built in a Worker: masking and serialising happen off the main thread,
 * the exchanges go over in batches with a task between them, and the file comes back as a Blob.
 */
export async function buildHarFile(exchanges: readonly HttpExchange[], options: { mask: boolean; creator: { name: string; version: string } }): Promise<Blob> {
  if (typeof Worker === 'undefined') return buildHere(exchanges, options.creator, options.mask)
  const worker = new Worker(new URL('../../protocol/har-export.worker.ts', import.meta.url), { type: 'module', name: 'HAR export' })
  try {
    const reply = new Promise<HarWorkerReply>((resolve) => {
      worker.onmessage = (event: MessageEvent<HarWorkerReply>) => resolve(event.data)
      worker.onerror = (event) => resolve({ kind: 'failed', message: event.message || 'the HAR worker stopped' })
    })
    const send = (message: HarWorkerRequest) => worker.postMessage(message)
    send({ kind: 'start', creator: options.creator, mask: options.mask })
    for (const batch of batchesOf(exchanges)) {
      send({ kind: 'batch', exchanges: batch })
      await nextTask()
    }
    send({ kind: 'end' })
    const result = await reply
    if (result.kind === 'failed') throw new Error(result.message)
    return result.blob
  } finally {
    worker.terminate()
  }
}
