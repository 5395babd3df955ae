import type { HttpExchange, RecordedRequest } from './http-exchange.ts'
import { maskExchange } from './masking.ts'
import type { RecordInput } from './request-context.ts'

/** What a step would send, masked by the one masking rule, or why it cannot be built yet. */
export type RequestPreview = { kind: 'ready'; request: RecordedRequest } | { kind: 'not_ready'; message: string }

/** Thrown by the preview's fetch the moment a request would leave: the name recording-fetch reads as a cancel. */
class PreviewStop extends Error {
  override name = 'AbortError'
}

function messageOf(outcome: unknown): string {
  const message = typeof outcome === 'object' && outcome !== null ? (outcome as { message?: unknown }).message : undefined
  return typeof message === 'string' && message !== '' ? message : 'The request cannot be built yet: check the fields of this step.'
}

/**
 * Runs a step's own request function with a fetch that never sends: the request it builds (endpoint, client
 * authentication, form or JSON body, DPoP or client assertion included) is captured as it would leave, and
 * nothing reaches the HTTP log or the network. So the preview is the request, not a hand-written copy.
 * Secrets in it are masked as in curl and exports. RFC 6749 §10.3.
 */
export async function previewRequest(run: (recording: Required<Pick<RecordInput, 'record' | 'baseFetch'>>) => Promise<unknown>): Promise<RequestPreview> {
  let first: HttpExchange | null = null
  const record = (exchange: HttpExchange) => {
    first ??= exchange
  }
  const baseFetch = async (): Promise<Response> => {
    throw new PreviewStop('preview only: not sent')
  }
  let outcome: unknown
  try {
    outcome = await run({ record, baseFetch })
  } catch (error) {
    outcome = { message: error instanceof Error ? error.message : String(error) }
  }
  const captured = first as HttpExchange | null
  if (!captured) return { kind: 'not_ready', message: messageOf(outcome) }
  return { kind: 'ready', request: maskExchange({ ...captured, response: null, failure: null }).request }
}
