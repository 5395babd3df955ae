/** Connection-level headers: they describe one hop, so a relay neither forwards nor returns them. RFC 9110 §7.6.1. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
])

/** What the browser adds about the page (never the console's choice) and what the relay sets itself. */
const BROWSER_OR_TRANSPORT = new Set(['host', 'content-length', 'origin', 'cookie', 'referer', 'accept-encoding'])

export type HeaderPair = [name: string, value: string]

function connectionTokens(headers: readonly HeaderPair[]): Set<string> {
  const tokens = new Set<string>()
  for (const [name, value] of headers) {
    if (name.toLowerCase() !== 'connection') continue
    for (const token of value.split(',')) tokens.add(token.trim().toLowerCase())
  }
  return tokens
}

/** The console's request headers as the server should get them: no hop-by-hop, no browser-only header. */
export function upstreamRequestHeaders(headers: readonly HeaderPair[]): HeaderPair[] {
  const named = connectionTokens(headers)
  return headers.filter(([name]) => {
    const lower = name.toLowerCase()
    return !HOP_BY_HOP.has(lower) && !named.has(lower) && !BROWSER_OR_TRANSPORT.has(lower) && !lower.startsWith('sec-')
  })
}

/** The server's reply headers, in order and with repeats, minus the hop-by-hop ones. */
export function returnedReplyHeaders(rawHeaders: readonly string[]): HeaderPair[] {
  const pairs: HeaderPair[] = []
  for (let index = 0; index + 1 < rawHeaders.length; index += 2) pairs.push([rawHeaders[index]!, rawHeaders[index + 1]!])
  const named = connectionTokens(pairs)
  return pairs.filter(([name]) => !HOP_BY_HOP.has(name.toLowerCase()) && !named.has(name.toLowerCase()))
}
