/** How a recorded body is shown and masked. Everything is text: nothing here produces HTML. */
export type BodyFormat = 'json' | 'form' | 'html' | 'xml' | 'text' | 'empty'

/** Media types that say nothing about the body, so the body itself decides. */
const SNIFFED_MEDIA_TYPES = new Set(['', 'text/plain', 'application/octet-stream'])

/**
 * The format of a body, from its Content-Type (parameters ignored), sniffing the body when the type
 * is missing, `text/plain` or `application/octet-stream`. RFC 9110 §8.3, RFC 6839 §3.1 (`+json`, `+xml`).
 */
export function detectBodyFormat(contentType: string | null, body: string): BodyFormat {
  if (body.trim() === '') return 'empty'
  const media = (contentType ?? '').split(';')[0]!.trim().toLowerCase()
  if (media === 'application/json' || media === 'text/json' || media.endsWith('+json')) return 'json'
  if (media === 'application/x-www-form-urlencoded') return 'form'
  if (media === 'text/html' || media === 'application/xhtml+xml') return 'html'
  if (media === 'application/xml' || media === 'text/xml' || media.endsWith('+xml')) return 'xml'
  if (!SNIFFED_MEDIA_TYPES.has(media)) return 'text'
  return sniffBodyFormat(body)
}

const FORM_PAIR = String.raw`[\w.~%*+-]+(?:=[^&\s]*)?`
const FORM_BODY = new RegExp(`^${FORM_PAIR}(?:&${FORM_PAIR})*$`)

function sniffBodyFormat(body: string): BodyFormat {
  const text = body.trim()
  if ((text.startsWith('{') || text.startsWith('[')) && isJson(text)) return 'json'
  if (text.startsWith('<')) return /^<\?xml/i.test(text) ? 'xml' : 'html'
  if (text.includes('=') && FORM_BODY.test(text)) return 'form'
  return 'text'
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}

/**
 * A body for reading: JSON re-indented with 2 spaces (numbers and string escapes kept exactly as
 * sent), a form as one decoded `name = value` per line, anything else unchanged. Invalid JSON is
 * returned as it is. RFC 8259 §2, WHATWG URL §5.1.
 */
export function prettyBody(body: string, format: BodyFormat): string {
  switch (format) {
    case 'json':
      return isJson(body) ? reindentJson(body) : body
    case 'form':
      return parseFormBody(body)
        .map(({ name, value }) => `${name} = ${value}`)
        .join('\n')
    case 'html':
    case 'xml':
    case 'text':
    case 'empty':
      return body
  }
}

/**
 * The fields of an `application/x-www-form-urlencoded` body in order, `+` read as a space and
 * percent-escapes decoded; a malformed escape is kept as written. WHATWG URL §5.1.
 */
export function parseFormBody(body: string): { name: string; value: string }[] {
  return body
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const equals = pair.indexOf('=')
      const name = equals === -1 ? pair : pair.slice(0, equals)
      const value = equals === -1 ? '' : pair.slice(equals + 1)
      return { name: decodeFormComponent(name), value: decodeFormComponent(value) }
    })
}

/** One form name or value decoded, or the raw text when its escapes are malformed. WHATWG URL §5.1. */
export function decodeFormComponent(raw: string): string {
  const spaced = raw.replaceAll('+', ' ')
  try {
    return decodeURIComponent(spaced)
  } catch {
    return spaced
  }
}

/** A lexical token of JSON text, as offsets into the text so callers can keep the original bytes. */
export type JsonToken =
  | { kind: 'punct'; char: '{' | '}' | '[' | ']' | ':' | ','; start: number; end: number }
  | { kind: 'string' | 'atom'; start: number; end: number }

const PUNCTUATION = '{}[]:,'
const WHITESPACE = ' \t\n\r'

/**
 * The tokens of JSON text (strings with their quotes, numbers and literals as atoms). Tolerant: it
 * never throws, so it also walks text that is not quite JSON. RFC 8259 §2.
 */
export function* jsonTokens(text: string): Generator<JsonToken> {
  let index = 0
  while (index < text.length) {
    const char = text[index]!
    if (WHITESPACE.includes(char)) {
      index++
    } else if (PUNCTUATION.includes(char)) {
      yield { kind: 'punct', char: char as '{', start: index, end: index + 1 }
      index++
    } else if (char === '"') {
      let end = index + 1
      while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1
      end = Math.min(end + 1, text.length)
      yield { kind: 'string', start: index, end }
      index = end
    } else {
      let end = index + 1
      while (end < text.length && !WHITESPACE.includes(text[end]!) && !PUNCTUATION.includes(text[end]!) && text[end] !== '"') end++
      yield { kind: 'atom', start: index, end }
      index = end
    }
  }
}

function reindentJson(text: string): string {
  const parts: string[] = []
  let depth = 0
  let openPending: string | null = null
  const newline = () => '\n' + '  '.repeat(depth)
  for (const token of jsonTokens(text)) {
    const isClose = token.kind === 'punct' && (token.char === '}' || token.char === ']')
    if (openPending !== null) {
      if (isClose) {
        parts.push(openPending + text[token.start])
        openPending = null
        continue
      }
      depth++
      parts.push(openPending + newline())
      openPending = null
    }
    if (token.kind !== 'punct') parts.push(text.slice(token.start, token.end))
    else if (token.char === '{' || token.char === '[') openPending = token.char
    else if (isClose) {
      depth--
      parts.push(newline() + token.char)
    } else if (token.char === ',') parts.push(',' + newline())
    else parts.push(': ')
  }
  if (openPending !== null) parts.push(openPending)
  return parts.join('')
}
