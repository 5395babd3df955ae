import { useEffect, useState } from 'react'
import { loadOnFirstUse } from '../../components/ui/load-on-first-use.tsx'
import { carriesSharedEnvironment } from '../../protocol/share-fragment.ts'

// Reading, checking and showing a shared environment loads only when a link brought one.
const dialog = loadOnFirstUse<{ hash: string; onClose: () => void }>('the shared environment', () =>
  import('./shared-link-dialog.tsx').then((module) => module.SharedLinkDialog),
)

const sharedHash = (hash: string) => (carriesSharedEnvironment(hash) ? hash : null)

/**
 * A console opened from a shared link (`#share=…`): asks whether to add what the link carries
 * (shared-link-dialog.tsx). Nothing otherwise.
 */
export function SharedLinkArrival() {
  const [hash, setHash] = useState<string | null>(() => sharedHash(window.location.hash))

  useEffect(() => {
    // A link pasted into a tab that already shows the console only changes the fragment.
    const onHashChange = () => {
      const shared = sharedHash(window.location.hash)
      if (shared) setHash(shared)
    }
    window.addEventListener('hashchange', onHashChange)
    return () => window.removeEventListener('hashchange', onHashChange)
  }, [])

  if (hash === null) return null
  return <dialog.Component hash={hash} onClose={() => setHash(null)} />
}
