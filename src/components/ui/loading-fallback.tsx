/**
 * What a part loaded on first use shows while its code arrives: announced politely, so a screen
 * reader hears that something is coming rather than silence.
 */
export function LoadingFallback({ what, className = '' }: { what: string; className?: string }) {
  return (
    <p role="status" aria-live="polite" className={`text-sm text-slate-500 dark:text-slate-400 ${className}`}>
      Loading {what}…
    </p>
  )
}
