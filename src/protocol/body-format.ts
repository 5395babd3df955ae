/** How a recorded body is shown and masked. Everything is text: nothing here produces HTML. */
export type BodyFormat = 'json' | 'form' | 'html' | 'xml' | 'text' | 'empty'

/**
 * The format of a body, decided by its content with the Content-Type (parameters ignored) only as a
 * hint: a JSON token reply labelled `text/html` is JSON, so it is parsed, masked and shown as JSON.
 * Text that opens with `{` or `[` is walked as JSON even when truncated or invalid, so masking still
 * finds its secret members. This one classification drives display, masking and export alike.
 * RFC 9110 §8.3 (the type is advisory), RFC 6839 §3.1 (`+json`, `+xml`).
 */
export function detectBodyFormat(contentType: string | null, body: string): BodyFormat {
  const text = body.trim()
  if (text === '') return 'empty'
  const media = (contentType ?? '').split(';')[0]!.trim().toLowerCase()
  if (text.startsWith('{') || text.startsWith('[')) return 'json'
  if (text.startsWith('<')) {
    if (isXmlMedia(media)) return 'xml'
    if (isHtmlMedia(media)) return 'html'
    return /^<\?xml/i.test(text) ? 'xml' : 'html'
  }
  if (isJsonMedia(media)) return 'json'
  if (media === 'application/x-www-form-urlencoded' || looksLikeForm(text)) return 'form'
  if (isHtmlMedia(media)) return 'html'
  if (isXmlMedia(media)) return 'xml'
  return 'text'
}

function isJsonMedia(media: string): boolean {
  return media === 'application/json' || media === 'text/json' || media.endsWith('+json')
}

function isHtmlMedia(media: string): boolean {
  return media === 'text/html' || media === 'application/xhtml+xml'
}

function isXmlMedia(media: string): boolean {
  return media === 'application/xml' || media === 'text/xml' || (media.endsWith('+xml') && !isHtmlMedia(media))
}

const FORM_PAIR = String.raw`[\w.~%*+-]+(?:=[^&\s]*)?`
const FORM_BODY = new RegExp(`^${FORM_PAIR}(?:&${FORM_PAIR})*$`)

function looksLikeForm(text: string): boolean {
  return text.includes('=') && FORM_BODY.test(text)
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
