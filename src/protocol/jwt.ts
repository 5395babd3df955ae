import * as base64url from 'jose/base64url'

/** What a token string turned out to be. Decoding checks nothing: jwt-signature.ts verifies. */
export type DecodedToken =
  | { kind: 'jwt'; header: Record<string, unknown>; claims: Record<string, unknown>; signature: string }
  /** A JWE: its header is readable, its claims are not without the decryption key. */
  | { kind: 'encrypted'; header: Record<string, unknown> }
  | { kind: 'opaque' }
  | { kind: 'malformed_jwt'; message: string }

const PART_NAMES = ['header (part 1 of 3)', 'payload (part 2 of 3)'] as const

type Segment = { ok: true; value: Record<string, unknown> } | { ok: false; problem: string }

/**
 * One base64url JSON object segment, decoded once: the header and claims are what this returns (the
 * checks of jose's decodeJwt and decodeProtectedHeader, without a second decode or jose's error classes
 * on the path of every stored token).
 */
function readSegment(segment: string): Segment {
  if (segment === '') return { ok: false, problem: 'is empty' }
  let bytes: Uint8Array
  try {
    bytes = base64url.decode(segment)
  } catch {
    return { ok: false, problem: 'is not valid base64url' }
  }
  let value: unknown
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  } catch {
    return { ok: false, problem: 'is not base64url-encoded JSON' }
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? { ok: true, value: value as Record<string, unknown> }
    : { ok: false, problem: 'is JSON but not an object' }
}

/**
 * Reads a token: a three-part JWS is decoded (or reported malformed with the part at fault), a
 * five-part JWE shows its header, anything else is opaque. RFC 7519 §7.2, RFC 7515 §7.1, RFC 7516 §9.
 */
export function decodeToken(token: string): DecodedToken {
  const text = token.trim()
  const parts = text.split('.')
  if (parts.length === 5) {
    const header = readSegment(parts[0]!)
    return header.ok && 'enc' in header.value ? { kind: 'encrypted', header: header.value } : { kind: 'opaque' }
  }
  if (parts.length !== 3) return { kind: 'opaque' }
  const header = readSegment(parts[0]!)
  if (!header.ok) return { kind: 'malformed_jwt', message: `The ${PART_NAMES[0]} ${header.problem}` }
  const claims = readSegment(parts[1]!)
  if (!claims.ok) return { kind: 'malformed_jwt', message: `The ${PART_NAMES[1]} ${claims.problem}` }
  const signature = parts[2]!
  if (!/^[\w-]*$/.test(signature)) {
    return { kind: 'malformed_jwt', message: 'The signature (part 3 of 3) is not valid base64url' }
  }
  return { kind: 'jwt', header: header.value, claims: claims.value, signature }
}

/** The date-valued claims of a JWT. */
export type TimeClaimName = 'exp' | 'iat' | 'nbf' | 'auth_time'
const TIME_CLAIMS: TimeClaimName[] = ['exp', 'iat', 'nbf', 'auth_time']

/**
 * The NumericDate claims present, in the order exp, iat, nbf, auth_time. `now` is epoch
 * milliseconds; `secondsFromNow` is negative for a time in the past. RFC 7519 §2, §4.1.4-4.1.6,
 * OIDC Core §2.
 */
export function timeClaims(
  claims: Record<string, unknown>,
  now: number,
): { name: TimeClaimName; epochSeconds: number; date: Date; secondsFromNow: number }[] {
  return TIME_CLAIMS.flatMap((name) => {
    const value = claims[name]
    if (typeof value !== 'number' || !Number.isFinite(value)) return []
    return [{ name, epochSeconds: value, date: new Date(value * 1000), secondsFromNow: Math.floor(value - now / 1000) }]
  })
}

/** Whether a token's lifetime covers now, from its claims alone. */
export type TokenValidity = {
  state: 'valid' | 'expired' | 'not_yet_valid' | 'no_expiry'
  /** `exp` minus now in whole seconds (negative once expired); absent when there is no `exp`. */
  secondsLeft?: number
}

/**
 * Lifetime at `nowMs`: not yet valid before `nbf`, expired on or after `exp`, no expiry without a
 * numeric `exp`. No clock skew is allowed: the console shows the raw truth. RFC 7519 §4.1.4-4.1.5.
 */
export function tokenValidity(claims: Record<string, unknown>, nowMs: number): TokenValidity {
  const now = nowMs / 1000
  const { exp, nbf } = claims
  const secondsLeft = typeof exp === 'number' && Number.isFinite(exp) ? Math.floor(exp - now) : undefined
  const withLeft = secondsLeft === undefined ? {} : { secondsLeft }
  if (typeof nbf === 'number' && now < nbf) return { state: 'not_yet_valid', ...withLeft }
  if (typeof exp !== 'number' || !Number.isFinite(exp)) return { state: 'no_expiry' }
  return { state: now >= exp ? 'expired' : 'valid', ...withLeft }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
