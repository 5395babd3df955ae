import { useState } from 'react'
import { TextField } from '../components/ui/fields.tsx'
import { DEFAULT_MAX_BODY_BYTES, formatBytes } from '../protocol/limits.ts'
import { MAX_TIMEOUT_SECONDS, MIN_TIMEOUT_SECONDS, useLimitsActions, useTimeoutSeconds } from '../state/limits-store.ts'

/** The limits every request keeps to, where a person can see and change them. */
export function LimitsSettings() {
  const timeoutSeconds = useTimeoutSeconds()
  const { timeoutChanged } = useLimitsActions()
  // What is typed stays as typed; only a valid number becomes the setting.
  const [text, setText] = useState(String(timeoutSeconds))
  const number = Number(text)
  const valid = text.trim() !== '' && Number.isFinite(number) && number >= MIN_TIMEOUT_SECONDS && number <= MAX_TIMEOUT_SECONDS
  return (
    <details className="relative text-sm">
      <summary className="cursor-pointer rounded-md px-2 py-1 hover:bg-slate-100 dark:hover:bg-slate-800">Limits</summary>
      <div className="absolute right-0 z-20 mt-1 flex w-72 flex-col gap-2 rounded-md border border-slate-200 bg-white p-3 shadow-lg dark:border-slate-700 dark:bg-slate-900">
        <TextField
          label="Request timeout (seconds)"
          inputMode="numeric"
          value={text}
          onValueChange={(value) => {
            setText(value)
            const seconds = Number(value)
            if (value.trim() !== '' && Number.isFinite(seconds) && seconds >= MIN_TIMEOUT_SECONDS && seconds <= MAX_TIMEOUT_SECONDS) timeoutChanged(seconds)
          }}
          error={valid ? null : `Enter ${MIN_TIMEOUT_SECONDS} to ${MAX_TIMEOUT_SECONDS} seconds; ${timeoutSeconds} s still applies.`}
          hint="Each request, reply included, is stopped after this long. Every step also has a Cancel button while it runs."
        />
        <p className="text-xs text-slate-500 dark:text-slate-400">
          Reply bodies over {formatBytes(DEFAULT_MAX_BODY_BYTES)} are cut off, counted and not parsed. Server intervals are kept between 1 s and 1 h.
        </p>
      </div>
    </details>
  )
}
