import type { ReactNode } from 'react'
import { Button } from './button.tsx'
import { CancelButton } from './cancel-button.tsx'

/** A step form's action: its submit button, busy while the request runs, with Cancel beside it meanwhile. */
export function SubmitWithCancel({ pending, onCancel, children }: { pending: boolean; onCancel: () => void; children: ReactNode }) {
  return (
    <div className="flex gap-2">
      <Button type="submit" busy={pending}>
        {children}
      </Button>
      <CancelButton pending={pending} onCancel={onCancel} />
    </div>
  )
}
