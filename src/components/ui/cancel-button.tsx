import { Button } from './button.tsx'

/** Shown beside a step's action while its request runs; every step gets one (issue: no endless spinners). */
export function CancelButton({ pending, onCancel }: { pending: boolean; onCancel: () => void }) {
  if (!pending) return null
  return (
    <Button variant="secondary" onClick={onCancel}>
      Cancel
    </Button>
  )
}
