import { useEffect, useState } from 'react'
import { dpopKeyThumbprint, newPortableDpopKeyPair, type DpopPrivateJwk } from '../../../protocol/dpop-key.ts'

/*
 * Why the code flow's DPoP key is not the environment's in-memory key: the code is redeemed after the tab has
 * been to the server and loaded the console again, and a non-extractable CryptoKey dies with the page. Making a
 * key only at exchange time would work, but then the authorization request could not name it, and `dpop_jkt`
 * is what binds the code itself to the key (RFC 9449 §10): a code stolen from the redirect is worthless without
 * the private key. So, as a careful client would, the console makes one exportable key per authorization
 * request, sends its thumbprint as `dpop_jkt`, carries the private JWK in this tab's sessionStorage with the
 * code_verifier (a secret of the same weight, kept the same way), removes it on return, imports it back as
 * non-extractable and makes it the environment's key, so the API call and the refresh prove with the key the
 * token is bound to.
 */

export interface PortableDpopKey {
  keyPair: CryptoKeyPair
  jwk: DpopPrivateJwk
  /** The RFC 7638 thumbprint, sent as `dpop_jkt`. */
  jkt: string
}

/** The key for this page's next authorization request, made once "Use DPoP" is first checked. */
export function usePortableDpopKey(wanted: boolean): { key: PortableDpopKey | null; failure: string | null } {
  const [key, setKey] = useState<PortableDpopKey | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  useEffect(() => {
    if (!wanted || key) return
    let current = true
    newPortableDpopKeyPair()
      .then(async (made) => ({ ...made, jkt: await dpopKeyThumbprint(made.keyPair) }))
      .then((made) => current && setKey(made))
      .catch((error: unknown) => current && setFailure(`No DPoP key could be made in this browser: ${String(error)}`))
    return () => {
      current = false
    }
  }, [wanted, key])
  return { key, failure }
}
