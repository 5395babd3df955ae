import { act, renderHook } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { HttpExchange } from '../protocol/http-exchange.ts'
import { useDroppedCount, useExchanges, useHttpLogActions } from './http-log-store.ts'

const exchange = (id: string): HttpExchange => ({
  id,
  step: 'discovery',
  startedAt: 0,
  durationMs: 1,
  request: { method: 'GET', url: 'http://127.0.0.1/', headers: [], body: null },
  response: { status: 200, statusText: 'OK', headers: [], body: '' },
  failure: null,
})

describe('HTTP log store', () => {
  it('drops the oldest exchanges past the cap and counts what it dropped', () => {
    const { result } = renderHook(() => ({ exchanges: useExchanges(), dropped: useDroppedCount(), actions: useHttpLogActions() }))
    act(() => {
      result.current.actions.logCleared()
      result.current.actions.capChanged(3)
      for (const id of ['a', 'b', 'c', 'd', 'e']) result.current.actions.exchangeRecorded(exchange(id))
    })
    expect(result.current.exchanges.map((entry) => entry.id)).toEqual(['c', 'd', 'e'])
    expect(result.current.dropped).toBe(2)
  })
})
