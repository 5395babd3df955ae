import { useId, type ReactNode } from 'react'
import { ErrorBoundary } from './error-boundary.tsx'

interface StepSectionProps {
  id: string
  title: string
  number?: number
  description?: ReactNode
  children: ReactNode
}

/**
 * A walk-through step: a region named by its heading, so screen readers and tests can find it. What
 * it shows fails alone: an error inside it keeps the heading and the rest of the page.
 */
export function StepSection({ id, title, number, description, children }: StepSectionProps) {
  const headingId = useId()
  return (
    <section
      id={id}
      aria-labelledby={headingId}
      className="scroll-mt-4 rounded-lg border [contain-intrinsic-size:auto_40rem] [content-visibility:auto] border-slate-200 bg-white p-5 shadow-sm dark:border-slate-800 dark:bg-slate-900/60"
    >
      <header className="mb-4 flex items-baseline gap-3">
        {number !== undefined && (
          <span aria-hidden="true" className="flex size-7 shrink-0 items-center justify-center rounded-full bg-indigo-600 text-sm font-semibold text-white">
            {number}
          </span>
        )}
        <div>
          <h2 id={headingId} className="text-lg font-semibold">
            {title}
          </h2>
          {description && <div className="mt-1 text-sm text-slate-600 dark:text-slate-400">{description}</div>}
        </div>
      </header>
      <ErrorBoundary what={`the ${title} step`}>{children}</ErrorBoundary>
    </section>
  )
}
