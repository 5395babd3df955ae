import type { ExchangeStep } from './http-exchange.ts'

/** What an OAuth error code means, where it is defined, and what usually fixes it. */
export interface OAuthErrorExplanation {
  meaning: string
  reference: string
  hint?: string
}

const GLOSSARY: Readonly<Record<string, OAuthErrorExplanation>> = {
  invalid_request: {
    meaning:
      'The request is malformed: a required parameter is missing, a parameter is repeated or has a value the server does not accept.',
    reference: 'RFC 6749 §5.2',
  },
  invalid_client: {
    meaning:
      'The server could not authenticate the client: the client_id is unknown, the secret is wrong, or the client used an authentication method it is not registered for.',
    reference: 'RFC 6749 §5.2',
    // No general hint: "try the other method" is wrong when the client was sent as it registered. Each step that
    // authenticates a client shows its own diagnosis (client-auth-diagnosis.ts), with the fix it can apply.
  },
  invalid_grant: {
    meaning:
      'The grant (authorization code, refresh token, device code or credentials) is invalid, expired, revoked, or was issued to another client.',
    reference: 'RFC 6749 §5.2',
  },
  unauthorized_client: {
    meaning: 'The client is known, but it is not allowed to use this grant type or flow.',
    reference: 'RFC 6749 §5.2',
    hint: 'Enable the grant type (for example client_credentials or device code) for this client on the server.',
  },
  unsupported_grant_type: {
    meaning: 'The server does not support this grant type at all.',
    reference: 'RFC 6749 §5.2',
  },
  invalid_scope: {
    meaning: 'A requested scope is unknown, malformed, or more than the client may ask for.',
    reference: 'RFC 6749 §5.2',
    hint: 'Request only scopes the client is configured for, or leave the scope empty to get the defaults.',
  },
  access_denied: {
    meaning:
      'The resource owner or the server refused the request. In the device flow, the person declined the authorization on their other device.',
    reference: 'RFC 6749 §4.1.2.1, RFC 8628 §3.5',
  },
  unsupported_response_type: {
    meaning: 'The server does not issue this response_type, or not to this client.',
    reference: 'RFC 6749 §4.1.2.1',
  },
  server_error: {
    meaning: 'The server hit an unexpected condition and could not complete the request. The fault is on the server side.',
    reference: 'RFC 6749 §4.1.2.1',
    hint: 'Check the identity server logs for the underlying error.',
  },
  temporarily_unavailable: {
    meaning: 'The server is overloaded or under maintenance and cannot handle the request right now.',
    reference: 'RFC 6749 §4.1.2.1',
    hint: 'Try again later.',
  },
  authorization_pending: {
    meaning: 'The person has not yet completed the authorization on their other device. This is normal while polling.',
    reference: 'RFC 8628 §3.5',
    hint: 'Keep polling at the given interval.',
  },
  slow_down: {
    meaning: 'The client is polling too often. Authorization is still pending.',
    reference: 'RFC 8628 §3.5',
    hint: 'Add 5 seconds to the polling interval for this and all later polls.',
  },
  expired_token: {
    meaning: 'The device_code expired before the person completed the authorization.',
    reference: 'RFC 8628 §3.5',
    hint: 'Start the device flow again to get a new code.',
  },
  invalid_token: {
    meaning: 'The access token is expired, revoked, malformed, or not valid for this resource.',
    reference: 'RFC 6750 §3.1',
    hint: 'Get a fresh access token and send it again.',
  },
  insufficient_scope: {
    meaning: 'The access token is valid but lacks a scope this resource requires.',
    reference: 'RFC 6750 §3.1',
    hint: 'Request a token with the scope the resource needs (the WWW-Authenticate header may name it).',
  },
  invalid_redirect_uri: {
    meaning: 'One or more redirect_uris in the registration request are not acceptable to the server.',
    reference: 'RFC 7591 §3.2.2',
  },
  invalid_client_metadata: {
    meaning: 'A client metadata value in the registration request is invalid or not allowed by the server.',
    reference: 'RFC 7591 §3.2.2',
  },
  invalid_software_statement: {
    meaning: 'The software statement in the registration request is invalid: malformed, badly signed, or expired.',
    reference: 'RFC 7591 §3.2.2',
  },
  unapproved_software_statement: {
    meaning: 'The server does not accept this software statement for registration, although it is well formed.',
    reference: 'RFC 7591 §3.2.2',
  },
  unsupported_token_type: {
    meaning: 'The server cannot revoke this type of token (for example, it does not revoke access tokens).',
    reference: 'RFC 7009 §2.2.1',
  },
  invalid_dpop_proof: {
    meaning:
      'The DPoP proof was refused: its signature, typ, htm, htu or iat is wrong, its jti was seen before, or its key is not the one the code (dpop_jkt) or refresh token is bound to.',
    reference: 'RFC 9449 §5',
    hint: 'A token bound to a key is refreshed only with that key: if this page was reloaded its key is gone, so get new tokens with "Use DPoP".',
  },
  use_dpop_nonce: {
    meaning:
      'The server wants a nonce it issued (the DPoP-Nonce header) in every proof. The console retries once with it, so seeing this means the retry was refused as well.',
    reference: 'RFC 9449 §8',
    hint: 'Check that the server sends DPoP-Nonce and lets the browser read it (Access-Control-Expose-Headers).',
  },
  invalid_target: {
    meaning: 'The server will not issue a token for the audience or resource asked for: it is unknown, malformed, or not allowed to this client.',
    reference: 'RFC 8707 §2, RFC 8693 §2.2.2',
    hint: 'Check the audience and resource values, or leave them empty to get the server default.',
  },
  login_required: {
    meaning: 'The request said prompt=none, but the user is not signed in at the server, so it could not ask them.',
    reference: 'OIDC Core §3.1.2.6',
    hint: 'Authorize without prompt=none, so the server may show its sign-in page.',
  },
  consent_required: {
    meaning: 'The request said prompt=none, but the user has not yet consented to this client and scope, and the server could not ask them.',
    reference: 'OIDC Core §3.1.2.6',
    hint: 'Authorize without prompt=none, so the server may show its consent page.',
  },
  interaction_required: {
    meaning: 'The request said prompt=none, but the server needs the user to do something on its pages first (sign in again, consent, choose an account).',
    reference: 'OIDC Core §3.1.2.6',
    hint: 'Authorize without prompt=none.',
  },
  account_selection_required: {
    meaning: 'The request said prompt=none, but the user must choose which of their accounts to use, and the server could not ask them.',
    reference: 'OIDC Core §3.1.2.6',
    hint: 'Authorize without prompt=none, or send login_hint naming the account.',
  },
  invalid_request_uri: {
    meaning: 'The request_uri is unknown, expired or already used: a pushed request lives only briefly and is good for one authorization.',
    reference: 'RFC 9126 §2.2, OIDC Core §3.1.2.6',
    hint: 'Authorize again, so a fresh request is pushed.',
  },
  invalid_request_object: {
    meaning: 'The signed request object (the request parameter) is invalid: malformed, badly signed, or its claims are not acceptable.',
    reference: 'RFC 9101 §6.2, OIDC Core §3.1.2.6',
  },
  request_not_supported: {
    meaning: 'The server does not accept a request object (the request parameter).',
    reference: 'OIDC Core §3.1.2.6',
  },
  request_uri_not_supported: {
    meaning: 'The server does not accept the request_uri parameter.',
    reference: 'OIDC Core §3.1.2.6',
  },
}

/** Where an error arrived: a step's reply, or the redirect back from the authorization endpoint. */
export type OAuthErrorContext = ExchangeStep | 'authorization-redirect'

/**
 * One code means different things in different requests: invalid_token at RFC 7592's endpoint is about
 * the registration access token, not an access token; invalid_grant at a code exchange is about the code.
 */
const IN_CONTEXT: Readonly<Partial<Record<OAuthErrorContext, Readonly<Record<string, OAuthErrorExplanation>>>>> = {
  'authorization-redirect': {
    access_denied: {
      meaning: 'The user declined on the server\'s consent page, or the server would not let this client ask for this.',
      reference: 'RFC 6749 §4.1.2.1',
      hint: 'Authorize again and approve; if the server refuses on its own, check the client\'s allowed scopes and grant types there.',
    },
    invalid_scope: {
      meaning: 'A requested scope is unknown, malformed, or more than the client may ask for.',
      reference: 'RFC 6749 §4.1.2.1',
      hint: 'Request only scopes the client is configured for.',
    },
    invalid_request: {
      meaning: 'The authorization request is malformed: a parameter is missing, repeated, or has a value the server does not accept (a PKCE method, a prompt, an extra parameter).',
      reference: 'RFC 6749 §4.1.2.1',
    },
  },
  'authorization-code': {
    invalid_grant: {
      meaning:
        'The server would not redeem the code: it expired (codes live a minute or less), was already used, was issued to another client or redirect_uri, or the code_verifier does not match the code_challenge.',
      reference: 'RFC 6749 §4.1.3, RFC 7636 §4.6',
      hint: 'Authorize again for a new code: a code is good for one exchange only, so a repeated exchange always fails.',
    },
  },
  refresh: {
    invalid_grant: {
      meaning:
        'The server would not accept the refresh token: it expired, was revoked, was already replaced by a newer one (servers that rotate refresh tokens accept each once), or belongs to another client.',
      reference: 'RFC 6749 §6, §10.4',
      hint: 'Refresh with the newest refresh token in the list, or get new tokens.',
    },
  },
  'token-exchange': {
    invalid_request: {
      meaning:
        'The server refused a parameter of the exchange: the subject or actor token is missing, or a token type it does not accept for that token (subject_token_type, requested_token_type).',
      reference: 'RFC 8693 §2.2.2',
    },
  },
  'client-management': {
    invalid_token: {
      meaning:
        'The server refused the registration access token: it is wrong, was replaced by a newer one (an update may rotate it), or the client was deleted, which voids it.',
      reference: 'RFC 7592 §2.1, §2.3',
      hint: 'Use the registration_access_token from the latest registration or update reply; a deleted client must be registered again.',
    },
  },
}

/**
 * Plain-English meaning of a registered OAuth error code, with its RFC section and, where one
 * applies, the usual fix; null for codes the console does not know. With the context it arrived in,
 * the meaning there when it differs (invalid_token from RFC 7592's endpoint, invalid_grant at a code
 * exchange). RFC 6749 §4.1.2.1 and §5.2, RFC 8628 §3.5, RFC 6750 §3.1, RFC 7591 §3.2.2, RFC 7592 §2,
 * RFC 7009 §2.2.1, RFC 8693 §2.2.2, RFC 8707 §2, RFC 9126 §2.2, RFC 9449 §5, §8, OIDC Core §3.1.2.6.
 */
export function explainOAuthError(error: string, context?: OAuthErrorContext): OAuthErrorExplanation | null {
  const inContext = context ? IN_CONTEXT[context] : undefined
  if (inContext && Object.hasOwn(inContext, error)) return inContext[error] ?? null
  return Object.hasOwn(GLOSSARY, error) ? (GLOSSARY[error] ?? null) : null
}
