import { act, renderHook } from '@testing-library/react'
import { beforeEach, describe, expect, it } from 'vitest'
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
