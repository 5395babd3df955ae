import * as oauth from 'oauth4webapi'

/*
 * One DPoP handle per key pair, so a nonce the server sent is reused by the next request to that origin
 * (oauth4webapi caches it in the handle). Loaded with the request layer, never by the first view.
 */
const handles = new WeakMap<CryptoKeyPair, oauth.DPoPHandle>()

/** The oauth4webapi DPoP handle for a key pair, or undefined when the request goes without DPoP. RFC 9449 §4. */
export function dpopHandle(client: oauth.Client, keyPair: CryptoKeyPair | undefined): oauth.DPoPHandle | undefined {
  if (!keyPair) return undefined
  let handle = handles.get(keyPair)
  if (!handle) {
    handle = oauth.DPoP(client, keyPair)
    handles.set(keyPair, handle)
  }
  return handle
}

/**
 * Runs a DPoP request and, when the server answers `use_dpop_nonce`, once more with the nonce it sent
 * (the handle picked it up from the `DPoP-Nonce` header). Once only, as the RFC says; both exchanges are
 * recorded by the request's recording fetch. RFC 9449 §8, §9.
 */
export async function withDPoPNonceRetry<T>(handle: oauth.DPoPHandle | undefined, run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (error) {
    if (handle && oauth.isDPoPNonceError(error)) return run()
    throw error
  }
}
