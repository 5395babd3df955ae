import { fromHarEntry, HAR_CLOSING_TEXT, harEntryText, harOpeningText, type HarInputEntry } from './har.ts'
import type { HttpExchange } from './http-exchange.ts'

/**
 * How the page keeps the HAR worker's copy of the log: exchanges get a sequence number, in log
 * order, when the log first holds them. Recorded ones go over as objects; imported ones as the file
 * text they came from (a string copies in one piece, where 100,000 objects take seconds to clone),
 * with the positions in the file's list that the log kept. Exchanges the log let go are forgotten.
 */
export type HarMirrorFeed =
  | { kind: 'exchanges'; first: number; exchanges: HttpExchange[] }
  | { kind: 'imported'; first: number; format: 'session' | 'har'; text: string; picks: Int32Array }
  | { kind: 'forget'; before: number }

/** Entries joined into one string before they go into the Blob. */
const ENTRIES_PER_CHUNK = 1_000

interface Slot {
  exchange: HttpExchange
  /** The masked entry text (the default export), built ahead when the worker has nothing else to do. */
  masked: string | null
}

/**
 * The exchanges of a file the page has already validated ({@link readSessionFile} or {@link readHar}),
 * in the file's order: the same list the page read, so a position in it names the same exchange.
 */
function exchangesOfFile(format: 'session' | 'har', text: string): HttpExchange[] {
  const json = JSON.parse(text) as { exchanges?: HttpExchange[]; log?: { entries?: HarInputEntry[] } }
  if (format === 'session') return json.exchanges ?? []
  return (json.log?.entries ?? []).map(fromHarEntry)
}

/**
 * The HAR worker's copy of the log: every exchange by sequence number, with its masked HAR entry
 * text built ahead, so an export only joins texts into a Blob. W3C HAR 1.2.
 */
export class HarLogMirror {
  private readonly slots = new Map<number, Slot>()
  /** Sequence numbers whose masked text is not built yet, oldest first. */
  private unbuilt: number[] = []
  private unbuiltFrom = 0

  receive(feed: HarMirrorFeed): void {
    switch (feed.kind) {
      case 'exchanges':
        feed.exchanges.forEach((exchange, offset) => this.hold(feed.first + offset, exchange))
        return
      case 'imported': {
        const exchanges = exchangesOfFile(feed.format, feed.text)
        feed.picks.forEach((position, offset) => {
          const exchange = exchanges[position]
          if (exchange) this.hold(feed.first + offset, exchange)
        })
        return
      }
      case 'forget':
        // Sequence numbers were handed out in log order, and Map keeps insertion order: the oldest come first.
        for (const seq of this.slots.keys()) {
          if (seq >= feed.before) break
          this.slots.delete(seq)
        }
        return
    }
  }

  private hold(seq: number, exchange: HttpExchange) {
    this.slots.set(seq, { exchange, masked: null })
    this.unbuilt.push(seq)
  }

  /** Builds masked entry texts until `timeUp()`; true while some are left to build. */
  prebuild(timeUp: () => boolean): boolean {
    while (this.unbuiltFrom < this.unbuilt.length) {
      const slot = this.slots.get(this.unbuilt[this.unbuiltFrom++]!)
      if (slot && slot.masked === null) slot.masked = harEntryText(slot.exchange, true)
      if (timeUp()) break
    }
    if (this.unbuiltFrom < this.unbuilt.length) return true
    this.unbuilt = []
    this.unbuiltFrom = 0
    return false
  }

  /**
   * The HAR of the exchanges `seqs`, in that order, unindented; masked entries come from the texts
   * built ahead. `missing` names a sequence number this copy does not hold.
   */
  export(seqs: Int32Array, mask: boolean, creator: { name: string; version: string }): { ok: true; blob: Blob } | { ok: false; missing: number } {
    // A Blob of a few large strings: one part per entry makes the browser keep (and copy) 10,000 pieces.
    const chunks: string[] = [harOpeningText(creator)]
    let texts: string[] = []
    for (let index = 0; index < seqs.length; index++) {
      const slot = this.slots.get(seqs[index]!)
      if (!slot) return { ok: false, missing: seqs[index]! }
      texts.push(mask ? (slot.masked ??= harEntryText(slot.exchange, true)) : harEntryText(slot.exchange, false))
      if (texts.length === ENTRIES_PER_CHUNK) {
        chunks.push((index + 1 > ENTRIES_PER_CHUNK ? ',' : '') + texts.join(','))
        texts = []
      }
    }
    if (texts.length > 0) chunks.push((seqs.length > texts.length ? ',' : '') + texts.join(','))
    chunks.push(HAR_CLOSING_TEXT)
    return { ok: true, blob: new Blob(chunks, { type: 'application/json' }) }
  }

  get size(): number {
    return this.slots.size
  }
}
