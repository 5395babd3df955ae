import { describe, expect, it } from 'vitest'
import { firstJsonErrorAt, parseJsonText, syntaxErrorPosition, syntaxErrorSummary } from './json-text.ts'

describe('parseJsonText', () => {
  it('returns the value of valid JSON', () => {
    expect(parseJsonText('{"software_id": "device-client"}')).toEqual({ ok: true, value: { software_id: 'device-client' } })
  })

  it('says an empty or blank body is empty', () => {
    const empty = { ok: false, message: 'The body is empty', line: 1, column: 1, position: 0 }
    expect(parseJsonText('')).toEqual(empty)
    expect(parseJsonText(' \n ')).toEqual(empty)
  })

  it.each([
    ['{"', 2, 1, 3],
    ['{"a":1,}', 7, 1, 8],
    ['{\n  "a": 1,\n  "b": tru\n}', 22, 3, 11],
    ['[1,]', 3, 1, 4],
    ['{"a":1}}', 7, 1, 8],
    ['{\r\n  "a" 1\r\n}', 9, 2, 7],
  ])('places the first error in %j at position %i, line %i, column %i', (text, position, line, column) => {
    expect(parseJsonText(text)).toMatchObject({ ok: false, position, line, column })
  })

  it('gives the engine\'s words without its place or copy of the text', () => {
    expect(parseJsonText('[1,]')).toMatchObject({ message: "Unexpected token ']'" })
  })
})

describe('syntaxErrorPosition', () => {
  const text = '{\n  "a": x\n}'

  it('reads V8\'s "at position N"', () => {
    expect(syntaxErrorPosition('Unexpected token x in JSON at position 9', text)).toBe(9)
  })

  it('reads newer V8\'s "at position N (line L column C)"', () => {
    expect(syntaxErrorPosition("Expected ',' or '}' after property value in JSON at position 9 (line 2 column 8)", text)).toBe(9)
  })

  it('reads Firefox\'s "line L column C"', () => {
    expect(syntaxErrorPosition('JSON.parse: unexpected character at line 2 column 8 of the JSON data', text)).toBe(9)
  })

  it('places "Unexpected end of JSON input" at the end of the text', () => {
    expect(syntaxErrorPosition('Unexpected end of JSON input', '{"a":')).toBe(5)
  })

  it('scans the text when the message has no place (V8 and Safari "Unexpected token")', () => {
    expect(syntaxErrorPosition(`Unexpected token 'x', "${text}" is not valid JSON`, text)).toBe(9)
    expect(syntaxErrorPosition('JSON Parse error: Unexpected identifier "x"', text)).toBe(9)
  })
})

describe('syntaxErrorSummary', () => {
  it.each([
    ['Unterminated string in JSON at position 2', 'Unterminated string'],
    ["Expected ',' or ']' after array element in JSON at position 4 (line 1 column 5)", "Expected ',' or ']' after array element"],
    ['Unexpected non-whitespace character after JSON at position 2', 'Unexpected non-whitespace character after JSON'],
    ['Unexpected token \'\n\', "{\n tru\n}" is not valid JSON', "Unexpected token '\\n'"],
    ['JSON.parse: unexpected character at line 1 column 2 of the JSON data', 'Unexpected character'],
    ['JSON Parse error: Unexpected EOF', 'Unexpected EOF'],
    ['Unexpected end of JSON input', 'Unexpected end of JSON input'],
  ])('turns %j into %j', (message, summary) => {
    expect(syntaxErrorSummary(message)).toBe(summary)
  })
})

describe('firstJsonErrorAt', () => {
  it.each([
    ['{"a":[1,{"b":nul}]}', 16],
    ['01', 1],
    ['-', 1],
    ['1.', 2],
    ['[1e]', 3],
    ['{"a":"\\x"}', 7],
    ['{"a":"\\u12G4"}', 10],
    ['{"a":"\u0001"}', 6],
    ['{,}', 1],
    ['"abc', 4],
  ])('finds the first error in %j at %i, as V8 does', (text, position) => {
    expect(firstJsonErrorAt(text)).toBe(position)
  })

  it('returns -1 for valid JSON', () => {
    expect(firstJsonErrorAt(' {"a": [1, -2.5e+3, true, false, null, "\\u0041\\n"]} ')).toBe(-1)
  })
})
