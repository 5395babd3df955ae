import { memo } from 'react'
import type { TokenOutcome } from '../../protocol/token-response.ts'
import { Notice } from '../ui/notice.tsx'
import { ConformanceNotes } from './conformance-notes.tsx'
import { DpopNonceNote } from './dpop-nonce-note.tsx'
import { RawExchange, RequestFailureView, TokenSummary } from './result-views-on-demand.tsx'

/**
 * A token request's latest outcome: "Token issued" with `note`, the tokens and the raw exchange, or the
 * failure explained. Memoised: going busy redraws the step's button only, and a new outcome updates this in place.
 */
export const TokenReplyView = memo(function TokenReplyView({ outcome, note }: { outcome: TokenOutcome | undefined; note: string }) {
  return (
    <div className="mt-4 flex flex-col gap-3" aria-live="polite">
      {outcome?.kind === 'tokens' && (
        <>
          <Notice tone="success" title="Token issued">
            {note}
            <DpopNonceNote challenge={outcome.dpopNonce} />
            <ConformanceNotes notes={outcome.conformance} />
          </Notice>
          <TokenSummary tokens={outcome.tokens} />
          {outcome.dpopNonce && <RawExchange exchange={outcome.dpopNonce.exchange} />}
          <RawExchange exchange={outcome.exchange} />
        </>
      )}
      {outcome && outcome.kind !== 'tokens' && <RequestFailureView failure={outcome} />}
    </div>
  )
})
