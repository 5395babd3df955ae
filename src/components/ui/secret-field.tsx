import { useId } from 'react'
import { useTimedReveal } from './secret-masking.ts'

interface SecretFieldProps {
  label: string
  value: string
  onValueChange: (value: string) => void
  hint?: string
}

/** A password-style input with a reveal toggle: secrets are typed and checked, not shoulder-surfed. */
export function SecretField({ label, value, onValueChange, hint }: SecretFieldProps) {
  const id = useId()
  const [revealed, setRevealed] = useTimedReveal()
  return (
    <div className="flex flex-col gap-1">
      <label id={`${id}-label`} htmlFor={id} className="text-xs font-semibold text-slate-600 dark:text-slate-300">
        {label}
      </label>
      <div className="flex gap-1">
        <input
          id={id}
          type={revealed ? 'text' : 'password'}
          value={value}
          onChange={(event) => onValueChange(event.target.value)}
          autoComplete="off"
          spellCheck={false}
          aria-describedby={hint ? `${id}-hint` : undefined}
          className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-2.5 py-1.5 font-mono text-sm dark:border-slate-600 dark:bg-slate-900"
        />
        <button
          type="button"
          onClick={() => setRevealed(!revealed)}
          aria-pressed={revealed}
          aria-controls={id}
          aria-describedby={`${id}-label`}
          className="rounded-md border border-slate-300 px-2 text-xs dark:border-slate-600"
        >
          {revealed ? 'Hide' : 'Show'}
        </button>
      </div>
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-slate-500 dark:text-slate-400">
          {hint}
        </p>
      )}
    </div>
  )
}
