import { act, renderHook } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { HttpExchange } from '../protocol/http-exchange.ts'
import { MAX_LOG_CAP, useDroppedCount, useExchanges, useHttpLogActions } from './http-log-store.ts'

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

describe('HTTP log store cap', () => {
  it('offers at most 100,000 and keeps that many', () => {
    const { result } = renderHook(() => ({ exchanges: useExchanges(), actions: useHttpLogActions() }))
    act(() => {
      result.current.actions.logCleared()
      result.current.actions.capChanged(MAX_LOG_CAP)
      result.current.actions.exchangesImported(Array.from({ length: MAX_LOG_CAP + 5 }, (_, index) => exchange(`bulk-${index}`)))
    })
    expect(result.current.exchanges).toHaveLength(100_000)
    expect(result.current.exchanges[0]?.id).toBe('bulk-5')
    act(() => result.current.actions.capChanged(1_000_000))
    expect(result.current.exchanges).toHaveLength(100_000)
  })
})
