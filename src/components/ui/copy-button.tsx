import { useEffect, useId, useRef, useState } from 'react'
import { Button } from './button.tsx'
import { copyText } from './copy-text.ts'
import { ModalDialog } from './modal-dialog.tsx'

interface CopyButtonProps {
  text: string
  /** Accessible name, e.g. "Copy user code". */
  label: string
  className?: string
  /** The visible text when idle; "Copy" unless the button needs to say what it copies. */
  caption?: string
}

/** The text selected in a dialog, for when the browser refuses every way of copying it for us. */
function CopyByHandDialog({ text, label, onClose }: { text: string; label: string; onClose: () => void }) {
  const ref = useRef<HTMLTextAreaElement>(null)
  const id = useId()
  useEffect(() => {
    ref.current?.focus()
    ref.current?.select()
  }, [])
  return (
    <ModalDialog title={label} onClose={onClose} widthClass="max-w-2xl">
      <div className="flex flex-col gap-2">
        <label htmlFor={id} className="text-sm">
          The browser did not allow copying here. The text is selected: press Ctrl+C (⌘C on a Mac).
        </label>
        <textarea
          id={id}
          ref={ref}
          readOnly
          value={text}
          rows={Math.min(12, Math.max(2, text.split('\n').length))}
          onFocus={(event) => event.currentTarget.select()}
          className="w-full rounded-md border border-slate-300 bg-white p-2 font-mono text-xs dark:border-slate-600 dark:bg-slate-900"
        />
      </div>
    </ModalDialog>
  )
}

/** Copies on click: Clipboard API in a secure context, a fallback over plain http, and by hand as a last resort. */
export function CopyButton({ text, label, className, caption = 'Copy' }: CopyButtonProps) {
  const [state, setState] = useState<'idle' | 'copied' | 'by-hand'>('idle')

  useEffect(() => {
    if (state !== 'copied') return
    const timer = setTimeout(() => setState('idle'), 1500)
    return () => clearTimeout(timer)
  }, [state])

  const copy = () => {
    void copyText(text).then((copied) => setState(copied ? 'copied' : 'by-hand'))
  }

  return (
    <>
      <Button variant="secondary" onClick={copy} aria-label={label} className={className}>
        {state === 'copied' ? 'Copied' : caption}
        <span role="status" className="sr-only">
          {state === 'copied' ? 'Copied to clipboard' : ''}
        </span>
      </Button>
      {state === 'by-hand' && <CopyByHandDialog text={text} label={label} onClose={() => setState('idle')} />}
    </>
  )
}
