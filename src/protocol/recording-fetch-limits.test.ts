import { describe, expect, it } from 'vitest'
import { createRecordingFetch, TransportError } from './recording-fetch.ts'
import { exchangeLog, scriptedFetch, textReply } from './scripted-fetch.ts'
import type { FetchFn } from './transport-failure.ts'

async function failureOf(promise: Promise<unknown>): Promise<TransportError> {
  const error = await promise.then(() => null, (caught: unknown) => caught)
  if (!(error instanceof TransportError)) throw new Error(`expected a TransportError, got ${String(error)}`)
  return error
}

/** A fetch that answers only when its signal aborts, as a stalled server would. */
const stalledFetch: FetchFn = (_url, init) =>
  new Promise((_resolve, reject) => {
    // As fetch does: an already aborted signal rejects at once.
    if (init?.signal?.aborted) reject(init.signal.reason)
    init?.signal?.addEventListener('abort', () => reject(init.signal?.reason))
  })

/** A body that sends `chunks` chunks of `size` bytes, one per pull. */
function streamOf(chunks: number, size: number): ReadableStream<Uint8Array> {
  let sent = 0
  return new ReadableStream({
    pull(controller) {
      if (sent++ >= chunks) controller.close()
      else controller.enqueue(new Uint8Array(size).fill(0x61))
    },
  })
}

describe('createRecordingFetch limits', () => {
  it('asks for manual redirects, and records a 307 as a redirect not followed, naming status and Location', async () => {
    const baseFetch = scriptedFetch(textReply('', 307, { location: 'https://evil.example/register' }))
    const { record, exchanges } = exchangeLog()
    const fetch = createRecordingFetch('external-api', record, { baseFetch })

    const error = await failureOf(fetch('https://as.example/register', { method: 'POST', body: '{}' }))

    expect(baseFetch.sent[0]?.init?.redirect).toBe('manual')
    expect(error.failure.kind).toBe('redirect')
    expect(error.failure.message).toContain('https://as.example answered with HTTP 307 to https://evil.example/register, not followed')
    expect(exchanges).toHaveLength(1)
    expect(exchanges[0]?.response?.status).toBe(307)
    expect(exchanges[0]?.failure?.kind).toBe('redirect')
  })

  it('records an opaque redirect (what a browser gives) as a redirect whose target is hidden', async () => {
    const opaque = Object.defineProperty(new Response(null, { status: 200 }), 'type', { value: 'opaqueredirect' })
    const fetch = createRecordingFetch('jwks', () => {}, { baseFetch: scriptedFetch(opaque) })

    const error = await failureOf(fetch('https://as.example/jwks'))

    expect(error.failure.kind).toBe('redirect')
    expect(error.failure.message).toContain('does not let a page see where')
    expect(error.exchange.response).toBeNull()
  })

  it('stops a stalled request at the timeout and records it as timeout, naming the limit', async () => {
    const { record, exchanges } = exchangeLog()
    const fetch = createRecordingFetch('device-poll', record, { baseFetch: stalledFetch, timeoutMs: 20 })

    const error = await failureOf(fetch('https://as.example/token', { method: 'POST' }))

    expect(error.failure).toEqual({
      kind: 'timeout',
      message: expect.stringContaining('No complete reply from https://as.example within 0 s (the request timeout)'),
    })
    expect(exchanges[0]?.failure?.kind).toBe('timeout')
  })

  it("records the person's cancel as aborted", async () => {
    const controller = new AbortController()
    const fetch = createRecordingFetch('device-poll', () => {}, { baseFetch: stalledFetch, signal: controller.signal })

    const pending = failureOf(fetch('https://as.example/token'))
    controller.abort()

    expect((await pending).failure).toEqual({ kind: 'aborted', message: 'The request to https://as.example was cancelled.' })
  })

  it('keeps at most the cap of a large body, counts the rest, and refuses to hand it on', async () => {
    const { record, exchanges } = exchangeLog()
    const reply = new Response(streamOf(10, 1024), { headers: { 'content-type': 'application/json' } })
    const fetch = createRecordingFetch('client-credentials', record, { baseFetch: scriptedFetch(reply), maxBodyBytes: 3000 })

    const error = await failureOf(fetch('https://as.example/token'))

    expect(error.failure.kind).toBe('too_large')
    expect(error.failure.message).toBe(
      'The reply from https://as.example is 10 kB, over the 2.9 kB size limit: it was read up to the limit, the rest counted, the log shows its first 64 kB, and nothing was parsed.',
    )
    expect(exchanges[0]?.response?.body).toHaveLength(3000)
  })

  it('hands on a body within the cap as a readable Response', async () => {
    const fetch = createRecordingFetch('client-credentials', () => {}, {
      baseFetch: scriptedFetch(textReply('{"a":1}', 200, { 'content-type': 'application/json' })), maxBodyBytes: 7,
    })

    const response = await fetch('https://as.example/token')

    expect(await response.json()).toEqual({ a: 1 })
    expect(response.headers.get('content-type')).toBe('application/json')
  })

  it('refuses a header value outside Latin-1 before sending, instead of calling it CORS', async () => {
    const baseFetch = scriptedFetch()
    const { record, exchanges } = exchangeLog()
    const fetch = createRecordingFetch('external-api', record, { baseFetch })

    const error = await failureOf(fetch('https://api.example/', { headers: [['Authorization', 'Bearer tökén€']] }))

    expect(error.failure.kind).toBe('invalid_header')
    expect(error.failure.message).toContain('Header "Authorization" cannot be sent: its value contains "€" (U+20AC), outside the Latin-1 characters')
    expect(baseFetch.sent).toHaveLength(0)
    expect(exchanges).toHaveLength(1)
  })
})
