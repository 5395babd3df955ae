import { SessionExport } from './session-export.tsx'
import { SessionImport } from './session-import.tsx'

/** Export and import in one place; loaded when the dialog first opens, with the HAR and session-file code. */
export function SessionPanel() {
  return (
    <div className="flex flex-col gap-6">
      <SessionExport />
      <SessionImport />
    </div>
  )
}

export default SessionPanel
