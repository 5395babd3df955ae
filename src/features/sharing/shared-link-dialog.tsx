import { useMemo } from 'react'
import { Button } from '../../components/ui/button.tsx'
import { ModalDialog } from '../../components/ui/modal-dialog.tsx'
import { Notice } from '../../components/ui/notice.tsx'
import { readShareFragment } from '../../protocol/shared-environment.ts'
import { useEnvironments } from '../../state/environment-store.ts'
import { SharedEnvironmentPreview } from './shared-environment-preview.tsx'
import { useAddSharedEnvironment } from './use-add-shared-environment.ts'

/** The fragment is dropped once answered, so a reload or a bookmark does not ask again. */
function forgetFragment() {
  window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.search}`)
}

/**
 * A console opened from a shared link (`#share=…`, in `hash`): shows what the link would add and asks
 * first. A malformed or hostile link is refused with the reason, and nothing in the console changes.
 */
export function SharedLinkDialog({ hash, onClose }: { hash: string; onClose: () => void }) {
  const arrival = useMemo(() => readShareFragment(hash), [hash])
  const environments = useEnvironments()
  const addSharedEnvironment = useAddSharedEnvironment()

  const close = () => {
    forgetFragment()
    onClose()
  }
  if (!arrival) return null

  if (!arrival.ok) {
    return (
      <ModalDialog title="Shared link refused" onClose={close} widthClass="max-w-xl">
        <div className="flex flex-col gap-3">
          <Notice tone="error" live title="This link cannot be used">
            {arrival.message}
          </Notice>
          <Button variant="secondary" className="self-start" onClick={close}>
            OK
          </Button>
        </div>
      </ModalDialog>
    )
  }

  const { shared } = arrival
  const sameIssuer = environments.find((environment) => environment.issuer.trim() === shared.issuer)
  return (
    <ModalDialog title="Add shared environment?" onClose={close} widthClass="max-w-xl">
      <div className="flex flex-col gap-3">
        <p className="text-sm">Someone shared an environment with you. Nothing is added unless you choose Add environment.</p>
        <SharedEnvironmentPreview shared={shared} label="What will be added" />
        {sameIssuer && (
          <Notice tone="info">
            You already have “{sameIssuer.name || 'Unnamed'}” for this issuer; adding makes a separate environment beside it.
          </Notice>
        )}
        <div className="flex gap-2">
          <Button
            onClick={() => {
              addSharedEnvironment(shared)
              close()
            }}
          >
            Add environment
          </Button>
          <Button variant="secondary" onClick={close}>
            Don’t add
          </Button>
        </div>
      </div>
    </ModalDialog>
  )
}
