import { useState, type ReactNode } from 'react'

interface DisclosureProps {
  summary: ReactNode
  className?: string
  summaryClassName?: string
  /** The pointer or focus came to the summary: a chance to fetch what opening it will need. */
  onSummaryIntent?: () => void
  /** Rendered when the disclosure is first opened, and kept from then on. */
  children: ReactNode
}

/**
 * A <details> whose content is rendered when it is first opened. A closed <details> shows nothing but React
 * would still build all of it: the environment step's clients and discovery document, and the header's
 * limits, were a tenth of the first view's elements, and each first view waited for them.
 */
export function Disclosure({ summary, className, summaryClassName, onSummaryIntent, children }: DisclosureProps) {
  const [opened, setOpened] = useState(false)
  return (
    // Read `open` now: React may run an updater after the event is released (StrictMode in `npm start` does).
    <details className={className} onToggle={(event) => event.currentTarget.open && setOpened(true)}>
      <summary onPointerEnter={onSummaryIntent} onFocus={onSummaryIntent} className={summaryClassName}>
        {summary}
      </summary>
      {opened && children}
    </details>
  )
}
