import { act, render, renderHook, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { describe, expect, it, vi } from 'vitest'
import type { Environment } from '../../state/environment-store.ts'
import { ClientRequestFields } from './client-request-fields.tsx'
import { useClientChoice } from './use-client-choice.ts'

const client = (id: string, token_endpoint_auth_method: Environment['clients'][number]['token_endpoint_auth_method']) => ({
  id,
  label: id,
  client_id: id,
  client_secret: '',
  token_endpoint_auth_method,
  source: 'manual' as const,
})

const environment: Environment = {
  id: 'env',
  name: 'Sandbox',
  issuer: 'http://127.0.0.1/',
  endpoints: {},
  clients: [client('backend', 'client_secret_basic'), client('cli', 'client_secret_post')],
}

/**
 * The environment as these tests hand it over, counting each time the fields are drawn: they read the
 * server's metadata (for the authentication method's warning) once a render, and nothing else here does.
 */
function countingDraws() {
  const draws = { count: 0 }
  const counted = { ...environment }
  Object.defineProperty(counted, 'metadata', {
    get: () => {
      draws.count += 1
      return undefined
    },
  })
  return { environment: counted, draws }
}

/** A step as the panels are built: the client fields beside a result that arrives later. */
function StepWithResult({ environment }: { environment: Environment }) {
  const choice = useClientChoice(environment)
  const [scope, setScope] = useState('openid')
  const [result, setResult] = useState('none yet')
  return (
    <>
      <ClientRequestFields choice={choice} scope={scope} onScopeChange={setScope} />
      <button type="button" onClick={() => setResult('tokens')}>
        Request token
      </button>
      <p>Result: {result}</p>
    </>
  )
}

describe('ClientRequestFields with useClientChoice', () => {
  it('is not redrawn when a result arrives, and is when the authentication method changes', async () => {
    const user = userEvent.setup()
    const { environment, draws } = countingDraws()
    render(<StepWithResult environment={environment} />)
    const drawnFirst = draws.count
    expect(drawnFirst).toBeGreaterThan(0)

    await user.click(screen.getByRole('button', { name: 'Request token' }))
    expect(screen.getByText('Result: tokens')).toBeInTheDocument()
    expect(draws.count).toBe(drawnFirst)

    await user.selectOptions(screen.getByLabelText('Client authentication'), 'client_secret_post')
    expect(screen.getByLabelText('Client authentication')).toHaveValue('client_secret_post')
    expect(draws.count).toBeGreaterThan(drawnFirst)
  })

  it('keeps one choice object until a part of it changes', () => {
    const { result, rerender } = renderHook(() => useClientChoice(environment))
    const first = result.current
    rerender()
    expect(result.current).toBe(first)
    expect(first).toMatchObject({ client: { id: 'backend' }, auth: 'client_secret_basic' })

    act(() => first.authChanged('private_key_jwt'))
    expect(result.current).not.toBe(first)
    expect(result.current.auth).toBe('private_key_jwt')
    expect(result.current.authChanged).toBe(first.authChanged)
    expect(result.current.clientProfileChanged).toBe(first.clientProfileChanged)
  })

  it("goes back to the chosen client's own method when another client is picked", () => {
    const { result } = renderHook(() => useClientChoice(environment))
    act(() => result.current.authChanged('none'))
    act(() => result.current.clientProfileChanged('cli'))
    expect(result.current).toMatchObject({ client: { id: 'cli' }, auth: 'client_secret_post' })
  })

  it('reads and sets the chosen client where the step keeps it, when it keeps it outside', () => {
    const chosen = vi.fn()
    const { result, rerender } = renderHook(({ kept }: { kept: string | null }) => useClientChoice(environment, [kept, chosen]), {
      initialProps: { kept: 'cli' },
    })
    expect(result.current.client?.id).toBe('cli')
    act(() => result.current.authChanged('none'))
    act(() => result.current.clientProfileChanged('backend'))
    expect(chosen).toHaveBeenCalledWith('backend')
    rerender({ kept: 'backend' })
    expect(result.current).toMatchObject({ client: { id: 'backend' }, auth: 'client_secret_basic' })
  })
})
