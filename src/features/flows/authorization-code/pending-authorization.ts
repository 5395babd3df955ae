import * as z from 'zod/mini'
import { CLIENT_AUTH_METHODS } from '../../../protocol/client-auth.ts'
import type { HttpExchange } from '../../../protocol/http-exchange.ts'
import { exchangeStepSchema, httpExchangeSchema } from '../../../protocol/session-file.ts'
import type { ObtainedToken } from '../../../state/token-store.ts'

/**
 * What must survive the trip to the authorization server and back in this tab: the request's secrets
 * (state, nonce, code_verifier, the client secret when the method sends one, the DPoP private key when dpop_jkt
 * was sent), the form, and the walk-through
 * so far (HTTP log, tokens). sessionStorage only, so it is this tab's alone, and taken (removed) on return.
 */
const STORAGE_KEY = 'oauth-console:pending-authorization'

const rowSchema = z.object({ name: z.string(), value: z.string(), enabled: z.boolean() })

const pendingSchema = z.object({
  version: z.literal(1),
  createdAt: z.number(),
  environmentId: z.string(),
  clientProfileId: z.string(),
  issuer: z.string(),
  client_id: z.string(),
  client_secret: z.string(),
  auth: z.enum(CLIENT_AUTH_METHODS),
  redirect_uri: z.string(),
  scope: z.string(),
  state: z.string(),
  nonce: z.nullable(z.string()),
  code_verifier: z.nullable(z.string()),
  usePkce: z.boolean(),
  usePar: z.boolean(),
  useDpop: z.optional(z.boolean()),
  // The private key dpop_jkt named (RFC 9449 §10): here for this tab only, removed on return like the rest.
  dpop_jwk: z.optional(z.object({ kty: z.literal('EC'), crv: z.literal('P-256'), x: z.string(), y: z.string(), d: z.string() })),
  extra: z.array(rowSchema),
  // Checked one by one below, so one unreadable entry does not cost the rest.
  exchanges: z.array(z.unknown()),
  tokens: z.array(z.unknown()),
})

export type PendingAuthorization = Omit<z.infer<typeof pendingSchema>, 'exchanges' | 'tokens'> & {
  exchanges: HttpExchange[]
  tokens: ObtainedToken[]
}

const tokenSchema = z.object({
  id: z.string(),
  label: z.string(),
  step: z.string(),
  environmentId: z.string(),
  clientProfileId: z.nullable(z.string()),
  client_id: z.string(),
  obtainedAt: z.number(),
  tokens: z.looseObject({ access_token: z.string(), token_type: z.string() }),
})

function readToken(value: unknown): ObtainedToken | null {
  const parsed = tokenSchema.safeParse(value)
  if (!parsed.success) return null
  const step = exchangeStepSchema.safeParse(parsed.data.step)
  return step.success ? { ...parsed.data, step: step.data } : null
}

/** Keeps the pending request for this tab; false when storage refused it (full, or disabled). */
export function savePendingAuthorization(pending: PendingAuthorization): boolean {
  try {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(pending))
    return true
  } catch {
    return false
  }
}

/**
 * Reads the pending request back and removes it, so nothing secret stays behind. Null when there is none
 * or it is not what this console wrote (edited, from another version): never trusted by a cast.
 */
export function takePendingAuthorization(): PendingAuthorization | null {
  let text: string | null
  try {
    text = sessionStorage.getItem(STORAGE_KEY)
    sessionStorage.removeItem(STORAGE_KEY)
  } catch {
    return null
  }
  if (text === null) return null
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return null
  }
  const parsed = pendingSchema.safeParse(json)
  if (!parsed.success) return null
  const exchanges = parsed.data.exchanges.flatMap((entry) => {
    const exchange = httpExchangeSchema.safeParse(entry)
    return exchange.success ? [exchange.data] : []
  })
  const tokens = parsed.data.tokens.flatMap((entry) => readToken(entry) ?? [])
  return { ...parsed.data, exchanges, tokens }
}
