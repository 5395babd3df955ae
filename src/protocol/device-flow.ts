import * as oauth from 'oauth4webapi'
import { dpopHandle, withDPoPNonceRetry } from './dpop-request.ts'
import { prepareClientRequest } from './client-request.ts'
import { readDeviceAuthorization, type DeviceAuthorization } from './device-authorization.ts'
import type { HttpExchange } from './http-exchange.ts'
import { enabledParams, type ParamRow } from './param-row.ts'
import { settleReply } from './reply-settlement.ts'
import type { RecordInput } from './request-context.ts'
import type { RequestFailure } from './request-failure.ts'
import type { ClientInput } from './request-input.ts'
import { requestTokens, type TokenSet } from './token-response.ts'

export type { DeviceAuthorization }

export type DeviceStartOutcome =
  | { kind: 'started'; authorization: DeviceAuthorization; conformance: string[]; exchange: HttpExchange | null }
  | RequestFailure

/** One poll of the token endpoint, the RFC 8628 errors that steer polling given their own kinds. */
export type PollOutcome =
  | { kind: 'tokens'; tokens: TokenSet; conformance: string[]; exchange: HttpExchange | null }
  | { kind: 'pending'; exchange: HttpExchange | null }
  | { kind: 'slow_down'; exchange: HttpExchange | null }
  | { kind: 'denied'; error_description?: string; exchange: HttpExchange | null }
  | { kind: 'expired'; error_description?: string; exchange: HttpExchange | null }
  | RequestFailure

export interface DeviceStartInput extends ClientInput, RecordInput {
  scope?: string
  extra?: ParamRow[]
  /** Epoch milliseconds, for `received_at`; tests fix it. */
  now?: () => number
}

/**
 * Starts the device flow: the device authorization endpoint hands out a device_code for polling
 * and a user_code for the person. Recorded under 'device-authorization'. A reply oauth4webapi
 * refuses still starts the flow when it has what polling needs (refusal in `conformance`).
 * RFC 8628 §3.1-3.2.
 */
export async function startDeviceAuthorization(input: DeviceStartInput): Promise<DeviceStartOutcome> {
  const prepared = prepareClientRequest(input, 'device_authorization_endpoint', 'device-authorization')
  if (!prepared.ok) return prepared.failure
  const { url, context, as, client, auth } = prepared.request
  const parameters = new URLSearchParams(enabledParams(input.extra))
  if (input.scope?.trim()) parameters.set('scope', input.scope.trim())
  const now = input.now ?? Date.now
  const settled = await settleReply(
    context,
    async () => {
      const response = await oauth.deviceAuthorizationRequest(as, client, auth, parameters, context.options(url))
      return oauth.processDeviceAuthorizationResponse(as, client, response)
    },
    (body) => (body.kind === 'object' ? readDeviceAuthorization(body.value, now()) : null),
    'a device authorization response',
  )
  if (settled.kind !== 'usable') return settled
  return { kind: 'started', authorization: settled.value, conformance: settled.conformance, exchange: settled.exchange }
}

export interface DevicePollInput extends ClientInput, RecordInput {
  device_code: string
  /** Set to bind the tokens to this key with DPoP proofs. RFC 9449 §5. */
  dpop?: CryptoKeyPair
}

/**
 * Polls the token endpoint once with the device_code. `authorization_pending`, `slow_down`,
 * `access_denied` and `expired_token` (HTTP 400 error replies) become their own kinds.
 * Recorded under 'device-poll'. RFC 8628 §3.4-3.5.
 */
export async function pollDeviceToken(input: DevicePollInput): Promise<PollOutcome> {
  const prepared = prepareClientRequest(
    input,
    'token_endpoint',
    'device-poll',
    input.device_code === ''
      ? { kind: 'invalid_input', field: 'device_code', message: '"device_code" is empty: start the device flow first' }
      : null,
  )
  if (!prepared.ok) return prepared.failure
  const { url, context, as, client, auth } = prepared.request
  const DPoP = dpopHandle(client, input.dpop)
  const outcome = await requestTokens(context, () =>
    withDPoPNonceRetry(DPoP, async () => {
      const response = await oauth.deviceCodeGrantRequest(as, client, auth, input.device_code, { ...context.options(url), ...(DPoP ? { DPoP } : {}) })
      return oauth.processDeviceCodeResponse(as, client, response)
    }),
  )
  if (outcome.kind !== 'oauth_error') return outcome
  const { exchange, error_description } = outcome
  const description = error_description === undefined ? {} : { error_description }
  switch (outcome.error) {
    case 'authorization_pending':
      return { kind: 'pending', exchange }
    case 'slow_down':
      return { kind: 'slow_down', exchange }
    case 'access_denied':
      return { kind: 'denied', ...description, exchange }
    case 'expired_token':
      return { kind: 'expired', ...description, exchange }
    default:
      return outcome
  }
}
