import { memo } from 'react'
import { ConformanceNotes } from '../../../components/exchange/conformance-notes.tsx'
import { RawExchange } from '../../../components/exchange/exchange-view.tsx'
import { RequestFailureView } from '../../../components/exchange/request-failure-view.tsx'
import { TokenSummary } from '../../../components/tokens/token-summary.tsx'
import { Notice } from '../../../components/ui/notice.tsx'
import type { PollOutcome } from '../../../protocol/device-flow.ts'
import { exhaustiveSwitchError } from '../../../protocol/request-failure.ts'
import { escapeInvisible } from '../../../protocol/visible-text.ts'

type AnsweredPoll = Extract<PollOutcome, { kind: 'pending' | 'slow_down' | 'denied' | 'expired' }>

/** Server text, with invisible controls written as escapes and clipped to a readable length. */
function withDescription(outcome: { error_description?: string }, fallback: string) {
  if (!outcome.error_description) return fallback
  const { text } = escapeInvisible(outcome.error_description)
  return `: ${text.length > 500 ? `${text.slice(0, 497)}...` : text}.`
}

/** The RFC 8628 §3.5 answers in words: what the server said and what to do next. */
function explainAnswer(outcome: AnsweredPoll, interval: number) {
  switch (outcome.kind) {
    case 'pending':
      return {
        tone: 'info',
        title: 'authorization_pending',
        text: `The user has not finished on the other device yet. Poll again in ${interval} s or later.`,
      } as const
    case 'slow_down':
      return {
        tone: 'warning',
        title: 'slow_down',
        text: `Polled too often. The interval grows by 5 s and is now ${interval} s; keep to it from now on.`,
      } as const
    case 'denied':
      return {
        tone: 'error',
        title: 'access_denied',
        text: `The user denied the request${withDescription(outcome, '.')} Start the device flow again to retry.`,
      } as const
    case 'expired':
      return {
        tone: 'error',
        title: 'expired_token',
        text: `The device code expired before the user approved${withDescription(outcome, '.')} Start the device flow again for a new code.`,
      } as const
    default:
      return exhaustiveSwitchError(outcome)
  }
}

/** A poll's answer explained. Memoised: going busy for the next poll leaves it as it is until that answer arrives. */
export const PollOutcomeView = memo(function PollOutcomeView({ outcome, interval }: { outcome: PollOutcome; interval: number }) {
  switch (outcome.kind) {
    case 'tokens':
      return (
        <div className="flex flex-col gap-2">
          <Notice tone="success" live title="Tokens issued">
            The user approved. The tokens are in the token list.
            <ConformanceNotes notes={outcome.conformance} />
          </Notice>
          <TokenSummary tokens={outcome.tokens} />
          <RawExchange exchange={outcome.exchange} />
        </div>
      )
    case 'pending':
    case 'slow_down':
    case 'denied':
    case 'expired': {
      const { tone, title, text } = explainAnswer(outcome, interval)
      return (
        <div className="flex flex-col gap-2">
          <Notice tone={tone} live title={title}>
            <span className="break-all">{text}</span>
          </Notice>
          <RawExchange exchange={outcome.exchange} />
        </div>
      )
    }
    default:
      return <RequestFailureView failure={outcome} />
  }
})
