import { detectBodyFormat } from './body-format.ts'
import type { HeaderRow } from './http-exchange.ts'

/** A reply body read as an OAuth reply must be: a JSON object, or plain words for what it was. */
export type ReplyBody =
  | { kind: 'object'; value: Record<string, unknown> }
  | { kind: 'unusable'; reason: string }

/**
 * Reads a reply body as the JSON object OAuth replies are, or says in plain words what arrived
 * instead: "an empty body", "an HTML page", "a body that is not JSON", "JSON that is not an object".
 * The body is classified by {@link detectBodyFormat}, as masking and display classify it: by its
 * content, the Content-Type only a hint. RFC 6749 §5.1 (replies are JSON objects).
 */
export function readReplyBody(body: string, contentType: string | null): ReplyBody {
  if (body.trim() === '') return { kind: 'unusable', reason: 'an empty body' }
  let value: unknown
  try {
    value = JSON.parse(body)
  } catch {
    return { kind: 'unusable', reason: detectBodyFormat(contentType, body) === 'html' ? 'an HTML page' : 'a body that is not JSON' }
  }
  if (!isJsonObject(value)) return { kind: 'unusable', reason: 'JSON that is not an object' }
  return { kind: 'object', value }
}

/** Whether a parsed JSON value is an object (not null, not an array). RFC 8259 §4. */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The first value of a header, by case-insensitive name, from rows or a Headers object. RFC 9110 §5.1. */
export function headerValue(headers: readonly HeaderRow[] | Headers, name: string): string | null {
  if (headers instanceof Headers) return headers.get(name)
  const wanted = name.toLowerCase()
  return headers.find((row) => row.name.toLowerCase() === wanted)?.value ?? null
}

/** A copy without members whose value is undefined: lenient readers drop what they cannot use. RFC 8259 §4. */
export function withoutUndefined<T extends object>(value: T): T {
  const entries: [string, unknown][] = Object.entries(value).filter(([, member]) => member !== undefined)
  return Object.fromEntries(entries) as T
}
