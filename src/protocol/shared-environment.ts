import { z } from 'zod/mini'
import { clientAuthMethodSchema, type ClientProfile, type Environment } from './environment-schema.ts'
import { sharedFlowScopesSchema } from './flow-scope-schemas.ts'
import { pickFlowScopes } from './flow-scopes.ts'
import { ENDPOINT_FIELDS, parseHttpUrl, type EndpointKey } from './server-endpoints.ts'
import { SHARE_FRAGMENT_KEY as FRAGMENT_KEY } from './share-fragment.ts'

/**
 * What a shared environment may carry: issuer, endpoints, client ids and auth methods, the scope each
 * flow asks for, and nothing else.
 * There is no field for a client secret, a registration access token, a token or a code, and the
 * objects are strict, so a link that smuggles one in is refused whole. RFC 6749 §10.3 (secrets stay put).
 */
const httpUrl = z.string().check(
  z.maxLength(2_000),
  z.refine((value) => parseHttpUrl(value, 'url').ok, 'expected an http:// or https:// URL'),
)

const sharedClientSchema = z.strictObject({
  label: z.string().check(z.maxLength(200)),
  client_id: z.string().check(z.minLength(1), z.maxLength(500)),
  token_endpoint_auth_method: clientAuthMethodSchema,
})

// The same endpoints the console shows and stores, so a shared link can carry each of them.
const ENDPOINT_NAMES: readonly EndpointKey[] = ENDPOINT_FIELDS.map(({ key }) => key)

export const sharedEnvironmentSchema = z.strictObject({
  version: z.literal(1),
  name: z.string().check(z.maxLength(200)),
  issuer: httpUrl,
  endpoints: z.strictObject(Object.fromEntries(ENDPOINT_NAMES.map((name) => [name, z.optional(httpUrl)])) as Record<EndpointKey, z.ZodMiniOptional<typeof httpUrl>>),
  clients: z.array(sharedClientSchema).check(z.maxLength(50)),
  scopes: z.optional(sharedFlowScopesSchema),
  /** How the console talks to this server; a choice, never a credential. */
  options: z.optional(z.strictObject({ use_relay: z.optional(z.boolean()) })),
})
export type SharedEnvironment = z.infer<typeof sharedEnvironmentSchema>

/** Longest fragment read: a shared environment is a few hundred bytes, anything huge is not one. */
export const MAX_SHARE_FRAGMENT = 16_000

/** The shareable part of an environment, picked field by field: secrets cannot come along. */
export function toSharedEnvironment(environment: Environment): SharedEnvironment {
  const scopes = pickFlowScopes(environment.scopes)
  const endpoints: SharedEnvironment['endpoints'] = {}
  for (const name of ENDPOINT_NAMES) {
    const value = environment.endpoints[name]
    if (value && parseHttpUrl(value, name).ok) endpoints[name] = value
  }
  return {
    version: 1,
    name: environment.name,
    issuer: environment.issuer,
    endpoints,
    clients: environment.clients
      .filter((client) => client.client_id !== '')
      .map(({ label, client_id, token_endpoint_auth_method }) => ({ label, client_id, token_endpoint_auth_method })),
    ...(scopes ? { scopes } : {}),
    ...(environment.useRelay ? { options: { use_relay: true } } : {}),
  }
}

/**
 * A new environment from a shared one, under fresh ids so it never overwrites one already here.
 * Its clients have no secret: whoever adds it enters their own. RFC 6749 §2.3.1.
 */
export function environmentFromShared(shared: SharedEnvironment, newId: () => string): Environment {
  const scopes = pickFlowScopes(shared.scopes)
  const clients: ClientProfile[] = shared.clients.map(({ label, client_id, token_endpoint_auth_method }) => ({
    id: newId(),
    label: label || client_id,
    client_id,
    client_secret: '',
    token_endpoint_auth_method,
    source: 'manual',
  }))
  return {
    id: newId(),
    name: shared.name || 'Shared environment',
    issuer: shared.issuer,
    endpoints: { ...shared.endpoints },
    clients,
    ...(scopes ? { scopes } : {}),
    ...(shared.options?.use_relay ? { useRelay: true } : {}),
  }
}

/** The JSON file a shared environment is downloaded as: the same shape the link carries. */
export function sharedEnvironmentFile(shared: SharedEnvironment): string {
  return `${JSON.stringify(shared, null, 2)}\n`
}

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text)
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '')
}

function fromBase64Url(text: string): string {
  const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'))
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)))
}

/** A link to the console whose fragment (never sent to any server) carries the environment. RFC 3986 §3.5. */
export function shareLink(consoleUrl: string, shared: SharedEnvironment): string {
  return `${consoleUrl.split('#')[0]}#${FRAGMENT_KEY}${toBase64Url(JSON.stringify(shared))}`
}

export type SharedEnvironmentRead = { ok: true; shared: SharedEnvironment } | { ok: false; message: string }

/** Reads a shared environment from JSON text (a downloaded file, or a link's decoded fragment). */
export function readSharedEnvironmentJson(text: string): SharedEnvironmentRead {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return { ok: false, message: 'This shared environment is not valid JSON. Nothing was added.' }
  }
  const parsed = sharedEnvironmentSchema.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const path = issue?.path.join('.') || 'the environment'
    const detail = issue?.code === 'unrecognized_keys' ? `unexpected ${issue.keys.map((key) => `"${key}"`).join(', ')}` : (issue?.message ?? 'invalid')
    return { ok: false, message: `This shared environment was refused (${path}: ${detail}). Nothing was added.` }
  }
  return { ok: true, shared: parsed.data }
}

/** The environment in a URL fragment (`#share=…`), null when the fragment shares nothing. */
export function readShareFragment(hash: string): SharedEnvironmentRead | null {
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash
  if (!fragment.startsWith(FRAGMENT_KEY)) return null
  const payload = fragment.slice(FRAGMENT_KEY.length)
  if (payload.length > MAX_SHARE_FRAGMENT) return { ok: false, message: 'This shared link is too long to be an environment. Nothing was added.' }
  let text: string
  try {
    text = fromBase64Url(payload)
  } catch {
    return { ok: false, message: 'This shared link is damaged: its data could not be decoded. Nothing was added.' }
  }
  return readSharedEnvironmentJson(text)
}
