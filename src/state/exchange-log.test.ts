import { describe, expect, it } from 'vitest'
import type { HttpExchange } from '../protocol/http-exchange.ts'
import { ExchangeLog, logContinuation } from './exchange-log.ts'

const exchange = (id: string): HttpExchange => ({
  id,
  step: 'discovery',
  startedAt: 0,
  durationMs: 1,
  request: { method: 'GET', url: `http://127.0.0.1/${id}`, headers: [], body: null },
  response: { status: 200, statusText: 'OK', headers: [], body: '' },
  failure: null,
})
const ids = (log: ExchangeLog) => log.toArray().map((entry) => entry.id)
const many = (count: number, prefix = 'x') => Array.from({ length: count }, (_, index) => exchange(`${prefix}${index}`))

describe('ExchangeLog', () => {
  it('appends oldest first and reads by index', () => {
    const { log } = ExchangeLog.EMPTY.appended([exchange('a'), exchange('b')], 10)
    expect(log.length).toBe(2)
    expect(log.at(0)?.id).toBe('a')
    expect(log.at(1)?.id).toBe('b')
    expect(log.at(2)).toBeUndefined()
    expect(log.at(-1)).toBeUndefined()
  })

  it('iterates only its own slots, oldest first, after the oldest were dropped and another view appended', () => {
    const { log } = ExchangeLog.EMPTY.appended(many(5), 3)
    log.appended([exchange('later')], 3)
    expect([...log].map((entry) => entry.id)).toEqual(['x2', 'x3', 'x4'])
  })

  it('leaves earlier views as they were when appending', () => {
    const first = ExchangeLog.EMPTY.appended([exchange('a')], 10).log
    const second = first.appended([exchange('b')], 10).log
    expect(ids(first)).toEqual(['a'])
    expect(ids(second)).toEqual(['a', 'b'])
  })

  it('keeps both branches apart when an old view is appended to again', () => {
    const base = ExchangeLog.EMPTY.appended([exchange('a')], 10).log
    const left = base.appended([exchange('b')], 10).log
    const right = base.appended([exchange('c')], 10).log
    expect(ids(left)).toEqual(['a', 'b'])
    expect(ids(right)).toEqual(['a', 'c'])
  })

  it('drops the oldest past the cap and counts them, imports larger than the cap included', () => {
    const { log, dropped } = ExchangeLog.EMPTY.appended(many(5), 3)
    expect(ids(log)).toEqual(['x2', 'x3', 'x4'])
    expect(dropped).toBe(2)
    const next = log.appended([exchange('y')], 3)
    expect(ids(next.log)).toEqual(['x3', 'x4', 'y'])
    expect(next.dropped).toBe(1)
  })

  it('cuts to a smaller cap and keeps the newest', () => {
    const { log } = ExchangeLog.EMPTY.appended(many(5), 10)
    const { log: cut, dropped } = log.capped(2)
    expect(ids(cut)).toEqual(['x3', 'x4'])
    expect(dropped).toBe(3)
    expect(log.capped(10).log).toBe(log)
  })

  it('stays correct across compactions of a long-running capped log', () => {
    let log = ExchangeLog.EMPTY
    let dropped = 0
    for (const entry of many(20_000)) {
      const next = log.appended([entry], 1_000)
      log = next.log
      dropped += next.dropped
    }
    expect(log.length).toBe(1_000)
    expect(log.at(0)?.id).toBe('x19000')
    expect(log.at(999)?.id).toBe('x19999')
    expect(dropped).toBe(19_000)
  })

  it('finds the newest match', () => {
    const { log } = ExchangeLog.EMPTY.appended([exchange('a'), exchange('b')], 10)
    expect(log.find((entry) => entry.id === 'a')?.id).toBe('a')
    expect(log.find((entry) => entry.id === 'z')).toBeUndefined()
  })
})

describe('logContinuation', () => {
  const start = ExchangeLog.EMPTY.appended(many(4), 10).log

  it('tells how many of the oldest a later view of the same log dropped and how many it kept', () => {
    expect(logContinuation(start, start.appended(many(2, 'new'), 10).log)).toEqual({ dropped: 0, kept: 4 })
    expect(logContinuation(start, start.appended(many(3, 'new'), 5).log)).toEqual({ dropped: 2, kept: 2 })
    expect(logContinuation(start, start)).toEqual({ dropped: 0, kept: 4 })
  })

  it('is null for another log, one that kept none of the previous, or an empty one', () => {
    expect(logContinuation(start, ExchangeLog.EMPTY.appended(many(4), 10).log)).toBeNull()
    expect(logContinuation(start, start.appended(many(4, 'new'), 4).log)).toBeNull()
    expect(logContinuation(start, ExchangeLog.EMPTY)).toBeNull()
    expect(logContinuation(ExchangeLog.EMPTY, start)).toBeNull()
  })

  it('is null when a branch appended to the same start differs from the previous view', () => {
    const previous = start.appended([exchange('left')], 10).log
    expect(logContinuation(previous, start.appended([exchange('right')], 10).log)).toBeNull()
  })
})
