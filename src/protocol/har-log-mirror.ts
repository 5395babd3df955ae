import { fromHarEntry, HAR_CLOSING_TEXT, harEntryText, harOpeningText, type HarInputEntry } from './har.ts'
import type { HttpExchange } from './http-exchange.ts'
import { JsonArrayElements } from './json-array-elements.ts'

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
/** Sequence numbers per block of masked entries kept as one Blob (a power of two). */
const BLOCK_SHIFT = 10
const BLOCK_SIZE = 1 << BLOCK_SHIFT

interface Slot {
  exchange: HttpExchange
  /** The masked entry text (the default export), built ahead when the worker may; null once in a block. */
  masked: string | null
}

/**
 * The masked entries of sequence numbers `first` to the end of their block, as UTF-8 in one Blob,
 * comma-separated: what an export of those entries puts in its file, ready to reference. `ends[i]`
 * is where entry `first + i` ends; the next starts one byte (the comma) later.
 */
interface Block {
  first: number
  blob: Blob
  ends: Int32Array
}

/** An import read one element of the file at a time, so the thread can stop between elements. */
interface ImportCursor {
  feed: Extract<HarMirrorFeed, { kind: 'imported' }>
  elements: JsonArrayElements
  /** Position in the file's list of the next element `elements` gives. */
  position: number
  /** Next index into `feed.picks`. */
  pick: number
}

const encoder = new TextEncoder()

/**
 * The HAR worker's copy of the log: every exchange by sequence number. What the page sends is only
 * queued; reading it (an imported file is parsed element by element), writing each entry's masked
 * HAR text and packing 1,024 of them into a Blob happen in small steps when the worker is told it
 * may ({@link prebuild}), or all at once for an export. An export of a built log then references
 * Blobs instead of joining and encoding 10 MB of text. W3C HAR 1.2.
 */
export class HarLogMirror {
  private readonly slots = new Map<number, Slot>()
  private readonly blocks = new Map<number, Block>()
  /** Feeds received and not read yet, oldest first. */
  private readonly feeds: HarMirrorFeed[] = []
  private reading: ImportCursor | null = null
  /** Sequence numbers whose masked text is not built yet, oldest first. */
  private unbuilt: number[] = []
  private unbuiltFrom = 0
  private buffer = new Uint8Array(1 << 20)

  receive(feed: HarMirrorFeed): void {
    this.feeds.push(feed)
  }

  /**
   * Reads what was received, then builds masked entries and blocks, until `timeUp()` (asked after
   * each step); true while work is left.
   */
  prebuild(timeUp: () => boolean): boolean {
    for (;;) {
      if (this.reading || this.feeds.length > 0) this.readStep()
      else if (this.unbuiltFrom < this.unbuilt.length) this.buildStep()
      else break
      if (timeUp()) break
    }
    if (this.reading || this.feeds.length > 0 || this.unbuiltFrom < this.unbuilt.length) return true
    this.unbuilt = []
    this.unbuiltFrom = 0
    return false
  }

  /** Reads every feed received so far (not building entries). */
  settle(): void {
    while (this.reading || this.feeds.length > 0) this.readStep()
  }

  private readStep() {
    if (this.reading) {
      this.readImportStep(this.reading)
      return
    }
    const feed = this.feeds.shift()!
    switch (feed.kind) {
      case 'exchanges':
        feed.exchanges.forEach((exchange, offset) => this.hold(feed.first + offset, exchange))
        return
      case 'imported':
        this.reading = { feed, elements: new JsonArrayElements(feed.text, feed.format === 'session' ? ['exchanges'] : ['log', 'entries']), position: 0, pick: 0 }
        return
      case 'forget':
        // Sequence numbers were handed out in log order, and Map keeps insertion order: the oldest come first.
        for (const seq of this.slots.keys()) {
          if (seq >= feed.before) break
          this.slots.delete(seq)
        }
        for (const [block] of this.blocks) if ((block + 1) << BLOCK_SHIFT <= feed.before) this.blocks.delete(block)
        return
    }
  }

  /**
   * Up to 256 elements of an import's file (the one the page validated, so a position names the same
   * exchange it read): only those the log kept are parsed.
   */
  private readImportStep(cursor: ImportCursor) {
    const { feed } = cursor
    for (let step = 0; step < 256; step++) {
      // Past the last pick, or the file has fewer elements than the picks name (those stay missing, and an export says so).
      const range = cursor.pick < feed.picks.length ? cursor.elements.next() : null
      if (!range) {
        this.reading = null
        return
      }
      const position = cursor.position++
      if (position !== feed.picks[cursor.pick]) continue
      const json: unknown = JSON.parse(feed.text.slice(range[0], range[1]))
      const exchange = feed.format === 'session' ? (json as HttpExchange) : fromHarEntry(json as HarInputEntry, position)
      this.hold(feed.first + cursor.pick++, exchange)
    }
  }

  private hold(seq: number, exchange: HttpExchange) {
    this.slots.set(seq, { exchange, masked: null })
    this.unbuilt.push(seq)
  }

  private buildStep() {
    const seq = this.unbuilt[this.unbuiltFrom++]!
    const slot = this.slots.get(seq)
    if (!slot || slot.masked !== null || this.blockOf(seq)) return
    slot.masked = harEntryText(slot.exchange, true)
    if ((seq & (BLOCK_SIZE - 1)) === BLOCK_SIZE - 1) this.seal(seq >> BLOCK_SHIFT)
  }

  /**
   * Packs the block's masked entries into one Blob, when every one from the first the worker holds
   * to the block's end is built (a gap, an entry that never arrived, leaves them as texts).
   */
  private seal(block: number) {
    const start = block << BLOCK_SHIFT
    const end = start + BLOCK_SIZE
    let first = start
    while (first < end && !this.slots.has(first)) first++
    const texts: string[] = []
    let units = 0
    for (let seq = first; seq < end; seq++) {
      const masked = this.slots.get(seq)?.masked
      if (masked === null || masked === undefined) return
      texts.push(masked)
      units += masked.length + 1
    }
    if (texts.length === 0) return
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    if (this.buffer.length < units * 3) this.buffer = new Uint8Array(units * 3)
    const ends = new Int32Array(texts.length)
    let written = 0
    texts.forEach((text, index) => {
      if (index > 0) this.buffer[written++] = 0x2c
      written += encoder.encodeInto(text, this.buffer.subarray(written)).written
      ends[index] = written
    })
    this.blocks.set(block, { first, blob: new Blob([this.buffer.subarray(0, written)]), ends })
    for (let seq = first; seq < end; seq++) this.slots.get(seq)!.masked = null
  }

  private blockOf(seq: number): Block | undefined {
    const block = this.blocks.get(seq >> BLOCK_SHIFT)
    return block && seq >= block.first ? block : undefined
  }

  /**
   * The HAR of the exchanges `seqs`, in that order, unindented; masked runs come from the blocks
   * built ahead (building what is left first). `missing` names a sequence number this copy does not hold.
   */
  export(seqs: Int32Array, mask: boolean, creator: { name: string; version: string }): { ok: true; blob: Blob } | { ok: false; missing: number } {
    if (mask) this.prebuild(() => false)
    else this.settle()
    // A Blob of a few large parts: one part per entry makes the browser keep (and copy) 10,000 pieces.
    const parts: BlobPart[] = [harOpeningText(creator)]
    let texts: string[] = []
    let empty = true
    const flush = () => {
      if (texts.length === 0) return
      parts.push((empty ? '' : ',') + texts.join(','))
      empty = false
      texts = []
    }
    for (let index = 0; index < seqs.length; index++) {
      const seq = seqs[index]!
      const block = mask ? this.blockOf(seq) : undefined
      if (block) {
        // The longest run of consecutive sequence numbers in this block: one slice of its Blob.
        const blockEnd = block.first + block.ends.length
        let last = index
        while (last + 1 < seqs.length && seqs[last + 1] === seqs[last]! + 1 && seqs[last + 1]! < blockEnd) last++
        flush()
        if (!empty) parts.push(',')
        const from = seq === block.first ? 0 : block.ends[seq - block.first - 1]! + 1
        parts.push(block.blob.slice(from, block.ends[seqs[last]! - block.first]))
        empty = false
        index = last
        continue
      }
      const slot = this.slots.get(seq)
      if (!slot) return { ok: false, missing: seq }
      texts.push(mask ? (slot.masked ??= harEntryText(slot.exchange, true)) : harEntryText(slot.exchange, false))
      if (texts.length === ENTRIES_PER_CHUNK) flush()
    }
    flush()
    parts.push(HAR_CLOSING_TEXT)
    return { ok: true, blob: new Blob(parts, { type: 'application/json' }) }
  }

  /** How many exchanges this copy holds, once what was received is read. */
  get size(): number {
    this.settle()
    return this.slots.size
  }
}
