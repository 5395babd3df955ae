import { useState } from 'react'
import { TextField } from '../components/ui/fields.tsx'
import { DEFAULT_MAX_BODY_BYTES, formatBytes } from '../protocol/limits.ts'
import { MAX_TIMEOUT_SECONDS, MIN_TIMEOUT_SECONDS, useLimitsActions, useTimeoutSeconds } from '../state/limits-store.ts'

/** The limits every request keeps to, where a person can see and change them (limits-settings.tsx opens it). */
export function LimitsSettingsPanel() {
  const timeoutSeconds = useTimeoutSeconds()
  const { timeoutChanged } = useLimitsActions()
  // What is typed stays as typed; only a valid number becomes the setting.
  const [text, setText] = useState(String(timeoutSeconds))
  const number = Number(text)
  const valid = text.trim() !== '' && Number.isFinite(number) && number >= MIN_TIMEOUT_SECONDS && number <= MAX_TIMEOUT_SECONDS
  return (
    <>
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
    </>
  )
}
