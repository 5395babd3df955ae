import type { HttpExchange } from '../protocol/http-exchange.ts'

// Exchanges are immutable: their lower-cased search text is built once. The log builds it when it
// records or imports an exchange and keeps it beside it; this cache serves exchanges held elsewhere.
const searchTexts = new WeakMap<HttpExchange, string>()

/** The text Search looks in: URL, request body and response body, lower-cased. */
export function buildSearchText(exchange: HttpExchange): string {
  return `${exchange.request.url}\n${exchange.request.body ?? ''}\n${exchange.response?.body ?? ''}`.toLowerCase()
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
