import { RawExchange } from '../../../components/exchange/exchange-view.tsx'
import { RequestFailureView } from '../../../components/exchange/request-failure-view.tsx'
import { TokenSummary } from '../../../components/tokens/token-summary.tsx'
import { Notice } from '../../../components/ui/notice.tsx'
import type { PollOutcome } from '../../../protocol/device-flow.ts'

/** One poll's answer in words: what the server said and what to do next (RFC 8628 §3.5). */
export function PollOutcomeView({ outcome, interval }: { outcome: PollOutcome; interval: number }) {
  switch (outcome.kind) {
    case 'tokens':
      return (
        <div className="flex flex-col gap-2">
          <Notice tone="success" live title="Tokens issued">
            The user approved. The tokens are in the token list.
            {outcome.conformance.map((note) => (
              <p key={note} className="mt-1 text-amber-800 dark:text-amber-300">
                Conformance note: {note}
              </p>
            ))}
          </Notice>
          <TokenSummary tokens={outcome.tokens} />
          <RawExchange exchange={outcome.exchange} />
        </div>
      )
    case 'pending':
      return (
        <div className="flex flex-col gap-2">
          <Notice tone="info" live title="authorization_pending">
            The user has not finished on the other device yet. Poll again in {interval} s or later.
          </Notice>
          <RawExchange exchange={outcome.exchange} />
        </div>
      )
    case 'slow_down':
      return (
        <div className="flex flex-col gap-2">
          <Notice tone="warning" live title="slow_down">
            Polled too often. The interval grows by 5 s and is now {interval} s; keep to it from now on.
          </Notice>
          <RawExchange exchange={outcome.exchange} />
        </div>
      )
    case 'denied':
      return (
        <div className="flex flex-col gap-2">
          <Notice tone="error" live title="access_denied">
            The user denied the request{outcome.error_description ? `: ${outcome.error_description}` : '.'} Start the device flow again to retry.
          </Notice>
          <RawExchange exchange={outcome.exchange} />
        </div>
      )
    case 'expired':
      return (
        <div className="flex flex-col gap-2">
          <Notice tone="error" live title="expired_token">
            The device code expired before the user approved{outcome.error_description ? `: ${outcome.error_description}` : '.'} Start the
            device flow again for a new code.
          </Notice>
          <RawExchange exchange={outcome.exchange} />
        </div>
      )
    default:
      return <RequestFailureView failure={outcome} />
  }
}
