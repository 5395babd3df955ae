import { useState } from 'react'
import { Button } from '../../components/ui/button.tsx'
import { ModalDialog } from '../../components/ui/modal-dialog.tsx'
import { SessionExport } from './session-export.tsx'
import { SessionImport } from './session-import.tsx'

/** Export and import in one place, reachable from the header. */
export function SessionPanel() {
  return (
    <div className="flex flex-col gap-6">
      <SessionExport />
      <SessionImport />
    </div>
  )
}

export function SessionMenu() {
  const [open, setOpen] = useState(false)
  return (
    <>
      <Button variant="secondary" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        Export / Import
      </Button>
      {open && (
        <ModalDialog title="Export / Import" onClose={() => setOpen(false)} widthClass="max-w-xl">
          <SessionPanel />
        </ModalDialog>
      )}
    </>
  )
}
