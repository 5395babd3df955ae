import { useId, useState } from 'react'
import { FileInput } from '../../components/ui/file-input.tsx'
import { Notice } from '../../components/ui/notice.tsx'
import { useSessionImport, type ImportResult } from './use-session-import.ts'

/** Imports a session file (environments, clients, log) or a HAR (log only); a bad file changes nothing. */
export function SessionImport() {
  const { importSession, importHar } = useSessionImport()
  const [result, setResult] = useState<ImportResult | null>(null)
  const headingId = useId()
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-3">
      <h3 id={headingId} className="text-sm font-semibold">
        Import
      </h3>
      <FileInput
        label="Import session file"
        accept=".json,application/json"
        onText={(text) => setResult(importSession(text))}
        onUnreadable={(message) => setResult({ ok: false, message })}
      />
      <FileInput
        label="Import HAR file"
        accept=".har,application/json"
        onText={(text) => setResult(importHar(text))}
        onUnreadable={(message) => setResult({ ok: false, message })}
      />
      {result?.ok === true && (
        <Notice tone="success" live title="Imported">
          {result.summary}
        </Notice>
      )}
      {result?.ok === false && (
        <Notice tone="error" live title="Nothing was imported">
          {result.message}
        </Notice>
      )}
    </section>
  )
}
