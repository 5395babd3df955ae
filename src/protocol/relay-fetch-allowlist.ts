import { z } from 'zod/mini'
import { RELAY_REQUEST_HEADER } from './relay-request-header.ts'
import type { FetchFn } from './transport-failure.ts'

export { hostsOf } from './relay-hosts.ts'

const statusSchema = z.object({ relay: z.literal('oauth-console'), allowlist: z.array(z.string()) })
const allowedSchema = z.object({ allowed: z.string(), allowlist: z.array(z.string()) })
const refusalSchema = z.object({ relay_error: z.string(), message: z.string() })

export type RelayStatus = { available: true; allowlist: string[] } | { available: false; reason: string }

const defaultSend: FetchFn = (url, init) => globalThis.fetch(url, init)

/** Whether the local relay answers at `relayUrl`, and the hosts it forwards to. */
export async function fetchRelayStatus(relayUrl: string, send: FetchFn = defaultSend): Promise<RelayStatus> {
  try {
    const reply = await send(`${relayUrl}/health`, { headers: { [RELAY_REQUEST_HEADER]: '1' }, cache: 'no-store' })
    const parsed = statusSchema.safeParse(await reply.json())
    if (parsed.success) return { available: true, allowlist: parsed.data.allowlist }
    return { available: false, reason: `${relayUrl} answered HTTP ${reply.status}, not as the console's relay.` }
  } catch {
    return { available: false, reason: `No relay answers at ${relayUrl}.` }
  }
}

/**
 * Asks the relay to forward to `host` (`name[:port]`) from now on: the explicit step the person takes
 * with the "Allow ... through the relay" button. The relay still refuses metadata addresses.
 */
export async function allowRelayHost(
  relayUrl: string,
  host: string,
  send: FetchFn = defaultSend,
): Promise<{ ok: true; allowlist: string[] } | { ok: false; message: string }> {
  let body: unknown
  try {
    const reply = await send(`${relayUrl}/allow`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [RELAY_REQUEST_HEADER]: '1' },
      body: JSON.stringify({ host }),
      cache: 'no-store',
    })
    body = await reply.json()
  } catch {
    return { ok: false, message: `No relay answers at ${relayUrl}.` }
  }
  const allowed = allowedSchema.safeParse(body)
  if (allowed.success) return { ok: true, allowlist: allowed.data.allowlist }
  const refusal = refusalSchema.safeParse(body)
  return { ok: false, message: refusal.success ? refusal.data.message : `The relay did not allow ${host}.` }
}
