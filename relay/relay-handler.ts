import type { IncomingMessage, ServerResponse } from 'node:http'
import { z } from 'zod'
import { BASE_SECURITY_HEADERS, NO_CONTENT_POLICY } from '../security/content-security-policy.ts'
import { MAX_MAX_BODY_BYTES, MAX_REQUEST_TIMEOUT_MS, MIN_MAX_BODY_BYTES, MIN_REQUEST_TIMEOUT_MS } from '../src/protocol/limits.ts'
import { isForbiddenAddress } from './forbidden-address.ts'
import { forwardRequest, systemResolver, type Resolver } from './forward-request.ts'
import { normalizeHost, type RelayAllowlist } from './relay-allowlist.ts'
import { RelayRefusal } from './relay-refusal.ts'

/** The header every call must carry: a plain cross-site form or image cannot set it. */
export const RELAY_REQUEST_HEADER = 'x-oauth-console-relay'

export interface RelayLimits {
  maxRequestBytes: number
  maxReplyBytes: number
  timeoutMs: number
}

export const DEFAULT_LIMITS: RelayLimits = { maxRequestBytes: 1024 * 1024, maxReplyBytes: 5 * 1024 * 1024, timeoutMs: 30_000 }

export interface RelayOptions {
  allowlist: RelayAllowlist
  /** Names the relay is served on; any other Host header is refused (DNS rebinding). Read per request. */
  servedHostnames: () => readonly string[]
  /** Origins allowed besides the relay's own: the console's, when the relay runs alone. */
  consoleOrigins?: readonly string[]
  limits?: Partial<RelayLimits>
  resolve?: Resolver
}

const envelopeSchema = z.object({
  method: z.string().regex(/^[!#$%&'*+.^_`|~\dA-Za-z-]+$/, 'a method is a token such as POST'),
  url: z.string(),
  headers: z.array(z.tuple([z.string(), z.string()])).max(200),
  body: z.string().nullable(),
  /**
   * The console's limits for this request, within the console's own bounds, so a limit raised under its
   * Limits holds through the relay too; the relay's own apply when absent.
   */
  limits: z
    .object({
      timeout_ms: z.number().int().min(MIN_REQUEST_TIMEOUT_MS).max(MAX_REQUEST_TIMEOUT_MS).optional(),
      max_reply_bytes: z.number().int().min(MIN_MAX_BODY_BYTES).max(MAX_MAX_BODY_BYTES).optional(),
    })
    .optional(),
})

/** The relay's endpoints, relative to where it is mounted (`/relay`): health, allow, forward. */
export function createRelayHandler(options: RelayOptions): (request: IncomingMessage, response: ServerResponse) => void {
  const limits = { ...DEFAULT_LIMITS, ...options.limits }
  const resolve = options.resolve ?? systemResolver
  return (request, response) => {
    setSecurityHeaders(response)
    handle(request, response).catch((error: unknown) => {
      const refusal =
        error instanceof RelayRefusal ? error : new RelayRefusal('invalid_request', 'The relay could not handle this request.', { cause: error })
      refuse(response, refusal)
    })
  }

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const origin = checkCaller(request, options)
    if (origin !== null) {
      response.setHeader('Access-Control-Allow-Origin', origin)
      response.setHeader('Vary', 'Origin')
      response.setHeader('Access-Control-Expose-Headers', 'x-relay-status, x-relay-status-text, x-relay-headers, x-relay-duration-ms, x-relay-error')
    }
    const path = new URL(request.url ?? '/', 'http://relay.invalid').pathname.replace(/\/+$/, '')
    if (request.method === 'OPTIONS') {
      response.writeHead(204, {
        'Access-Control-Allow-Methods': 'GET, POST',
        'Access-Control-Allow-Headers': `content-type, ${RELAY_REQUEST_HEADER}`,
        'Access-Control-Max-Age': '600',
      })
      response.end()
      return
    }
    if (request.headers[RELAY_REQUEST_HEADER] !== '1') {
      throw new RelayRefusal('missing_relay_header', `Only the OAuth Console calls the relay (the ${RELAY_REQUEST_HEADER} header is missing).`)
    }
    switch (path) {
      case '/health':
        requireMethod(request, 'GET')
        return sendJson(response, 200, { relay: 'oauth-console', allowlist: options.allowlist.hosts(), limits })
      case '/allow': {
        requireMethod(request, 'POST')
        const parsed = z.object({ host: z.string().max(300) }).safeParse(parseJson(await readBody(request, 4096)))
        if (!parsed.success) throw new RelayRefusal('invalid_request', 'Send {"host": "name:port"} to allow a host.')
        const host = normalizeHost(parsed.data.host)
        if (isForbiddenAddress(new URL(`http://${host}`).hostname)) {
          throw new RelayRefusal('forbidden_address', `${host} is a link-local, metadata or unspecified address the relay never connects to.`)
        }
        return sendJson(response, 200, { allowed: options.allowlist.add(host), allowlist: options.allowlist.hosts() })
      }
      case '/forward':
        requireMethod(request, 'POST')
        return forward(request, response)
      default:
        throw new RelayRefusal('not_found', `The relay has no ${path || '/'} endpoint (health, allow, forward).`)
    }
  }

  async function forward(request: IncomingMessage, response: ServerResponse) {
    const parsed = envelopeSchema.safeParse(parseJson(await readBody(request, limits.maxRequestBytes)))
    if (!parsed.success) throw new RelayRefusal('invalid_request', `The relay request is malformed: ${parsed.error.issues[0]?.message ?? 'unknown'}.`)
    const envelope = parsed.data
    let url: URL
    try {
      url = new URL(envelope.url)
    } catch {
      throw new RelayRefusal('invalid_request', `"${envelope.url}" is not a URL.`)
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new RelayRefusal('invalid_request', `The relay forwards only http and https, not ${url.protocol}`)
    }
    if (!options.allowlist.has(url.host)) {
      throw new RelayRefusal(
        'host_not_allowed',
        `${url.host} is not on the relay's allowlist. Allow it in the console (Environment: "Allow ${url.host} through the relay") or start the relay with --allow-host ${url.host}.`,
      )
    }
    const asked = {
      timeoutMs: envelope.limits?.timeout_ms ?? limits.timeoutMs,
      maxReplyBytes: envelope.limits?.max_reply_bytes ?? limits.maxReplyBytes,
    }
    const gone = new AbortController()
    response.on('close', () => {
      if (!response.writableFinished) gone.abort()
    })
    const reply = await forwardRequest({ method: envelope.method, url, headers: envelope.headers, body: envelope.body }, asked, resolve, gone.signal)
    response.writeHead(200, {
      'Content-Type': 'application/octet-stream',
      'Content-Length': String(reply.body.length),
      'x-relay-status': String(reply.status),
      'x-relay-status-text': encodeURIComponent(reply.statusText),
      'x-relay-headers': encodeURIComponent(JSON.stringify(reply.headers)),
      'x-relay-duration-ms': reply.durationMs.toFixed(1),
      'Cache-Control': 'no-store',
    })
    response.end(reply.body)
  }
}

/**
 * On every answer, refusals included: the relay serves no page, so nothing may load from or frame what it
 * returns, and a forwarded reply (an identity server's HTML, say) is never sniffed into something runnable.
 */
export function setSecurityHeaders(response: ServerResponse) {
  for (const [name, value] of Object.entries(BASE_SECURITY_HEADERS)) response.setHeader(name, value)
  response.setHeader('Content-Security-Policy', NO_CONTENT_POLICY)
}

/**
 * The Host header must be a name the relay is served on, and a browser caller must be the relay's own
 * origin or a configured console origin. Returns the origin to grant CORS to, if it is another one.
 */
function checkCaller(request: IncomingMessage, options: RelayOptions): string | null {
  const host = request.headers.host ?? ''
  let hostname: string
  try {
    hostname = new URL(`http://${host}`).hostname
  } catch {
    hostname = ''
  }
  const served = options.servedHostnames().map((name) => name.toLowerCase().replace(/^\[|\]$/g, ''))
  if (!served.includes(hostname.replace(/^\[|\]$/g, ''))) {
    throw new RelayRefusal('foreign_host', `The relay is not served as "${host}" (Host header); it answers only on ${served.join(', ')}.`)
  }
  const origin = request.headers.origin
  const ownOrigin = `${'encrypted' in request.socket && request.socket.encrypted ? 'https' : 'http'}://${host}`
  if (origin === undefined) {
    // Browsers send Origin with every POST; only a same-origin GET may come without it.
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      throw new RelayRefusal('foreign_origin', 'The relay takes requests only from the console (no Origin header).')
    }
    return null
  }
  if (origin === ownOrigin) return null
  if (options.consoleOrigins?.includes(origin)) return origin
  throw new RelayRefusal('foreign_origin', `The relay takes requests only from the console, not from ${origin}.`)
}

function requireMethod(request: IncomingMessage, method: string) {
  if (request.method !== method) throw new RelayRefusal('method_not_allowed', `Use ${method} for this relay endpoint, not ${request.method}.`)
}

function readBody(request: IncomingMessage, maxBytes: number): Promise<string> {
  const declared = Number(request.headers['content-length'])
  if (declared > maxBytes) {
    request.resume()
    return Promise.reject(new RelayRefusal('request_too_large', `The request is larger than the relay's ${maxBytes} byte limit.`))
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    request.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > maxBytes) {
        request.removeAllListeners('data')
        request.resume()
        reject(new RelayRefusal('request_too_large', `The request is larger than the relay's ${maxBytes} byte limit.`))
        return
      }
      chunks.push(chunk)
    })
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    request.on('error', reject)
  })
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    throw new RelayRefusal('invalid_request', 'The relay request is not JSON.')
  }
}

function sendJson(response: ServerResponse, status: number, value: unknown) {
  const body = JSON.stringify(value)
  response.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(body)), 'Cache-Control': 'no-store' })
  response.end(body)
}

function refuse(response: ServerResponse, refusal: RelayRefusal) {
  if (response.headersSent) {
    response.destroy()
    return
  }
  response.setHeader('x-relay-error', refusal.code)
  sendJson(response, refusal.status, { relay_error: refusal.code, message: refusal.message })
}
