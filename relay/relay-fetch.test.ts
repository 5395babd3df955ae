// The browser side of the relay (src/protocol/relay-fetch.ts) against the real relay, over HTTP.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startRelay, type RunningRelay } from './relay-server.ts'
import { toCurl } from '../src/protocol/curl.ts'
import { toHar } from '../src/protocol/har.ts'
import type { HttpExchange } from '../src/protocol/http-exchange.ts'
import { createRecordingFetch, TransportError } from '../src/protocol/recording-fetch.ts'
import { allowRelayHost, fetchRelayStatus, hostsOf } from '../src/protocol/relay-fetch-allowlist.ts'
import { configureRequestLimits, requestLimits } from '../src/protocol/limits.ts'
import { createRelayFetch } from '../src/protocol/relay-fetch.ts'
import type { FetchFn } from '../src/protocol/transport-failure.ts'

let upstream: Server
let upstreamOrigin: string
let relay: RunningRelay
let send: FetchFn

beforeAll(async () => {
  upstream = createServer((request, response) => {
    if (request.url === '/moved') {
      response.writeHead(307, { Location: 'http://elsewhere.example/token' })
      response.end()
      return
    }
    let body = ''
    request.on('data', (chunk: Buffer) => (body += chunk))
    request.on('end', () => {
      response.writeHead(400, 'Bad Request', { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' })
      response.end(JSON.stringify({ error: 'invalid_client', seen: { body, type: request.headers['content-type'] } }))
    })
  })
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve))
  upstreamOrigin = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`
  relay = await startRelay({ host: '127.0.0.1', port: 0 })
  // A browser adds Origin to every POST; Node's fetch does not, so the test adds it as Chromium would.
  send = (url, init) => fetch(url, { ...init, headers: { ...(init?.headers as Record<string, string>), origin: new URL(relay.url).origin } })
})

afterAll(async () => {
  await relay.close()
  await new Promise<void>((resolve) => upstream.close(() => resolve()))
})

describe('createRelayFetch', () => {
  test("asks the relay to wait and read as long as the console's Limits say", async () => {
    let envelope: unknown
    const capture: FetchFn = async (_url, init) => {
      envelope = JSON.parse(String(init?.body))
      return new Response('{}', { status: 403 })
    }
    const before = requestLimits()
    configureRequestLimits({ timeoutMs: 120_000, maxBodyBytes: 20 * 1024 * 1024 })
    try {
      await createRelayFetch(relay.url, capture)(`${upstreamOrigin}/token`).catch(() => undefined)
    } finally {
      configureRequestLimits(before)
    }
    expect(envelope).toMatchObject({ limits: { timeout_ms: 120_000, max_reply_bytes: 20 * 1024 * 1024 } })
  })

  test('reports the relay unavailable, then allows a host only when asked', async () => {
    const host = new URL(upstreamOrigin).host
    expect(await fetchRelayStatus(relay.url, send)).toEqual({ available: true, allowlist: [] })
    expect(await allowRelayHost(relay.url, host, send)).toEqual({ ok: true, allowlist: [host] })
    expect(await fetchRelayStatus('http://127.0.0.1:9/relay', send)).toEqual({ available: false, reason: 'No relay answers at http://127.0.0.1:9/relay.' })
    expect(await allowRelayHost(relay.url, '169.254.169.254', send)).toMatchObject({ ok: false, message: expect.stringContaining('link-local') })
  })

  test("rebuilds the server's reply: status, status text, headers and body, the form body sent as it was", async () => {
    const relayFetch = createRelayFetch(relay.url, send)
    const response = await relayFetch(`${upstreamOrigin}/token`, { method: 'POST', body: new URLSearchParams({ grant_type: 'client_credentials' }) })

    expect(response.status).toBe(400)
    expect(response.statusText).toBe('Bad Request')
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(await response.json()).toEqual({
      error: 'invalid_client',
      seen: { body: 'grant_type=client_credentials', type: 'application/x-www-form-urlencoded;charset=UTF-8' },
    })
  })

  test('a redirect comes back as the 3xx it is, not followed', async () => {
    const response = await createRelayFetch(relay.url, send)(`${upstreamOrigin}/moved`)
    expect(response.status).toBe(307)
    expect(response.headers.get('location')).toBe('http://elsewhere.example/token')
  })

  test('a refusal is recorded as a relay failure, marked as sent through the relay, in the log, curl and HAR', async () => {
    const recorded: HttpExchange[] = []
    const recordingFetch = createRecordingFetch('client-credentials', (exchange) => recorded.push(exchange), {
      baseFetch: createRelayFetch(relay.url, send),
      via: 'relay',
    })

    const failure = await recordingFetch('http://not-allowed.example/token', { method: 'POST', body: 'a=b' }).catch((error: unknown) => error)

    expect(failure).toBeInstanceOf(TransportError)
    expect((failure as TransportError).failure).toEqual({
      kind: 'relay',
      message: expect.stringMatching(/^The local relay refused \(host_not_allowed\): not-allowed\.example is not on the relay's allowlist/),
    })
    expect(recorded).toHaveLength(1)
    expect(recorded[0]).toMatchObject({ via: 'relay', request: { url: 'http://not-allowed.example/token', body: 'a=b' }, response: null })
    expect(toCurl(recorded[0]!, { mask: true }).split('\n')[0]).toBe("# Sent through the OAuth Console's local relay (no browser CORS check)")
    const [entry] = toHar(recorded, { mask: true, creator: { name: 'test', version: '1' } }).log.entries
    expect(entry).toMatchObject({ _relay: true, _failure: { kind: 'relay' }, comment: expect.stringContaining('local relay') })
  })

  test('a relay that does not answer is a relay failure, not a CORS or network diagnosis of the server', async () => {
    const failure = await createRelayFetch('http://127.0.0.1:9/relay', send)(`${upstreamOrigin}/token`).catch((error: unknown) => error)
    expect(failure).toMatchObject({ name: 'DiagnosedFetchError', failure: { kind: 'relay', message: expect.stringContaining('did not answer') } })
  })
})

test('hostsOf lists each host:port once and skips what is not an http(s) URL', () => {
  expect(hostsOf(['http://127.0.0.1:8443/oauth', 'http://127.0.0.1:8443/token', 'https://id.example.com/x', 'half typed', 'ftp://x'])).toEqual([
    '127.0.0.1:8443',
    'id.example.com',
  ])
})
