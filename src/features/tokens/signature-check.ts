import type { HttpExchange } from '../../protocol/http-exchange.ts'
import { fetchJwks } from '../../protocol/jwks.ts'
import { verifyJwtSignature, type SignatureCheck } from '../../protocol/jwt-signature.ts'
import type { RecordInput } from '../../protocol/request-context.ts'
import type { RequestFailure } from '../../protocol/request-failure.ts'
import type { ServerEndpoints } from '../../protocol/server-endpoints.ts'

export type SignatureOutcome = { kind: 'checked'; check: SignatureCheck; exchange: HttpExchange } | RequestFailure

/** Fetches the environment's JWKS (a logged exchange) and checks the token's signature with it. */
export async function checkSignature(
  server: ServerEndpoints,
  token: string,
  transport: RecordInput,
): Promise<SignatureOutcome> {
  const { record, baseFetch, via } = transport
  const keys = await fetchJwks({ server, record, ...(baseFetch ? { baseFetch } : {}), ...(via ? { via } : {}) })
  if (keys.kind !== 'jwks') return keys
  return { kind: 'checked', check: await verifyJwtSignature(token, keys.jwks), exchange: keys.exchange }
}
