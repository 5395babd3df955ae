import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startSandbox, type RunningSandbox } from './start-sandbox.ts'
import {
  clientCredentialsToken,
  decideOnDevicePages,
  poll,
  register,
  startDeviceFlow,
  type ClientCredentials,
  type DeviceAuthorization,
} from './testing/oauth-requests.ts'
import { captureProviderNotices } from './testing/provider-notices.ts'
import { clockStoppedAt } from './testing/stopped-clock.ts'
import { subscribeToTrainerEvents, type TrainerEvent } from './testing/trainer-events.ts'
import { TRAINER_PATHS } from './trainer-feed.ts'
import type { TrainerSnapshot } from './trainer-activity.ts'
import { userCodeHint } from './trainer-activity.ts'

const WWW: ClientCredentials = { client_id: 'www', client_secret: 'Password1' }
// Long enough for any approval on a busy machine: expiry is reached by moving the sandbox's clock, not by waiting.
const DEVICE_CODE_TTL = 120

let sandbox: RunningSandbox
let providerNotices: ReturnType<typeof captureProviderNotices>

beforeAll(async () => {
  providerNotices = captureProviderNotices()
  sandbox = await startSandbox({ port: 0, interval: 1, deviceCodeTtl: DEVICE_CODE_TTL })
})

afterAll(async () => {
  await sandbox.close()
  providerNotices.restore()
})

async function state(): Promise<TrainerSnapshot> {
  return (await fetch(`${sandbox.origin}${TRAINER_PATHS.state}`)).json() as Promise<TrainerSnapshot>
}

/** Re-reads the snapshot until `done` holds: an outcome to wait for, with the test's own budget as the bound. */
async function stateWhen(done: (snapshot: TrainerSnapshot) => boolean): Promise<TrainerSnapshot> {
  for (;;) {
    const snapshot = await state()
    if (done(snapshot)) return snapshot
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/** Subscribes to the event stream with each `snapshot` event's data; returns the unsubscribe. */
function subscribe(onSnapshot: (data: TrainerEvent) => void) {
  const connection = subscribeToTrainerEvents(sandbox.origin, onSnapshot)
  return () => connection.destroy()
}

describe('the trainer page (read-only, live)', () => {
  test('shows clients, device codes by state and token requests, and no secret, token or device code', async () => {
    // What the tutorial does, three times over: a registration, then codes approved, denied and left alone.
    const dcr = await clientCredentialsToken(sandbox.origin, WWW, 'dcr')
    const registration = await register(sandbox.origin, String(dcr.json.access_token), { software_id: 'device-client' })
    const client = { client_id: String(registration.json.client_id), client_secret: String(registration.json.client_secret) }
    const approved = await startDeviceFlow(sandbox.origin, client, 'openid')
    const denied = await startDeviceFlow(sandbox.origin, client, 'openid')
    await decideOnDevicePages(approved, 'approve')
    await decideOnDevicePages(denied, 'deny')
    const tokens = await poll(sandbox.origin, client, approved.device_code)
    expect(tokens.json).toHaveProperty('access_token')
    const refused = await poll(sandbox.origin, client, denied.device_code)
    expect(refused.json.error).toBe('access_denied')
    const pending = await startDeviceFlow(sandbox.origin, client, 'openid read')
    await poll(sandbox.origin, client, pending.device_code)

    const snapshot = await state()
    expect(snapshot.clients.shown.map((row) => row.client_id)).toEqual([client.client_id, 'www'])
    expect(snapshot.clients.shown[0]).toMatchObject({ software_id: 'device-client', token_endpoint_auth_method: 'client_secret_basic' })
    expect(snapshot.device_codes.counts).toEqual({ pending: 1, approved: 1, denied: 1, expired: 0 })
    const byHint = (device: DeviceAuthorization) => snapshot.device_codes.shown.find((row) => row.user_code_hint === userCodeHint(device.user_code))
    expect(byHint(approved)).toMatchObject({ state: 'approved', tokens_issued: true, client_id: client.client_id, client_name: 'device-client' })
    expect(byHint(denied)).toMatchObject({ state: 'denied', tokens_issued: false })
    expect(byHint(pending)).toMatchObject({ state: 'pending', scope: 'openid read' })
    expect(snapshot.token_requests.total).toBe(4)
    expect(snapshot.token_requests.counts).toEqual({ 'tokens issued': 2, access_denied: 1, authorization_pending: 1 })
    expect(snapshot.token_requests.shown[0]).toMatchObject({ grant_type: 'device_code', client_id: client.client_id, status: 400, outcome: 'authorization_pending' })

    // The page and the snapshot carry none of the room's credentials.
    const page = await (await fetch(`${sandbox.origin}${TRAINER_PATHS.page}`)).text()
    expect(page).toContain('Registered clients (2)')
    expect(page).toContain(userCodeHint(pending.user_code))
    const secrets = [
      WWW.client_secret,
      client.client_secret,
      String(registration.json.registration_access_token),
      String(dcr.json.access_token),
      String(tokens.json.access_token),
      String(tokens.json.refresh_token),
      String(tokens.json.id_token),
      ...[approved, denied, pending].flatMap((device) => [device.device_code, device.user_code, device.user_code.replace('-', '')]),
    ]
    for (const secret of secrets) {
      expect(secret.length).toBeGreaterThan(6)
      expect(page).not.toContain(secret)
      expect(JSON.stringify(snapshot)).not.toContain(secret)
    }

    // Nobody acts on the pending code: once its lifetime is over (the sandbox runs in this process, so its clock is
    // moved past it here), it counts as expired, and the decided codes keep their state.
    const later = await clockStoppedAt(DEVICE_CODE_TTL + 1, state)
    expect(later.device_codes.counts).toEqual({ pending: 0, approved: 1, denied: 1, expired: 1 })
  }, 60_000)

  test('a subscriber gets the current state at once and every change after it; the page is read-only', async () => {
    const seen: number[] = []
    let resolveUpdate: () => void = () => undefined
    const updated = new Promise<void>((resolve) => (resolveUpdate = resolve))
    const stop = subscribe(({ summary }) => {
      seen.push(summary.token_requests)
      if (seen.length >= 2) resolveUpdate()
    })
    const before = (await stateWhen(() => seen.length >= 1)).token_requests.total
    expect(seen[0]).toBe(before)
    await clientCredentialsToken(sandbox.origin, WWW, 'dcr')
    await updated
    expect(seen.at(-1)).toBe(before + 1)
    stop()

    const post = await fetch(`${sandbox.origin}${TRAINER_PATHS.page}`, { method: 'POST' })
    expect(post.status).toBe(405)
    const headers = (await fetch(`${sandbox.origin}${TRAINER_PATHS.page}`)).headers
    expect(headers.get('content-security-policy')).toContain("script-src 'self'")
  }, 30_000)
})
