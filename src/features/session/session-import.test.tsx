import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it } from 'vitest'
import type { HttpExchange } from '../../protocol/http-exchange.ts'
import { buildSessionFile } from '../../protocol/session-file.ts'
import { readEnvironmentSnapshot } from '../../state/environment-store.ts'
import { readExchangesSnapshot, useHttpLogActions } from '../../state/http-log-store.ts'
import { renderWithQuery } from '../../test/render-with-query.tsx'
import { SessionPanel } from './session-panel.tsx'

const recorded: HttpExchange = {
  id: 'imported-1',
  step: 'client-credentials',
  startedAt: 1_700_000_000_000,
  durationMs: 12,
  request: { method: 'POST', url: 'https://idsvr.example/token', headers: [], body: 'grant_type=client_credentials' },
  response: { status: 200, statusText: 'OK', headers: [], body: '{}' },
  failure: null,
}

function file(name: string, text: string) {
  return new File([text], name, { type: 'application/json' })
}

function ClearLog() {
  const { logCleared } = useHttpLogActions()
  return (
    <button type="button" onClick={logCleared}>
      reset log
    </button>
  )
}

describe('session import', () => {
  beforeEach(async () => {
    localStorage.clear()
    renderWithQuery(
      <>
        <ClearLog />
        <SessionPanel />
      </>,
    )
    await userEvent.click(screen.getByRole('button', { name: 'reset log' }))
  })

  it('refuses a file that is not a session file with an alert and changes nothing', async () => {
    const environmentsBefore = readEnvironmentSnapshot().environments
    await userEvent.upload(screen.getByLabelText('Import session file'), file('notes.json', '{"hello":"world"}'))

    expect(await screen.findByRole('alert')).toHaveTextContent('Nothing was imported')
    expect(screen.getByRole('alert')).toHaveTextContent('not an OAuth Console session file')
    expect(readEnvironmentSnapshot().environments).toBe(environmentsBefore)
    expect(readExchangesSnapshot()).toEqual([])
  })

  it('refuses text that is not JSON with the parser message', async () => {
    await userEvent.upload(screen.getByLabelText('Import session file'), file('broken.json', '{"format": '))
    expect(await screen.findByRole('alert')).toHaveTextContent('The file is not JSON')
  })

  it('names the first invalid field of a damaged session file', async () => {
    const session = buildSessionFile({ environments: [], exchanges: [recorded], includeSecrets: false, now: 0 })
    const damaged = { ...session, exchanges: [{ ...session.exchanges[0], step: 'teleport' }] }
    await userEvent.upload(screen.getByLabelText('Import session file'), file('damaged.json', JSON.stringify(damaged)))
    expect(await screen.findByRole('alert')).toHaveTextContent('exchanges[0].step')
    expect(readExchangesSnapshot()).toEqual([])
  })

  it('restores environments, clients and exchanges from a good file and says what it imported', async () => {
    const environment = {
      id: 'staging',
      name: 'Staging',
      issuer: 'https://idsvr.example',
      endpoints: { token_endpoint: 'https://idsvr.example/token' },
      clients: [
        { id: 'c1', label: 'Support', client_id: 'support', client_secret: '', token_endpoint_auth_method: 'client_secret_post' as const, source: 'manual' as const },
      ],
    }
    const session = buildSessionFile({ environments: [environment], exchanges: [recorded], includeSecrets: false, now: 0 })
    await userEvent.upload(screen.getByLabelText('Import session file'), file('session.json', JSON.stringify(session)))

    expect(await screen.findByRole('status')).toHaveTextContent('Imported 1 environment with 1 client and 1 exchange.')
    expect(readEnvironmentSnapshot().environments.find((candidate) => candidate.id === 'staging')?.clients[0]?.client_id).toBe('support')
    expect(readExchangesSnapshot().map((exchange) => exchange.id)).toEqual(['imported-1'])
  })
})
