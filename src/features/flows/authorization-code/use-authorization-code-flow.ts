import { useMutation } from '@tanstack/react-query'
import * as oauth from 'oauth4webapi'
import { useEffect, useRef, useState } from 'react'
import {
  asksForIdToken,
  authorizationParameters,
  authorizationUrl,
  checkRedirectUri,
  exchangeAuthorizationCode,
  pushAuthorizationRequest,
  pushedAuthorizationParameters,
  type PushedRequest,
} from '../../../protocol/authorization-code.ts'
import { parseCallback, type CallbackOutcome } from '../../../protocol/callback.ts'
import type { ClientAuthMethod } from '../../../protocol/client-auth.ts'
import { adoptDpopKeyPair, ecJwkThumbprint, importDpopKeyPair } from '../../../protocol/dpop-key.ts'
import type { HttpExchange } from '../../../protocol/http-exchange.ts'
import { validateIdToken, type IdTokenCheck } from '../../../protocol/id-token.ts'
import { compareGrantedScope, type ScopeDifference } from '../../../protocol/granted-scope.ts'
import { fetchJwks } from '../../../protocol/jwks.ts'
import { enabledParams, type ParamRow } from '../../../protocol/param-row.ts'
import type { RequestFailure } from '../../../protocol/request-failure.ts'
import { checkClient } from '../../../protocol/request-input.ts'
import { toAuthorizationServer } from '../../../protocol/server-endpoints.ts'
import type { TokenOutcome } from '../../../protocol/token-response.ts'
import {
  clientRequestInput,
  environmentServer,
  readEnvironmentSnapshot,
  useEnvironmentActions,
  type ClientProfile,
  type Environment,
} from '../../../state/environment-store.ts'
import { readExchangesSnapshot, useHttpLogActions } from '../../../state/http-log-store.ts'
import { requestTransport } from '../../../state/request-transport.ts'
import { readObtainedTokens, useTokenActions } from '../../../state/token-store.ts'
import { readCallbackArrival, type CallbackArrival } from './callback-arrival.ts'
import { savePendingAuthorization, type PendingAuthorization } from './pending-authorization.ts'
import { usePortableDpopKey } from './use-portable-dpop-key.ts'
import { pkceChallenge } from '../../../protocol/pkce-challenge.ts'

/** The values that make one authorization request unguessable; new for every page load. */
interface RequestSecrets {
  state: string
  nonce: string
  code_verifier: string
}

export interface AuthorizationForm {
  redirect_uri: string
  scope: string
  usePkce: boolean
  usePar: boolean
  /** Bind the code (dpop_jkt) and the tokens to a DPoP key made for this request. RFC 9449 §10. */
  useDpop: boolean
  extra: ParamRow[]
}

export type AuthorizeOutcome =
  | { kind: 'redirecting'; url: string; pushed: PushedRequest | null; exchange: HttpExchange | null }
  | RequestFailure

export type IdTokenResult = IdTokenCheck | { kind: 'jwks_failed'; failure: RequestFailure }

/** What became of the redirect back to the console. */
export type CompletionOutcome =
  | { kind: 'no_pending' }
  | { kind: 'environment_gone' }
  | Exclude<CallbackOutcome, { kind: 'code' }>
  | {
      kind: 'exchanged'
      outcome: TokenOutcome
      idToken: IdTokenResult | null
      /** The thumbprint of the DPoP key the request named (dpop_jkt) and the exchange proved, null without DPoP. */
      dpop_jkt: string | null
      /** How the granted scope differs from the one the request asked for, null when it does not. */
      scope?: ScopeDifference | null
    }

function newSecrets(): RequestSecrets {
  return { state: oauth.generateRandomState(), nonce: oauth.generateRandomNonce(), code_verifier: oauth.generateRandomCodeVerifier() }
}

/** The S256 challenge of the verifier, computed as soon as there is one (WebCrypto is asynchronous; a page without it computes it in script). */
function usePkceChallenge(verifier: string): string | null {
  const [challenge, setChallenge] = useState<{ verifier: string; value: string } | null>(null)
  useEffect(() => {
    let current = true
    void pkceChallenge(verifier).then((value) => {
      if (current) setChallenge({ verifier, value })
    })
    return () => {
      current = false
    }
  }, [verifier])
  return challenge?.verifier === verifier ? challenge.value : null
}

/** The scope and prompt the request sent: an extra parameter row overrides the form's, as it did when sent. */
function sentScopeAndPrompt(pending: PendingAuthorization): { scope: string; prompt: string | null } {
  const extra = new Map(enabledParams(pending.extra))
  return { scope: extra.get('scope') ?? pending.scope, prompt: extra.get('prompt') ?? null }
}

async function validateReturnedIdToken(
  id_token: string,
  environment: Environment,
  pending: PendingAuthorization,
): Promise<IdTokenResult> {
  const jwks = await fetchJwks({ server: environmentServer(environment), ...requestTransport(environment) })
  if (jwks.kind !== 'jwks') return { kind: 'jwks_failed', failure: jwks }
  return validateIdToken(id_token, {
    issuer: pending.issuer,
    client_id: pending.client_id,
    nonce: pending.nonce,
    jwks: jwks.jwks,
    nowMs: Date.now(),
  })
}

/**
 * The authorization code flow (RFC 6749 §4.1 with PKCE, PAR, OIDC): builds the request and its preview,
 * pushes it when asked, sends the browser away, and on the way back checks the redirect, restores the
 * walk-through and redeems the code. One owner for the flow's state; the panel is form and view.
 */
export function useAuthorizationCodeFlow(environment: Environment, client: ClientProfile | undefined, formAuth: ClientAuthMethod, form: AuthorizationForm) {
  const arrival = readCallbackArrival()
  const [secrets] = useState(newSecrets)
  const code_challenge = usePkceChallenge(secrets.code_verifier)
  const dpop = usePortableDpopKey(form.useDpop)
  const { tokensObtained, replyTokensKept } = useTokenActions()
  const { exchangesImported } = useHttpLogActions()
  const { clientChanged } = useEnvironmentActions()

  const server = environmentServer(environment)
  const withIdToken = asksForIdToken(form.scope)
  const parameters = authorizationParameters({
    client_id: client?.client_id ?? '',
    redirect_uri: form.redirect_uri,
    scope: form.scope,
    state: secrets.state,
    ...(withIdToken ? { nonce: secrets.nonce } : {}),
    ...(form.usePkce && code_challenge ? { code_challenge } : {}),
    ...(form.useDpop && dpop.key ? { dpop_jkt: dpop.key.jkt } : {}),
    extra: form.extra,
  })
  const preview = authorizationUrl(server, form.usePar ? pushedAuthorizationParameters(client?.client_id ?? '', '<request_uri from the PAR reply>') : parameters)

  // The person's Cancel for the pushed authorization request, the one request before the redirect.
  const pushAbort = useRef<AbortController | null>(null)
  useEffect(() => () => pushAbort.current?.abort(), [])

  const authorize = useMutation({
    // A method passed in wins over the form's: a diagnosis's fix picks one and authorizes in the same click.
    mutationFn: async (chosenAuth?: ClientAuthMethod): Promise<AuthorizeOutcome> => {
      const auth = chosenAuth ?? formAuth
      const clientInput = clientRequestInput(environment, client, { auth })
      const invalid = checkRedirectUri(form.redirect_uri) ?? checkClient(clientInput)
      if (invalid) return invalid
      if (!client) return { kind: 'invalid_input', message: 'Choose a client first' }
      if (form.usePkce && !code_challenge) return { kind: 'invalid_input', message: 'The PKCE code_challenge is still being computed: try again' }
      if (form.useDpop && !dpop.key) {
        return { kind: 'invalid_input', field: 'dpop', message: dpop.failure ?? 'The DPoP key is still being made: try again' }
      }
      let target = preview
      let pushed: PushedRequest | null = null
      let exchange: HttpExchange | null = null
      if (form.usePar) {
        pushAbort.current?.abort()
        pushAbort.current = new AbortController()
        const outcome = await pushAuthorizationRequest({ ...clientInput, parameters, ...requestTransport(environment), signal: pushAbort.current.signal })
        if (outcome.kind !== 'pushed') return outcome
        pushed = outcome.pushed
        exchange = outcome.exchange
        target = authorizationUrl(server, pushedAuthorizationParameters(client.client_id, pushed.request_uri))
      }
      if (!target.ok) return target.failure
      const saved = savePendingAuthorization({
        version: 1,
        createdAt: Date.now(),
        environmentId: environment.id,
        clientProfileId: client.id,
        issuer: toAuthorizationServer(server).issuer,
        client_id: client.client_id.trim(),
        client_secret: auth === 'none' ? '' : client.client_secret,
        auth,
        redirect_uri: form.redirect_uri.trim(),
        scope: form.scope,
        state: secrets.state,
        nonce: withIdToken ? secrets.nonce : null,
        code_verifier: form.usePkce ? secrets.code_verifier : null,
        usePkce: form.usePkce,
        usePar: form.usePar,
        useDpop: form.useDpop,
        ...(form.useDpop && dpop.key ? { dpop_jwk: dpop.key.jwk } : {}),
        extra: form.extra,
        exchanges: readExchangesSnapshot(),
        // Read when the request leaves, not subscribed to: the step shows no token, so a new one does not re-render it.
        tokens: [...readObtainedTokens()],
      })
      if (!saved) {
        return { kind: 'invalid_input', message: 'This browser would not keep the request in sessionStorage, so the reply could not be checked: allow site storage and try again' }
      }
      return { kind: 'redirecting', url: target.url.href, pushed, exchange }
    },
    onSuccess: (outcome) => {
      // Same tab: the server's pages take over and send the browser back to the redirect URI.
      if (outcome.kind === 'redirecting') window.location.assign(outcome.url)
    },
  })

  const completion = useMutation({
    mutationFn: async ({ url, pending }: CallbackArrival): Promise<CompletionOutcome> => {
      if (!pending) return { kind: 'no_pending' }
      const callback = parseCallback(url, { issuer: pending.issuer, client_id: pending.client_id, state: pending.state })
      if (callback.kind !== 'code') return callback
      const returnedTo = readEnvironmentSnapshot().environments.find((candidate) => candidate.id === pending.environmentId)
      if (!returnedTo) return { kind: 'environment_gone' }
      const profile = returnedTo.clients.find((candidate) => candidate.id === pending.clientProfileId)
      let dpopKey: CryptoKeyPair | undefined
      const dpop_jkt = pending.dpop_jwk ? await ecJwkThumbprint(pending.dpop_jwk) : null
      try {
        dpopKey = pending.dpop_jwk ? await importDpopKeyPair(pending.dpop_jwk) : undefined
      } catch (error) {
        const message = `The DPoP key carried through the redirect could not be read back, so the code was not sent: ${String(error)}`
        return { kind: 'exchanged', outcome: { kind: 'invalid_input', field: 'dpop', message }, idToken: null, dpop_jkt }
      }
      const outcome = await exchangeAuthorizationCode({
        // The client as it was when the request left (its secret from this tab's storage), not as edited since.
        ...clientRequestInput(returnedTo, profile, { auth: pending.auth }),
        client_id: pending.client_id,
        client_secret: pending.client_secret,
        callbackParameters: callback.parameters,
        redirect_uri: pending.redirect_uri,
        code_verifier: pending.code_verifier,
        nonce: pending.nonce,
        ...requestTransport(returnedTo),
        ...(dpopKey ? { dpop: dpopKey } : {}),
      })
      if (outcome.kind !== 'tokens') return { kind: 'exchanged', outcome, idToken: null, dpop_jkt }
      // The token is bound to this key: later proofs for the environment (API calls, refresh) come from it.
      if (dpopKey) adoptDpopKeyPair(returnedTo.id, dpopKey)
      replyTokensKept('authorization-code', { environmentId: returnedTo.id, clientProfileId: pending.clientProfileId, client_id: pending.client_id }, outcome.tokens)
      const idToken = outcome.tokens.id_token ? await validateReturnedIdToken(outcome.tokens.id_token, returnedTo, pending) : null
      const sent = sentScopeAndPrompt(pending)
      return { kind: 'exchanged', outcome, idToken, dpop_jkt, scope: compareGrantedScope(sent.scope, outcome.tokens.scope, sent.prompt) }
    },
  })

  // Once per arrival: put the walk-through back as it was, then finish the flow.
  const completionStarted = useRef(false)
  const { mutate: complete } = completion
  useEffect(() => {
    if (!arrival || completionStarted.current) return
    completionStarted.current = true
    const pending = arrival.pending
    if (pending) {
      exchangesImported(pending.exchanges)
      for (const { id: _id, ...token } of pending.tokens) tokensObtained(token)
      const profile = readEnvironmentSnapshot()
        .environments.find((candidate) => candidate.id === pending.environmentId)
        ?.clients.find((candidate) => candidate.id === pending.clientProfileId)
      // Secrets are kept in memory only; the one this request used comes back from this tab's storage.
      if (profile && profile.client_secret === '' && pending.client_secret !== '') {
        clientChanged(pending.environmentId, pending.clientProfileId, { client_secret: pending.client_secret })
      }
    }
    document.getElementById('authorization-code')?.scrollIntoView()
    complete(arrival)
  }, [arrival, complete, exchangesImported, tokensObtained, clientChanged])

  const cancelAuthorize = () => pushAbort.current?.abort()
  return {
    arrival, secrets, parameters, preview, authorize, cancelAuthorize, completion, pkceReady: code_challenge !== null,
    /** The thumbprint of the key the next request names as dpop_jkt, null while it is being made. */
    dpop: { thumbprint: dpop.key?.jkt ?? null, failure: dpop.failure },
  }
}
