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
    hint: 'Try the other client authentication method: some servers accept only client_secret_post or only client_secret_basic',
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
}

/**
 * Plain-English meaning of a registered OAuth error code, with its RFC section and, where one
 * applies, the usual fix; null for codes the console does not know. RFC 6749 §4.1.2.1 and §5.2,
 * RFC 8628 §3.5, RFC 6750 §3.1, RFC 7591 §3.2.2, RFC 7009 §2.2.1, RFC 9449 §5, §8.
 */
export function explainOAuthError(error: string): OAuthErrorExplanation | null {
  return Object.hasOwn(GLOSSARY, error) ? (GLOSSARY[error] ?? null) : null
}
