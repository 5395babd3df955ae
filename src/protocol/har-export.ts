import type { HttpExchange } from './http-exchange.ts'
import { harTextParts } from './har.ts'

/** What the page sends the HAR worker: the exchanges in batches, then "end". */
export type HarWorkerRequest =
  | { kind: 'start'; creator: { name: string; version: string }; mask: boolean }
  | { kind: 'batch'; exchanges: HttpExchange[] }
  | { kind: 'end' }

/** What the HAR worker answers once: the file, or why not. */
export type HarWorkerReply = { kind: 'done'; blob: Blob } | { kind: 'failed'; message: string }

/**
 * Builds a HAR file from batches of exchanges: each batch becomes one piece of text at once, and the
 * pieces become a Blob at the end, so no single string holds the whole log. W3C HAR 1.2.
 */
export function createHarBuilder(creator: { name: string; version: string }, mask: boolean) {
  const parts = harTextParts(creator)
  const pieces: string[] = [parts.opening]
  return {
    add(exchanges: readonly HttpExchange[]) {
      pieces.push(parts.entries(exchanges, mask))
    },
    finish(): Blob {
      pieces.push(parts.closing)
      return new Blob(pieces, { type: 'application/json' })
    },
  }
}
