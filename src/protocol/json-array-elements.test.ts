import { describe, expect, it } from 'vitest'
import { JsonArrayElements } from './json-array-elements.ts'

function elements(text: string, path: string[]): unknown[] {
  const cursor = new JsonArrayElements(text, path)
  const found: unknown[] = []
  for (let range = cursor.next(); range; range = cursor.next()) found.push(JSON.parse(text.slice(...range)))
  return found
}

describe('JsonArrayElements', () => {
  it('reads each element of a top-level member, compact or indented, skipping the members before it', () => {
    const session = { version: 1, environments: [{ name: 'a', clients: [{ id: '[}' }] }], exchanges: [{ id: 'x', body: 'a "quoted" ] }' }, 2, 'three', null, [4]] }
    expect(elements(JSON.stringify(session), ['exchanges'])).toEqual(session.exchanges)
    expect(elements(JSON.stringify(session, null, 2), ['exchanges'])).toEqual(session.exchanges)
  })

  it('follows a nested path, as a HAR keeps log.entries', () => {
    const har = { log: { version: '1.2', creator: { name: 'x', version: '1' }, pages: [{ id: 'p' }], entries: [{ request: { url: 'https://a/?q="' } }, { n: -1.5e3 }] } }
    expect(elements(JSON.stringify(har, null, '\t'), ['log', 'entries'])).toEqual(har.log.entries)
  })

  it('keeps escapes inside strings: quotes, backslashes before a closing quote, unicode', () => {
    const list = { items: ['ends with \\', 'a \\"b\\" c', '\u2022\u2022 "', { 'key "]': '\\\\' }] }
    expect(elements(JSON.stringify(list), ['items'])).toEqual(list.items)
  })

  it('gives nothing for an empty array, a missing member, or a member that is not an array', () => {
    expect(elements('{"exchanges":[]}', ['exchanges'])).toEqual([])
    expect(elements('{"exchanges" : [ ] }', ['exchanges'])).toEqual([])
    expect(elements('{"other":[1,2]}', ['exchanges'])).toEqual([])
    expect(elements('{"exchanges":{"0":1}}', ['exchanges'])).toEqual([])
    expect(elements('[1,2]', ['exchanges'])).toEqual([])
    expect(elements('{"log":{"entries":"none"}}', ['log', 'entries'])).toEqual([])
  })

  it('stops at text that ends early instead of running past it', () => {
    expect(elements('{"exchanges":[{"a":1},{"b":"unterminated', ['exchanges'])).toEqual([{ a: 1 }])
  })
})
