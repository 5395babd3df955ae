import type { HttpExchange } from './http-exchange.ts'
import { MASK } from './masking.ts'
import { shellQuote, toCurl } from './curl.ts'

function exchange(request: Partial<HttpExchange['request']>): HttpExchange {
  return {
    id: 'x1',
    step: 'client-credentials',
    startedAt: 0,
    durationMs: 1,
    request: { method: 'POST', url: 'https://idp.example/token', headers: [], body: null, ...request },
    response: null,
    failure: null,
  }
}

const basic = `Basic ${btoa('my-client:s3cr3t')}`
const tokenRequest = exchange({
  headers: [
    { name: 'Authorization', value: basic },
    { name: 'Content-Type', value: 'application/x-www-form-urlencoded' },
  ],
  body: 'grant_type=client_credentials&scope=read',
})

describe('shellQuote', () => {
  it("wraps in single quotes and turns a quote into '\\''", () => {
    expect(shellQuote("it's")).toBe(`'it'\\''s'`)
    expect(shellQuote('$HOME `x` "y" \\n')).toBe(`'$HOME \`x\` "y" \\n'`)
  })
})

describe('toCurl', () => {
  it('writes an explicit method, quoted URL, each header and the raw body on continued lines', () => {
    expect(toCurl(tokenRequest, { mask: false })).toBe(
      [
        "curl -sS -X POST 'https://idp.example/token'",
        `-H 'Authorization: ${basic}'`,
        "-H 'Content-Type: application/x-www-form-urlencoded'",
        "--data-raw 'grant_type=client_credentials&scope=read'",
      ].join(' \\\n  '),
    )
  })

  it('contains the exact Basic credentials when not masked', () => {
    expect(toCurl(tokenRequest, { mask: false })).toContain(btoa('my-client:s3cr3t'))
  })

  it('masks credentials when asked, keeping the scheme', () => {
    const masked = toCurl(
      exchange({ ...tokenRequest.request, body: 'grant_type=client_credentials&client_secret=s3cr3t' }),
      { mask: true },
    )
    expect(masked).toContain(`-H 'Authorization: Basic ${MASK}'`)
    expect(masked).toContain(`--data-raw 'grant_type=client_credentials&client_secret=${MASK}'`)
    expect(masked).not.toContain(btoa('my-client:s3cr3t'))
    expect(masked).not.toContain('s3cr3t')
  })

  it('says in a first comment line that a masked command carries no working secret, and only when something was masked', () => {
    const masked = toCurl(tokenRequest, { mask: true })
    expect(masked.split('\n')[0]).toBe(`# Secrets are shown as ${MASK}: put them back before running this, or the server refuses it`)
    expect(masked.split('\n')[1]).toMatch(/^curl /)
    expect(toCurl(tokenRequest, { mask: false })).not.toContain('#')
    expect(toCurl(exchange({ method: 'GET', url: 'https://idp.example/jwks' }), { mask: true })).toBe("curl -sS -X GET 'https://idp.example/jwks'")
  })

  it('says so too for an exchange imported already masked, with secrets shown', () => {
    const imported = exchange({ headers: [{ name: 'Authorization', value: `Bearer ${MASK}` }] })
    expect(toCurl(imported, { mask: false }).split('\n')[0]).toBe(`# Secrets are shown as ${MASK}: put them back before running this, or the server refuses it`)
  })

  it('says that a DPoP proof is single-use, masked or not, after the relay line', () => {
    const dpop = { ...exchange({ headers: [{ name: 'DPoP', value: 'eyJ.proof.sig' }], body: 'grant_type=client_credentials' }), via: 'relay' as const }
    const lines = toCurl(dpop, { mask: false }).split('\n')
    expect(lines.slice(0, 3)).toEqual([
      "# Sent through the OAuth Console's local relay (no browser CORS check)",
      '# The DPoP proof is single-use (jti) and short-lived (iat, nonce): a server that checks replays refuses it a second time (RFC 9449 §11.1)',
      "curl -sS -X POST 'https://idp.example/token' \\",
    ])
    expect(toCurl(dpop, { mask: true })).toContain('# The DPoP proof is single-use')
  })

  it("leaves to curl what it sets itself in a browser's HAR: no pseudo-headers or Content-Length, --compressed for Accept-Encoding", () => {
    const fromBrowser = exchange({
      headers: [
        { name: ':authority', value: 'idp.example' },
        { name: 'Accept-Encoding', value: 'gzip, deflate, br, zstd' },
        { name: 'Content-Length', value: '29' },
        { name: 'Content-Type', value: 'application/x-www-form-urlencoded' },
      ],
      body: 'grant_type=client_credentials',
    })
    expect(toCurl(fromBrowser, { mask: false })).toBe(
      [
        "curl -sS --compressed -X POST 'https://idp.example/token'",
        "-H 'Content-Type: application/x-www-form-urlencoded'",
        "--data-raw 'grant_type=client_credentials'",
      ].join(' \\\n  '),
    )
  })

  it('omits the body flag for a request without a body', () => {
    const command = toCurl(exchange({ method: 'GET', url: 'https://idp.example/.well-known/openid-configuration' }), { mask: false })
    expect(command).toBe("curl -sS -X GET 'https://idp.example/.well-known/openid-configuration'")
  })

  it('escapes single quotes in a JSON body and in header values', () => {
    const command = toCurl(
      exchange({ headers: [{ name: 'X-Note', value: "O'Brien" }], body: `{"name":"O'Brien"}` }),
      { mask: false },
    )
    expect(command).toContain(`-H 'X-Note: O'\\''Brien'`)
    expect(command).toContain(`--data-raw '{"name":"O'\\''Brien"}'`)
  })

  it('sends an empty header value with the semicolon form curl needs', () => {
    expect(toCurl(exchange({ headers: [{ name: 'X-Empty', value: '' }] }), { mask: false })).toContain("-H 'X-Empty;'")
  })

  it('turns off URL globbing for brackets and braces and keeps dot segments', () => {
    const command = toCurl(exchange({ method: 'GET', url: 'https://api.example/a/../b?f[0]={x}' }), { mask: false })
    expect(command).toBe("curl -sS --globoff --path-as-is -X GET 'https://api.example/a/../b?f[0]={x}'")
  })
})

interface Received {
  method: string
  url: string
  rawHeaders: string[]
  body: Uint8Array
}

// src/ is type-checked with browser types only (tsconfig.app.json); rather than pull Node's types
// into the whole app, this test declares the little of node:http and node:child_process it uses.
interface IncomingRequest {
  method?: string
  url?: string
  rawHeaders: string[]
  on(event: 'data', listener: (chunk: Uint8Array) => void): void
  on(event: 'end', listener: () => void): void
}
interface TestServer {
  listen(port: number, host: string, callback: () => void): void
  address(): { port: number }
  close(callback: () => void): void
}
interface NodeHttp {
  createServer(handler: (req: IncomingRequest, res: { end(body: string): void }) => void): TestServer
}
interface NodeChildProcess {
  execFile(
    file: string,
    args: string[],
    options: { env: Record<string, string>; timeout: number },
    callback: (error: Error | null) => void,
  ): void
}
const importNode = (specifier: string): Promise<unknown> => import(/* @vite-ignore */ specifier)

function concat(chunks: Uint8Array[]): Uint8Array {
  const bytes = new Uint8Array(chunks.reduce((total, chunk) => total + chunk.length, 0))
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.length
  }
  return bytes
}

async function runAgainstServer(build: (origin: string) => HttpExchange): Promise<Received> {
  const { createServer } = (await importNode('node:http')) as NodeHttp
  const { execFile } = (await importNode('node:child_process')) as NodeChildProcess
  let received: Received | undefined
  const server = createServer((req, res) => {
    const chunks: Uint8Array[] = []
    req.on('data', (chunk) => chunks.push(new Uint8Array(chunk)))
    req.on('end', () => {
      received = { method: req.method ?? '', url: req.url ?? '', rawHeaders: req.rawHeaders, body: concat(chunks) }
      res.end('ok')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  try {
    const { port } = server.address()
    const command = toCurl(build(`http://127.0.0.1:${port}`), { mask: false })
    await new Promise<void>((resolve, reject) => {
      // A clean environment: no proxy variables; -q skips any ~/.curlrc.
      const script = command.replace(/^curl /m, '/usr/bin/curl -q ')
      execFile('/bin/bash', ['-c', script], { env: { PATH: '/usr/bin:/bin' }, timeout: 10_000 }, (error) =>
        error ? reject(error) : resolve(),
      )
    })
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()))
  }
  if (!received) throw new Error('the server received nothing')
  return received
}

const utf8 = (text: string) => new TextEncoder().encode(text)
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes)

function headerPairs(rawHeaders: string[]): [string, string][] {
  const pairs: [string, string][] = []
  for (let index = 0; index < rawHeaders.length; index += 2) pairs.push([rawHeaders[index]!, rawHeaders[index + 1]!])
  return pairs
}

describe('toCurl run by bash against a real server', () => {
  it('delivers method, path, headers and a form body with + and %2B byte for byte', async () => {
    const body = 'grant_type=client_credentials&scope=a+b&client_secret=x%2By&note=%27quoted%27'
    const received = await runAgainstServer((origin) =>
      exchange({
        url: `${origin}/token?resource=${encodeURIComponent('https://api/x?y=1')}&q=a+b`,
        headers: [
          { name: 'Authorization', value: basic },
          { name: 'Content-Type', value: 'application/x-www-form-urlencoded' },
          { name: 'Accept', value: 'application/json' },
          { name: 'X-Quote', value: `it's "fine"` },
        ],
        body,
      }),
    )
    expect(received.method).toBe('POST')
    expect(received.url).toBe(`/token?resource=${encodeURIComponent('https://api/x?y=1')}&q=a+b`)
    expect(headerPairs(received.rawHeaders)).toEqual(
      expect.arrayContaining([
        ['Authorization', basic],
        ['Content-Type', 'application/x-www-form-urlencoded'],
        ['Accept', 'application/json'],
        ['X-Quote', `it's "fine"`],
      ]),
    )
    expect(received.body).toEqual(utf8(body))
  })

  it("delivers a JSON body with single quotes, unicode and newlines exactly", async () => {
    const body = `{\n  "name": "O'Brien \\"Bob\\"",\n  "city": "Zürich 東京 🚀",\n  "cmd": "$(rm -rf /) \`x\` \\\\n"\n}`
    const received = await runAgainstServer((origin) =>
      exchange({ method: 'PUT', url: `${origin}/reg/c1`, headers: [{ name: 'Content-Type', value: 'application/json' }], body }),
    )
    expect(received.method).toBe('PUT')
    expect(text(received.body)).toBe(body)
    expect(received.body).toEqual(utf8(body))
  })

  it('delivers a body over 1 KiB without an Expect header', async () => {
    const body = `assertion=${'a'.repeat(5000)}`
    const received = await runAgainstServer((origin) => exchange({ url: `${origin}/token`, body }))
    expect(text(received.body)).toBe(body)
    expect(received.rawHeaders.map((name) => name.toLowerCase())).not.toContain('expect')
  })

  it('delivers a path with dot segments and a query with brackets and braces as written', async () => {
    const received = await runAgainstServer((origin) => exchange({ method: 'GET', url: `${origin}/a/../b/./c?f[0]={x}` }))
    expect(received.url).toBe('/a/../b/./c?f[0]={x}')
  })

  it('runs with its comment lines: a DPoP request arrives with its proof and body', async () => {
    const received = await runAgainstServer((origin) =>
      exchange({ url: `${origin}/token`, headers: [{ name: 'DPoP', value: 'eyJ.proof.sig' }], body: 'grant_type=client_credentials' }),
    )
    expect(headerPairs(received.rawHeaders)).toContainEqual(['DPoP', 'eyJ.proof.sig'])
    expect(text(received.body)).toBe('grant_type=client_credentials')
  })

  it('delivers an edited body whole although the HAR it came from holds a Content-Length for the old one', async () => {
    const received = await runAgainstServer((origin) =>
      exchange({ url: `${origin}/token`, headers: [{ name: 'Content-Length', value: '5' }], body: 'grant_type=client_credentials&scope=edited' }),
    )
    expect(text(received.body)).toBe('grant_type=client_credentials&scope=edited')
  })

  it('delivers a DELETE without body and an empty header', async () => {
    const received = await runAgainstServer((origin) =>
      exchange({ method: 'DELETE', url: `${origin}/reg/c1`, headers: [{ name: 'X-Empty', value: '' }] }),
    )
    expect(received.method).toBe('DELETE')
    expect(received.body.length).toBe(0)
    expect(headerPairs(received.rawHeaders)).toContainEqual(['X-Empty', ''])
  })
})
