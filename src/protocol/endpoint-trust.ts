import { ENDPOINT_FIELDS, type EndpointKey, type ServerEndpoints } from './server-endpoints.ts'

/** Why an origin needs the person's confirmation before credentials go there. */
export type OriginConcernReason = 'other_origin' | 'downgrade'

/** One origin the configured endpoints point to that is not the issuer's own. */
export interface OriginConcern {
  origin: string
  reason: OriginConcernReason
  endpoints: EndpointKey[]
  confirmed: boolean
}

/**
 * The origins, other than the issuer's, that the endpoints name: another host or port, or plain
 * http under an https issuer. Credentials (client secrets, tokens, device codes) go there only once
 * the person confirms the origin. None when the issuer is blank or no URL (nothing to compare).
 * RFC 8414 §2, RFC 9700 §4.4 (mix-up), RFC 6749 §10.9 (TLS for credentials).
 */
export function endpointOriginConcerns(server: ServerEndpoints): OriginConcern[] {
  const issuer = urlOf(server.issuer)
  if (!issuer) return []
  const concerns = new Map<string, OriginConcern>()
  for (const { key } of ENDPOINT_FIELDS) {
    const url = urlOf(server[key])
    const reason = url && concernOf(issuer, url)
    if (!url || !reason) continue
    const known = concerns.get(url.origin)
    if (known) known.endpoints.push(key)
    else concerns.set(url.origin, { origin: url.origin, reason, endpoints: [key], confirmed: isConfirmed(server, url.origin) })
  }
  return [...concerns.values()]
}

/**
 * Why a request to `url` must wait for the person's confirmation, in words that name the origin,
 * or null when it may go: same origin as the issuer, no issuer to compare, or confirmed.
 * `what` names the request in the message ("Token endpoint", "the External API request").
 */
export function unconfirmedOrigin(server: Pick<ServerEndpoints, 'issuer' | 'confirmed_origins'>, url: URL, what: string): string | null {
  const issuer = urlOf(server.issuer)
  const reason = issuer && concernOf(issuer, url)
  if (!issuer || !reason || isConfirmed(server, url.origin)) return null
  const why =
    reason === 'downgrade'
      ? `plain http while the issuer ${issuer.origin} uses https`
      : `not the issuer's origin ${issuer.origin}`
  return (
    `${what} is on ${url.origin}, ${why}. Nothing was sent: credentials go there only after you confirm ` +
    `"Allow credentials to ${url.origin}".`
  )
}

/** Words for a concern, for the list shown at discovery. */
export function describeConcern(concern: Pick<OriginConcern, 'reason'>): string {
  return concern.reason === 'downgrade' ? 'plain http, while the issuer uses https' : "another origin than the issuer's"
}

function concernOf(issuer: URL, url: URL): OriginConcernReason | null {
  if (issuer.protocol === 'https:' && url.protocol === 'http:') return 'downgrade'
  return url.origin === issuer.origin ? null : 'other_origin'
}

function isConfirmed(server: Pick<ServerEndpoints, 'confirmed_origins'>, origin: string): boolean {
  return server.confirmed_origins?.includes(origin) ?? false
}

function urlOf(value: string | undefined): URL | null {
  if (!value || !URL.canParse(value.trim())) return null
  return new URL(value.trim())
}
