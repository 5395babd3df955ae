import type { HeaderRow, HttpExchange } from '../protocol/http-exchange.ts'

// Exchanges are immutable: their lower-cased search text is built once. The log builds it when it
// records or imports an exchange and keeps it beside it; this cache serves exchanges held elsewhere.
const searchTexts = new WeakMap<HttpExchange, string>()

function headerLines(headers: readonly HeaderRow[]): string {
  let text = ''
  for (const { name, value } of headers) text += `${name}: ${value}\n`
  return text
}

/**
 * The text Search looks in, lower-cased: URL, headers and body of request and response, and why
 * there was no response. Headers too: a ticket names a correlation id (x-request-id) or an error that
 * an API puts only in WWW-Authenticate (RFC 6750 §3).
 */
export function buildSearchText(exchange: HttpExchange): string {
  const { request, response, failure } = exchange
  return (
    `${request.url}\n${headerLines(request.headers)}${request.body ?? ''}\n` +
    `${response ? `${headerLines(response.headers)}${response.body}` : ''}\n${failure?.message ?? ''}`
  ).toLowerCase()
}

/** {@link buildSearchText}, built once per exchange. */
export function searchTextOf(exchange: HttpExchange): string {
  let text = searchTexts.get(exchange)
  if (text === undefined) {
    text = buildSearchText(exchange)
    searchTexts.set(exchange, text)
  }
  return text
}
