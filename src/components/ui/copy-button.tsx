import { useEffect, useState } from 'react'
import { Button } from './button.tsx'

interface CopyButtonProps {
  text: string
  /** Accessible name, e.g. "Copy user code". */
  label: string
  className?: string
  /** The visible text when idle; "Copy" unless the button needs to say what it copies. */
  caption?: string
}

export function CopyButton({ text, label, className, caption = 'Copy' }: CopyButtonProps) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle')

  useEffect(() => {
    if (state === 'idle') return
    const timer = setTimeout(() => setState('idle'), 1500)
    return () => clearTimeout(timer)
  }, [state])

  const copy = () => {
    // Clipboard needs a secure context; 127.0.0.1 counts, a LAN address over http does not.
    if (!navigator.clipboard) {
      setState('failed')
      return
    }
    navigator.clipboard.writeText(text).then(
      () => setState('copied'),
      () => setState('failed'),
    )
  }

  return (
    <Button variant="secondary" onClick={copy} aria-label={label} className={className}>
      {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : caption}
      <span role="status" className="sr-only">
        {state === 'copied' ? 'Copied to clipboard' : state === 'failed' ? 'The browser refused clipboard access' : ''}
      </span>
    </Button>
  )
}
