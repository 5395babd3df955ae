import type { HarMirrorFeed } from './har-log-mirror.ts'
import type { HttpExchange } from './http-exchange.ts'
import { harTextParts } from './har.ts'

/** What the page sends the HAR worker: its copy of the log, then exports by sequence number. */
export type HarWorkerRequest =
  | HarMirrorFeed
  | { kind: 'export'; id: number; seqs: Int32Array; mask: boolean; creator: { name: string; version: string } }
  | { kind: 'release'; url: string }
  /** Whether the worker may read and build ahead now: the page says no while the person is using it. */
  | { kind: 'background'; allowed: boolean }

/**
 * What the HAR worker answers to export `id`: a blob: URL of the file (made in the worker, which
 * keeps it until told to release it), or why not.
 */
export type HarWorkerReply = { kind: 'done'; id: number; url: string } | { kind: 'failed'; id: number; message: string }

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
