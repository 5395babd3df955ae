import { memo, useEffect, useState } from 'react'
import { dpopKeyPair, dpopKeyThumbprint } from '../../protocol/requests-on-demand.ts'
import { hasWebCrypto, webCryptoMissing } from '../../protocol/web-crypto.ts'
import { CheckboxField } from '../ui/fields.tsx'

interface DpopOptionProps {
  environmentId: string
  checked: boolean
  onCheckedChange: (checked: boolean) => void
  /**
   * Set when the request uses a key of its own rather than the environment's (the authorization code's,
   * made for one redirect): its thumbprint, null while it is being made. No environment key is made then.
   */
  ownKey?: { thumbprint: string | null; failure: string | null; hint: string }
}

/**
 * The "Use DPoP" choice of a token request. Checking it makes the environment's key pair (once per
 * session) and shows its thumbprint, the value a bound token's `cnf.jkt` must carry. RFC 9449 §6.1.
 * Memoised: a step's result or busy button does not redraw it.
 */
export const DpopOption = memo(function DpopOption({ environmentId, checked, onCheckedChange, ownKey }: DpopOptionProps) {
  const [thumbprint, setThumbprint] = useState<{ environmentId: string; value: string } | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const usesOwnKey = ownKey !== undefined
  useEffect(() => {
    if (!checked || usesOwnKey) return
    let current = true
    dpopKeyPair(environmentId)
      .then(dpopKeyThumbprint)
      .then((value) => current && setThumbprint({ environmentId, value }))
      .catch((error: unknown) => current && setFailure(`No DPoP key could be made in this browser: ${String(error)}`))
    return () => {
      current = false
    }
  }, [checked, environmentId, usesOwnKey])
  if (!hasWebCrypto()) {
    // A DPoP key and each proof are Web Crypto's; without it the choice is explained, not offered.
    return <CheckboxField label="Use DPoP" checked={false} onCheckedChange={onCheckedChange} disabled hint={webCryptoMissing('DPoP')} />
  }
  const shown = ownKey ? ownKey.thumbprint : thumbprint?.environmentId === environmentId ? thumbprint.value : null
  const shownFailure = ownKey ? ownKey.failure : failure
  return (
    <div className="flex flex-col gap-1">
      <CheckboxField
        label="Use DPoP"
        checked={checked}
        onCheckedChange={onCheckedChange}
        hint={ownKey?.hint ?? 'Binds the token to a key made in this browser for this environment (RFC 9449); each request carries a signed proof.'}
      />
      {checked && shown && (
        <p className="text-xs text-slate-600 dark:text-slate-300">
          DPoP key thumbprint:{' '}
          <output aria-label="DPoP key thumbprint" className="font-mono break-all">
            {shown}
          </output>
        </p>
      )}
      {checked && shownFailure && <p className="text-xs text-red-700 dark:text-red-300">{shownFailure}</p>}
    </div>
  )
})
