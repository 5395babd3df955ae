import { decodeToken, type DecodedToken } from '../../protocol/jwt.ts'
import type { TokenSet } from '../../protocol/token-response.ts'

export type DecodedTokens = Partial<Record<'access_token' | 'refresh_token' | 'id_token', DecodedToken>>

const FIELDS = ['access_token', 'refresh_token', 'id_token'] as const

/** A stored reply never changes, so its tokens are decoded once, keyed by the reply. */
const decodedByReply = new WeakMap<TokenSet, DecodedTokens>()

/**
 * Every token of a stored reply decoded, once: the first time the token list shows it, not when it is stored,
 * so the decoder (and jose's base64url) stays out of the first view and off the path of a request's result.
 */
export function decodedTokens(tokens: TokenSet): DecodedTokens {
  let decoded = decodedByReply.get(tokens)
  if (!decoded) {
    decoded = {}
    for (const field of FIELDS) {
      const value = tokens[field]
      if (typeof value === 'string' && value !== '') decoded[field] = decodeToken(value)
    }
    decodedByReply.set(tokens, decoded)
  }
  return decoded
}
