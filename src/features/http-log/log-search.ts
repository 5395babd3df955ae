import type { HttpExchange } from '../../protocol/http-exchange.ts'
import { logContinuation, type ExchangeList } from '../../state/exchange-log.ts'
import { searchTextOf } from '../../state/exchange-search-text.ts'

/** What the log offers the filter: the store's view, or an array (oldest first either way). */
export interface ExchangeSequence extends ExchangeList {
  /** The search text the log built for the exchange at `index`, when it keeps one. */
  searchTextAt?(index: number): string
}

/** Whether an exchange passes the filter's other fields (step, status); the search text is the engine's job. */
export type ExchangePredicate = (exchange: HttpExchange) => boolean

/**
 * The matches of one query over one log: log indices, oldest first, and where the needle first
 * occurs in each one's search text. Typed arrays: a keystroke on a 100,000-entry log allocates two
 * buffers, not arrays of objects for the garbage collector to walk.
 */
interface Matches {
  source: ExchangeSequence
  /** Which predicate and needle these are the matches of: the predicate by identity. */
  predicate: ExchangePredicate | null
  needle: string
  indices: Int32Array
  found: Int32Array
  /** What the list shows: kept while the matching exchanges stay the same, so the list is not redrawn. */
  view: ExchangeSequence
}

/** Past results kept for Backspace: each needle typed since the log or the other filters last changed. */
const HISTORY = 64

/** The matches, newest first, read through their indices: no copy of the exchanges. */
function newestFirstView(source: ExchangeSequence, indices: Int32Array): ExchangeSequence {
  const last = indices.length - 1
  return { length: indices.length, at: (index) => (index >= 0 && index <= last ? source.at(indices[last - index]!) : undefined) }
}

function sameIndices(a: Int32Array, b: Int32Array): boolean {
  if (a.length !== b.length) return false
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return false
  return true
}

/**
 * Search over the HTTP log as a person types. Each result is remembered, so the next one is cheap:
 * - a query that grew searches only the previous matches, each from where the shorter query was;
 * - a query seen before with the same log (Backspace) comes back from the history;
 * - a longer log with the same query (new exchanges, the oldest dropped by the cap, an import)
 *   searches only what was appended and drops the matches the log let go;
 * - a result with the same matches as the previous one returns the previous view object, so a
 *   memoised list skips its render.
 * Anything else searches the whole log once.
 */
export class LogSearch {
  private last: Matches | null = null
  private history = new Map<string, Matches>()

  /**
   * The exchanges of `source` whose search text holds `needle` (already lower-cased; '' matches
   * all) and that pass `predicate` (null: all), newest first. Pass the same predicate function for
   * the same step and status, so results can build on each other.
   */
  find(source: ExchangeSequence, needle: string, predicate: ExchangePredicate | null): ExchangeSequence {
    const last = this.last
    let next: Matches
    if (last && last.predicate === predicate && last.source === source) {
      if (last.needle === needle) return last.view
      const remembered = this.history.get(needle)
      if (remembered) next = remembered
      else if (needle.includes(last.needle)) next = this.narrowed(last, needle)
      else next = this.searched(source, needle, predicate, 0, null)
    } else {
      next = (last && last.predicate === predicate && last.needle === needle && this.extended(last, source)) || this.searched(source, needle, predicate, 0, null)
      this.history.clear()
    }
    this.remember(next)
    return next.view
  }

  private remember(matches: Matches) {
    this.last = matches
    this.history.delete(matches.needle)
    this.history.set(matches.needle, matches)
    if (this.history.size > HISTORY) this.history.delete(this.history.keys().next().value!)
  }

  private textAt(source: ExchangeSequence, index: number): string {
    return source.searchTextAt ? source.searchTextAt(index) : searchTextOf(source.at(index)!)
  }

  /** The matches among `source` from `from` on, after `kept` (matches already known, in the same log's indices). */
  private searched(
    source: ExchangeSequence,
    needle: string,
    predicate: ExchangePredicate | null,
    from: number,
    kept: { indices: Int32Array; found: Int32Array } | null,
  ): Matches {
    const keptCount = kept?.indices.length ?? 0
    const indices = new Int32Array(keptCount + source.length - from)
    const found = new Int32Array(indices.length)
    if (kept) {
      indices.set(kept.indices)
      found.set(kept.found)
    }
    let count = keptCount
    for (let index = from; index < source.length; index++) {
      if (predicate && !predicate(source.at(index)!)) continue
      const at = needle === '' ? 0 : this.textAt(source, index).indexOf(needle)
      if (at === -1) continue
      indices[count] = index
      found[count++] = at
    }
    const matched = indices.subarray(0, count)
    return { source, predicate, needle, indices: matched, found: found.subarray(0, count), view: newestFirstView(source, matched) }
  }

  /** The previous matches that also hold the longer `needle`, each searched from where the old needle was. */
  private narrowed(last: Matches, needle: string): Matches {
    // The old needle sits at `shift` in the new one, so the new one cannot start before (old position - shift).
    const shift = needle.lastIndexOf(last.needle)
    const indices = new Int32Array(last.indices.length)
    const found = new Int32Array(last.indices.length)
    let count = 0
    for (let match = 0; match < last.indices.length; match++) {
      const index = last.indices[match]!
      const at = this.textAt(last.source, index).indexOf(needle, Math.max(0, last.found[match]! - shift))
      if (at === -1) continue
      indices[count] = index
      found[count++] = at
    }
    // Nothing left out: the same exchanges, so the same view.
    const same = count === last.indices.length
    const matched = same ? last.indices : indices.subarray(0, count)
    return { ...last, needle, indices: matched, found: found.subarray(0, count), view: same ? last.view : newestFirstView(last.source, matched) }
  }

  /**
   * The same query over `source` when it is `last.source` with its oldest entries dropped and new
   * ones appended: the kept matches shift down, and only the new entries are searched. Null when
   * `source` is another log.
   */
  private extended(last: Matches, source: ExchangeSequence): Matches | null {
    const continued = logContinuation(last.source, source)
    if (continued === null) return null
    const { dropped, kept } = continued
    // The first match the log still holds: matches are in log order.
    let low = 0
    let high = last.indices.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if (last.indices[middle]! < dropped) low = middle + 1
      else high = middle
    }
    const indices = last.indices.slice(low)
    if (dropped > 0) for (let match = 0; match < indices.length; match++) indices[match]! -= dropped
    const next = this.searched(source, last.needle, last.predicate, kept, { indices, found: last.found.subarray(low) })
    // Nothing dropped and nothing new matched: the previous view still reads the same exchanges.
    if (dropped === 0 && sameIndices(next.indices, last.indices)) return { ...next, view: last.view }
    return next
  }
}
