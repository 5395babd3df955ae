import type { DpopNonceChallenge } from '../../protocol/dpop-nonce-challenge.ts'
import { clipText, escapeInvisible } from '../../protocol/visible-text.ts'

/** In a token step's success: the server's nonce challenge met on the way, so the 400 in the log is no mystery. */
export function DpopNonceNote({ challenge }: { challenge: DpopNonceChallenge | undefined }) {
  if (!challenge) return null
  const status = challenge.exchange.response?.status ?? 400
  return (
    <p className="mt-1">
      DPoP nonce: the server first refused the proof with <code>use_dpop_nonce</code> (HTTP {status})
      {challenge.nonce !== null ? (
        <>
          {' '}and sent <code>DPoP-Nonce</code> <code className="break-all">{clipText(escapeInvisible(challenge.nonce).text, 120)}</code>
        </>
      ) : null}
      ; the console sent a new proof carrying it (RFC 9449 §8). Both exchanges are below and in the HTTP log.
    </p>
  )
}
