import { afterAll, beforeAll, expect, test } from 'vitest'
import { RELAY_REQUEST_HEADER } from './relay-handler.ts'
import { startRelay, type RunningRelay } from './relay-server.ts'

let relay: RunningRelay

beforeAll(async () => {
  relay = await startRelay({ host: '127.0.0.1', port: 0 })
})

afterAll(() => relay.close())

function expectSecurityHeaders(response: Response) {
  expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'")
  expect(response.headers.get('x-frame-options')).toBe('DENY')
  expect(response.headers.get('x-content-type-options')).toBe('nosniff')
}

test('every relay answer (health, a refusal, a path outside /relay) lets nothing load or frame it and is never sniffed', async () => {
  const health = await fetch(`${relay.url}/health`, { headers: { [RELAY_REQUEST_HEADER]: '1' } })
  const refusal = await fetch(`${relay.url}/health`)
  const outside = await fetch(new URL('/index.html', relay.url))

  expect(health.status).toBe(200)
  expectSecurityHeaders(health)
  expect(refusal.status).toBe(403)
  expect(await refusal.json()).toMatchObject({ relay_error: 'missing_relay_header' })
  expectSecurityHeaders(refusal)
  expect(outside.status).toBe(404)
  expectSecurityHeaders(outside)
})
