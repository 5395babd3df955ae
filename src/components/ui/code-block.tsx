interface CodeBlockProps {
  /** Shown as text, never parsed as HTML: replies can be hostile. */
  text: string
  label: string
  maxHeightClass?: string
}

/** Huge replies stay responsive: render the first part and say how much was left out. */
const RENDER_LIMIT = 200_000

export function CodeBlock({ text, label, maxHeightClass = 'max-h-96' }: CodeBlockProps) {
  const shown = text.length > RENDER_LIMIT ? text.slice(0, RENDER_LIMIT) : text
  return (
    <div>
      <pre
        aria-label={label}
        tabIndex={0}
        className={`${maxHeightClass} overflow-auto rounded-md border border-slate-200 bg-slate-100 p-3 font-mono text-xs leading-relaxed break-all whitespace-pre-wrap text-slate-800 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200`}
      >
        {shown}
      </pre>
      {shown.length < text.length && (
        <p className="mt-1 text-xs text-amber-700 dark:text-amber-400">
          Showing the first {RENDER_LIMIT.toLocaleString()} of {text.length.toLocaleString()} characters.
        </p>
      )}
    </div>
  )
}
