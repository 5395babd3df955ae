import type { GuidedStepId } from './guided-step-ids.ts'
import type { HttpExchange } from './http-exchange.ts'
import { explainOAuthError } from './oauth-error-glossary.ts'

/**
 * The guided walk-through's words for each step of the device flow tutorial: what is about to happen and
 * why, what the reply means (with the RFC section it follows), and what comes next. Plain data and one
 * reader, so every view tells a first-timer the same thing.
 */

interface GuidedStepText {
  title: string
  /** Two or three sentences: what is about to happen, and why. */
  about: string
  /** The step after this one, named as the console names it. */
  next: string
}

export const GUIDED_STEPS: Readonly<Record<GuidedStepId, GuidedStepText>> = {
  discovery: {
    title: 'Environment',
    about:
      'The console asks the identity server for its metadata document, a JSON list of its endpoints and what it supports. ' +
      'With it, no endpoint has to be typed by hand. Press Discover to send the request below.',
    next: 'Client Credentials: get a token that may register clients.',
  },
  'client-credentials': {
    title: 'Client Credentials',
    about:
      'The confidential client www asks the token endpoint for a token for itself, proving who it is with its secret. ' +
      'It asks for the dcr scope, because only a token with that scope may register new clients. Press Request token to send the request below.',
    next: 'External API: register a device client with this token.',
  },
  'external-api': {
    title: 'External API',
    about:
      'The token from the last step goes to the registration endpoint as a Bearer credential, with a JSON body naming the template device-client. ' +
      'The server registers a new client from that template and answers with its client_id and client_secret. Press Send request to send the request below.',
    next: 'Press Use as device client, then Device Flow: start the flow with the new client.',
  },
  'device-authorization': {
    title: 'Device Flow',
    about:
      'The new client starts the Device Authorization Grant, as a TV or a command line would: it cannot show a login page, so it asks for a code. ' +
      'The server answers with a user code and a verification URI for the person to open on another device. Press Start device flow to send the request below.',
    next: 'Poll: ask the token endpoint whether the person has approved.',
  },
  'device-poll': {
    title: 'Poll',
    about:
      'The device asks the token endpoint, with its device code, whether the person has approved yet. ' +
      'Until they do, the answer is authorization_pending; once they approve on the other device (demo / demo on the sandbox), the answer holds the tokens. Press Poll to send the request below.',
    next: 'Tokens: decode them, check their signatures, introspect, refresh or revoke them in the token list.',
  },
}

export interface ReplyExplanation {
  /** Whether the step did what it is for: the guide then points on to the next step. */
  done: boolean
  text: string
  reference: string
}

function jsonBody(exchange: HttpExchange): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(exchange.response?.body ?? '')
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null
  } catch {
    return null
  }
}

const SUCCESS: Record<GuidedStepId, (body: Record<string, unknown> | null) => Omit<ReplyExplanation, 'done'>> = {
  discovery: () => ({
    text: 'The server published its metadata: the endpoints are filled in from it, and the issuer in the document matches the one asked for.',
    reference: 'OpenID Connect Discovery 1.0 §4.2, RFC 8414 §3.2',
  }),
  'client-credentials': (body) => ({
    text: `The token endpoint issued an access token${typeof body?.scope === 'string' ? ` with scope "${body.scope}"` : ''}, of type ${String(body?.token_type ?? 'Bearer')}, valid for ${String(body?.expires_in ?? 'an unstated number of')} seconds. No refresh token: the client can always ask again with its own credentials.`,
    reference: 'RFC 6749 §4.4.3, §5.1',
  }),
  'external-api': () => ({
    text: 'The server registered a new client and answered 201 Created with its client_id, client_secret and the metadata it chose; the registration_access_token lets this client manage its own registration later.',
    reference: 'RFC 7591 §3.2.1',
  }),
  'device-authorization': (body) => ({
    text: `The server issued a device_code (kept by the device, never shown to the person), a user_code for the person to enter at the verification_uri, and tells the device to poll no more often than every ${String(body?.interval ?? 5)} seconds.`,
    reference: 'RFC 8628 §3.2',
  }),
  'device-poll': () => ({
    text: 'The person approved: the token endpoint answered with an access token (and a refresh token, as this client may use one). The device flow is complete.',
    reference: 'RFC 8628 §3.5, RFC 6749 §5.1',
  }),
}

/** What a step's latest reply means for a first-timer, or null before anything was sent. */
export function explainReply(step: GuidedStepId, exchange: HttpExchange | null | undefined): ReplyExplanation | null {
  if (!exchange) return null
  if (!exchange.response) {
    return { done: false, text: `No reply: ${exchange.failure?.message ?? 'the request did not complete.'}`, reference: 'Fetch Standard' }
  }
  const { status } = exchange.response
  const body = jsonBody(exchange)
  if (status >= 200 && status < 300) return { done: true, ...SUCCESS[step](body) }
  const error = typeof body?.error === 'string' ? body.error : null
  if (step === 'device-poll' && (error === 'authorization_pending' || error === 'slow_down')) {
    return {
      done: false,
      text:
        error === 'authorization_pending'
          ? 'authorization_pending: the person has not approved yet. This is the flow working as designed: approve on the other device, then poll again.'
          : 'slow_down: the device polled sooner than the interval allows; from now on it must wait 5 seconds longer between polls.',
      reference: 'RFC 8628 §3.5',
    }
  }
  const explained = error ? explainOAuthError(error) : null
  if (error && explained) return { done: false, text: `${error}: ${explained.meaning}`, reference: explained.reference }
  return { done: false, text: `HTTP ${status} without an OAuth error: the server did not accept the request.`, reference: 'RFC 6749 §5.2' }
}
