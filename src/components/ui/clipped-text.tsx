import { useState } from 'react'
import { Button } from './button.tsx'

interface ClippedTextProps {
  text: string
  /** Characters shown until the person asks for all. */
  limit?: number
}

/** Server text of any length, shown in a bounded first part with "Show all"; it always wraps, never widens the page. */
export function ClippedText({ text, limit = 500 }: ClippedTextProps) {
  const [all, setAll] = useState(false)
  if (text.length <= limit) return <span className="break-all">{text}</span>
  return (
    <span className="break-all">
      {all ? text : `${text.slice(0, limit)}…`}{' '}
      {!all && (
        <Button variant="ghost" className="px-1 py-0 text-xs underline" onClick={() => setAll(true)}>
          Show all ({text.length.toLocaleString('en')} characters)
        </Button>
      )}
    </span>
  )
}
