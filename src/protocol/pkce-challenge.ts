import { sha256 } from './sha256.ts'
import { base64url, hasWebCrypto } from './web-crypto.ts'

/**
 * The S256 code_challenge of a PKCE code_verifier: BASE64URL(SHA256(ASCII(verifier))), RFC 7636 §4.2. Without
 * Web Crypto it is computed in script, so PKCE works on a workshop's LAN address too.
 */
export async function pkceChallenge(verifier: string): Promise<string> {
  const ascii = new TextEncoder().encode(verifier)
  return base64url(hasWebCrypto() ? await crypto.subtle.digest('SHA-256', ascii) : sha256(ascii))
}
