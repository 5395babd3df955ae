import { ConformanceNotes } from '../../../components/exchange/conformance-notes.tsx'
import { DpopNonceNote } from '../../../components/exchange/dpop-nonce-note.tsx'
import { RawExchange } from '../../../components/exchange/exchange-view.tsx'
import { OAuthErrorDetails, oauthErrorTitle } from '../../../components/exchange/oauth-error-details.tsx'
import { RequestFailureView } from '../../../components/exchange/request-failure-view.tsx'
import { TokenSummary } from '../../../components/tokens/token-summary.tsx'
import { Notice } from '../../../components/ui/notice.tsx'
import type { ScopeDifference } from '../../../protocol/granted-scope.ts'
import { exhaustiveSwitchError } from '../../../protocol/request-failure.ts'
import type { CompletionOutcome, IdTokenResult } from './use-authorization-code-flow.ts'

function IdTokenView({ result }: { result: IdTokenResult }) {
  switch (result.kind) {
    case 'valid':
      return (
        <Notice tone="success" title="ID token valid">
          Signature verified with {result.key} ({result.alg}); <code>iss</code>, <code>aud</code>, <code>nonce</code> and <code>exp</code> are
          as expected (OIDC Core §3.1.3.7).
        </Notice>
      )
    case 'invalid':
      return (
        <Notice tone="error" live title="ID token rejected">
          {result.message} <span className="text-xs opacity-80">({result.code})</span>
        </Notice>
      )
    case 'jwks_failed':
      return (
        <div className="flex flex-col gap-2">
          <Notice tone="warning" title="ID token not verified">
            The server's signing keys (JWKS) could not be fetched, so the ID token's signature is unchecked.
          </Notice>
          <RequestFailureView failure={result.failure} />
        </div>
      )
    default:
      return exhaustiveSwitchError(result)
  }
}

/** Whether the server bound the tokens to the key dpop_jkt named, as the request asked. RFC 9449 §5, §10. */
function DpopBindingView({ jkt, token_type }: { jkt: string; token_type: string }) {
  if (token_type.toLowerCase() === 'dpop') {
    return (
      <Notice tone="info" title="Tokens bound to this browser's DPoP key">
        The key named by <code>dpop_jkt</code>, thumbprint <code className="break-all">{jkt}</code>, signed the exchange&apos;s proof; it is now
        this environment&apos;s DPoP key, so External API calls and Refresh prove with it.
      </Notice>
    )
  }
  return (
    <Notice tone="warning" live title="Tokens not DPoP-bound">
      The request named a DPoP key and the exchange carried its proof, but the server answered <code>token_type</code>{' '}
      <code>{token_type}</code>: it did not bind the access token to the key (RFC 9449 §5).
    </Notice>
  )
}

/** The scope granted is not the scope asked for: say what is missing, so a dropped scope is not a silent surprise. RFC 6749 §3.3. */
function ScopeDifferenceView({ difference }: { difference: ScopeDifference }) {
  const list = (values: string[]) => values.map((value) => `"${value}"`).join(', ')
  return (
    <Notice tone="warning" live title="Scope differs from the request">
      {difference.notGranted.length > 0 && <p>Not granted: {list(difference.notGranted)}.</p>}
      {difference.added.length > 0 && <p>Granted without being asked: {list(difference.added)}.</p>}
      <p className="mt-1">
        The server decides what to grant (RFC 6749 §3.3): a scope the client is not allowed, one the user did not consent to, or one the
        server does not know is left out, and the reply&apos;s <code>scope</code> says what was granted.
      </p>
      {difference.offlineAccessWithoutConsent && (
        <p className="mt-1 font-semibold">
          A request for offline_access must carry prompt=consent (OIDC Core §11), and servers drop it without: switch on the prompt
          parameter with the value consent and authorize again.
        </p>
      )}
    </Notice>
  )
}

/** What came of the redirect back: refused, an error the server sent, or the code exchange and its tokens. */
export function CompletionView({ outcome }: { outcome: CompletionOutcome }) {
  switch (outcome.kind) {
    case 'no_pending':
      return (
        <Notice tone="warning" live title="No request waiting in this tab">
          An authorization response arrived, but this tab holds no authorization request for it (it was already used, or was started in
          another tab). Nothing was sent; start again with Authorize.
        </Notice>
      )
    case 'environment_gone':
      return (
        <Notice tone="error" live title="Environment removed">
          The environment this request was started from no longer exists, so the code cannot be exchanged.
        </Notice>
      )
    case 'refused':
      return (
        <Notice tone="error" live title="Authorization response refused">
          {outcome.message} <span className="text-xs opacity-80">({outcome.code})</span>. The code was not exchanged.
        </Notice>
      )
    case 'error_redirect':
      return (
        <Notice tone="error" live title={oauthErrorTitle(outcome.error, 'in the redirect')}>
          <p className="mb-1">The authorization server sent the browser back with an error instead of a code (RFC 6749 §4.1.2.1).</p>
          <OAuthErrorDetails
            error={outcome.error}
            error_description={outcome.error_description}
            error_uri={outcome.error_uri}
            context="authorization-redirect"
          />
        </Notice>
      )
    case 'exchanged': {
      const { outcome: exchanged, idToken, dpop_jkt, scope } = outcome
      if (exchanged.kind !== 'tokens') return <RequestFailureView failure={exchanged} />
      return (
        <>
          <Notice tone="success" title="Code exchanged for tokens">
            Added to the token list.
            <DpopNonceNote challenge={exchanged.dpopNonce} />
            <ConformanceNotes notes={exchanged.conformance} />
          </Notice>
          {scope && <ScopeDifferenceView difference={scope} />}
          {dpop_jkt && <DpopBindingView jkt={dpop_jkt} token_type={exchanged.tokens.token_type} />}
          {idToken && <IdTokenView result={idToken} />}
          <TokenSummary tokens={exchanged.tokens} />
          {exchanged.dpopNonce && <RawExchange exchange={exchanged.dpopNonce.exchange} />}
          <RawExchange exchange={exchanged.exchange} />
        </>
      )
    }
    default:
      return exhaustiveSwitchError(outcome)
  }
}
