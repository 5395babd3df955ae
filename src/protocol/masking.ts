import { decodeFormComponent, detectBodyFormat, jsonTokens } from './body-format.ts'
import type { HeaderRow, HttpExchange } from './http-exchange.ts'

/** What replaces a secret in a masked exchange, export or copy. */
export const MASK = '••••••'

/** Form and query fields that carry credentials. RFC 6749 §2.3.1, §4.1.3, §6; RFC 7521 §4.2; RFC 7636 §4.5; RFC 8628 §3.4; RFC 8693 §2.1; RFC 7591 §3.2.1; RFC 7009 §2.1; RFC 7662 §2.1. */
const SECRET_FORM_FIELDS = new Set([
  'client_secret',
  'client_assertion',
  'assertion',
  'refresh_token',
  'access_token',
  'device_code',
  'code',
  'code_verifier',
  'password',
  'token',
  'id_token_hint',
  'subject_token',
  'actor_token',
  'registration_access_token',
])

/** JSON members that carry credentials. RFC 6749 §5.1, OIDC Core §3.1.3.3, RFC 7591 §3.2.1, RFC 8628 §3.2. */
const SECRET_JSON_FIELDS = new Set([
  'client_secret',
  'access_token',
  'refresh_token',
  'id_token',
  'registration_access_token',
  'device_code',
  'password',
  'client_assertion',
])

/** Headers whose value is a URL that may carry secrets in its query, e.g. a redirect with `code`. */
const URL_HEADERS = new Set(['location', 'content-location', 'referer'])

/**
 * Whether a field holds a secret: `where` is `form` for form bodies and query strings, `json` for
 * JSON members. `client_id` and `user_code` are not secrets. RFC 6749 §2.3.1, RFC 8628 §3.2.
 */
export function isSecretField(name: string, where: 'form' | 'json' = 'form'): boolean {
  return (where === 'json' ? SECRET_JSON_FIELDS : SECRET_FORM_FIELDS).has(name)
}

type SecretFound = (value: string) => void
const ignore: SecretFound = () => {}

/**
 * A header value with its secret masked: `Authorization` keeps its scheme (`Basic ••••••`),
 * cookies keep their names and attributes, URL headers mask secret query fields. RFC 9110 §11.6.2,
 * RFC 6265 §4.1-4.2.
 */
export function maskHeaderValue(name: string, value: string): string {
  return maskHeader(name, value, ignore)
}

function maskHeader(name: string, value: string, found: SecretFound): string {
  const lower = name.toLowerCase()
  if (lower === 'authorization' || lower === 'proxy-authorization') return maskCredentials(value, found)
  if (lower === 'cookie') return value.split(';').map((pair) => maskCookiePair(pair, found)).join(';')
  if (lower === 'set-cookie') {
    const [pair = '', ...attributes] = value.split(';')
    return [maskCookiePair(pair, found), ...attributes].join(';')
  }
  if (URL_HEADERS.has(lower)) return maskUrl(value, found)
  return value
}

function maskCredentials(value: string, found: SecretFound): string {
  const match = /^(\s*[!#$%&'*+.^_`|~\w-]+ +)(.*)$/s.exec(value)
  if (!match) {
    if (value !== '') found(value)
    return value === '' ? value : MASK
  }
  const [, scheme = '', credentials = ''] = match
  if (credentials === '') return value
  found(credentials)
  if (scheme.trim().toLowerCase() === 'basic') {
    // The decoded secret must not appear anywhere else either (RFC 6749 §2.3.1 form-encodes it).
    const decoded = decodeBase64(credentials.trim())
    const colon = decoded?.indexOf(':') ?? -1
    if (decoded && colon !== -1 && colon < decoded.length - 1) {
      const secret = decoded.slice(colon + 1)
      found(secret)
      found(decodeFormComponent(secret))
    }
  }
  return scheme + MASK
}

// One decoder for every call: making one per header cost more than the decoding (a HAR export masks 10,000 of them).
const strictUtf8 = new TextDecoder('utf-8', { fatal: true })

function decodeBase64(text: string): string | null {
  try {
    const binary = atob(text)
    const bytes = new Uint8Array(binary.length)
    for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index)
    return strictUtf8.decode(bytes)
  } catch {
    return null
  }
}

function maskCookiePair(pair: string, found: SecretFound): string {
  const equals = pair.indexOf('=')
  if (equals === -1) return pair
  const value = pair.slice(equals + 1).trim()
  if (value === '') return pair
  found(value)
  return pair.slice(0, equals + 1) + MASK
}

/** Masks secret fields of `a=b&c=d` text in place, leaving every other byte as it was. */
function maskFormText(text: string, found: SecretFound): string {
  return text
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=')
      if (equals === -1 || !isSecretField(decodeFormComponent(pair.slice(0, equals)))) return pair
      const raw = pair.slice(equals + 1)
      if (raw === '') return pair
      found(raw)
      found(decodeFormComponent(raw))
      return pair.slice(0, equals + 1) + MASK
    })
    .join('&')
}

function maskUrl(url: string, found: SecretFound): string {
  const withoutUserinfo = url.replace(/^([a-z][a-z\d+.-]*:\/\/[^/?#@:]*:)([^/?#@]+)@/i, (_all, head: string, password: string) => {
    found(password)
    return `${head}${MASK}@`
  })
  const match = /^([^?#]*)(\?[^#]*)?(#.*)?$/s.exec(withoutUserinfo)
  if (!match) return withoutUserinfo
  const [, base = '', query = '', fragment = ''] = match
  const maskedQuery = query && '?' + maskFormText(query.slice(1), found)
  const maskedFragment = fragment && '#' + maskFormText(fragment.slice(1), found)
  return base + maskedQuery + maskedFragment
}

function maskJsonText(text: string, found: SecretFound): string {
  const parts: string[] = []
  let copiedUpTo = 0
  const containers: ('{' | '[')[] = []
  let expectingKey = false
  let key: string | null = null
  for (const token of jsonTokens(text)) {
    const inObject = containers.at(-1) === '{'
    if (token.kind === 'punct') {
      if (token.char === '{' || token.char === '[') containers.push(token.char)
      else if (token.char === '}' || token.char === ']') containers.pop()
      expectingKey = token.char === '{' || (token.char === ',' && inObject)
      continue
    }
    const raw = text.slice(token.start, token.end)
    if (inObject && expectingKey) {
      key = readJsonString(raw)
      expectingKey = false
      continue
    }
    const isSecretValue = token.kind === 'string' || /^-?\d/.test(raw)
    if (!inObject || key === null || !isSecretValue || !isSecretField(key, 'json')) continue
    const value = token.kind === 'string' ? readJsonString(raw) ?? raw.slice(1, -1) : raw
    if (value === '') continue
    found(value)
    found(raw.slice(token.kind === 'string' ? 1 : 0, token.kind === 'string' ? -1 : undefined))
    parts.push(text.slice(copiedUpTo, token.start), JSON.stringify(MASK))
    copiedUpTo = token.end
  }
  parts.push(text.slice(copiedUpTo))
  return parts.join('')
}

function readJsonString(raw: string): string | null {
  try {
    const value: unknown = JSON.parse(raw)
    return typeof value === 'string' ? value : null
  } catch {
    return null
  }
}

function maskBody(headers: HeaderRow[], body: string, found: SecretFound): string {
  const contentType = headers.find((header) => header.name.toLowerCase() === 'content-type')?.value ?? null
  const format = detectBodyFormat(contentType, body)
  if (format === 'form') return maskFormText(body, found)
  if (format === 'json') return maskJsonText(body, found)
  return body
}

/** A URL quoted in free text, without the punctuation that ends the sentence around it. */
const URL_IN_TEXT = /\bhttps?:\/\/[^\s"'<>]*[^\s"'<>.,;:!?)\]]/gi

/**
 * A failure message with what the rest of the exchange masks masked here too: it may quote a URL
 * (where a redirect pointed, with its `code`) or a value found elsewhere in the exchange.
 */
function maskMessage(message: string, secrets: readonly string[], found: SecretFound): string {
  const urlsMasked = message.replace(URL_IN_TEXT, (url) => maskUrl(url, found))
  return createRedactor(secrets)(urlsMasked)
}

function maskWith(exchange: HttpExchange, found: SecretFound): HttpExchange {
  const secrets: string[] = []
  const collect: SecretFound = (value) => {
    secrets.push(value)
    found(value)
  }
  const maskHeaders = (headers: HeaderRow[]) =>
    headers.map((header) => ({ name: header.name, value: maskHeader(header.name, header.value, collect) }))
  const { request, response, failure } = exchange
  return {
    ...exchange,
    request: {
      ...request,
      url: maskUrl(request.url, collect),
      headers: maskHeaders(request.headers),
      body: request.body === null ? null : maskBody(request.headers, request.body, collect),
    },
    response: response && {
      ...response,
      headers: maskHeaders(response.headers),
      body: maskBody(response.headers, response.body, collect),
    },
    failure: failure && { kind: failure.kind, message: maskMessage(failure.message, secrets, found) },
  }
}

/**
 * A copy of the exchange with every credential replaced by {@link MASK}: Authorization and cookie
 * headers, secret form, query and JSON fields. Other bytes are kept as they were. RFC 6749 §10.3-10.4.
 */
export function maskExchange(exchange: HttpExchange): HttpExchange {
  return maskWith(exchange, ignore)
}

/**
 * The secret values {@link maskExchange} removes from this exchange, raw and decoded, so a test can
 * assert none of them survives in an export. RFC 6749 §10.3-10.4.
 */
export function listSecretsIn(exchange: HttpExchange): string[] {
  const secrets = new Set<string>()
  maskWith(exchange, (value) => {
    if (value !== '' && value !== MASK) secrets.add(value)
  })
  return [...secrets]
}

/** Shorter known values are not redacted from free text: they would mask ordinary words. */
export const MIN_REDACTED_LENGTH = 6

/**
 * The values to hide for one secret: itself and, for a JWT, its signature, which a decoded view may
 * show on its own. RFC 7515 §7.1 (compact serialisation).
 */
export function secretVariants(value: string): string[] {
  const parts = value.split('.')
  const signature = parts.length === 3 ? parts[2] : undefined
  return signature ? [value, signature] : [value]
}

/**
 * A function that replaces every occurrence of the given secrets in a text with {@link MASK},
 * longest first so a token's signature is not masked before the whole token. The secrets come from
 * {@link listSecretsIn} and the tokens the person holds: the same rule as exports, applied to text
 * that has no structure left to mask (a code block, a decoded token). RFC 6749 §10.3.
 */
export function createRedactor(secrets: Iterable<string>): (text: string) => string {
  const unique = [...new Set([...secrets].flatMap(secretVariants))].filter((value) => value.length >= MIN_REDACTED_LENGTH)
  if (unique.length === 0) return (text) => text
  unique.sort((a, b) => b.length - a.length)
  const pattern = new RegExp(unique.map((value) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g')
  return (text) => text.replace(pattern, MASK)
}
