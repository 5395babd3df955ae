import { useState } from 'react'
import { Button } from '../../components/ui/button.tsx'
import { loadOnFirstUse } from '../../components/ui/load-on-first-use.tsx'

// Export and import (HAR, session files, their validation) are not needed to walk through a flow: the dialog
// loads when first opened, or when the pointer or focus comes to the button.
const dialog = loadOnFirstUse<{ onClose: () => void }>('export and import', () =>
  import('./session-dialog.tsx').then((module) => module.SessionDialog),
)

/** Export and import, reachable from the header. */
export function SessionMenu() {
  const [open, setOpen] = useState(false)
  const preload = () => void dialog.preload().catch(() => undefined)
  return (
    <>
      <Button variant="secondary" aria-haspopup="dialog" onPointerEnter={preload} onFocus={preload} onClick={() => setOpen(true)}>
        Export / Import
      </Button>
      {open && <dialog.Component onClose={() => setOpen(false)} />}
    </>
  )
}
