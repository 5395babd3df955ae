import type { AdapterPayload, ProviderMiddleware } from 'oidc-provider'

/**
 * What the read-only trainer page shows about a room: registered clients, device codes by state and recent
 * token requests. Built from the sandbox's own records on demand, and by construction without a secret: each
 * row is picked field by field, never a stored record passed along (no client_secret, registration access
 * token, token, device_code or full user code can reach it).
 */

export type DeviceCodeState = 'pending' | 'approved' | 'denied' | 'expired'
export const DEVICE_CODE_STATES: readonly DeviceCodeState[] = ['pending', 'approved', 'denied', 'expired']

export interface TrainerClient {
  client_id: string
  client_name: string
  software_id: string | null
  token_endpoint_auth_method: string
  grant_types: string[]
  /** Milliseconds since the epoch; null for the clients the sandbox is configured with. */
  registered_at: number | null
}

export interface TrainerDeviceCode {
  /** The first half of the user code, the rest masked: enough for a participant to recognise theirs. */
  user_code_hint: string
  client_id: string
  client_name: string
  scope: string
  state: DeviceCodeState
  tokens_issued: boolean
  created_at: number
  expires_at: number
}

export interface TrainerTokenRequest {
  at: number
  grant_type: string
  client_id: string
  status: number
  /** `tokens issued`, or the OAuth error code the sandbox answered. */
  outcome: string
}

export interface TrainerSnapshot {
  generated_at: number
  clients: { total: number; shown: TrainerClient[] }
  device_codes: { counts: Record<DeviceCodeState, number>; shown: TrainerDeviceCode[] }
  token_requests: { total: number; counts: Record<string, number>; shown: TrainerTokenRequest[] }
}

/** Rows shown per table: a room of 100 fits, and a page left open all day stays small. */
export const SHOWN_ROWS = { clients: 150, deviceCodes: 150, tokenRequests: 40 } as const
const GRANT_SHORT_NAMES: Record<string, string> = {
  'urn:ietf:params:oauth:grant-type:device_code': 'device_code',
  'urn:ietf:params:oauth:grant-type:token-exchange': 'token-exchange',
}

const text = (value: unknown, fallback = ''): string => (typeof value === 'string' ? value : fallback)
const seconds = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value * 1000 : 0)

/**
 * `WDJB-MJHT` (stored as `WDJBMJHT`) becomes `WDJB-••••`: a hint a participant recognises, not a code anyone
 * could enter on the verification page.
 */
export function userCodeHint(userCode: string): string {
  const plain = userCode.replace(/[^0-9A-Za-z]/g, '')
  return `${plain.slice(0, Math.floor(plain.length / 2))}-••••`
}

/** Where a device code stands. A code approved and already exchanged for tokens stays approved. RFC 8628 §3.5. */
export function deviceCodeState(payload: AdapterPayload, now: number): DeviceCodeState {
  if (payload.error === 'access_denied') return 'denied'
  const approved = typeof payload.accountId === 'string'
  if (approved && payload.consumed) return 'approved'
  if (seconds(payload.exp) <= now) return 'expired'
  return approved ? 'approved' : 'pending'
}

interface StaticClient {
  client_id: string
  client_name?: string
  token_endpoint_auth_method?: string
  grant_types?: string[]
}

function clientRow(payload: AdapterPayload | StaticClient, registeredAt: number | null): TrainerClient {
  const record = payload as Record<string, unknown>
  return {
    client_id: text(record.client_id),
    client_name: text(record.client_name),
    software_id: typeof record.software_id === 'string' ? record.software_id : null,
    token_endpoint_auth_method: text(record.token_endpoint_auth_method, 'client_secret_basic'),
    grant_types: Array.isArray(record.grant_types) ? record.grant_types.filter((grant): grant is string => typeof grant === 'string').map((grant) => GRANT_SHORT_NAMES[grant] ?? grant) : [],
    registered_at: registeredAt,
  }
}

export interface TrainerActivity {
  snapshot(now?: number): TrainerSnapshot
  /** Records each token endpoint request after the sandbox answered it (outermost, so slow_down is seen). */
  tokenRequests(tokenPath: string): ProviderMiddleware
}

/**
 * Reads the store the provider writes to; remembers the last token requests itself (the store does not keep
 * failed ones). `changed` is called whenever something a trainer would see may have moved.
 */
export function createTrainerActivity(options: {
  staticClients: readonly StaticClient[]
  payloads: (model: string) => AdapterPayload[]
  changed: () => void
}): TrainerActivity {
  const recent: TrainerTokenRequest[] = []
  const outcomeCounts: Record<string, number> = {}
  let total = 0

  function snapshot(now = Date.now()): TrainerSnapshot {
    const registered = options.payloads('Client').map((payload) => clientRow(payload, seconds(payload.client_id_issued_at) || null))
    registered.sort((a, b) => (b.registered_at ?? 0) - (a.registered_at ?? 0))
    const clients = [...registered, ...options.staticClients.map((client) => clientRow(client, null))]
    const names = new Map(clients.map((client) => [client.client_id, client.client_name]))

    const counts: Record<DeviceCodeState, number> = { pending: 0, approved: 0, denied: 0, expired: 0 }
    const codes = options.payloads('DeviceCode').map((payload): TrainerDeviceCode => {
      const state = deviceCodeState(payload, now)
      counts[state] += 1
      const clientId = text(payload.clientId)
      const params = (payload.params ?? {}) as Record<string, unknown>
      return {
        user_code_hint: userCodeHint(text(payload.userCode)),
        client_id: clientId,
        client_name: names.get(clientId) ?? '',
        scope: text(params.scope),
        state,
        // A denied code is consumed too, by the poll that was told access_denied.
        tokens_issued: state === 'approved' && Boolean(payload.consumed),
        created_at: seconds(payload.iat),
        expires_at: seconds(payload.exp),
      }
    })
    codes.sort((a, b) => b.created_at - a.created_at)

    return {
      generated_at: now,
      clients: { total: clients.length, shown: clients.slice(0, SHOWN_ROWS.clients) },
      device_codes: { counts, shown: codes.slice(0, SHOWN_ROWS.deviceCodes) },
      token_requests: { total, counts: { ...outcomeCounts }, shown: [...recent] },
    }
  }

  function tokenRequests(tokenPath: string): ProviderMiddleware {
    return async function recordTokenRequest(ctx, next) {
      try {
        await next()
      } finally {
        if (ctx.method === 'POST' && ctx.path === tokenPath) {
          const body = (typeof ctx.body === 'object' && ctx.body !== null ? ctx.body : {}) as Record<string, unknown>
          const params = ctx.oidc?.params ?? {}
          const grant = text(params.grant_type, 'unknown')
          const outcome = ctx.status >= 200 && ctx.status < 300 ? 'tokens issued' : text(body.error, `HTTP ${ctx.status}`)
          recent.unshift({
            at: Date.now(),
            grant_type: GRANT_SHORT_NAMES[grant] ?? grant,
            client_id: ctx.oidc?.client?.clientId ?? text(params.client_id, 'unknown client'),
            status: ctx.status,
            outcome,
          })
          recent.length = Math.min(recent.length, SHOWN_ROWS.tokenRequests)
          total += 1
          outcomeCounts[outcome] = (outcomeCounts[outcome] ?? 0) + 1
          options.changed()
        }
      }
    }
  }

  return { snapshot, tokenRequests }
}
