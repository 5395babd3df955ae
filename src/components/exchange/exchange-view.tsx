import { useMemo, useState } from 'react'
import { detectBodyFormat, prettyBody } from '../../protocol/body-format.ts'
import type { HeaderRow, HttpExchange } from '../../protocol/http-exchange.ts'
import { maskExchange } from '../../protocol/masking.ts'
import { headerValue } from '../../protocol/reply-body.ts'
import { CodeBlock } from '../ui/code-block.tsx'
import { CheckboxField } from '../ui/fields.tsx'
import { useTimedReveal } from '../ui/secret-masking.ts'

function headerLines(headers: HeaderRow[]) {
  return headers.map((header) => `${header.name}: ${header.value}`).join('\n')
}

function BodyView({ label, headers, body, secretsShown }: { label: string; headers: HeaderRow[]; body: string; secretsShown: boolean }) {
  const [raw, setRaw] = useState(false)
  const format = detectBodyFormat(headerValue(headers, 'content-type'), body)
  if (format === 'empty') return <p className="text-xs text-slate-500 dark:text-slate-400 italic">No body</p>
  const canPrettify = format === 'json' || format === 'form'
  return (
    <div className="flex flex-col gap-1">
      {canPrettify && (
        <label className="flex items-center gap-1 self-end text-xs text-slate-500 dark:text-slate-400">
          <input type="checkbox" checked={raw} onChange={(event) => setRaw(event.target.checked)} />
          Raw {label.toLowerCase()}
        </label>
      )}
      <CodeBlock label={label} text={raw || !canPrettify ? body : prettyBody(body, format)} secretsShown={secretsShown} />
    </div>
  )
}

interface ExchangeViewProps {
  exchange: HttpExchange
  /** Side by side in the log's detail view, stacked inside a step. */
  layout?: 'stacked' | 'columns'
  /** Unmasked only when the person asked: the same masking rule as curl, HAR and session export. */
  showSecrets?: boolean
}

/**
 * The exact HTTP that went over the wire, as text: request and response with headers and bodies.
 * Credentials are masked by {@link maskExchange} unless `showSecrets`, so the screen agrees with
 * "Copy as curl" and exports.
 */
export function ExchangeView({ exchange, layout = 'stacked', showSecrets = false }: ExchangeViewProps) {
  const shown = useMemo(() => (showSecrets ? exchange : maskExchange(exchange)), [exchange, showSecrets])
  const { request, response, failure } = shown
  return (
    <div className={layout === 'columns' ? 'grid gap-3 lg:grid-cols-2' : 'flex flex-col gap-3'}>
      <div className="flex min-w-0 flex-col gap-1">
        <h4 className="text-xs font-semibold tracking-wide text-slate-500 dark:text-slate-400 uppercase">Request</h4>
        <CodeBlock
          label="Request line and headers"
          maxHeightClass="max-h-48"
          text={`${request.method} ${request.url}\n${headerLines(request.headers)}`}
          secretsShown={showSecrets}
        />
        {request.body !== null && <BodyView label="Request body" headers={request.headers} body={request.body} secretsShown={showSecrets} />}
      </div>
      <div className="flex min-w-0 flex-col gap-1">
        <h4 className="text-xs font-semibold tracking-wide text-slate-500 dark:text-slate-400 uppercase">
          Response <span className="font-normal normal-case">({exchange.durationMs.toFixed(0)} ms)</span>
        </h4>
        {response ? (
          <>
            <CodeBlock
              label="Status line and headers"
              maxHeightClass="max-h-48"
              text={`${response.status} ${response.statusText}\n${headerLines(response.headers)}`}
              secretsShown={showSecrets}
            />
            <BodyView label="Response body" headers={response.headers} body={response.body} secretsShown={showSecrets} />
          </>
        ) : (
          <p className="text-sm text-rose-700 dark:text-rose-400">
            No response: {failure?.message ?? 'the request did not complete.'}
          </p>
        )}
      </div>
    </div>
  )
}

/** A collapsed "Raw HTTP" disclosure for a step's latest exchange. */
export function RawExchange({ exchange }: { exchange: HttpExchange | null }) {
  const [showSecrets, setShowSecrets] = useTimedReveal()
  if (!exchange) return null
  return (
    <details className="rounded-md border border-slate-200 p-2 dark:border-slate-700">
      <summary className="cursor-pointer text-sm font-semibold">
        Raw HTTP — {exchange.request.method} {exchange.response ? exchange.response.status : 'no response'}
      </summary>
      <div className="mt-2 flex flex-col gap-2">
        <CheckboxField label="Show secrets" checked={showSecrets} onCheckedChange={setShowSecrets} />
        <ExchangeView exchange={exchange} showSecrets={showSecrets} />
      </div>
    </details>
  )
}
