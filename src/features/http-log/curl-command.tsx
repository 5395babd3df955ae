import { useId, useMemo } from 'react'
import { CodeBlock } from '../../components/ui/code-block.tsx'
import { CopyButton } from '../../components/ui/copy-button.tsx'
import { Notice } from '../../components/ui/notice.tsx'
import { toCurl } from '../../protocol/curl.ts'
import type { HttpExchange } from '../../protocol/http-exchange.ts'
import { MASK } from '../../protocol/masking.ts'

/**
 * The exchange's request as a curl command, masked unless the person asks for the secrets: a
 * command pasted into a ticket or chat should not carry a working credential by accident. An
 * exchange imported already masked has none to show, so no warning that it does.
 */
export function CurlCommand({ exchange, showSecrets }: { exchange: HttpExchange; showSecrets: boolean }) {
  const command = useMemo(() => toCurl(exchange, { mask: !showSecrets }), [exchange, showSecrets])
  const headingId = useId()
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={headingId} className="text-xs font-semibold tracking-wide text-slate-500 dark:text-slate-400 uppercase">
          curl
        </h3>
        <CopyButton text={command} label="Copy as curl" caption="Copy as curl" />
      </div>
      {showSecrets && !command.includes(MASK) && (
        <Notice tone="warning">This command carries working credentials. Share it only with people who may use them.</Notice>
      )}
      <CodeBlock label="curl command" text={command} maxHeightClass="max-h-64" secretsShown={showSecrets} />
    </section>
  )
}
