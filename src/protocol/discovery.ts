import * as oauth from 'oauth4webapi'
import { serverMetadataSchema, type ServerMetadata } from './environment-schema.ts'
import type { HttpExchange } from './http-exchange.ts'
import { headerValue, readReplyBody } from './reply-body.ts'
import { settleReply } from './reply-settlement.ts'
import { createRequestContext, type RecordInput, type RequestContext } from './request-context.ts'
import { exhaustiveSwitchError, type RequestFailure } from './request-failure.ts'
import { endpointsFromMetadata, parseHttpUrl, type ServerEndpoints } from './server-endpoints.ts'
import { clipText, escapeInvisible } from './visible-text.ts'
import type { FetchFn } from './transport-failure.ts'

export type MetadataSource = 'openid-configuration' | 'oauth-authorization-server'

export type DiscoveryOutcome =
  | {
      kind: 'found'
      source: MetadataSource
      /** The well-known URL the metadata came from. */
      url: string
      metadata: Record<string, unknown>
      endpoints: ServerEndpoints
      /** Where the metadata departs from the specification, in plain words. */
      conformance: string[]
      exchange: HttpExchange | null
    }
  | {
      /**
       * The metadata names another issuer than the one asked: possibly a mix-up attack, at best a
       * misconfiguration. An error; the endpoints are kept only for a person who decides to use them.
       */
      kind: 'issuer_mismatch'
      source: MetadataSource
      url: string
      asked: string
      named: string
      message: string
      /** The endpoints it names, under the issuer the console asked for. */
      endpoints: ServerEndpoints
      exchange: HttpExchange | null
    }
  | {
      /**
       * Neither well-known URL served metadata (a 404, an HTML page, JSON that is not metadata): most often
       * the issuer URL is not the server's issuer. Each attempt says what came back instead.
       */
      kind: 'no_metadata'
      attempts: MissingMetadata[]
    }
  | RequestFailure

/** One well-known URL that served no metadata, and what it served instead. */
export interface MissingMetadata {
  source: MetadataSource
  url: string
  /** Plain words: "HTTP 404, OAuth error invalid_request: unrecognized route", "HTTP 200, an HTML page" ... */
  answer: string
  exchange: HttpExchange | null
}

type NoDocument = Extract<RequestFailure, { kind: 'oauth_error' | 'not_oauth' }>

export interface DiscoveryInput extends RecordInput {
  issuer: string
}

/**
 * Finds an issuer's endpoints: OpenID Connect Discovery (`<issuer>/.well-known/openid-configuration`)
 * first, then RFC 8414 (the well-known path inserted before the issuer's path) when the first
 * answers 404, no JSON, or is blocked by CORS. Metadata oauth4webapi refuses for other reasons is still
 * 'found' when it is a JSON object naming endpoints, the refusal in `conformance`; metadata naming
 * another issuer is 'issuer_mismatch', an error (RFC 9207 §1: mix-up attacks).
 * Called with a string and a fetch, that fetch sends (pass a recording fetch to log the exchanges).
 * OpenID Connect Discovery 1.0 §4, RFC 8414 §3.
 */
export function discover(input: DiscoveryInput): Promise<DiscoveryOutcome>
export function discover(issuer: string, fetchFn?: FetchFn): Promise<DiscoveryOutcome>
export async function discover(input: DiscoveryInput | string, fetchFn?: FetchFn): Promise<DiscoveryOutcome> {
  const { issuer, ...recording }: DiscoveryInput =
    typeof input === 'string' ? { issuer: input, record: () => {}, ...(fetchFn ? { baseFetch: fetchFn } : {}) } : input
  const parsed = parseHttpUrl(issuer, 'Issuer URL')
  if (!parsed.ok) return { kind: 'invalid_input', field: 'issuer', message: parsed.message }
  const asked = issuer.trim()
  const first = await attempt('openid-configuration', parsed.url, asked, recording)
  if (!worthFallback(first)) return first
  const second = await attempt('oauth-authorization-server', parsed.url, asked, recording)
  if (isNoDocument(first) && isNoDocument(second)) {
    return { kind: 'no_metadata', attempts: [missingMetadata('openid-configuration', first), missingMetadata('oauth-authorization-server', second)] }
  }
  // Otherwise (CORS, say) the OpenID Connect failure is the one people expect to see, unless the second says more.
  return !worthFallback(second) ? second : first
}

/** A reply that says there is no metadata here, as opposed to a server failing or a blocked request. */
function isNoDocument(outcome: DiscoveryOutcome): outcome is NoDocument {
  return outcome.kind === 'not_oauth' || (outcome.kind === 'oauth_error' && outcome.status === 404)
}

function missingMetadata(source: MetadataSource, failure: NoDocument): MissingMetadata {
  const answer =
    failure.kind === 'oauth_error'
      ? `HTTP ${failure.status}, OAuth error ${clipText(failure.error, 80)}${failure.error_description ? `: ${clipText(failure.error_description, 200)}` : ''}`
      : `HTTP ${failure.status}, ${failure.reason}`
  return { source, url: failure.exchange?.request.url ?? '', answer: escapeInvisible(answer).text, exchange: failure.exchange }
}

function worthFallback(outcome: DiscoveryOutcome): boolean {
  switch (outcome.kind) {
    case 'found':
    case 'issuer_mismatch':
      return false
    case 'not_oauth':
      return true
    case 'oauth_error':
      return outcome.status === 404
    case 'transport':
      return outcome.failure.kind === 'cors'
    case 'invalid_input':
    case 'no_metadata':
      return false
    default:
      return exhaustiveSwitchError(outcome)
  }
}

async function attempt(source: MetadataSource, issuer: URL, asked: string, recording: RecordInput): Promise<DiscoveryOutcome> {
  const context = createRequestContext('discovery', recording)
  const settled = await settleReply(
    context,
    async () => {
      const algorithm = source === 'openid-configuration' ? 'oidc' : 'oauth2'
      const response = await oauth.discoveryRequest(issuer, { algorithm, ...context.options(issuer) })
      try {
        return await oauth.processDiscoveryResponse(issuer, response)
      } catch (error) {
        throw issuerObjection(context, issuer, asked, source) ?? error
      }
    },
    (body) => (body.kind === 'object' && looksLikeMetadata(body.value) ? body.value : null),
    'authorization server metadata',
  )
  if (settled.kind !== 'usable') return settled
  const mismatch = issuerMismatch(settled.value, issuer, asked, source)
  if (mismatch) {
    return {
      kind: 'issuer_mismatch', source, url: settled.exchange?.request.url ?? '', asked, named: mismatch.named, message: mismatch.message,
      endpoints: { ...endpointsFromMetadata(settled.value, asked), issuer: asked }, exchange: settled.exchange,
    }
  }
  const endpoints = endpointsFromMetadata(settled.value, asked)
  const conformance = [...settled.conformance, ...contentTypeNote(settled.exchange, source)]
  if (Object.keys(endpoints).length === 1) conformance.push('the metadata names no endpoints')
  return {
    kind: 'found', source, url: settled.exchange?.request.url ?? '', metadata: settled.value, endpoints, conformance,
    exchange: settled.exchange,
  }
}

/** The issuer the metadata names when it is a URL other than the one asked. RFC 8414 §3.3, OIDC Discovery §4.3. */
function issuerMismatch(
  metadata: Record<string, unknown>,
  issuer: URL,
  asked: string,
  source: MetadataSource,
): { named: string; message: string } | null {
  const named = metadata.issuer
  if (typeof named !== 'string' || !URL.canParse(named)) return null
  if (new URL(named).href === issuer.href) return null
  return {
    named,
    message:
      `The metadata names issuer ${named}, but the console asked for ${asked} (${section(source, '3.3', '4.3')}). ` +
      `They must be identical: a server answering for another issuer is how mix-up attacks start, so the endpoints were not used.`,
  }
}

function looksLikeMetadata(value: Record<string, unknown>): boolean {
  return typeof value.issuer === 'string' || Object.keys(endpointsFromMetadata(value, '')).length > 1
}

function section(source: MetadataSource, rfc8414: string, oidc: string): string {
  return source === 'openid-configuration' ? `OpenID Connect Discovery 1.0 §${oidc}` : `RFC 8414 §${rfc8414}`
}

/** oauth4webapi says only that "issuer" is wrong; the console says what it was and what was asked. */
function issuerObjection(context: RequestContext, issuer: URL, asked: string, source: MetadataSource): Error | null {
  const reply = context.exchange()?.response
  if (reply?.status !== 200) return null
  const body = readReplyBody(reply.body, null)
  if (body.kind !== 'object') return null
  const named = body.value.issuer
  const code = oauth.JSON_ATTRIBUTE_COMPARISON
  if (typeof named !== 'string' || named === '') {
    return new oauth.OperationProcessingError(`the server's metadata has no "issuer" (${section(source, '2', '3')})`, { code })
  }
  let href: string
  try {
    href = new URL(named).href
  } catch {
    return new oauth.OperationProcessingError(`the server's metadata names issuer "${named}", which is not a URL (${section(source, '2', '3')})`, { code })
  }
  if (href === issuer.href) return null
  return new oauth.OperationProcessingError(
    `the server's metadata names issuer ${named} but the console asked for ${asked} (${section(source, '3.3', '4.3')})`,
    { code },
  )
}

function contentTypeNote(exchange: HttpExchange | null, source: MetadataSource): string[] {
  const contentType = exchange?.response ? headerValue(exchange.response.headers, 'content-type') : null
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase()
  if (mediaType === 'application/json') return []
  const served = contentType ? `as "${contentType}"` : 'without a Content-Type'
  return [`the metadata was served ${served}, not "application/json" (${section(source, '3.2', '4.2')})`]
}

/**
 * The discovery document as the console keeps it with the environment: the server's text, loosely typed,
 * a member of the wrong type dropped rather than trusted. RFC 8414 §2, OpenID Connect Discovery 1.0 §3.
 */
export function keptServerMetadata(metadata: Record<string, unknown>): ServerMetadata | undefined {
  const parsed = serverMetadataSchema.safeParse(metadata)
  return parsed.success ? parsed.data : undefined
}
