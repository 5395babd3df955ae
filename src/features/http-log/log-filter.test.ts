import { describe, expect, it } from 'vitest'
import { ExchangeLog } from '../../state/exchange-log.ts'
import { exchange, ids } from './log-test-exchanges.ts'
import { filterExchanges, NO_FILTER, type LogFilter } from './log-filter.ts'

const search = (text: string): LogFilter => ({ ...NO_FILTER, search: text })

describe('filterExchanges', () => {
  const { log } = ExchangeLog.EMPTY.appended(
    [exchange('a', '{"error":"invalid_grant"}', 400), exchange('b', '{"error":"invalid_client"}', 401), exchange('c', '{"access_token":"x"}')],
    10,
  )

  it('shows the whole log newest first without a filter', () => {
    expect(ids(filterExchanges(log, NO_FILTER))).toEqual(['c', 'b', 'a'])
  })

  it('searches case-insensitively and narrows as the query grows', () => {
    expect(ids(filterExchanges(log, search('INVALID')))).toEqual(['b', 'a'])
    expect(ids(filterExchanges(log, search('invalid_g')))).toEqual(['a'])
    // Shorter again: a full search, not a narrowing of the last result.
    expect(ids(filterExchanges(log, search('invalid')))).toEqual(['b', 'a'])
  })

  it('narrows a query that grew at either end, finding matches after where the shorter query was', () => {
    const { log: texts } = ExchangeLog.EMPTY.appended(
      [exchange('early', 'valid then invalid_grant'), exchange('late', 'only xvalid'), exchange('twice', 'aab aba')],
      10,
    )
    expect(ids(filterExchanges(texts, search('valid')))).toEqual(['late', 'early'])
    expect(ids(filterExchanges(texts, search('invalid')))).toEqual(['early'])
    expect(ids(filterExchanges(texts, search('invalid_grant')))).toEqual(['early'])
    expect(ids(filterExchanges(texts, search('a')))).toEqual(['twice', 'late', 'early'])
    expect(ids(filterExchanges(texts, search('aba')))).toEqual(['twice'])
  })

  it('combines search with status, and a status change searches the whole log again', () => {
    expect(ids(filterExchanges(log, { ...search('error'), status: '4xx' }))).toEqual(['b', 'a'])
    expect(ids(filterExchanges(log, { ...search('error'), status: '2xx' }))).toEqual([])
    expect(ids(filterExchanges(log, { ...search('token'), status: '2xx' }))).toEqual(['c'])
  })

  it('searches a new log in full, including what was recorded since', () => {
    expect(ids(filterExchanges(log, search('invalid')))).toEqual(['b', 'a'])
    const { log: longer } = log.appended([exchange('d', 'invalid_scope', 400)], 10)
    expect(ids(filterExchanges(longer, search('invalid_')))).toEqual(['d', 'b', 'a'])
  })
})
