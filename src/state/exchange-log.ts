import type { HttpExchange } from '../protocol/http-exchange.ts'
import { buildSearchText } from './exchange-search-text.ts'

/** Past this many dropped slots at the front, the shared array is copied without them. */
const COMPACT_AFTER = 4_096

/** The log read by position, oldest first: the store's view, or an array. */
export interface ExchangeList {
  readonly length: number
  at(index: number): HttpExchange | undefined
}

/**
 * How `next` continues `previous` when it is the same append-only log with new exchanges appended and
 * perhaps its oldest dropped (by the cap): how many of `previous`'s oldest it dropped, and how many it kept
 * (`next`'s first `kept`). Slots are never rewritten, so matching both ends of the kept run proves the
 * middle. Null when `next` is another log, or keeps none of `previous`.
 */
export function logContinuation(previous: ExchangeList, next: ExchangeList): { dropped: number; kept: number } | null {
  if (previous.length === 0 || next.length === 0) return null
  const oldest = next.at(0)
  let dropped = 0
  while (dropped < previous.length && previous.at(dropped) !== oldest) dropped++
  const kept = previous.length - dropped
  if (kept === 0 || kept > next.length || next.at(kept - 1) !== previous.at(previous.length - 1)) return null
  return { dropped, kept }
}

/**
 * An immutable view of the HTTP log, oldest first, over a shared append-only array. Appending writes
 * new slots and makes a new view, so recording one exchange costs O(1) instead of copying the whole
 * log; dropping the oldest moves the start. Views handed out earlier stay valid: the slots they cover
 * are never rewritten, and compaction copies into a new array. Beside each exchange, in a second
 * array, is the text Search looks in, built when the exchange is appended.
 */
export class ExchangeLog {
  static readonly EMPTY = new ExchangeLog([], [], 0, 0)

  private constructor(
    private readonly items: HttpExchange[],
    private readonly texts: string[],
    private readonly start: number,
    private readonly end: number,
  ) {}

  get length(): number {
    return this.end - this.start
  }

  /** The exchange at `index` (0 is the oldest still kept). */
  at(index: number): HttpExchange | undefined {
    return index >= 0 && index < this.length ? this.items[this.start + index] : undefined
  }

  /** The lower-cased text Search looks in for the exchange at `index` (URL and bodies). */
  searchTextAt(index: number): string {
    return index >= 0 && index < this.length ? this.texts[this.start + index]! : ''
  }

  /** Oldest first, without copying. */
  *[Symbol.iterator](): IterableIterator<HttpExchange> {
    for (let index = this.start; index < this.end; index++) yield this.items[index]!
  }

  /** A copy, for exports and for code that wants an array. */
  toArray(): HttpExchange[] {
    return this.items.slice(this.start, this.end)
  }

  find(predicate: (exchange: HttpExchange) => boolean): HttpExchange | undefined {
    for (let index = this.end - 1; index >= this.start; index--) if (predicate(this.items[index]!)) return this.items[index]
    return undefined
  }

  /** This log with `added` after it, keeping at most `cap`; `dropped` counts the oldest let go. */
  appended(added: readonly HttpExchange[], cap: number): { log: ExchangeLog; dropped: number } {
    // Another view already wrote past this one's end (it was appended to twice): start from a copy.
    const shared = this.end === this.items.length
    const items = shared ? this.items : this.toArray()
    const texts = shared ? this.texts : this.texts.slice(this.start, this.end)
    const offset = shared ? 0 : this.start
    const skip = Math.max(0, added.length - cap)
    for (let index = skip; index < added.length; index++) {
      items.push(added[index]!)
      texts.push(buildSearchText(added[index]!))
    }
    const end = items.length
    const start = Math.max(this.start - offset, end - cap)
    const dropped = skip + Math.max(0, start - (this.start - offset))
    return { log: ExchangeLog.over(items, texts, start, end), dropped }
  }

  /** This log cut to its newest `cap` exchanges. */
  capped(cap: number): { log: ExchangeLog; dropped: number } {
    if (this.length <= cap) return { log: this, dropped: 0 }
    const start = this.end - cap
    return { log: ExchangeLog.over(this.items, this.texts, start, this.end), dropped: start - this.start }
  }

  private static over(items: HttpExchange[], texts: string[], start: number, end: number): ExchangeLog {
    if (start >= COMPACT_AFTER && start > end - start) return new ExchangeLog(items.slice(start, end), texts.slice(start, end), 0, end - start)
    return new ExchangeLog(items, texts, start, end)
  }
}
