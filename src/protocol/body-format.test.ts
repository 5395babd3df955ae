import { detectBodyFormat, jsonTokens, parseFormBody, prettyBody } from './body-format.ts'

describe('detectBodyFormat', () => {
  it.each([
    ['application/json', '{"a":1}', 'json'],
    ['application/json; charset=utf-8', '{"a":1}', 'json'],
    ['APPLICATION/JSON', '{"a":1}', 'json'],
    ['application/problem+json', '{"type":"x"}', 'json'],
    ['application/jwk-set+json', '{"keys":[]}', 'json'],
    ['application/x-www-form-urlencoded', 'grant_type=client_credentials', 'form'],
    ['application/x-www-form-urlencoded;charset=UTF-8', 'a=1', 'form'],
    ['text/html; charset=utf-8', '<p>hi</p>', 'html'],
    ['application/xml', '<a/>', 'xml'],
    ['application/samlmetadata+xml', '<md/>', 'xml'],
    ['application/jwt', 'eyJ.eyJ.sig', 'text'],
  ] as const)('uses the Content-Type %s', (contentType, body, expected) => {
    expect(detectBodyFormat(contentType, body)).toBe(expected)
  })

  it('trusts a declared JSON type even when the body is not valid JSON', () => {
    expect(detectBodyFormat('application/json', '{"a":')).toBe('json')
  })

  it('calls a blank body empty whatever the type', () => {
    expect(detectBodyFormat('application/json', '')).toBe('empty')
    expect(detectBodyFormat(null, ' \n ')).toBe('empty')
  })

  it.each([
    [' {"error":"invalid_client"} ', 'json'],
    ['[1,2]', 'json'],
    ['{not json', 'json'],
    ['access_token=abc&token_type=bearer&scope=repo%2Cgist', 'form'],
    ['grant_type=client_credentials', 'form'],
    ['<!DOCTYPE html><html><body>Login</body></html>', 'html'],
    ['<h1>Bad Gateway</h1>', 'html'],
    ['<?xml version="1.0"?><a/>', 'xml'],
    ['Service Unavailable', 'text'],
    ['a = b', 'text'],
  ])('sniffs %j without a Content-Type as %s', (body, expected) => {
    expect(detectBodyFormat(null, body)).toBe(expected)
  })

  it('classifies by content when the Content-Type lies: JSON and form token replies labelled text/html', () => {
    expect(detectBodyFormat('text/html; charset=utf-8', '{"access_token":"at-1","token_type":"Bearer"}')).toBe('json')
    expect(detectBodyFormat('text/html', 'access_token=at-1&token_type=bearer')).toBe('form')
    expect(detectBodyFormat('application/x-www-form-urlencoded', '{"a":1}')).toBe('json')
    expect(detectBodyFormat('application/xml', '<a/>')).toBe('xml')
    expect(detectBodyFormat('text/html', 'Bad gateway')).toBe('html')
  })

  it('walks a truncated JSON reply as JSON so its secret members can still be found', () => {
    expect(detectBodyFormat('text/plain', '{"access_token":"at-1","refr')).toBe('json')
  })

  it('sniffs text/plain and application/octet-stream bodies', () => {
    expect(detectBodyFormat('text/plain;charset=UTF-8', '{"a":1}')).toBe('json')
    expect(detectBodyFormat('application/octet-stream', 'a=1&b=2')).toBe('form')
  })
})

describe('prettyBody', () => {
  it('indents JSON with two spaces like JSON.stringify', () => {
    const body = '{"a":1,"b":[true,null,{"c":"d"}],"e":{},"f":[]}'
    expect(prettyBody(body, 'json')).toBe(JSON.stringify(JSON.parse(body), null, 2))
  })

  it('keeps big numbers, escapes and duplicate keys exactly as sent', () => {
    const body = '{"id":12345678901234567890,"s":"\\u00e9\\"q\\"","id":1.50}'
    expect(prettyBody(body, 'json')).toBe('{\n  "id": 12345678901234567890,\n  "s": "\\u00e9\\"q\\"",\n  "id": 1.50\n}')
  })

  it('returns invalid JSON unchanged', () => {
    expect(prettyBody('{"a": [1, ', 'json')).toBe('{"a": [1, ')
  })

  it('shows a form one decoded name = value per line', () => {
    expect(prettyBody('grant_type=client_credentials&scope=read+write&x=%2B%26%3D', 'form')).toBe(
      'grant_type = client_credentials\nscope = read write\nx = +&=',
    )
  })

  it('returns HTML, XML and text exactly as they are', () => {
    const html = '<script>alert(1)</script>'
    expect(prettyBody(html, 'html')).toBe(html)
    expect(prettyBody('<a>\n</a>', 'xml')).toBe('<a>\n</a>')
    expect(prettyBody('  plain  ', 'text')).toBe('  plain  ')
  })
})

describe('parseFormBody', () => {
  it('decodes plus as space and percent escapes, in order, keeping repeated names', () => {
    expect(parseFormBody('scope=a+b&resource=x&resource=y&empty=&flag')).toEqual([
      { name: 'scope', value: 'a b' },
      { name: 'resource', value: 'x' },
      { name: 'resource', value: 'y' },
      { name: 'empty', value: '' },
      { name: 'flag', value: '' },
    ])
  })

  it('splits on the first equals sign only', () => {
    expect(parseFormBody('state=a%3Db=c')).toEqual([{ name: 'state', value: 'a=b=c' }])
  })

  it('keeps a malformed percent escape as written', () => {
    expect(parseFormBody('a=100%&b=%E2%82%AC')).toEqual([
      { name: 'a', value: '100%' },
      { name: 'b', value: '€' },
    ])
  })

  it('skips empty pairs', () => {
    expect(parseFormBody('&a=1&&')).toEqual([{ name: 'a', value: '1' }])
  })
})

describe('jsonTokens', () => {
  it('yields strings with their quotes and escaped quotes inside', () => {
    const text = '{"a\\"b": [1, "x"]}'
    expect([...jsonTokens(text)].map((token) => text.slice(token.start, token.end))).toEqual([
      '{', '"a\\"b"', ':', '[', '1', ',', '"x"', ']', '}',
    ])
  })

  it('stops at the end of an unterminated string without throwing', () => {
    expect([...jsonTokens('{"abc')].map((token) => token.kind)).toEqual(['punct', 'string'])
  })
})
