import { z } from 'zod/mini'
import type { TransportFailure } from './http-exchange.ts'
import { requestLimits } from './limits.ts'
import { RELAY_REQUEST_HEADER } from './relay-request-header.ts'
import { DiagnosedFetchError, type FetchFn } from './transport-failure.ts'

/** Statuses whose Response may not have a body. Fetch Standard §2.2.3 (null body status). */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304])

const refusalSchema = z.object({ relay_error: z.string(), message: z.string() })
const headerPairsSchema = z.array(z.tuple([z.string(), z.string()]))

/**
 * A fetch that sends each request through the local relay at `relayUrl` (e.g. `/relay`) and hands
 * back the server's own reply, rebuilt: status, headers and body as the server sent them, a redirect
 * as a 3xx (never followed). A refusal by the relay throws a {@link DiagnosedFetchError} with kind
 * `relay` (or `network`/`timeout` when the relay could not reach the server). Fetch Standard §5.
 */
export function createRelayFetch(relayUrl: string, send: FetchFn = (url, init) => globalThis.fetch(url, init)): FetchFn {
  return async (url, init) => {
    const { timeoutMs, maxBodyBytes } = requestLimits()
    let envelope: string
    try {
      const request = new Request(url, init)
      envelope = JSON.stringify({
        method: request.method,
        url: request.url,
        headers: [...request.headers],
        body: init?.body === undefined || init.body === null ? null : await request.text(),
        // The relay waits and reads as long as the console would: a limit raised under Limits holds through it too.
        limits: { timeout_ms: timeoutMs, max_reply_bytes: maxBodyBytes },
      })
    } catch (error) {
      throw new DiagnosedFetchError({ kind: 'network', message: `The request could not be built: ${errorMessage(error)}.` }, { cause: error })
    }
    let reply: Response
    try {
      reply = await send(`${relayUrl}/forward`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [RELAY_REQUEST_HEADER]: '1' },
        body: envelope,
        cache: 'no-store',
        ...(init?.signal ? { signal: init.signal } : {}),
      })
    } catch (error) {
      if (isCancellation(error)) throw error
      throw new DiagnosedFetchError(
        { kind: 'relay', message: `The local relay at ${relayUrl} did not answer. Is the console running under npm start, vite or npm run relay?` },
        { cause: error },
      )
    }
    const status = reply.headers.get('x-relay-status')
    if (status === null) throw new DiagnosedFetchError(await refusalOf(reply, relayUrl))
    return rebuildReply(reply, Number(status))
  }
}

async function rebuildReply(reply: Response, status: number): Promise<Response> {
  const headers = new Headers()
  const pairs = headerPairsSchema.safeParse(safeJson(decodeURIComponent(reply.headers.get('x-relay-headers') ?? '%5B%5D')))
  for (const [name, value] of pairs.success ? pairs.data : []) {
    try {
      headers.append(name, value)
    } catch {
      // A header a browser would not accept either (bytes outside Latin-1): the page could not have read it.
    }
  }
  const body = NULL_BODY_STATUSES.has(status) ? null : await reply.arrayBuffer()
  if (!Number.isInteger(status) || status < 200 || status > 599) {
    throw new DiagnosedFetchError({ kind: 'relay', message: `The server answered with HTTP ${status}, which a browser cannot hand to a page.` })
  }
  const statusText = decodeURIComponent(reply.headers.get('x-relay-status-text') ?? '')
  try {
    return new Response(body, { status, statusText, headers })
  } catch {
    return new Response(body, { status, headers })
  }
}

/** The relay's own answer, `{"relay_error", "message"}`, as the failure the console shows. */
async function refusalOf(reply: Response, relayUrl: string): Promise<TransportFailure> {
  const parsed = refusalSchema.safeParse(safeJson(await reply.text().catch(() => '')))
  if (!parsed.success) {
    return {
      kind: 'relay',
      message: `${relayUrl} answered HTTP ${reply.status} but is not the console's relay (no relay reply). Is the relay running there?`,
    }
  }
  const { relay_error, message } = parsed.data
  switch (relay_error) {
    case 'upstream_unreachable':
      return { kind: 'network', message }
    case 'upstream_timeout':
      return { kind: 'timeout', message }
    default:
      return { kind: 'relay', message: `The local relay refused (${relay_error}): ${message}` }
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

function isCancellation(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError')
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
