import { Button } from '../components/ui/button.tsx'
import { Notice } from '../components/ui/notice.tsx'
import { storageProblemDismissed, useStorageProblem } from '../state/storage-guard.ts'

/** A save the browser refused, said out loud rather than lost silently. */
export function StorageProblemNotice() {
  const problem = useStorageProblem()
  if (!problem) return null
  return (
    <Notice tone="error" live title="Not saved on this device">
      <p>{problem.message}</p>
      <Button variant="secondary" className="mt-2" onClick={storageProblemDismissed}>
        Dismiss
      </Button>
    </Notice>
  )
}
