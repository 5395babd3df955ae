import { ExchangeView } from '../../components/exchange/exchange-view.tsx'
import { CodeBlock } from '../../components/ui/code-block.tsx'
import { decodeDpopProof } from '../../protocol/dpop-proof.ts'
import { CheckboxField } from '../../components/ui/fields.tsx'
import { ModalDialog } from '../../components/ui/modal-dialog.tsx'
import { useTimedReveal } from '../../components/ui/secret-masking.ts'
import type { HttpExchange } from '../../protocol/http-exchange.ts'
import { CurlCommand } from './curl-command.tsx'
import { STEP_LABELS } from './log-filter.ts'

/** `2025-01-02 03:04:05.678 UTC`. */
function utcTime(epochMs: number): string {
  return new Date(epochMs).toISOString().replace('T', ' ').replace('Z', ' UTC')
}

function outcomeOf(exchange: HttpExchange) {
  if (exchange.response) return `${exchange.response.status} ${exchange.response.statusText}`.trim()
  return `no response (${exchange.failure?.kind ?? 'unknown'})`
}

/** The request's DPoP proof decoded (RFC 9449 §4.2), so the nonce, htu and ath each request carried can be read. */
function DpopProofView({ exchange }: { exchange: HttpExchange }) {
  const proof = decodeDpopProof(exchange.request.headers)
  if (!proof) return null
  return (
    <section aria-label="DPoP proof" className="flex flex-col gap-2">
      <h3 className="text-sm font-semibold">DPoP proof (decoded)</h3>
      {proof.kind === 'jwt' ? (
        <div className="grid gap-2 md:grid-cols-2">
          <CodeBlock label="DPoP proof header" text={JSON.stringify(proof.header, null, 2)} maxHeightClass="max-h-48" />
          <CodeBlock label="DPoP proof claims" text={JSON.stringify(proof.claims, null, 2)} maxHeightClass="max-h-48" />
        </div>
      ) : (
        <p className="text-sm">The DPoP header is no readable JWT{proof.kind === 'malformed_jwt' ? `: ${proof.message}` : ''}.</p>
      )}
    </section>
  )
}

/**
 * One exchange opened from the log: request and response side by side, and the request as curl.
 * One "Show secrets" decides for both, so the raw view never shows what the curl command masks.
 */
export function ExchangeDetail({ exchange, onClose }: { exchange: HttpExchange; onClose: () => void }) {
  const { request } = exchange
  const [showSecrets, setShowSecrets] = useTimedReveal()
  return (
    <ModalDialog
      onClose={onClose}
      title={
        <>
          <span className="font-mono">{request.method}</span> <span className="font-mono font-normal">{request.url}</span> →{' '}
          {outcomeOf(exchange)}
        </>
      }
    >
      <div className="flex flex-col gap-4">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <p className="text-xs text-slate-500 dark:text-slate-400">
            {/* UTC to the millisecond too: server logs, which support compares this with, are kept in UTC. */}
            {STEP_LABELS[exchange.step]} · sent {new Date(exchange.startedAt).toLocaleString()} (
            <time dateTime={new Date(exchange.startedAt).toISOString()}>{utcTime(exchange.startedAt)}</time>) ·{' '}
            {exchange.durationMs.toFixed(0)} ms
            {exchange.via === 'relay' && " · via the local relay (sent by the console's relay, not the browser: no CORS check)"}
          </p>
          <CheckboxField label="Show secrets" checked={showSecrets} onCheckedChange={setShowSecrets} />
        </div>
        <ExchangeView exchange={exchange} layout="columns" showSecrets={showSecrets} />
        <DpopProofView exchange={exchange} />
        <CurlCommand exchange={exchange} showSecrets={showSecrets} />
      </div>
    </ModalDialog>
  )
}

export default ExchangeDetail
