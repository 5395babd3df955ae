import type { WalkthroughStepId } from './walkthrough-progress.ts'

/**
 * What each step after the first does and what to press, shown under "What to do next" once the step
 * before it is done: loaded after the first view, which shows the first step's (FIRST_STEP_GUIDE).
 */
export const NEXT_STEP_GUIDES: Record<Exclude<WalkthroughStepId, 'environment'>, string> = {
  'client-credentials':
    'The confidential client www asks the token endpoint for a token for itself, authenticating with its secret. ' +
    'The token carries the dcr scope, which allows registering new clients. Press Request token. (RFC 6749 §4.4)',
  'external-api':
    'That token, sent as Bearer, lets the console register a new client through Dynamic Client Registration. ' +
    'The reply holds the new client’s id and secret: press Send request, then Use as device client. (RFC 7591 §3.1-3.2)',
  'device-flow':
    'The new client starts the Device Authorization Grant: the server answers with a user code and a verification URI. ' +
    'Press Start device flow, then open the URI or scan the QR code on another device. (RFC 8628 §3.1-3.3)',
  poll:
    'The device asks the token endpoint whether the user has approved: authorization_pending until they do, then tokens. ' +
    'Approve on the other device (demo / demo on the sandbox) and press Poll. (RFC 8628 §3.4-3.5)',
  tokens:
    'The tokens are in the list: decode them, verify their signatures, introspect, refresh or revoke them. (RFC 7519, RFC 7662, RFC 7009)',
}
