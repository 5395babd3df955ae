import { useEffect, useId, useRef, type ReactNode } from 'react'
import { Button } from './button.tsx'

interface ModalDialogProps {
  /** The dialog's heading and accessible name. */
  title: ReactNode
  onClose: () => void
  children: ReactNode
  widthClass?: string
}

/**
 * A native modal dialog, open while mounted: the browser traps focus and closes it on Escape.
 * Where `showModal` is missing (jsdom) it opens in place. Focus goes back where it was on close.
 */
export function ModalDialog({ title, onClose, children, widthClass = 'max-w-6xl' }: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null)
  const headingId = useId()
  const onCloseRef = useRef(onClose)
  useEffect(() => {
    onCloseRef.current = onClose
  }, [onClose])

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    if (typeof dialog.showModal === 'function') dialog.showModal()
    else dialog.setAttribute('open', '')
    return () => {
      if (typeof dialog.close === 'function' && dialog.open) dialog.close()
      if (opener?.isConnected) opener.focus()
    }
  }, [])

  return (
    <dialog
      ref={ref}
      aria-labelledby={headingId}
      onCancel={(event) => {
        event.preventDefault()
        onCloseRef.current()
      }}
      onClick={(event) => {
        // A click on the backdrop lands on the dialog element itself.
        if (event.target === event.currentTarget) onCloseRef.current()
      }}
      className={`m-auto w-[calc(100vw-2rem)] ${widthClass} rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100`}
    >
      <div className="flex max-h-[calc(100dvh-4rem)] flex-col">
        <div className="flex items-start justify-between gap-3 border-b border-slate-200 px-4 py-3 dark:border-slate-800">
          <h2 id={headingId} className="min-w-0 text-base font-semibold break-all">
            {title}
          </h2>
          <Button variant="ghost" onClick={() => onCloseRef.current()}>
            Close
          </Button>
        </div>
        <div className="min-h-0 overflow-y-auto p-4">{children}</div>
      </div>
    </dialog>
  )
}
