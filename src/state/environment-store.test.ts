import { act, renderHook } from '@testing-library/react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { useActiveEnvironment, useEnvironmentActions } from './environment-store.ts'

const STORAGE_KEY = 'oauth-console:environments'

function savedState() {
  return JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as {
    state: { environments: { clients: { client_secret: string; registration_access_token?: string }[] }[] }
  }
}

function addRegisteredClient() {
  const { result } = renderHook(() => ({ actions: useEnvironmentActions(), environment: useActiveEnvironment() }))
  act(() => {
    result.current.actions.clientAdded(result.current.environment.id, {
      label: 'device-client (registered)',
      client_id: 'abc',
      client_secret: 's3cret-value',
      token_endpoint_auth_method: 'client_secret_basic',
      registration_access_token: 'rat-value',
      source: 'registration',
      registration: {
        client_id: 'abc',
        client_secret: 's3cret-value',
        registration_access_token: 'rat-value',
        token_endpoint_auth_method: 'client_secret_basic',
        software_id: 'device-client',
      },
    })
  })
  return result
}

describe('environment store persistence', () => {
  beforeEach(() => {
    localStorage.clear()
  })

  it('keeps client secrets and registration access tokens out of local storage by default', () => {
    const result = addRegisteredClient()
    const clients = savedState().state.environments.flatMap((environment) => environment.clients)
    expect(clients.map((client) => client.client_secret)).toEqual(['', ''])
    expect(clients.some((client) => 'registration_access_token' in client)).toBe(false)
    expect(localStorage.getItem(STORAGE_KEY)).not.toContain('s3cret-value')
    expect(localStorage.getItem(STORAGE_KEY)).not.toContain('rat-value')
    // The registration reply itself is kept, minus its credentials.
    expect(localStorage.getItem(STORAGE_KEY)).toContain('"software_id":"device-client"')
    // In memory, the secret is still there for this tab.
    expect(result.current.environment.clients.at(-1)?.client_secret).toBe('s3cret-value')
  })

  it('saves secrets only after the person opts in to remembering them', () => {
    const result = addRegisteredClient()
    act(() => result.current.actions.rememberSecretsChanged(true))
    expect(localStorage.getItem(STORAGE_KEY)).toContain('s3cret-value')
    expect(localStorage.getItem(STORAGE_KEY)).toContain('rat-value')
    act(() => result.current.actions.rememberSecretsChanged(false))
    expect(localStorage.getItem(STORAGE_KEY)).not.toContain('s3cret-value')
  })
})

/** The store reads local storage as the page starts (main.tsx: readSavedSettings): each case loads a fresh copy. */
async function loadStoreWith(saved: string | null) {
  localStorage.clear()
  if (saved !== null) localStorage.setItem(STORAGE_KEY, saved)
  vi.resetModules()
  const store = await import('./environment-store.ts')
  await (await import('./saved-settings.ts')).readSavedSettings()
  const { result } = renderHook(() => ({
    environments: store.useEnvironments(),
    active: store.useActiveEnvironment(),
    problem: store.useSettingsProblem(),
  }))
  return result.current
}

describe('environment store reading saved settings', () => {
  it('migrates version 1 settings and saves them back as version 2', async () => {
    const v1 = {
      state: {
        environments: [{ id: 'e1', name: 'Staging', issuer: 'https://as.example', endpoints: {}, clients: [] }],
        activeEnvironmentId: 'e1',
        rememberSecrets: false,
      },
      version: 1,
    }
    const loaded = await loadStoreWith(JSON.stringify(v1))
    expect(loaded.problem).toBeNull()
    expect(loaded.active.name).toBe('Staging')
    expect(JSON.parse(localStorage.getItem(STORAGE_KEY)!).version).toBe(2)
  })

  it.each([
    ['text that is not JSON', '{"state": ', 'they are not valid JSON'],
    ['a client without an id', JSON.stringify({ state: { environments: [{ id: 'e1', name: 'x', issuer: '', endpoints: {}, clients: [{}] }], activeEnvironmentId: 'e1', rememberSecrets: false }, version: 2 }), '"environments.0.clients.0.id"'],
    ['an unknown version', JSON.stringify({ state: {}, version: 9 }), 'unknown version (9)'],
  ])('falls back to the sandbox preset on %s, and says why', async (_case, saved, problem) => {
    const loaded = await loadStoreWith(saved)
    expect(loaded.environments.map((environment) => environment.name)).toEqual(['Local sandbox'])
    expect(loaded.active.clients[0]?.client_id).toBe('www')
    expect(loaded.problem).toContain(problem)
  })

  it('keeps the discovery document given with discovered endpoints', async () => {
    await loadStoreWith(null)
    const store = await import('./environment-store.ts')
    const { result } = renderHook(() => ({ actions: store.useEnvironmentActions(), active: store.useActiveEnvironment() }))
    act(() =>
      result.current.actions.endpointsDiscovered(
        result.current.active.id,
        { issuer: 'https://as.example', token_endpoint: 'https://as.example/token' },
        { issuer: 'https://as.example', id_token_signing_alg_values_supported: ['ES256'], frontchannel_logout_supported: true },
      ),
    )
    expect(result.current.active.metadata).toMatchObject({ frontchannel_logout_supported: true })
    expect(result.current.active.endpoints).toEqual({ token_endpoint: 'https://as.example/token' })
    expect(localStorage.getItem(STORAGE_KEY)).toContain('frontchannel_logout_supported')
  })
})
