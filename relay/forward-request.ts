import { lookup as dnsLookup, type LookupAddress } from 'node:dns'
import { request as httpRequest, type IncomingMessage } from 'node:http'
import { request as httpsRequest } from 'node:https'
import type { LookupFunction } from 'node:net'
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib'
import type { Readable } from 'node:stream'
import { isForbiddenAddress } from './forbidden-address.ts'
import type { HeaderPair } from './relay-headers.ts'
import { returnedReplyHeaders, upstreamRequestHeaders } from './relay-headers.ts'
import { RelayRefusal } from './relay-refusal.ts'

/** Resolves a host name to every address it has; tests inject one to point a name anywhere. */
export type Resolver = (hostname: string) => Promise<LookupAddress[]>

export const systemResolver: Resolver = (hostname) =>
  new Promise((resolve, reject) =>
    dnsLookup(hostname, { all: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))),
  )

export interface ForwardLimits {
  /** Bytes of the reply body (after decompression) the relay returns before refusing. */
  maxReplyBytes: number
  /** Milliseconds from sending until the whole reply has arrived. */
  timeoutMs: number
}

export interface ForwardedRequest {
  method: string
  url: URL
  headers: HeaderPair[]
  body: string | null
}

export interface ForwardedReply {
  status: number
  statusText: string
  headers: HeaderPair[]
  body: Buffer
  durationMs: number
}

/**
 * The connection's own name lookup: every address a name resolves to is checked right where the
 * socket gets it, so a name cannot pass a check and then connect somewhere else (DNS rebinding).
 */
function guardedLookup(resolve: Resolver): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname).then(
      (addresses) => {
        const family = typeof options === 'object' && options.family ? options.family : 0
        const usable = addresses.filter((address) => family === 0 || address.family === family)
        const forbidden = usable.find((address) => isForbiddenAddress(address.address))
        if (forbidden) {
          const refusal = new RelayRefusal(
            'forbidden_address',
            `${hostname} resolves to ${forbidden.address}, a link-local, metadata or unspecified address the relay never connects to.`,
          )
          callback(refusal as unknown as NodeJS.ErrnoException, '', 0)
          return
        }
        if (typeof options === 'object' && options.all) callback(null, usable)
        else if (usable[0]) callback(null, usable[0].address, usable[0].family)
        else callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '', 0)
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 0),
    )
  }
}

function decoded(response: IncomingMessage): Readable {
  switch ((response.headers['content-encoding'] ?? '').trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return response.pipe(createGunzip())
    case 'deflate':
      return response.pipe(createInflate())
    case 'br':
      return response.pipe(createBrotliDecompress())
    default:
      return response
  }
}

/**
 * Sends one request as given and reads the whole reply, without following a redirect (a 3xx comes
 * back as it is). Refuses forbidden addresses, a reply over the size cap, and slowness past the timeout;
 * stops when `signal` aborts.
 * RFC 9110 §15.4 (redirects are the client's choice), §7.6.1 (hop-by-hop headers).
 */
export function forwardRequest(request: ForwardedRequest, limits: ForwardLimits, resolve: Resolver, signal?: AbortSignal): Promise<ForwardedReply> {
  const { url } = request
  const hostname = url.hostname.replace(/^\[|\]$/g, '')
  if (isForbiddenAddress(hostname)) {
    return Promise.reject(
      new RelayRefusal('forbidden_address', `${url.host} is a link-local, metadata or unspecified address the relay never connects to.`),
    )
  }
  const startedAt = performance.now()
  const body = request.body === null ? null : Buffer.from(request.body, 'utf8')
  const headers = ['Host', url.host, ...upstreamRequestHeaders(request.headers).flat()]
  if (body !== null) headers.push('Content-Length', String(body.length))
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest
  return new Promise<ForwardedReply>((resolveReply, reject) => {
    let settled = false
    const fail = (error: unknown) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      outgoing.destroy()
      reject(error)
    }
    const timer = setTimeout(
      () => fail(new RelayRefusal('upstream_timeout', `${url.host} sent no complete reply within ${limits.timeoutMs / 1000} s.`)),
      limits.timeoutMs,
    )
    const outgoing = send(
      url,
      { method: request.method, headers, lookup: guardedLookup(resolve), setHost: false, agent: false },
      (response) => {
        const chunks: Buffer[] = []
        let size = 0
        const stream = decoded(response)
        stream.on('data', (chunk: Buffer) => {
          size += chunk.length
          if (size > limits.maxReplyBytes) {
            stream.destroy()
            response.destroy()
            fail(new RelayRefusal('reply_too_large', `The reply from ${url.host} is larger than the relay's ${limits.maxReplyBytes} byte limit.`))
            return
          }
          chunks.push(chunk)
        })
        stream.on('error', (error) => fail(unreachable(url, error)))
        stream.on('end', () => {
          if (settled) return
          settled = true
          clearTimeout(timer)
          resolveReply({
            status: response.statusCode ?? 502,
            statusText: response.statusMessage ?? '',
            headers: returnedReplyHeaders(response.rawHeaders),
            body: Buffer.concat(chunks),
            durationMs: performance.now() - startedAt,
          })
        })
      },
    )
    outgoing.on('error', (error) => fail(error instanceof RelayRefusal ? error : unreachable(url, error)))
    // The console gave up (Cancel, its timeout): the server's connection is not held for the rest of the limit.
    signal?.addEventListener('abort', () => fail(new RelayRefusal('upstream_timeout', `The console stopped waiting for ${url.host}.`)), { once: true })
    outgoing.end(body ?? undefined)
  })
}

/** TLS failures where the certificate chain ends at a CA Node does not know: an organisation's own CA, typically. */
const UNTRUSTED_CA = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
])

/** What went wrong on the way to the server, in words, for the codes a support person meets. */
function whyUnreachable(url: URL, code: string, message: string): string {
  if (UNTRUSTED_CA.has(code)) {
    return (
      `the relay does not trust its TLS certificate (${message}). If your organisation signs it with its own CA, ` +
      `start the console (or npm run relay) with NODE_EXTRA_CA_CERTS=/path/to/ca.pem`
    )
  }
  if (code.startsWith('CERT_') || code === 'ERR_TLS_CERT_ALTNAME_INVALID') return `its TLS certificate is not valid here (${message})`
  if (code.includes('WRONG_VERSION_NUMBER')) return 'no TLS at that port: is it a plain http port given as https?'
  switch (code) {
    case 'ECONNREFUSED':
      return `the connection was refused: nothing listens at ${url.host}. Is the server running, and is the port right?`
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `${url.hostname} does not resolve (DNS) on the machine the relay runs on`
    case 'ECONNRESET':
      return 'the connection was closed before a complete reply'
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `${url.host} cannot be reached from the machine the relay runs on (a firewall, VPN or proxy?)`
    default:
      return ''
  }
}

function unreachable(url: URL, error: unknown): RelayRefusal {
  if (error instanceof RelayRefusal) return error
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : ''
  const message = error instanceof Error ? error.message : String(error)
  const why = whyUnreachable(url, code, message)
  const detail = code || message
  return new RelayRefusal('upstream_unreachable', `No response from ${url.origin} through the relay${why ? `: ${why}` : ''} [${detail}].`, {
    cause: error,
  })
}
