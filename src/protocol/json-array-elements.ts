const QUOTE = 0x22
const BACKSLASH = 0x5c
const OPEN_OBJECT = 0x7b
const CLOSE_OBJECT = 0x7d
const OPEN_ARRAY = 0x5b
const CLOSE_ARRAY = 0x5d
const COMMA = 0x2c
const COLON = 0x3a

function isSpace(code: number) {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09
}

/**
 * The elements of one array inside a JSON text, one at a time, as positions in the text: each can
 * be given to `JSON.parse` alone, so a 100 MB file is read in small steps a thread can pause
 * between, where one `JSON.parse` of the whole holds the thread for seconds. `path` names the array
 * by object keys from the top (`['exchanges']`, `['log', 'entries']`). Only for text that is known
 * to be valid JSON (it was parsed whole before); on anything else it ends early. RFC 8259.
 */
export class JsonArrayElements {
  private position = 0
  private inside = false
  private done = false

  constructor(
    private readonly text: string,
    private readonly path: readonly string[],
  ) {}

  /** The next element's [start, end) in the text, or null after the last one. */
  next(): [number, number] | null {
    if (this.done) return null
    if (!this.inside) {
      this.inside = this.enter()
      if (!this.inside) return this.finish()
    }
    this.skipSpace()
    if (this.text.charCodeAt(this.position) === CLOSE_ARRAY) return this.finish()
    const start = this.position
    if (!this.skipValue()) return this.finish()
    const end = this.position
    this.skipSpace()
    const after = this.text.charCodeAt(this.position)
    if (after === COMMA) this.position++
    else if (after !== CLOSE_ARRAY) this.done = true
    return [start, end]
  }

  private finish(): null {
    this.done = true
    return null
  }

  /** Walks the keys of `path` down to just inside the array; false if it is not there. */
  private enter(): boolean {
    for (const key of this.path) {
      this.skipSpace()
      if (this.text.charCodeAt(this.position) !== OPEN_OBJECT) return false
      this.position++
      if (!this.findMember(key)) return false
    }
    this.skipSpace()
    if (this.text.charCodeAt(this.position) !== OPEN_ARRAY) return false
    this.position++
    return true
  }

  /** Inside an object: moves to the value of member `key`, skipping the others. */
  private findMember(key: string): boolean {
    for (;;) {
      this.skipSpace()
      if (this.text.charCodeAt(this.position) !== QUOTE) return false
      const nameStart = this.position
      if (!this.skipString()) return false
      const name = JSON.parse(this.text.slice(nameStart, this.position)) as string
      this.skipSpace()
      if (this.text.charCodeAt(this.position) !== COLON) return false
      this.position++
      this.skipSpace()
      if (name === key) return true
      if (!this.skipValue()) return false
      this.skipSpace()
      if (this.text.charCodeAt(this.position) !== COMMA) return false
      this.position++
    }
  }

  private skipSpace() {
    while (isSpace(this.text.charCodeAt(this.position))) this.position++
  }

  /** From a quote to just after its closing quote; strings are most of the text, so jump from quote to quote. */
  private skipString(): boolean {
    let at = this.position
    for (;;) {
      at = this.text.indexOf('"', at + 1)
      if (at === -1) return false
      let backslashes = 0
      while (this.text.charCodeAt(at - 1 - backslashes) === BACKSLASH) backslashes++
      if (backslashes % 2 === 0) break
    }
    this.position = at + 1
    return true
  }

  /** Over one value: a string, an object or array (counting depth), or a literal or number. */
  private skipValue(): boolean {
    const first = this.text.charCodeAt(this.position)
    if (first === QUOTE) return this.skipString()
    if (first !== OPEN_OBJECT && first !== OPEN_ARRAY) {
      while (this.position < this.text.length) {
        const code = this.text.charCodeAt(this.position)
        if (code === COMMA || code === CLOSE_ARRAY || code === CLOSE_OBJECT || isSpace(code)) break
        this.position++
      }
      return true
    }
    let depth = 0
    while (this.position < this.text.length) {
      const code = this.text.charCodeAt(this.position)
      if (code === QUOTE) {
        if (!this.skipString()) return false
        continue
      }
      if (code === OPEN_OBJECT || code === OPEN_ARRAY) depth++
      else if (code === CLOSE_OBJECT || code === CLOSE_ARRAY) depth--
      this.position++
      if (depth === 0) return true
    }
    return false
  }
}
