import type { HttpExchange } from './http-exchange.ts'
import { isSecretField } from './masking.ts'
import { isJsonObject, headerValue, readReplyBody } from './reply-body.ts'
import { classifyErrorReply } from './reply-classification.ts'
import { TransportError } from './recording-fetch.ts'
import { createRequestContext, type RecordInput } from './request-context.ts'
import type { RequestFailure } from './request-failure.ts'
import { unconfirmedOrigin } from './endpoint-trust.ts'
import { parseHttpUrl, type ServerEndpoints } from './server-endpoints.ts'

/** What a management request came to: the client's metadata, its deletion, or why not. RFC 7592 §2-3. */
export type ManagementOutcome =
  | { kind: 'registration'; metadata: Record<string, unknown>; exchange: HttpExchange | null }
  | { kind: 'deleted'; exchange: HttpExchange | null }
  | RequestFailure

export interface ManagementInput extends RecordInput {
  registration_client_uri: string
  registration_access_token: string
  /**
   * The environment's issuer and its confirmed origins: the registration access token goes to a
   * registration_client_uri off the issuer's origin only once the person allowed that origin.
   */
  trust?: Pick<ServerEndpoints, 'issuer' | 'confirmed_origins'>
}

/** Members the server sets, which an update request must not contain. RFC 7592 §2.2. */
const SERVER_SET = ['registration_access_token', 'registration_client_uri', 'client_secret_expires_at', 'client_id_issued_at']

/** The metadata of a read reply as an update request may send it back. RFC 7592 §2.2. */
export function updatableMetadata(metadata: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(metadata).filter(([name]) => !SERVER_SET.includes(name)))
}

/**
 * The metadata as the editor shows it: what an update may send back, minus the members the masking rule
 * calls secret (`client_secret`), which are held aside and sent back unchanged, so no secret is ever on
 * screen, in presentation mode or out of it. RFC 7592 §2.2.
 */
export function editableMetadata(metadata: Record<string, unknown>): { editable: Record<string, unknown>; heldAside: Record<string, unknown> } {
  const entries = Object.entries(updatableMetadata(metadata))
  return {
    editable: Object.fromEntries(entries.filter(([name]) => !isSecretField(name, 'json'))),
    heldAside: Object.fromEntries(entries.filter(([name]) => isSecretField(name, 'json'))),
  }
}

async function manage(input: ManagementInput, method: 'GET' | 'PUT' | 'DELETE', metadata?: Record<string, unknown>): Promise<ManagementOutcome> {
  const parsed = parseHttpUrl(input.registration_client_uri, 'registration_client_uri')
  if (!parsed.ok) return { kind: 'invalid_input', field: 'registration_client_uri', message: parsed.message }
  const unconfirmed = input.trust ? unconfirmedOrigin(input.trust, parsed.url, 'The registration_client_uri') : null
  if (unconfirmed) return { kind: 'invalid_input', field: 'registration_client_uri', message: unconfirmed }
  if (input.registration_access_token.trim() === '') {
    return {
      kind: 'invalid_input',
      field: 'registration_access_token',
      message: '"registration_access_token" is empty: it comes with the registration reply, and is not kept across reloads unless secrets are remembered',
    }
  }
  const context = createRequestContext('client-management', input)
  // RFC 7592 §2: the registration access token is a Bearer token (RFC 6750 §2.1).
  const headers: Record<string, string> = { accept: 'application/json', authorization: `Bearer ${input.registration_access_token.trim()}` }
  if (metadata) headers['content-type'] = 'application/json'
  try {
    await context.fetch(parsed.url, { method, headers, ...(metadata ? { body: JSON.stringify(metadata) } : {}) })
  } catch (error) {
    if (error instanceof TransportError) return { kind: 'transport', failure: error.failure, exchange: error.exchange }
    throw error
  }
  const exchange = context.exchange()
  const reply = exchange?.response
  if (!exchange || !reply) return { kind: 'invalid_input', message: 'The management request could not be sent' }
  if (method === 'DELETE' && reply.status === 204) return { kind: 'deleted', exchange }
  if (reply.status !== 200) return classifyErrorReply(reply, exchange)
  const contentType = headerValue(reply.headers, 'content-type')
  const body = readReplyBody(reply.body, contentType)
  if (body.kind === 'unusable' || !isJsonObject(body.value) || typeof body.value.client_id !== 'string') {
    const reason = body.kind === 'unusable' ? body.reason : 'a JSON object without client_id'
    return { kind: 'not_oauth', status: reply.status, contentType, reason, exchange }
  }
  return { kind: 'registration', metadata: body.value, exchange }
}

/** Reads the client's current registration with its registration access token. RFC 7592 §2.1. */
export function readClientRegistration(input: ManagementInput): Promise<ManagementOutcome> {
  return manage(input, 'GET')
}

/** Replaces the client's metadata (the whole document, as RFC 7592 §2.2 says); the reply may rotate the token. */
export function updateClientRegistration(input: ManagementInput & { metadata: Record<string, unknown> }): Promise<ManagementOutcome> {
  return manage(input, 'PUT', input.metadata)
}

/** Deletes the client at the server; 204 No Content is success. RFC 7592 §2.3. */
export function deleteClientRegistration(input: ManagementInput): Promise<ManagementOutcome> {
  return manage(input, 'DELETE')
}
