import { useId, useState, type ChangeEvent } from 'react'
import { Notice } from '../../components/ui/notice.tsx'
import { useSessionImport, type ImportResult } from './use-session-import.ts'

/** FileReader rather than Blob.text(): the one every browser (and jsdom) has. */
function readFileText(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result))
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read'))
    reader.readAsText(file)
  })
}

interface FileInputProps {
  label: string
  accept: string
  onText: (text: string) => void
  onUnreadable: (message: string) => void
}

function FileInput({ label, accept, onText, onUnreadable }: FileInputProps) {
  const id = useId()
  const onChange = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget
    const file = input.files?.[0]
    if (!file) return
    try {
      onText(await readFileText(file))
    } catch (error) {
      onUnreadable(`The file could not be read: ${error instanceof Error ? error.message : String(error)}`)
    } finally {
      // Cleared so choosing the same file again (after fixing it) imports again.
      input.value = ''
    }
  }
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-xs font-semibold text-slate-600 dark:text-slate-300">
        {label}
      </label>
      <input
        id={id}
        type="file"
        accept={accept}
        onChange={(event) => void onChange(event)}
        className="text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm dark:file:border-slate-600 dark:file:bg-slate-800 dark:file:text-slate-100"
      />
    </div>
  )
}

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
