import { ConformanceNotes } from '../../components/exchange/conformance-notes.tsx'
import { DpopNonceNote } from '../../components/exchange/dpop-nonce-note.tsx'
import { RawExchange } from '../../components/exchange/exchange-view.tsx'
import { RequestFailureView } from '../../components/exchange/request-failure-view.tsx'
import { CodeBlock } from '../../components/ui/code-block.tsx'
import { Notice } from '../../components/ui/notice.tsx'
import type { IntrospectionOutcome, RevocationOutcome, UserinfoOutcome } from '../../protocol/token-actions.ts'
import type { TokenOutcome } from '../../protocol/token-response.ts'

export function IntrospectionResult({ outcome }: { outcome: IntrospectionOutcome }) {
  if (outcome.kind !== 'introspection') return <RequestFailureView failure={outcome} />
  return (
    <div className="flex flex-col gap-2">
      <Notice tone={outcome.active ? 'success' : 'warning'} live title={outcome.active ? 'Active token' : 'Inactive token'}>
        <p>
          The server says <code>active: {String(outcome.active)}</code>
          {outcome.active ? '.' : ': expired, revoked, unknown, or not introspectable by this client.'}
        </p>
        <ConformanceNotes notes={outcome.conformance} />
      </Notice>
      <CodeBlock label="Introspection result" text={JSON.stringify(outcome.claims, null, 2)} maxHeightClass="max-h-64" />
      <RawExchange exchange={outcome.exchange} />
    </div>
  )
}

export function RevocationResult({ outcome }: { outcome: RevocationOutcome }) {
  if (outcome.kind !== 'revoked') return <RequestFailureView failure={outcome} />
  return (
    <div className="flex flex-col gap-2">
      <Notice tone="success" live title="Revoked">
        <p>The server accepted the revocation. It answers the same for tokens it did not know (RFC 7009 §2.2): introspect to confirm.</p>
        <ConformanceNotes notes={outcome.conformance} />
      </Notice>
      <RawExchange exchange={outcome.exchange} />
    </div>
  )
}

export function UserinfoResult({ outcome }: { outcome: UserinfoOutcome }) {
  if (outcome.kind !== 'userinfo') return <RequestFailureView failure={outcome} />
  return (
    <div className="flex flex-col gap-2">
      <Notice tone="success" live title="Userinfo claims received">
        <ConformanceNotes notes={outcome.conformance} />
      </Notice>
      <CodeBlock label="Userinfo claims" text={JSON.stringify(outcome.claims, null, 2)} maxHeightClass="max-h-64" />
      <RawExchange exchange={outcome.exchange} />
    </div>
  )
}

export function RefreshResult({ outcome }: { outcome: TokenOutcome }) {
  if (outcome.kind !== 'tokens') return <RequestFailureView failure={outcome} />
  return (
    <div className="flex flex-col gap-2">
      <Notice tone="success" live title="New tokens issued">
        <p>Added to the top of the token list{outcome.tokens.refresh_token ? ', with a new refresh token' : ''}.</p>
        <DpopNonceNote challenge={outcome.dpopNonce} />
        <ConformanceNotes notes={outcome.conformance} />
      </Notice>
      {outcome.dpopNonce && <RawExchange exchange={outcome.dpopNonce.exchange} />}
      <RawExchange exchange={outcome.exchange} />
    </div>
  )
}
