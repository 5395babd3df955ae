import { useMutation } from '@tanstack/react-query'
import { memo, useRef, useState } from 'react'
import { AuthMethodSelect } from '../../components/client/client-picker.tsx'
import { TOKEN_FIELDS } from '../../components/tokens/token-summary.tsx'
import { Button } from '../../components/ui/button.tsx'
import { CancelButton } from '../../components/ui/cancel-button.tsx'
import { useCancellable } from '../../components/ui/use-cancellable.ts'
import { useSeenOnScreen } from '../../components/ui/use-on-screen.ts'
import { Notice } from '../../components/ui/notice.tsx'
import type { ClientAuthMethod } from '../../protocol/client-auth.ts'
import { existingDpopKeyPair } from '../../protocol/dpop-key.ts'
import { fetchUserinfo, refreshTokens } from '../../protocol/token-actions.ts'
import { clientRequestInput, useEnvironments } from '../../state/environment-store.ts'
import { requestTransport } from '../../state/request-transport.ts'
import { useTokenActions, type ObtainedToken } from '../../state/token-store.ts'
import type { ActionClient } from './action-client.ts'
import { decodedTokens } from './decoded-tokens.ts'
import { RefreshResult, UserinfoResult } from './token-action-results.tsx'
import { TokenField } from './token-field.tsx'

/** The client a token's actions authenticate as: the profile it was obtained with, as configured now. */
function useActionClient(token: ObtainedToken, auth: ClientAuthMethod | null) {
  const environment = useEnvironments().find((candidate) => candidate.id === token.environmentId)
  const profile = environment?.clients.find((candidate) => candidate.id === token.clientProfileId)
  const choice = { auth: auth ?? profile?.token_endpoint_auth_method ?? 'client_secret_basic' }
  const client: ActionClient = environment
    ? { ...clientRequestInput(environment, profile, choice), client_id: profile?.client_id ?? token.client_id, ...requestTransport(environment) }
    : { server: { issuer: '' }, client_id: token.client_id, client_secret: '', ...choice, ...requestTransport({}) }
  return { environment, profile, client }
}

/**
 * The access token's type, and for a DPoP-bound token the key thumbprint it is bound to when the token is
 * a JWT that says so (`cnf.jkt`). RFC 9449 §6.1.
 */
function TokenBinding({ token }: { token: ObtainedToken }) {
  const decoded = decodedTokens(token.tokens).access_token
  const cnf = decoded?.kind === 'jwt' ? decoded.claims.cnf : undefined
  const jkt = typeof cnf === 'object' && cnf !== null && 'jkt' in cnf && typeof cnf.jkt === 'string' ? cnf.jkt : null
  const bound = token.tokens.token_type.toLowerCase() === 'dpop'
  return (
    <dl aria-label={`${token.label} binding`} className="grid grid-cols-[auto_1fr] gap-x-3 text-xs">
      <dt className="font-mono text-slate-500 dark:text-slate-400">token_type</dt>
      <dd className="font-mono">
        {token.tokens.token_type}
        {bound && ' (DPoP-bound: sent only with a proof from its key)'}
      </dd>
      {jkt && (
        <>
          <dt className="font-mono text-slate-500 dark:text-slate-400">cnf.jkt</dt>
          <dd className="font-mono break-all">{jkt}</dd>
        </>
      )}
    </dl>
  )
}

function TokenEntryView({ token }: { token: ObtainedToken }) {
  const { replyTokensKept, tokenRemoved } = useTokenActions()
  const [authOverride, setAuthOverride] = useState<ClientAuthMethod | null>(null)
  const { environment, profile, client } = useActionClient(token, authOverride)
  const { access_token, refresh_token } = token.tokens
  // The list grows by one entry per token, usually below the screen: its <select> comes when it is in view.
  const entry = useRef<HTMLLIElement>(null)
  const seen = useSeenOnScreen(entry)

  const cancellable = useCancellable()
  const refresh = useMutation({
    mutationFn: async (refreshToken: string) => {
      const signal = cancellable.signal()
      // A DPoP-bound token is refreshed with the key this session holds for its environment (RFC 9449 §5).
      const dpop = token.tokens.token_type.toLowerCase() === 'dpop' ? await existingDpopKeyPair(token.environmentId) : null
      return refreshTokens({ ...client, refresh_token: refreshToken, token_type: token.tokens.token_type, signal, ...(dpop ? { dpop } : {}) })
    },
    onSuccess: (outcome) => {
      if (outcome.kind !== 'tokens') return
      replyTokensKept('refresh', { environmentId: token.environmentId, clientProfileId: token.clientProfileId, client_id: client.client_id }, outcome.tokens)
    },
  })
  const userinfo = useMutation({
    mutationFn: (accessToken: string) =>
      fetchUserinfo({ ...client, access_token: accessToken, token_type: token.tokens.token_type, signal: cancellable.signal() }),
  })

  // Off-screen entries skip style, layout and paint (content-visibility), so a long session's list costs what is on screen.
  return (
    <li ref={entry} className="flex flex-col gap-3 rounded-md border border-slate-200 p-3 [contain-intrinsic-size:auto_24rem] [content-visibility:auto] dark:border-slate-700">
      <div className="flex items-start justify-between gap-2">
        <div>
          <h3 className="text-sm font-semibold">{token.label}</h3>
          <p className="text-xs text-slate-500 dark:text-slate-400">
            Obtained {new Date(token.obtainedAt).toLocaleTimeString()} · {environment?.name ?? 'removed environment'}
            {token.tokens.scope ? ` · scope ${token.tokens.scope}` : ''}
          </p>
        </div>
        <Button variant="ghost" aria-label={`Remove ${token.label}`} onClick={() => tokenRemoved(token.id)}>
          Remove
        </Button>
      </div>
      <TokenBinding token={token} />
      {!environment && (
        <Notice tone="warning">The environment this token came from was removed: its endpoints are unknown, so actions cannot be sent.</Notice>
      )}
      {environment && !profile && (
        <Notice tone="warning">
          The client profile of <code>{token.client_id}</code> was removed: actions authenticate as <code>{token.client_id}</code> without a
          secret.
        </Notice>
      )}
      <div className="flex flex-wrap items-end gap-2">
        <AuthMethodSelect
          value={client.auth}
          onValueChange={setAuthOverride}
          hint={`How ${client.client_id || 'the client'} authenticates for Introspect, Refresh and Revoke.`}
          asText={!seen}
          // One height for the text and the <select> that replaces it: nothing in the entry moves when it comes into view.
          className="h-9"
        />
        {refresh_token && (
          <Button busy={refresh.isPending} onClick={() => refresh.mutate(refresh_token)}>
            Refresh
          </Button>
        )}
        <Button variant="secondary" busy={userinfo.isPending} onClick={() => userinfo.mutate(access_token)}>
          Userinfo
        </Button>
        <CancelButton pending={refresh.isPending || userinfo.isPending} onCancel={cancellable.cancel} />
      </div>
      {refresh.data && <RefreshResult outcome={refresh.data} />}
      {userinfo.data && <UserinfoResult outcome={userinfo.data} />}
      {TOKEN_FIELDS.map(([field, name]) => {
        const value = token.tokens[field]
        return typeof value === 'string' && value !== '' ? (
          <TokenField key={field} field={field} name={name} value={value} decoded={decodedTokens(token.tokens)[field]} client={client} />
        ) : null
      })}
    </li>
  )
}

/** Tokens are immutable once stored: an entry re-renders only when its own token (or what it reads from stores) changes. */
export const TokenEntry = memo(TokenEntryView)
