import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { act, renderHook } from '@testing-library/react'
import type { ReactNode } from 'react'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { prefetchRequestLayer } from '../../../protocol/requests-on-demand.ts'
import { jsonReply, scriptedFetch } from '../../../protocol/scripted-fetch.ts'
import { useDeviceFlow, type StartRequest } from './use-device-flow.ts'

const server = {
  issuer: 'https://as.example',
  token_endpoint: 'https://as.example/token',
  device_authorization_endpoint: 'https://as.example/device',
}

function deviceReply(overrides: Record<string, unknown> = {}) {
  return jsonReply({ device_code: 'dc-1', user_code: 'ABCD-EFGH', verification_uri: 'https://as.example/verify', expires_in: 600, interval: 5, ...overrides })
}
const pending = () => jsonReply({ error: 'authorization_pending' }, 400)
const slowDown = () => jsonReply({ error: 'slow_down' }, 400)
const tokens = () => jsonReply({ access_token: 'at', token_type: 'Bearer', expires_in: 60 })

function startRequest(fetch: ReturnType<typeof scriptedFetch>, client_id = 'device-client'): StartRequest {
  return {
    input: { server, client_id, client_secret: 's3cret', auth: 'client_secret_basic', scope: 'openid', record: () => {}, baseFetch: fetch },
    client: { clientProfileId: 'p1', label: 'device-client', registered: 'client_secret_basic', supported: undefined },
  }
}

function renderDeviceFlow() {
  const queryClient = new QueryClient({ defaultOptions: { mutations: { retry: false } } })
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
  return renderHook(() => useDeviceFlow(), { wrapper })
}

/** Lets timers and the promises they start run, as the browser would over `ms`. */
async function elapse(ms: number) {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms)
  })
}

const polls = (fetch: ReturnType<typeof scriptedFetch>) => fetch.sent.filter((request) => request.url === server.token_endpoint)

describe('useDeviceFlow', () => {
  // The request layer loads on first use; loaded here, so fake time measures the hook, not the module loader.
  beforeAll(() => prefetchRequestLayer())
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2026-01-01T10:00:00Z') })
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  async function startAutomatic(fetch: ReturnType<typeof scriptedFetch>) {
    const hook = renderDeviceFlow()
    act(() => hook.result.current.start(startRequest(fetch)))
    await elapse(0)
    expect(hook.result.current.state.phase).toBe('started')
    act(() => hook.result.current.setAutomatic(true))
    return hook
  }

  it('polls automatically only once the interval has passed since the codes arrived', async () => {
    const fetch = scriptedFetch(deviceReply(), pending(), pending())
    await startAutomatic(fetch)

    await elapse(4_900)
    expect(polls(fetch)).toHaveLength(0)
    await elapse(100)
    expect(polls(fetch)).toHaveLength(1)
    await elapse(4_900)
    expect(polls(fetch)).toHaveLength(1)
    await elapse(100)
    expect(polls(fetch)).toHaveLength(2)
  })

  it('keeps 5 s more between polls after slow_down, for all later polls', async () => {
    const fetch = scriptedFetch(deviceReply(), slowDown(), pending(), pending())
    const hook = await startAutomatic(fetch)

    await elapse(5_000)
    expect(polls(fetch)).toHaveLength(1)
    expect(hook.result.current.state).toMatchObject({ schedule: { interval: 10 } })
    await elapse(9_900)
    expect(polls(fetch)).toHaveLength(1)
    await elapse(100)
    expect(polls(fetch)).toHaveLength(2)
    await elapse(9_900)
    expect(polls(fetch)).toHaveLength(2)
    await elapse(100)
    expect(polls(fetch)).toHaveLength(3)
  })

  it('stops polling when the codes expire', async () => {
    const fetch = scriptedFetch(deviceReply({ expires_in: 12 }), pending(), pending(), pending())
    await startAutomatic(fetch)

    await elapse(60_000)
    // Polls at 5 s and 10 s; the next would be at 15 s, after expiry at 12 s.
    expect(polls(fetch)).toHaveLength(2)
  })

  it('stops at a final answer, and Poll does nothing after it', async () => {
    const fetch = scriptedFetch(deviceReply(), tokens())
    const hook = await startAutomatic(fetch)

    await elapse(30_000)
    expect(polls(fetch)).toHaveLength(1)
    expect(hook.result.current.final).toBe(true)
    act(() => hook.result.current.poll())
    await elapse(1_000)
    expect(polls(fetch)).toHaveLength(1)
  })

  it('polls as the client the flow started with, with the method chosen for polling', async () => {
    const fetch = scriptedFetch(deviceReply(), pending())
    const hook = renderDeviceFlow()
    act(() => hook.result.current.start(startRequest(fetch, 'the-device-client')))
    await elapse(0)

    act(() => hook.result.current.setAuth('client_secret_post'))
    act(() => hook.result.current.poll())
    await elapse(0)

    const body = new URLSearchParams(polls(fetch)[0]?.body ?? '')
    expect(body.get('client_id')).toBe('the-device-client')
    expect(body.get('client_secret')).toBe('s3cret')
    expect(hook.result.current.state).toMatchObject({ history: [{ kind: 'pending', auth: 'client_secret_post' }] })
  })

  it('a fix from the diagnosis changes how polls authenticate and polls again', async () => {
    const fetch = scriptedFetch(deviceReply(), jsonReply({ error: 'invalid_request', error_description: 'client_id is missing' }, 400), pending())
    const hook = renderDeviceFlow()
    act(() => hook.result.current.start(startRequest(fetch)))
    await elapse(0)
    act(() => hook.result.current.poll())
    await elapse(0)
    expect(hook.result.current.diagnosis?.fixes[0]).toEqual({ kind: 'client_id_in_body' })

    act(() => hook.result.current.applyFix({ kind: 'client_id_in_body' }))
    await elapse(0)

    const retry = polls(fetch)[1]
    expect(retry?.headers.get('authorization')).toMatch(/^Basic /)
    expect(new URLSearchParams(retry?.body ?? '').get('client_id')).toBe('device-client')
    expect(hook.result.current.diagnosis).toBeNull()
  })

  it('Start over begins a new flow with a new device code', async () => {
    const fetch = scriptedFetch(deviceReply(), tokens(), deviceReply({ device_code: 'dc-2' }))
    const hook = renderDeviceFlow()
    act(() => hook.result.current.start(startRequest(fetch)))
    await elapse(0)
    act(() => hook.result.current.poll())
    await elapse(0)
    expect(hook.result.current.final).toBe(true)

    act(() => hook.result.current.startOver())
    await elapse(0)

    expect(hook.result.current.final).toBe(false)
    expect(hook.result.current.state).toMatchObject({ phase: 'started', authorization: { device_code: 'dc-2' }, history: [] })
  })
})
