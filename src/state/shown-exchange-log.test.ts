import { act, renderHook, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { HttpExchange } from '../protocol/http-exchange.ts'
import { recordExchange } from './http-log-store.ts'
import { loadQueryLayer } from './query-on-demand.ts'
import { MAX_HOLD_MS, useShownExchangeLog } from './shown-exchange-log.ts'

const exchange = (id: string): HttpExchange => ({
  id,
  step: 'client-credentials',
  startedAt: 0,
  durationMs: 1,
  request: { method: 'POST', url: 'http://127.0.0.1/token', headers: [], body: null },
  response: { status: 200, statusText: 'OK', headers: [], body: '{}' },
  failure: null,
})

const ids = (log: Iterable<HttpExchange>) => [...log].map((entry) => entry.id)

/** A request in flight, as a click's mutation is, until `finish` is called. */
async function requestInFlight() {
  const { MutationObserver, queryClient } = await loadQueryLayer()
  let finish: () => void = () => {}
  const observer = new MutationObserver(queryClient, { mutationFn: () => new Promise<void>((resolve) => (finish = resolve)) })
  const done = observer.mutate()
  await waitFor(() => expect(queryClient.isMutating()).toBe(1))
  return {
    finish: async () => {
      finish()
      await done
    },
  }
}

describe('the HTTP log as the log panel draws it', () => {
  it('shows an exchange at once when no request is in flight', async () => {
    await loadQueryLayer()
    const { result } = renderHook(() => useShownExchangeLog())
    act(() => recordExchange(exchange('import')))
    expect(ids(result.current)).toContain('import')
  })

  it("holds a click's exchange until its request has settled, then shows it", async () => {
    const { result } = renderHook(() => useShownExchangeLog())
    const request = await requestInFlight()
    act(() => recordExchange(exchange('click')))
    expect(ids(result.current)).not.toContain('click')
    await act(() => request.finish())
    await waitFor(() => expect(ids(result.current)).toContain('click'))
  })

  it(`shows a held exchange after ${MAX_HOLD_MS} ms even while a request stays in flight`, async () => {
    const { result } = renderHook(() => useShownExchangeLog())
    const request = await requestInFlight()
    act(() => recordExchange(exchange('slow')))
    expect(ids(result.current)).not.toContain('slow')
    await waitFor(() => expect(ids(result.current)).toContain('slow'))
    await act(() => request.finish())
  })
})
