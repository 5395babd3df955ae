import { useSecretMasking, useTimedReveal } from './secret-masking.ts'

interface CodeBlockProps {
  /** Shown as text, never parsed as HTML: replies can be hostile. */
  text: string
  label: string
  maxHeightClass?: string
  /** The person asked to see this block's secrets; skip presentation-mode redaction. */
  secretsShown?: boolean
}

/** Huge replies stay responsive: render the first part and say how much was left out. */
const RENDER_LIMIT = 200_000

/**
 * Text in a scrollable block. In presentation mode every known secret in it is masked, with a
 * per-block reveal that hides again after a few seconds.
 */
export function CodeBlock({ text, label, maxHeightClass = 'max-h-96', secretsShown = false }: CodeBlockProps) {
  const { presentation, redact, revealMs } = useSecretMasking()
  const [revealed, setRevealed] = useTimedReveal()
  const redacted = presentation && !secretsShown ? redact(text) : text
  const hidesSecrets = redacted !== text
  const visible = hidesSecrets && revealed ? text : redacted
  const shown = visible.length > RENDER_LIMIT ? visible.slice(0, RENDER_LIMIT) : visible
  return (
    <div>
      {hidesSecrets && (
        <div className="mb-1 flex items-center justify-end gap-2 text-xs text-slate-500 dark:text-slate-400">
          <span>{revealed ? `Secrets shown for ${Math.round(revealMs / 1000)} s` : 'Secrets hidden for presentation'}</span>
          <button
            type="button"
            aria-pressed={revealed}
            onClick={() => setRevealed(!revealed)}
            className="rounded border border-slate-300 px-1.5 py-0.5 dark:border-slate-600"
          >
            {revealed ? `Hide ${label}` : `Reveal ${label}`}
          </button>
        </div>
      )}
      <pre
        aria-label={label}
        tabIndex={0}
        className={`${maxHeightClass} overflow-auto rounded-md border border-slate-200 bg-slate-100 p-3 font-mono text-xs leading-relaxed break-all whitespace-pre-wrap text-slate-800 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200`}
      >
        {shown}
      </pre>
      {shown.length < visible.length && (
        <p className="mt-1 text-xs text-amber-700 dark:text-amber-400">
          Showing the first {RENDER_LIMIT.toLocaleString()} of {visible.length.toLocaleString()} characters.
        </p>
      )}
    </div>
  )
}
