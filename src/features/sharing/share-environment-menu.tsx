import { useState } from 'react'
import { Button } from '../../components/ui/button.tsx'
import { loadOnFirstUse } from '../../components/ui/load-on-first-use.tsx'

// The dialog (share link, file export and import, their schema) loads when first opened, or when the
// pointer or focus comes to the button.
const dialog = loadOnFirstUse<{ onClose: () => void }>('the sharing dialog', () =>
  import('./share-environment-dialog.tsx').then((module) => module.ShareEnvironmentDialog),
)

/** The header's way to share the active environment without its secrets, as a link or a file, and to add one. */
export function ShareEnvironmentMenu() {
  const [open, setOpen] = useState(false)
  const preload = () => void dialog.preload().catch(() => undefined)
  return (
    <>
      <Button variant="secondary" aria-haspopup="dialog" onPointerEnter={preload} onFocus={preload} onClick={() => setOpen(true)}>
        Share environment
      </Button>
      {open && <dialog.Component onClose={() => setOpen(false)} />}
    </>
  )
}
