import { act, renderHook, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { ExchangeStep, HttpExchange } from '../../protocol/http-exchange.ts'
import { DEFAULT_LOG_CAP, recordExchange, useHttpLogActions } from '../../state/http-log-store.ts'
import { renderWithQuery } from '../../test/render-with-query.tsx'
import { HttpLogPanel } from './http-log-panel.tsx'

function exchange(id: string, step: ExchangeStep, status: number | null, body = ''): HttpExchange {
  return {
    id,
    step,
    startedAt: 0,
    durationMs: 3,
    request: {
      method: 'POST',
      url: `https://idsvr.example/${id}`,
      headers: [
        { name: 'Authorization', value: 'Basic d3d3OlBhc3N3b3JkMQ==' },
        { name: 'Content-Type', value: 'application/x-www-form-urlencoded' },
      ],
      body: 'grant_type=client_credentials',
    },
    response: status === null ? null : { status, statusText: '', headers: [{ name: 'Content-Type', value: 'application/json' }], body },
    failure: status === null ? { kind: 'network', message: 'offline' } : null,
  }
}

// jsdom lays nothing out: give the virtualised list a viewport so it renders its rows.
const clientHeight = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight')
const clientWidth = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientWidth')
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 })
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 400 })
})
afterAll(() => {
  if (clientHeight) Object.defineProperty(HTMLElement.prototype, 'clientHeight', clientHeight)
  if (clientWidth) Object.defineProperty(HTMLElement.prototype, 'clientWidth', clientWidth)
})

async function renderLog() {
  const actions = renderHook(() => useHttpLogActions()).result.current
  renderWithQuery(<HttpLogPanel />)
  act(() => {
    actions.logCleared()
    actions.capChanged(DEFAULT_LOG_CAP)
    recordExchange(exchange('discovery-ok', 'discovery', 200, '{"issuer":"https://idsvr.example"}'))
    recordExchange(exchange('token-denied', 'client-credentials', 401, '{"error":"invalid_client"}'))
    recordExchange(exchange('token-ok', 'client-credentials', 200, '{"access_token":"at-123","token_type":"Bearer"}'))
    recordExchange(exchange('userinfo-down', 'userinfo', null))
    recordExchange(exchange('poll-error', 'device-poll', 503, 'upstream unavailable'))
  })
  // The list's code loads with the first entry.
  await screen.findByRole('list', { name: 'Exchanges' })
}

const rows = () => within(screen.getByRole('list', { name: 'Exchanges' })).getAllByRole('listitem')
const urls = () => rows().map((row) => row.textContent ?? '')

describe('HTTP log filters', () => {
  beforeEach(async () => {
    await renderLog()
  })

  it('lists every exchange, newest first', () => {
    expect(urls()).toHaveLength(5)
    expect(urls()[0]).toContain('poll-error')
    expect(urls()[4]).toContain('discovery-ok')
  })

  it('shows only the chosen step', async () => {
    await userEvent.selectOptions(screen.getByLabelText('Step'), 'client-credentials')
    expect(urls()).toHaveLength(2)
    expect(urls()[0]).toContain('token-ok')
    expect(urls()[1]).toContain('token-denied')
  })

  it('shows only the chosen status class, and "failed" means no response at all', async () => {
    await userEvent.selectOptions(screen.getByLabelText('Status'), '4xx')
    expect(urls()).toEqual([expect.stringContaining('token-denied')])
    await userEvent.selectOptions(screen.getByLabelText('Status'), '5xx')
    expect(urls()).toEqual([expect.stringContaining('poll-error')])
    await userEvent.selectOptions(screen.getByLabelText('Status'), 'failed')
    expect(urls()).toEqual([expect.stringContaining('userinfo-down')])
  })

  it('searches response bodies case-insensitively and combines with the other filters', async () => {
    await userEvent.type(screen.getByLabelText('Search'), 'INVALID_CLIENT')
    expect(urls()).toEqual([expect.stringContaining('token-denied')])
    await userEvent.selectOptions(screen.getByLabelText('Status'), '2xx')
    expect(screen.queryByRole('list', { name: 'Exchanges' })).toBeNull()
    expect(screen.getByText('No exchange matches the filters.')).toBeInTheDocument()
  })

  it("searches headers too, as a ticket's correlation id or a WWW-Authenticate error sits there, and why a request failed", async () => {
    act(() => {
      const answered = exchange('api-denied', 'external-api', 401)
      recordExchange({
        ...answered,
        response: { ...answered.response!, headers: [{ name: 'X-Request-Id', value: 'req-4711' }, { name: 'WWW-Authenticate', value: 'Bearer error="insufficient_scope"' }] },
      })
    })
    await userEvent.type(screen.getByLabelText('Search'), 'REQ-4711')
    expect(urls()).toEqual([expect.stringContaining('api-denied')])
    await userEvent.clear(screen.getByLabelText('Search'))
    await userEvent.type(screen.getByLabelText('Search'), 'insufficient_scope')
    expect(urls()).toEqual([expect.stringContaining('api-denied')])
    await userEvent.clear(screen.getByLabelText('Search'))
    await userEvent.type(screen.getByLabelText('Search'), 'offline')
    expect(urls()).toEqual([expect.stringContaining('userinfo-down')])
  })

  it('says how many older exchanges a smaller cap dropped', async () => {
    await userEvent.selectOptions(screen.getByLabelText('Keep at most'), '500')
    expect(screen.queryByText(/older exchanges? dropped/)).toBeNull()
    act(() => {
      for (let index = 0; index < 502; index++) recordExchange(exchange(`bulk-${index}`, 'discovery', 200))
    })
    expect(screen.getByText('7 older exchanges dropped')).toBeInTheDocument()
  })

  it('opens an exchange with the raw view and curl masked alike, both unmasked only on request', async () => {
    await userEvent.selectOptions(screen.getByLabelText('Step'), 'client-credentials')
    await userEvent.click(within(rows()[0]!).getByRole('button'))
    const dialog = await screen.findByRole('dialog')
    const responseBody = within(dialog).getByLabelText('Response body')
    expect(responseBody).not.toHaveTextContent('at-123')
    expect(responseBody).toHaveTextContent('••••••')
    expect(within(dialog).getByLabelText('Request line and headers')).toHaveTextContent('Authorization: Basic ••••••')
    expect(within(dialog).getByLabelText('Request line and headers')).not.toHaveTextContent('d3d3OlBhc3N3b3JkMQ==')
    // Beside local time, UTC to the millisecond, as server logs keep it.
    expect(dialog).toHaveTextContent('(1970-01-01 00:00:00.000 UTC)')
    const curl = within(dialog).getByLabelText('curl command')
    expect(curl).toHaveTextContent("-H 'Authorization: Basic ••••••'")
    expect(curl).not.toHaveTextContent('d3d3OlBhc3N3b3JkMQ==')
    expect(within(dialog).getByRole('button', { name: 'Copy as curl' })).toBeInTheDocument()

    await userEvent.click(within(dialog).getByLabelText('Show secrets'))
    expect(curl).toHaveTextContent('Basic d3d3OlBhc3N3b3JkMQ==')
    expect(responseBody).toHaveTextContent('at-123')
    expect(within(dialog).getByText(/This command carries working credentials/)).toBeInTheDocument()

    await userEvent.click(within(dialog).getByRole('button', { name: 'Close' }))
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  it('does not warn of working credentials in an exchange imported already masked: its curl says the secrets are masked', async () => {
    const masked = exchange('imported-masked', 'external-api', 201)
    act(() => recordExchange({ ...masked, request: { ...masked.request, headers: [{ name: 'Authorization', value: 'Bearer ••••••' }] } }))
    await userEvent.click(within(rows()[0]!).getByRole('button'))
    const dialog = await screen.findByRole('dialog')
    await userEvent.click(within(dialog).getByLabelText('Show secrets'))
    expect(within(dialog).getByLabelText('curl command')).toHaveTextContent('# Secrets are shown as ••••••')
    expect(within(dialog).queryByText(/This command carries working credentials/)).toBeNull()
  })

  it('empties the log with "Clear log"', async () => {
    await userEvent.click(screen.getByRole('button', { name: 'Clear log' }))
    expect(screen.queryByRole('list', { name: 'Exchanges' })).toBeNull()
  })
})
