import { describe, expect, it } from 'vitest'
import { ExchangeLog } from '../../state/exchange-log.ts'
import { exchange, ids } from './log-test-exchanges.ts'
import { LogSearch, type ExchangePredicate } from './log-search.ts'

/** What a search must return: every exchange of the log holding the needle, newest first, by brute force. */
function expected(log: ExchangeLog, needle: string, predicate: ExchangePredicate | null = null) {
  const all = log.toArray().reverse()
  return all.filter((entry, index) => (!predicate || predicate(entry)) && log.searchTextAt(log.length - 1 - index).includes(needle)).map((entry) => entry.id)
}

const BODIES = ['{"error":"invalid_grant"}', '{"error":"invalid_client"}', '{"access_token":"at"}', 'in valid', 'grant invalid_grant']
const many = (count: number, from = 0) => Array.from({ length: count }, (_, index) => exchange(`e${from + index}`, BODIES[(from + index) % BODIES.length]!, 400))

describe('LogSearch', () => {
  it('narrows as the query grows, key by key, to what a full search finds', () => {
    const { log } = ExchangeLog.EMPTY.appended(many(40), 100)
    const search = new LogSearch()
    for (let length = 1; length <= 'invalid_grant'.length; length++) {
      const needle = 'invalid_grant'.slice(0, length)
      expect(ids(search.find(log, needle, null))).toEqual(expected(log, needle))
    }
  })

  it('widens again on Backspace and after clearing the query', () => {
    const { log } = ExchangeLog.EMPTY.appended(many(40), 100)
    const search = new LogSearch()
    for (const needle of ['i', 'in', 'inv', 'invalid_c', 'invalid_', 'invalid_g', '', 'g', 'gr', 'g', 'invalid']) {
      expect(ids(search.find(log, needle, null))).toEqual(expected(log, needle))
    }
  })

  it('returns the same view while the matches stay the same, so the list need not redraw', () => {
    const { log } = ExchangeLog.EMPTY.appended(many(40), 100)
    const search = new LogSearch()
    const grant = search.find(log, 'invalid_g', null)
    expect(search.find(log, 'invalid_gr', null)).toBe(grant)
    expect(search.find(log, 'invalid_grant', null)).toBe(grant)
    expect(search.find(log, 'invalid_', null)).not.toBe(grant)
    // Backspace to a query seen before: its result comes back as it was.
    expect(search.find(log, 'invalid_g', null)).toBe(grant)
  })

  it('searches only what was appended while a query is active, newest first', () => {
    let { log } = ExchangeLog.EMPTY.appended(many(20), 100)
    const search = new LogSearch()
    const before = search.find(log, 'invalid_grant', null)
    expect(ids(before)).toEqual(expected(log, 'invalid_grant'))
    // An exchange that does not match: the same exchanges, so the same view.
    log = log.appended([exchange('miss', 'nothing here')], 100).log
    expect(search.find(log, 'invalid_grant', null)).toBe(before)
    log = log.appended([exchange('hit', 'invalid_grant again')], 100).log
    const after = search.find(log, 'invalid_grant', null)
    expect(ids(after)[0]).toBe('hit')
    expect(ids(after)).toEqual(expected(log, 'invalid_grant'))
    // An import of many at once.
    log = log.appended(many(30, 500), 100).log
    expect(ids(search.find(log, 'invalid_grant', null))).toEqual(expected(log, 'invalid_grant'))
  })

  it('drops the matches the cap let go and keeps the rest', () => {
    let { log } = ExchangeLog.EMPTY.appended(many(10), 10)
    const search = new LogSearch()
    expect(ids(search.find(log, 'invalid', null))).toEqual(expected(log, 'invalid'))
    for (let round = 0; round < 12; round++) {
      log = log.appended(many(3, 100 + round * 3), 10).log
      expect(log.length).toBe(10)
      expect(ids(search.find(log, 'invalid', null))).toEqual(expected(log, 'invalid'))
    }
    log = log.capped(4).log
    expect(ids(search.find(log, 'invalid', null))).toEqual(expected(log, 'invalid'))
  })

  it('searches in full after the log was cleared and refilled, or another log comes in', () => {
    let { log } = ExchangeLog.EMPTY.appended(many(10), 100)
    const search = new LogSearch()
    expect(ids(search.find(log, 'grant', null))).toEqual(expected(log, 'grant'))
    log = ExchangeLog.EMPTY
    expect(ids(search.find(log, 'grant', null))).toEqual([])
    log = log.appended(many(7, 300), 100).log
    expect(ids(search.find(log, 'grant', null))).toEqual(expected(log, 'grant'))
    const other = ExchangeLog.EMPTY.appended([exchange('x', 'grant'), ...many(3, 900)], 100).log
    expect(ids(search.find(other, 'grant', null))).toEqual(expected(other, 'grant'))
    // Back to the first log (a view handed out earlier): it is still searched as it is.
    expect(ids(search.find(log, 'grant', null))).toEqual(expected(log, 'grant'))
  })

  it('applies the predicate, and a new predicate searches again', () => {
    const entries = [exchange('ok', 'invalid words', 200), exchange('bad', 'invalid_grant', 400), exchange('down', 'invalid', 503)]
    const { log } = ExchangeLog.EMPTY.appended(entries, 100)
    const search = new LogSearch()
    const clientErrors: ExchangePredicate = (entry) => (entry.response?.status ?? 0) >= 400 && (entry.response?.status ?? 0) < 500
    const serverErrors: ExchangePredicate = (entry) => (entry.response?.status ?? 0) >= 500
    expect(ids(search.find(log, '', clientErrors))).toEqual(['bad'])
    expect(ids(search.find(log, 'invalid', clientErrors))).toEqual(['bad'])
    expect(ids(search.find(log, 'invalid', serverErrors))).toEqual(['down'])
    expect(ids(search.find(log, 'invalid', null))).toEqual(['down', 'bad', 'ok'])
  })

  it('searches a plain array of exchanges by their own search text', () => {
    const entries = [exchange('a', 'Invalid_Grant'), exchange('b', 'fine')]
    const search = new LogSearch()
    expect(ids(search.find(entries, 'invalid_grant', null))).toEqual(['a'])
    expect(ids(search.find([...entries, exchange('c', 'INVALID_GRANT')], 'invalid_grant', null))).toEqual(['c', 'a'])
  })
})
