import { z } from 'zod/mini'
import { parseFormBody } from './body-format.ts'
import { TRANSPORT_FAILURE_KINDS, type ExchangeStep, type HttpExchange, type TransportFailure } from './http-exchange.ts'
import { maskExchange } from './masking.ts'
import { utf8Length } from './utf8-length.ts'
import { headerValue } from './reply-body.ts'
import { describeZodIssue, exchangeStepSchema } from './session-file.ts'

export interface HarNameValue {
  name: string
  value: string
}

export interface HarCookie extends HarNameValue {
  path?: string
  domain?: string
  expires?: string
  httpOnly?: boolean
  secure?: boolean
}

export interface HarPostData {
  mimeType: string
  text: string
  /** For form bodies, alongside `text` (as browsers export it) so the exact bytes survive. */
  params?: HarNameValue[]
}

export interface HarRequest {
  method: string
  url: string
  httpVersion: string
  cookies: HarCookie[]
  headers: HarNameValue[]
  queryString: HarNameValue[]
  postData?: HarPostData
  headersSize: number
  bodySize: number
}

export interface HarResponse {
  status: number
  statusText: string
  httpVersion: string
  cookies: HarCookie[]
  headers: HarNameValue[]
  content: { size: number; mimeType: string; text?: string; encoding?: string }
  redirectURL: string
  headersSize: number
  bodySize: number
  /** Why no response came, where browsers put it (Chrome writes `net::ERR_FAILED` here), so other HAR tools show it. */
  _error?: string
}

export interface HarEntry {
  startedDateTime: string
  time: number
  request: HarRequest
  response: HarResponse
  cache: Record<string, never>
  timings: { send: number; wait: number; receive: number }
  comment?: string
  /** The console's exchange id, so an exported log imports back with the same ids. */
  _id: string
  _step: ExchangeStep
  /** Present when no response reached the page (status is then 0). */
  _failure?: TransportFailure
  /** Present when the request went through the console's local relay, not straight from the browser. */
  _relay?: true
}

/** A HAR 1.2 document. W3C HAR 1.2 §log. */
export interface Har {
  log: {
    version: '1.2'
    creator: { name: string; version: string }
    entries: HarEntry[]
  }
}

function queryStringOf(url: string): HarNameValue[] {
  const query = /^[^?#]*\?([^#]*)/.exec(url)?.[1]
  return query ? parseFormBody(query) : []
}

/** Whether the body arrived compressed: its size on the wire is then not the size of the text. RFC 9110 §8.4. */
function compressed(headers: readonly { name: string; value: string }[]): boolean {
  const coding = headerValue(headers, 'content-encoding')?.trim().toLowerCase() ?? ''
  return coding !== '' && coding !== 'identity'
}

/**
 * The HAR entry of `exchange` (masked or not); sizes are those of `sent`, the exchange as it went over
 * the wire, so a masked HAR still says how large each body was. W3C HAR 1.2 §request, §response, §content.
 */
function toEntry(exchange: HttpExchange, sent: HttpExchange = exchange): HarEntry {
  const { request, response, failure } = exchange
  const responseSize = sent.response ? utf8Length(sent.response.body) : 0
  const requestType = headerValue(request.headers, 'content-type') ?? ''
  const postData: HarPostData | undefined =
    request.body === null
      ? undefined
      : {
          mimeType: requestType,
          text: request.body,
          ...(/^application\/x-www-form-urlencoded/i.test(requestType) ? { params: parseFormBody(request.body) } : {}),
        }
  const harResponse: HarResponse = response
    ? {
        status: response.status,
        statusText: response.statusText,
        httpVersion: 'HTTP/1.1',
        cookies: [],
        headers: response.headers.map(({ name, value }) => ({ name, value })),
        content: {
          size: responseSize,
          mimeType: headerValue(response.headers, 'content-type') ?? 'x-unknown',
          text: response.body,
        },
        redirectURL: headerValue(response.headers, 'location') ?? '',
        headersSize: -1,
        // The console sees the body decoded; how many bytes it took compressed is unknown.
        bodySize: compressed(response.headers) ? -1 : responseSize,
      }
    : {
        status: 0,
        statusText: '',
        httpVersion: '',
        cookies: [],
        headers: [],
        content: { size: 0, mimeType: 'x-unknown' },
        redirectURL: '',
        headersSize: -1,
        bodySize: -1,
        ...(failure ? { _error: failure.message } : {}),
      }
  return {
    startedDateTime: new Date(exchange.startedAt).toISOString(),
    time: exchange.durationMs,
    request: {
      method: request.method,
      url: request.url,
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: request.headers.map(({ name, value }) => ({ name, value })),
      queryString: queryStringOf(request.url),
      ...(postData ? { postData } : {}),
      headersSize: -1,
      bodySize: sent.request.body === null ? 0 : utf8Length(sent.request.body),
    },
    response: harResponse,
    cache: {},
    timings: { send: 0, wait: exchange.durationMs, receive: 0 },
    ...(failure || exchange.via ? { comment: entryComment(exchange) } : {}),
    _id: exchange.id,
    _step: exchange.step,
    ...(failure ? { _failure: { kind: failure.kind, message: failure.message } } : {}),
    ...(exchange.via === 'relay' ? { _relay: true as const } : {}),
  }
}

function entryComment({ failure, via }: HttpExchange): string {
  const parts = [
    ...(via === 'relay' ? ["Sent through the OAuth Console's local relay (no browser CORS check)."] : []),
    ...(failure ? [`No response (${failure.kind}): ${failure.message}`] : []),
  ]
  return parts.join(' ')
}

/**
 * A HAR 1.2 log of the exchanges, masked with {@link maskExchange} when `mask` is set. Failed
 * requests get status 0 with `_failure`; `_step` and `_id` are custom fields. W3C HAR 1.2 §entries.
 */
export function toHar(exchanges: HttpExchange[], options: { mask: boolean; creator: { name: string; version: string } }): Har {
  const entries = exchanges.map((exchange) => toEntry(options.mask ? maskExchange(exchange) : exchange, exchange))
  return { log: { version: '1.2', creator: { ...options.creator }, entries } }
}

/** One exchange as the text of its HAR entry, unindented, masked when `mask` is set. W3C HAR 1.2 §entries. */
export function harEntryText(exchange: HttpExchange, mask: boolean): string {
  return JSON.stringify(toEntry(mask ? maskExchange(exchange) : exchange, exchange))
}

/** What comes before the first entry's text in an unindented HAR. W3C HAR 1.2 §log. */
export function harOpeningText(creator: { name: string; version: string }): string {
  return `{"log":{"version":"1.2","creator":${JSON.stringify({ name: creator.name, version: creator.version })},"entries":[`
}

/** What comes after the last entry's text. */
export const HAR_CLOSING_TEXT = ']}}'

/**
 * The same HAR as {@link toHar}, unindented, as text in pieces: the opening, then the entries of each
 * batch of exchanges, then the closing. Joined (or put in a Blob) they are one JSON document, built
 * without holding the whole log's HAR objects at once. W3C HAR 1.2 §log.
 */
export function harTextParts(creator: { name: string; version: string }) {
  let first = true
  return {
    opening: harOpeningText(creator),
    entries(exchanges: readonly HttpExchange[], mask: boolean): string {
      const texts: string[] = []
      for (const exchange of exchanges) texts.push(harEntryText(exchange, mask))
      const text = (first || texts.length === 0 ? '' : ',') + texts.join(',')
      if (texts.length > 0) first = false
      return text
    },
    closing: HAR_CLOSING_TEXT,
  }
}

const nameValuesSchema = z.array(z.object({ name: z.string(), value: z.string() }))

export const HAR_MAX_ENTRIES = 100_000

/** What {@link readHar} requires of a HAR, from this console or a browser; extra fields are ignored. W3C HAR 1.2. */
export const harSchema = z.object({
  log: z.object({
    version: z.string(),
    creator: z.object({ name: z.string(), version: z.string() }),
    entries: z
      .array(
        z.object({
          startedDateTime: z.string().check(z.refine((value) => !Number.isNaN(Date.parse(value)), 'expected an ISO 8601 date')),
          time: z.number(),
          request: z.object({
            method: z.string(),
            url: z.string(),
            headers: nameValuesSchema,
            postData: z.optional(
              z.object({
                mimeType: z.string(),
                text: z.optional(z.string()),
                params: z.optional(z.array(z.object({ name: z.string(), value: z.optional(z.string()) }))),
              }),
            ),
          }),
          response: z.object({
            status: z.int(),
            statusText: z.string(),
            headers: nameValuesSchema,
            content: z.object({ text: z.optional(z.string()), encoding: z.optional(z.string()) }),
            _error: z.optional(z.string()),
          }),
          _id: z.optional(z.string()),
          _step: z.optional(z.string()),
          _failure: z.optional(z.object({ kind: z.enum(TRANSPORT_FAILURE_KINDS), message: z.string() })),
          _relay: z.optional(z.literal(true)),
        }),
      )
      .check(z.maxLength(HAR_MAX_ENTRIES)),
  }),
})

/** A HAR entry as {@link harSchema} accepts it. */
export type HarInputEntry = z.infer<typeof harSchema>['log']['entries'][number]

function decodeContent(content: { text?: string; encoding?: string }): string {
  const text = content.text ?? ''
  if (content.encoding !== 'base64') return text
  try {
    return new TextDecoder().decode(Uint8Array.from(atob(text), (char) => char.charCodeAt(0)))
  } catch {
    return text
  }
}

/** The step a token request's grant_type belongs to. RFC 6749 §4.1.3, §4.4.2, §6; RFC 8628 §3.4; RFC 8693 §2.1. */
const STEP_OF_GRANT: Record<string, ExchangeStep> = {
  client_credentials: 'client-credentials',
  authorization_code: 'authorization-code',
  refresh_token: 'refresh',
  'urn:ietf:params:oauth:grant-type:device_code': 'device-poll',
  'urn:ietf:params:oauth:grant-type:token-exchange': 'token-exchange',
}

/**
 * For an entry another tool recorded (no `_step`): discovery by its well-known path, a token request
 * by its grant_type, so a customer's browser HAR files its requests under the steps they are; anything
 * else is an External API call. RFC 8414 §3, OpenID Connect Discovery 1.0 §4.
 */
function guessStep(url: string, body: string | null): ExchangeStep {
  if (/\/\.well-known\/(?:openid-configuration|oauth-authorization-server)(?:[/?#]|$)/.test(url)) return 'discovery'
  const grant = body === null ? undefined : parseFormBody(body).find(({ name }) => name === 'grant_type')?.value
  return (grant !== undefined && Object.hasOwn(STEP_OF_GRANT, grant) ? STEP_OF_GRANT[grant] : undefined) ?? 'external-api'
}

/** The exchange of the `index`th entry of a HAR that passed {@link harSchema}. W3C HAR 1.2 §entries. */
export function fromHarEntry(entry: HarInputEntry, index: number): HttpExchange {
  const { request, response } = entry
  const { postData } = request
  const encode = (text: string) => encodeURIComponent(text).replaceAll('%20', '+')
  const body =
    postData === undefined
      ? null
      : (postData.text ?? (postData.params ?? []).map(({ name, value = '' }) => `${encode(name)}=${encode(value)}`).join('&'))
  const step = exchangeStepSchema.safeParse(entry._step)
  // A reply can come with a failure (a redirect not followed, a body over the cap): both are kept.
  const answered = response.status !== 0
  return {
    id: entry._id ?? `har-${index + 1}`,
    step: step.success ? step.data : guessStep(request.url, body),
    startedAt: Date.parse(entry.startedDateTime),
    durationMs: Math.max(0, entry.time),
    request: { method: request.method, url: request.url, headers: request.headers.map(({ name, value }) => ({ name, value })), body },
    response: answered
      ? {
          status: response.status,
          statusText: response.statusText,
          headers: response.headers.map(({ name, value }) => ({ name, value })),
          body: decodeContent(response.content),
        }
      : null,
    failure:
      entry._failure ??
      (answered ? null : { kind: 'network', message: response._error ?? 'The HAR has no response for this request (status 0)' }),
    ...(entry._relay ? { via: 'relay' as const } : {}),
  }
}

/**
 * Validates a HAR (parsed JSON) and turns its entries back into exchanges for import; a message
 * names the path of the first problem ("log.entries[3].request.url: expected a string"). W3C HAR 1.2.
 */
export function readHar(json: unknown): { ok: true; exchanges: HttpExchange[] } | { ok: false; message: string } {
  if (typeof json === 'object' && json !== null && (json as { format?: unknown }).format === 'oauth-console-session') {
    return { ok: false, message: 'This is an OAuth Console session file, not a HAR: import it as a session file.' }
  }
  const parsed = harSchema.safeParse(json, { reportInput: true })
  if (!parsed.success) return { ok: false, message: `Invalid HAR: ${describeZodIssue(parsed.error.issues[0])}` }
  return { ok: true, exchanges: parsed.data.log.entries.map(fromHarEntry) }
}
