import { readFileSync } from 'node:fs'
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import type { Resolver } from './forward-request.ts'
import { RELAY_REQUEST_HEADER } from './relay-handler.ts'
import { startRelay, type RunningRelay } from './relay-server.ts'

interface Seen {
  method: string
  url: string
  headers: IncomingHttpHeaders
  body: string
}

let upstream: Server
let upstreamHost: string
let relay: RunningRelay
let relayOrigin: string
const seen: Seen[] = []
/** Stalled replies whose connection the relay closed. */
const stallsClosed: string[] = []

// Names the tests point anywhere, without DNS.
const resolver: Resolver = async (hostname) => {
  const names: Record<string, { address: string; family: number }[]> = {
    'upstream.test': [{ address: '127.0.0.1', family: 4 }],
    'metadata.test': [{ address: '169.254.169.254', family: 4 }],
    'rebound.test': [{ address: 'fe80::1', family: 6 }],
  }
  const found = names[hostname]
  if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' })
  return found
}

beforeAll(async () => {
  upstream = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      seen.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks).toString() })
      switch (new URL(request.url ?? '/', 'http://upstream.test').pathname) {
        case '/token':
          response.writeHead(201, 'Made It', [
            ['Content-Type', 'application/json'],
            ['X-Upstream', 'a'],
            ['Set-Cookie', 'one=1'],
            ['Set-Cookie', 'two=2'],
            ['Connection', 'close, x-hop'],
            ['X-Hop', 'hidden'],
          ])
          response.end('{"access_token":"abc","token_type":"Bearer"}')
          return
        case '/redirect':
          response.writeHead(302, { Location: `http://${upstreamHost}/target` })
          response.end()
          return
        case '/big':
          response.writeHead(200, { 'Content-Type': 'text/plain' })
          response.end('x'.repeat(2000))
          return
        case '/gzip':
          response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' })
          response.end(gzipSync('{"zipped":true}'))
          return
        case '/stall':
          response.writeHead(200, { 'Content-Type': 'text/plain' })
          response.write('partial')
          response.on('close', () => stallsClosed.push(request.url ?? ''))
          return
        default:
          response.writeHead(200, { 'Content-Type': 'text/plain' })
          response.end('ok')
      }
    })
  })
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve))
  upstreamHost = `127.0.0.1:${(upstream.address() as AddressInfo).port}`
  relay = await startRelay({
    host: '127.0.0.1',
    port: 0,
    allowHosts: [upstreamHost, 'metadata.test', 'rebound.test', '169.254.169.254'],
    // 5 s: the stalled reply waits it out, and every other forward must fit in it on a busy machine (a 500 ms
    // limit answered an ordinary forward 504 beside three other suites).
    limits: { maxRequestBytes: 1000, maxReplyBytes: 1000, timeoutMs: 5_000 },
    resolve: resolver,
  })
  relayOrigin = new URL(relay.url).origin
})

afterAll(async () => {
  upstream.closeAllConnections()
  await new Promise<void>((resolve) => upstream.close(() => resolve()))
  await relay.close()
})

beforeEach(() => {
  seen.length = 0
})

interface Reply {
  status: number
  headers: IncomingHttpHeaders
  body: string
}

/** A raw HTTP call to the relay, so the test controls Host and Origin as a hostile page or a rebinding name would. */
function call(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  const url = new URL(`${relay.url}${path}`)
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(url, { method: options.method ?? 'POST', headers: options.headers }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString() }))
    })
    outgoing.on('error', reject)
    outgoing.end(options.body)
  })
}

const consoleHeaders = () => ({ Origin: relayOrigin, 'Content-Type': 'application/json', [RELAY_REQUEST_HEADER]: '1' })

function forward(
  envelope: { method?: string; url: string; headers?: [string, string][]; body?: string | null; limits?: { timeout_ms?: number; max_reply_bytes?: number } },
  headers: Record<string, string> = consoleHeaders(),
) {
  return call('/forward', {
    headers,
    body: JSON.stringify({ method: envelope.method ?? 'GET', url: envelope.url, headers: envelope.headers ?? [], body: envelope.body ?? null, limits: envelope.limits }),
  })
}

function relayError(reply: Reply) {
  return { status: reply.status, ...(JSON.parse(reply.body) as { relay_error: string; message: string }) }
}

describe('forwarding', () => {
  test('forwards method, URL, headers and body unchanged and returns status, headers (minus hop-by-hop ones) and body in the envelope', async () => {
    const reply = await forward({
      method: 'POST',
      url: `http://${upstreamHost}/token`,
      headers: [
        ['Content-Type', 'application/x-www-form-urlencoded'],
        ['Authorization', 'Basic d3d3OlBhc3N3b3JkMQ=='],
        ['Cookie', 'session=browser'],
        ['Referer', 'http://127.0.0.1:5173/'],
        ['Sec-Fetch-Mode', 'cors'],
        ['Origin', 'http://127.0.0.1:5173'],
        ['Connection', 'keep-alive'],
      ],
      body: 'grant_type=client_credentials&scope=dcr',
    })

    expect(reply.status).toBe(200)
    expect(reply.headers['x-relay-status']).toBe('201')
    expect(decodeURIComponent(String(reply.headers['x-relay-status-text']))).toBe('Made It')
    expect(JSON.parse(decodeURIComponent(String(reply.headers['x-relay-headers'])))).toEqual([
      ['Content-Type', 'application/json'],
      ['X-Upstream', 'a'],
      ['Set-Cookie', 'one=1'],
      ['Set-Cookie', 'two=2'],
      ['Date', expect.any(String)],
    ])
    expect(Number(reply.headers['x-relay-duration-ms'])).toBeGreaterThanOrEqual(0)
    expect(reply.body).toBe('{"access_token":"abc","token_type":"Bearer"}')

    expect(seen).toHaveLength(1)
    const [request] = seen
    expect(request).toMatchObject({ method: 'POST', url: '/token', body: 'grant_type=client_credentials&scope=dcr' })
    expect(request?.headers).toMatchObject({
      'content-type': 'application/x-www-form-urlencoded',
      authorization: 'Basic d3d3OlBhc3N3b3JkMQ==',
      host: upstreamHost,
      'content-length': '39',
    })
    for (const stripped of ['cookie', 'referer', 'sec-fetch-mode', 'origin']) expect(request?.headers).not.toHaveProperty(stripped)
  })

  test('a gzip reply comes back decoded, as a browser would read it', async () => {
    const reply = await forward({ url: `http://${upstreamHost}/gzip` })
    expect(reply.headers['x-relay-status']).toBe('200')
    expect(reply.body).toBe('{"zipped":true}')
  })

  test('a redirect is returned as data and not followed', async () => {
    const reply = await forward({ url: `http://${upstreamHost}/redirect` })

    expect(reply.headers['x-relay-status']).toBe('302')
    expect(JSON.parse(decodeURIComponent(String(reply.headers['x-relay-headers'])))).toContainEqual(['Location', `http://${upstreamHost}/target`])
    expect(seen.map((request) => request.url)).toEqual(['/redirect'])
  })

  test('health lists the allowlist, and allowing a host is an explicit call that widens it', async () => {
    const before = JSON.parse((await call('/health', { method: 'GET', headers: { [RELAY_REQUEST_HEADER]: '1' } })).body)
    expect(before.allowlist).not.toContain('upstream.test')

    const allowed = await call('/allow', { headers: consoleHeaders(), body: JSON.stringify({ host: 'upstream.test' }) })
    expect(JSON.parse(allowed.body)).toMatchObject({ allowed: 'upstream.test', allowlist: expect.arrayContaining(['upstream.test', upstreamHost]) })
  })
})

describe('refusals', () => {
  test('a host that is not on the allowlist', async () => {
    const reply = await forward({ url: 'http://127.0.0.1:9/token' })
    expect(relayError(reply)).toMatchObject({ status: 403, relay_error: 'host_not_allowed', message: expect.stringContaining('127.0.0.1:9') })
    expect(reply.headers['x-relay-error']).toBe('host_not_allowed')
  })

  test('the metadata address 169.254.169.254, even when allowed', async () => {
    const reply = await forward({ url: 'http://169.254.169.254/latest/meta-data/' })
    expect(relayError(reply)).toMatchObject({ status: 403, relay_error: 'forbidden_address' })
  })

  test('an allowed name that resolves to a link-local address, checked where the socket resolves it', async () => {
    const metadata = await forward({ url: 'http://metadata.test/latest/meta-data/' })
    expect(relayError(metadata)).toMatchObject({ relay_error: 'forbidden_address', message: expect.stringContaining('169.254.169.254') })

    const rebound = await forward({ url: 'http://rebound.test/' })
    expect(relayError(rebound)).toMatchObject({ relay_error: 'forbidden_address', message: expect.stringContaining('fe80::1') })
  })

  test('allowing a metadata address is refused', async () => {
    const reply = await call('/allow', { headers: consoleHeaders(), body: JSON.stringify({ host: '169.254.170.2' }) })
    expect(relayError(reply)).toMatchObject({ status: 403, relay_error: 'forbidden_address' })
  })

  test('an oversize request body and an oversize reply', async () => {
    const request = await forward({ method: 'POST', url: `http://${upstreamHost}/token`, body: 'x'.repeat(2000) })
    expect(relayError(request)).toMatchObject({ status: 413, relay_error: 'request_too_large' })

    const reply = await forward({ url: `http://${upstreamHost}/big` })
    expect(relayError(reply)).toMatchObject({ status: 502, relay_error: 'reply_too_large', message: expect.stringContaining('1000 byte') })
  })

  test('a reply that stalls past the timeout', async () => {
    const reply = await forward({ url: `http://${upstreamHost}/stall` })
    expect(relayError(reply)).toMatchObject({ status: 504, relay_error: 'upstream_timeout' })
  })

  test("the console's own limits hold through it, within the console's bounds: a longer reply cap, a shorter timeout", async () => {
    const bigger = await forward({ url: `http://${upstreamHost}/big`, limits: { max_reply_bytes: 4096 } })
    expect(bigger.status).toBe(200)
    expect(bigger.body).toBe('x'.repeat(2000))

    const sooner = await forward({ url: `http://${upstreamHost}/stall`, limits: { timeout_ms: 1000 } })
    expect(relayError(sooner)).toMatchObject({ status: 504, relay_error: 'upstream_timeout', message: expect.stringContaining('within 1 s') })

    const tooLong = await forward({ url: `http://${upstreamHost}/big`, limits: { timeout_ms: 3_600_000 } })
    expect(relayError(tooLong)).toMatchObject({ status: 400, relay_error: 'invalid_request' })
  })

  test('a request the console gave up on closes the connection to the server, not held to the end of the limit', async () => {
    stallsClosed.length = 0
    const url = new URL(`${relay.url}/forward`)
    const outgoing = httpRequest(url, { method: 'POST', headers: consoleHeaders() })
    outgoing.on('error', () => {})
    outgoing.end(JSON.stringify({ method: 'GET', url: `http://${upstreamHost}/stall?gave-up`, headers: [], body: null, limits: { timeout_ms: 600_000 } }))
    await expect.poll(() => seen.some((request) => request.url === '/stall?gave-up')).toBe(true)
    outgoing.destroy()
    // The console asked for 10 minutes: only the console leaving can close it before the test's limit.
    await expect.poll(() => stallsClosed, { timeout: 30_000 }).toContain('/stall?gave-up')
  })

  test('a server that does not answer', async () => {
    await call('/allow', { headers: consoleHeaders(), body: JSON.stringify({ host: '127.0.0.1:9' }) })
    const reply = await forward({ url: 'http://127.0.0.1:9/' })
    expect(relayError(reply)).toMatchObject({
      status: 502,
      relay_error: 'upstream_unreachable',
      message:
        'No response from http://127.0.0.1:9 through the relay: the connection was refused: nothing listens at 127.0.0.1:9. ' +
        'Is the server running, and is the port right? [ECONNREFUSED].',
    })
  })

  test("a company server whose certificate the relay does not trust says so, and how to add the organisation's CA", async () => {
    // A self-signed certificate made for this test only (relay/test-fixtures), as an internal CA's would look to Node.
    const fixtures = new URL('./test-fixtures/', import.meta.url)
    const tlsServer = createHttpsServer(
      { key: readFileSync(new URL('self-signed-key.pem', fixtures)), cert: readFileSync(new URL('self-signed-cert.pem', fixtures)) },
      (_request, response) => response.end('{}'),
    )
    await new Promise<void>((resolve) => tlsServer.listen(0, '127.0.0.1', resolve))
    try {
      const host = `127.0.0.1:${(tlsServer.address() as AddressInfo).port}`
      await call('/allow', { headers: consoleHeaders(), body: JSON.stringify({ host }) })
      const reply = await forward({ url: `https://${host}/.well-known/openid-configuration` })
      expect(relayError(reply)).toMatchObject({
        status: 502,
        relay_error: 'upstream_unreachable',
        message:
          `No response from https://${host} through the relay: the relay does not trust its TLS certificate (self-signed certificate). ` +
          'If your organisation signs it with its own CA, start the console (or npm run relay) with NODE_EXTRA_CA_CERTS=/path/to/ca.pem ' +
          '[DEPTH_ZERO_SELF_SIGNED_CERT].',
      })
    } finally {
      await new Promise<void>((resolve) => tlsServer.close(() => resolve()))
    }
  })

  test('another origin calling it', async () => {
    const reply = await forward({ url: `http://${upstreamHost}/token` }, { ...consoleHeaders(), Origin: 'http://evil.example' })
    expect(relayError(reply)).toMatchObject({ status: 403, relay_error: 'foreign_origin', message: expect.stringContaining('http://evil.example') })
    expect(reply.headers['access-control-allow-origin']).toBeUndefined()
    expect(seen).toHaveLength(0)
  })

  test('a call without the relay header, as a plain cross-site form would send', async () => {
    const reply = await forward({ url: `http://${upstreamHost}/token` }, { Origin: relayOrigin, 'Content-Type': 'text/plain' })
    expect(relayError(reply)).toMatchObject({ status: 403, relay_error: 'missing_relay_header' })
    expect(seen).toHaveLength(0)
  })

  test('a foreign Host header, as a rebound DNS name would send', async () => {
    const port = new URL(relay.url).port
    const reply = await forward(
      { url: `http://${upstreamHost}/token` },
      { ...consoleHeaders(), Host: `attacker.example:${port}`, Origin: `http://attacker.example:${port}` },
    )
    expect(relayError(reply)).toMatchObject({ status: 421, relay_error: 'foreign_host', message: expect.stringContaining('attacker.example') })
    expect(seen).toHaveLength(0)
  })

  test('a malformed envelope and a non-http URL', async () => {
    const malformed = await call('/forward', { headers: consoleHeaders(), body: '{"url": 1}' })
    expect(relayError(malformed)).toMatchObject({ status: 400, relay_error: 'invalid_request' })

    const file = await forward({ url: 'file:///etc/passwd' })
    expect(relayError(file)).toMatchObject({ status: 400, relay_error: 'invalid_request' })
  })
})
