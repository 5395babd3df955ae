import type { HttpExchange } from '../../protocol/http-exchange.ts'
import { fetchJwks } from '../../protocol/jwks.ts'
import { verifyJwtSignature, type SignatureCheck } from '../../protocol/jwt-signature.ts'
import type { RequestFailure } from '../../protocol/request-failure.ts'
import type { ServerEndpoints } from '../../protocol/server-endpoints.ts'

export type SignatureOutcome = { kind: 'checked'; check: SignatureCheck; exchange: HttpExchange } | RequestFailure

/** Fetches the environment's JWKS (a logged exchange) and checks the token's signature with it. */
export async function checkSignature(
  server: ServerEndpoints,
  token: string,
  record: (exchange: HttpExchange) => void,
): Promise<SignatureOutcome> {
  const keys = await fetchJwks({ server, record })
  if (keys.kind !== 'jwks') return keys
  return { kind: 'checked', check: await verifyJwtSignature(token, keys.jwks), exchange: keys.exchange }
}
