import type { HttpExchange, RecordedRequest } from './http-exchange.ts'
import { MASK, maskExchange } from './masking.ts'

/** Quotes one word for bash: inside single quotes nothing is special, a quote becomes `'\''`. */
export function shellQuote(word: string): string {
  return `'${word.replaceAll("'", `'\\''`)}'`
}

/** Headers curl computes from the command: Content-Length from the body, Accept-Encoding with `--compressed`. */
const CURL_SETS = new Set(['content-length', 'accept-encoding'])

/** Above this size curl 7.x adds `Expect: 100-continue`, a header the console never sent. */
const EXPECT_THRESHOLD_BYTES = 1024

/**
 * A bash command that sends the recorded request again, byte for byte: explicit method, exact URL
 * (no globbing, no dot-segment squashing), every recorded header, the body as sent via
 * `--data-raw`. With `mask`, secrets are replaced as in {@link maskExchange}. Comment lines first
 * say what a reader must know before running it: that it went through the local relay (curl, like
 * the relay, has no CORS check), that secrets were masked (it will not authenticate as it is), and
 * that a DPoP proof in it is single-use. From a browser's HAR, what curl sets itself is left to it: HTTP/2
 * pseudo-headers and Content-Length are dropped, Accept-Encoding becomes `--compressed`.
 * RFC 9110 §9, §6.4, §8.6, §12.5.3; RFC 9113 §8.3; RFC 9449 §11.1.
 */
export function toCurl(exchange: HttpExchange, options: { mask: boolean }): string {
  const { request } = options.mask ? maskExchange(exchange) : exchange
  const notes = [
    ...(exchange.via === 'relay' ? ["# Sent through the OAuth Console's local relay (no browser CORS check)"] : []),
    ...(holdsMask(request) ? [`# Secrets are shown as ${MASK}: put them back before running this, or the server refuses it`] : []),
    ...(request.headers.some(({ name }) => name.toLowerCase() === 'dpop')
      ? ['# The DPoP proof is single-use (jti) and short-lived (iat, nonce): a server that checks replays refuses it a second time (RFC 9449 §11.1)']
      : []),
  ]
  // What a browser's HAR holds that curl sets itself is left to curl: a stale Content-Length would cut an
  // edited body, and a compressed reply would print as bytes. The console's own requests never carry these.
  const headers = request.headers.filter(({ name }) => !CURL_SETS.has(name.toLowerCase()) && !name.startsWith(':'))
  const head = ['curl', '-sS']
  if (request.headers.some(({ name }) => name.toLowerCase() === 'accept-encoding')) head.push('--compressed')
  if (/[[\]{}]/.test(request.url)) head.push('--globoff')
  if (/\/\.\.?(?:[/?#]|$)/.test(request.url.replace(/^[a-z][a-z\d+.-]*:\/\/[^/]*/i, ''))) head.push('--path-as-is')
  const method = /^[A-Za-z-]+$/.test(request.method) ? request.method : shellQuote(request.method)
  head.push(request.method === 'HEAD' ? '--head' : `-X ${method}`, shellQuote(request.url))
  const args = [head.join(' ')]
  for (const { name, value } of headers) {
    // `Name:` would make curl drop the header; `Name;` sends it with an empty value.
    args.push(`-H ${shellQuote(value === '' ? `${name};` : `${name}: ${value}`)}`)
  }
  if (request.body !== null) {
    const hasExpect = headers.some(({ name }) => name.toLowerCase() === 'expect')
    if (!hasExpect && new TextEncoder().encode(request.body).length > EXPECT_THRESHOLD_BYTES) args.push(`-H 'Expect:'`)
    args.push(`--data-raw ${shellQuote(request.body)}`)
  }
  return [...notes, args.join(' \\\n  ')].join('\n')
}

/** Masked here, or already masked when recorded elsewhere and imported from a masked HAR or session file. */
function holdsMask(request: RecordedRequest): boolean {
  return [request.url, request.body ?? '', ...request.headers.map(({ value }) => value)].some((text) => text.includes(MASK))
}
