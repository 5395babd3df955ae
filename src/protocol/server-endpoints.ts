import type * as oauth from 'oauth4webapi'
import { clipText } from './visible-text.ts'

/** Where an authorization server takes each kind of request, as its metadata names them. */
export interface ServerEndpoints {
  issuer: string
  authorization_endpoint?: string
  pushed_authorization_request_endpoint?: string
  token_endpoint?: string
  device_authorization_endpoint?: string
  registration_endpoint?: string
  introspection_endpoint?: string
  revocation_endpoint?: string
  userinfo_endpoint?: string
  jwks_uri?: string
  /** Origins off the issuer's that the person allowed credentials to go to (endpoint-trust.ts). */
  confirmed_origins?: readonly string[]
}

export type EndpointKey = Exclude<keyof ServerEndpoints, 'issuer' | 'confirmed_origins'>

/** The endpoints in the order the console shows them, with their labels. RFC 8414 §2. */
export const ENDPOINT_FIELDS: readonly { key: EndpointKey; label: string }[] = [
  { key: 'authorization_endpoint', label: 'Authorization endpoint' },
  { key: 'pushed_authorization_request_endpoint', label: 'Pushed authorization request endpoint' },
  { key: 'token_endpoint', label: 'Token endpoint' },
  { key: 'device_authorization_endpoint', label: 'Device authorization endpoint' },
  { key: 'registration_endpoint', label: 'Registration endpoint' },
  { key: 'introspection_endpoint', label: 'Introspection endpoint' },
  { key: 'revocation_endpoint', label: 'Revocation endpoint' },
  { key: 'userinfo_endpoint', label: 'UserInfo endpoint' },
  { key: 'jwks_uri', label: 'JWKS URI' },
]

/** The label of one endpoint, for messages that name the field. RFC 8414 §2. */
export function endpointLabel(key: EndpointKey): string {
  return ENDPOINT_FIELDS.find((field) => field.key === key)?.label ?? key
}

/**
 * The endpoints as oauth4webapi's server metadata, blank ones left out. An environment entered by
 * hand may have no issuer; oauth4webapi needs one, so the first endpoint's origin stands in.
 * RFC 8414 §2.
 */
export function toAuthorizationServer(endpoints: ServerEndpoints): oauth.AuthorizationServer {
  const configured = ENDPOINT_FIELDS.flatMap(({ key }) => {
    const value = endpoints[key]?.trim()
    return value ? [[key, value] as const] : []
  })
  const issuer = endpoints.issuer.trim() || originOf(configured[0]?.[1]) || ''
  return { issuer, ...Object.fromEntries(configured) }
}

/**
 * Reads a URL the user typed, refusing what fetch would refuse: empty text, relative or malformed
 * URLs, schemes other than http(s), and user names or passwords in the URL. RFC 3986 §4.3.
 */
export function parseHttpUrl(
  value: string,
  field: string,
): { ok: true; url: URL } | { ok: false; message: string } {
  const text = value.trim()
  if (text === '') return { ok: false, message: `"${field}" is empty: expected an http:// or https:// URL` }
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return {
      ok: false,
      message: `"${field}" is not a valid URL: expected an absolute http:// or https:// URL, got "${clipText(text, 80)}"`,
    }
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return {
      ok: false,
      message: `"${field}" is not a valid URL: expected http:// or https://, got "${url.protocol}"`,
    }
  }
  if (url.username !== '' || url.password !== '') {
    return { ok: false, message: `"${field}" is not a valid URL: it must not contain a user name or password` }
  }
  return { ok: true, url }
}

function originOf(value: string | undefined): string | undefined {
  if (value === undefined) return undefined
  try {
    return new URL(value).origin
  } catch {
    return undefined
  }
}


/**
 * The endpoints an authorization server's metadata names (string members only). `issuer` falls
 * back to the one the console asked for when the metadata lacks it. RFC 8414 §2.
 */
export function endpointsFromMetadata(metadata: Record<string, unknown>, askedIssuer: string): ServerEndpoints {
  const issuer = typeof metadata.issuer === 'string' && metadata.issuer !== '' ? metadata.issuer : askedIssuer
  const named = ENDPOINT_FIELDS.flatMap(({ key }) => {
    const value = metadata[key]
    return typeof value === 'string' && value !== '' ? [[key, value] as const] : []
  })
  return { issuer, ...Object.fromEntries(named) }
}
