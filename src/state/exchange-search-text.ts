import type { HttpExchange } from '../protocol/http-exchange.ts'

// Exchanges are immutable: their lower-cased search text is built once, when the log records or
// imports them, so no keystroke in Search lower-cases a body.
const searchTexts = new WeakMap<HttpExchange, string>()

function buildSearchText(exchange: HttpExchange): string {
  return `${exchange.request.url}\n${exchange.request.body ?? ''}\n${exchange.response?.body ?? ''}`.toLowerCase()
}

/** The text Search looks in: URL, request body and response body, lower-cased. */
export function searchTextOf(exchange: HttpExchange): string {
  let text = searchTexts.get(exchange)
  if (text === undefined) {
    text = buildSearchText(exchange)
    searchTexts.set(exchange, text)
  }
  return text
}

/** Builds the search text ahead of the first keystroke. */
export function prepareSearchText(exchanges: Iterable<HttpExchange>): void {
  for (const exchange of exchanges) searchTextOf(exchange)
}
