/** JSON text read for an editor: the value, or the first error with its place. */
export type JsonTextResult =
  | { ok: true; value: unknown }
  | { ok: false; message: string; line: number; column: number; position: number }

/**
 * Parses JSON text and, when it is invalid, places the first error at a 0-based `position` and a
 * 1-based line and column. Engines word their SyntaxError differently ("at position N",
 * "line L column C", "Unexpected end of JSON input", or no place at all), so the place is read
 * from the message when it has one and found by scanning the text otherwise. RFC 8259 §2.
 */
export function parseJsonText(text: string): JsonTextResult {
  if (text.trim() === '') return { ok: false, message: 'The body is empty', line: 1, column: 1, position: 0 }
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch (error) {
    const raw = error instanceof Error ? error.message : String(error)
    const position = Math.min(Math.max(syntaxErrorPosition(raw, text), 0), text.length)
    return { ok: false, message: syntaxErrorSummary(raw), ...lineAndColumn(text, position), position }
  }
}

/** Where a SyntaxError from JSON.parse(text) points, as a 0-based offset. RFC 8259 §2. */
export function syntaxErrorPosition(message: string, text: string): number {
  const position = /at position (\d+)/.exec(message)
  if (position) return Number(position[1])
  const place = /line (\d+) column (\d+)/.exec(message)
  if (place) return offsetOf(text, Number(place[1]), Number(place[2]))
  if (/unexpected end|unexpected eof|end of data/i.test(message)) return text.length
  return firstJsonErrorAt(text)
}

/** The engine's words without its place or its copy of the text: "Unterminated string". RFC 8259 §2. */
export function syntaxErrorSummary(message: string): string {
  const summary = message
    .replace(/^JSON\.parse: /, '')
    .replace(/^JSON Parse error: /, '')
    .replace(/, "[\s\S]*" is not valid JSON$/, '')
    .replace(/ (in JSON )?at position \d+( \(line \d+ column \d+\))?$/, '')
    .replace(/ at line \d+ column \d+ of the JSON data$/, '')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
  return summary.charAt(0).toUpperCase() + summary.slice(1)
}

function lineAndColumn(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, position)
  const lineStart = before.lastIndexOf('\n') + 1
  return { line: before.split('\n').length, column: position - lineStart + 1 }
}

function offsetOf(text: string, line: number, column: number): number {
  let offset = 0
  for (let current = 1; current < line; current++) {
    const next = text.indexOf('\n', offset)
    if (next === -1) return text.length
    offset = next + 1
  }
  return offset + column - 1
}

class ScanStop {
  constructor(readonly at: number) {}
}

/** The offset of the first character that makes `text` invalid JSON, or -1 when it is valid. RFC 8259. */
export function firstJsonErrorAt(text: string): number {
  let i = 0
  const stop = (): never => {
    throw new ScanStop(i)
  }
  const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9'
  const digits = () => {
    if (!isDigit(text[i])) stop()
    while (isDigit(text[i])) i++
  }
  const skip = () => {
    while (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r') i++
  }
  const word = (expected: string) => {
    for (const c of expected) {
      if (text[i] !== c) stop()
      i++
    }
  }
  const string = () => {
    i++
    for (;;) {
      if (i >= text.length || text.charCodeAt(i) < 0x20) stop()
      const c = text[i]
      if (c === '"') return void i++
      if (c !== '\\') {
        i++
        continue
      }
      i++
      if (text[i] === 'u') {
        for (let k = 0; k < 4; k++) {
          i++
          if (!/^[0-9a-fA-F]$/.test(text[i] ?? '')) stop()
        }
        i++
      } else if (text[i] !== undefined && '"\\/bfnrt'.includes(text[i] as string)) i++
      else stop()
    }
  }
  const number = () => {
    if (text[i] === '-') i++
    if (text[i] === '0') i++
    else digits()
    if (text[i] === '.') {
      i++
      digits()
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++
      if (text[i] === '+' || text[i] === '-') i++
      digits()
    }
  }
  const members = (close: string, member: () => void) => {
    i++
    skip()
    if (text[i] === close) return void i++
    for (;;) {
      member()
      skip()
      if (text[i] === close) return void i++
      if (text[i] !== ',') stop()
      i++
    }
  }
  const value = (): void => {
    skip()
    const c = text[i]
    if (c === '{') {
      return members('}', () => {
        skip()
        if (text[i] !== '"') stop()
        string()
        skip()
        if (text[i] !== ':') stop()
        i++
        value()
      })
    }
    if (c === '[') return members(']', value)
    if (c === '"') return string()
    if (c === 't') return word('true')
    if (c === 'f') return word('false')
    if (c === 'n') return word('null')
    if (c === '-' || isDigit(c)) return number()
    stop()
  }
  try {
    value()
    skip()
    if (i < text.length) stop()
    return -1
  } catch (error) {
    if (error instanceof ScanStop) return error.at
    return 0 // nesting too deep for the scanner's stack: point at the start
  }
}
