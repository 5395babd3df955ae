import { lazy, Suspense, useState } from 'react'
import { Button } from '../../components/ui/button.tsx'
import { LoadingFallback } from '../../components/ui/loading-fallback.tsx'
import { ModalDialog } from '../../components/ui/modal-dialog.tsx'

// Export and import (HAR, session files, their validation) are not needed to walk through a flow.
const SessionPanel = lazy(() => import('./session-panel.tsx'))

/** Export and import, reachable from the header. */
export function SessionMenu() {
  const [open, setOpen] = useState(false)
  return (
    <>
      <Button variant="secondary" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        Export / Import
      </Button>
      {open && (
        <ModalDialog title="Export / Import" onClose={() => setOpen(false)} widthClass="max-w-xl">
          <Suspense fallback={<LoadingFallback what="export and import" />}>
            <SessionPanel />
          </Suspense>
        </ModalDialog>
      )}
    </>
  )
}
