import { act, renderHook, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { renderWithQuery } from '../../../test/render-with-query.tsx'
import { readEnvironmentSnapshot, useEnvironmentActions } from '../../../state/environment-store.ts'
import { ClientManagementPanel } from './client-management-panel.tsx'

function registerClient() {
  const { result } = renderHook(() => useEnvironmentActions())
  const { activeEnvironmentId } = readEnvironmentSnapshot()
  act(() => {
    result.current.clientAdded(activeEnvironmentId, {
      label: 'device-client (registered)',
      client_id: 'c-1',
      client_secret: 's',
      token_endpoint_auth_method: 'client_secret_basic',
      registration_client_uri: 'http://127.0.0.1:8443/token-service/oauth-registration/c-1',
      registration_access_token: 'rat-1',
      source: 'registration',
    })
  })
}

describe('ClientManagementPanel', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('says how a registered client gets here: Use as device client in External API', () => {
    renderWithQuery(<ClientManagementPanel />)
    expect(screen.getByRole('region', { name: 'Client Management' })).toHaveTextContent(
      'send a registration request in External API, then press Use as device client there',
    )
  })

  it('asks for Read before Update instead of calling an empty editor bad JSON, and sends nothing', async () => {
    registerClient()
    const fetchSpy = vi.fn()
    vi.stubGlobal('fetch', fetchSpy)
    const user = userEvent.setup()
    renderWithQuery(<ClientManagementPanel />)
    await user.click(screen.getByRole('button', { name: 'Update' }))
    expect(screen.getByLabelText('Client metadata (JSON)')).toHaveAccessibleDescription(/Nothing to send yet: press Read first/)
    expect(fetchSpy).not.toHaveBeenCalled()
  })

  it('deletes only once the person confirms, naming the client; Keep the client sends nothing', async () => {
    const fetchSpy = vi.fn(async () => new Response(null, { status: 204 }))
    vi.stubGlobal('fetch', fetchSpy)
    const user = userEvent.setup()
    renderWithQuery(<ClientManagementPanel />)
    await user.click(screen.getByRole('button', { name: 'Delete' }))
    expect(screen.getByText('Delete c-1 at the server?')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Keep the client' }))
    expect(screen.queryByText('Delete c-1 at the server?')).toBeNull()
    expect(fetchSpy).not.toHaveBeenCalled()

    await user.click(screen.getByRole('button', { name: 'Delete' }))
    await user.click(screen.getByRole('button', { name: 'Delete at the server' }))
    expect(await screen.findByText('Client deleted')).toBeInTheDocument()
    expect(fetchSpy).toHaveBeenCalledTimes(1)
  })
})
