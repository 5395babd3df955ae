import { z } from 'zod/mini'

/**
 * A client's own signing key for private_key_jwt, as a private JWK. It is a secret: kept in memory
 * unless the person opts in to remembering secrets, and never exported without secrets. RFC 7517 §4.
 */
export const privateJwkSchema = z.looseObject({
  kty: z.string(),
  d: z.string(),
  kid: z.optional(z.string()),
  alg: z.optional(z.string()),
  crv: z.optional(z.string()),
  use: z.optional(z.string()),
})
export type PrivateJwk = z.infer<typeof privateJwkSchema>

const keyTypeSchema = z.looseObject({ kty: z.string() })
export type PublicJwk = Record<string, unknown>

/** Members of a JWK that are private key material (RFC 7518 §6.2.2, §6.3.2, §6.4). */
const PRIVATE_MEMBERS = new Set(['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'])

export type SigningAlgorithm = 'ES256' | 'RS256'

/**
 * A new key pair made in the browser (Web Crypto through jose), ES256 unless asked otherwise, with a
 * `kid` that is its RFC 7638 thumbprint so the server can tell keys apart. RFC 7517, RFC 7523 §2.2.
 */
export async function generatePrivateJwk(alg: SigningAlgorithm = 'ES256'): Promise<PrivateJwk> {
  // jose's modules one by one: a namespace import would keep all of jose in whatever chunk imports it.
  const [{ generateKeyPair }, { exportJWK }, { calculateJwkThumbprint }] = await Promise.all([
    import('jose/key/generate/keypair'),
    import('jose/key/export'),
    import('jose/jwk/thumbprint'),
  ])
  const { privateKey } = await generateKeyPair(alg, { extractable: true })
  const exported = await exportJWK(privateKey)
  const kid = await calculateJwkThumbprint(publicJwkOf({ ...exported, d: '' }))
  const jwk = privateJwkSchema.parse({ ...exported, kid, alg, use: 'sig' })
  return jwk
}

/** The public half of a private JWK: what the server needs and may see. RFC 7517 §4. */
export function publicJwkOf(jwk: Record<string, unknown>): PublicJwk {
  return Object.fromEntries(Object.entries(jwk).filter(([name]) => !PRIVATE_MEMBERS.has(name)))
}

/**
 * Reads a pasted private JWK: JSON text, an object with `kty` and the private member `d`. The message
 * names what is wrong; a public key is refused, since it cannot sign. RFC 7517 §4, RFC 7518 §6.
 */
export function readPrivateJwk(text: string): { ok: true; jwk: PrivateJwk } | { ok: false; message: string } {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return { ok: false, message: 'The private key is not JSON: paste a JWK such as {"kty":"EC","crv":"P-256","x":…,"y":…,"d":…}' }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, message: 'The private key must be one JWK object, not a list or a key set' }
  }
  const typed = keyTypeSchema.safeParse(value)
  if (!typed.success) return { ok: false, message: 'The JWK has no "kty" (key type)' }
  if (typed.data.kty === 'oct') return { ok: false, message: 'The JWK is a symmetric key ("kty": "oct"): private_key_jwt needs an EC or RSA key' }
  const parsed = privateJwkSchema.safeParse(value)
  if (!parsed.success) return { ok: false, message: 'The JWK has no "d": it is a public key, which cannot sign' }
  return { ok: true, jwk: parsed.data }
}

/**
 * A registration body with the key's public half as `jwks` and `token_endpoint_auth_method`
 * private_key_jwt, other members kept. The body must be a JSON object. RFC 7591 §2.
 */
export function withJwksInBody(body: string, jwk: PrivateJwk): { ok: true; body: string } | { ok: false; message: string } {
  let value: unknown
  try {
    value = body.trim() === '' ? {} : JSON.parse(body)
  } catch {
    return { ok: false, message: 'The body is not JSON yet: fix it, then insert the jwks' }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, message: 'The body must be a JSON object to take a "jwks" member' }
  }
  const updated = { ...value, token_endpoint_auth_method: 'private_key_jwt', jwks: { keys: [publicJwkOf(jwk)] } }
  return { ok: true, body: JSON.stringify(updated, null, 2) }
}
