import { ModalDialog } from '../../components/ui/modal-dialog.tsx'
import { SessionPanel } from './session-panel.tsx'

/** The Export / Import dialog (session-menu.tsx loads it on first open). */
export function SessionDialog({ onClose }: { onClose: () => void }) {
  return (
    <ModalDialog title="Export / Import" onClose={onClose} widthClass="max-w-xl">
      <SessionPanel />
    </ModalDialog>
  )
}
