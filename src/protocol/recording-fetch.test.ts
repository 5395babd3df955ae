import { afterEach, describe, expect, it, vi } from 'vitest'
import type { HttpExchange } from './http-exchange.ts'
import { createRecordingFetch, diagnoseFetchFailure, TransportError } from './recording-fetch.ts'
import { scriptedFetch, textReply } from './scripted-fetch.ts'

function clock(...times: number[]) {
  return () => times.shift() ?? 0
}

function recorder() {
  const exchanges: HttpExchange[] = []
  return { exchanges, record: (exchange: HttpExchange) => void exchanges.push(exchange) }
}

function domError(name: string): Error {
  return Object.assign(new Error(`${name} happened`), { name })
}

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('createRecordingFetch', () => {
  it('records the request and response once, and returns the response with its body unread', async () => {
    const baseFetch = scriptedFetch(
      textReply('{"access_token":"abc"}', 200, { 'content-type': 'application/json', 'cache-control': 'no-store' }),
    )
    const { exchanges, record } = recorder()
    const recordingFetch = createRecordingFetch('client-credentials', record, {
      baseFetch, now: clock(1_000, 1_250), newId: () => 'ex-1',
    })

    const response = await recordingFetch('https://as.example/token', {
      method: 'POST',
      headers: new Headers({ accept: 'application/json' }),
      body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'read write' }),
    })

    expect(await response.json()).toEqual({ access_token: 'abc' })
    expect(exchanges).toEqual([
      {
        id: 'ex-1',
        step: 'client-credentials',
        startedAt: 1_000,
        durationMs: 250,
        request: {
          method: 'POST',
          url: 'https://as.example/token',
          headers: [{ name: 'accept', value: 'application/json' }],
          body: 'grant_type=client_credentials&scope=read+write',
        },
        response: {
          status: 200,
          statusText: '',
          headers: [
            { name: 'cache-control', value: 'no-store' },
            { name: 'content-type', value: 'application/json' },
          ],
          body: '{"access_token":"abc"}',
        },
        failure: null,
      },
    ])
  })

  it('records headers given as a plain record or as an array of pairs, in order and as typed', async () => {
    const { exchanges, record } = recorder()
    const recordingFetch = createRecordingFetch('external-api', record, { baseFetch: scriptedFetch(textReply(''), textReply('')) })

    await recordingFetch('https://api.example/a', { headers: { Accept: 'text/plain', 'X-Trace': '1' } })
    await recordingFetch(new URL('https://api.example/b'), { headers: [['X-One', '1'], ['X-One', '2']] })

    expect(exchanges.map((exchange) => exchange.request.headers)).toEqual([
      [{ name: 'Accept', value: 'text/plain' }, { name: 'X-Trace', value: '1' }],
      [{ name: 'X-One', value: '1' }, { name: 'X-One', value: '2' }],
    ])
    expect(exchanges[1]?.request.url).toBe('https://api.example/b')
  })

  it('records a GET without a body as null and a method left out as GET', async () => {
    const { exchanges, record } = recorder()
    await createRecordingFetch('userinfo', record, { baseFetch: scriptedFetch(textReply('')) })('https://as.example/me')
    expect(exchanges[0]?.request).toEqual({ method: 'GET', url: 'https://as.example/me', headers: [], body: null })
  })

  it('records Uint8Array and ArrayBuffer bodies as UTF-8 text', async () => {
    const { exchanges, record } = recorder()
    const recordingFetch = createRecordingFetch('external-api', record, { baseFetch: scriptedFetch(textReply(''), textReply('')) })
    const bytes = new TextEncoder().encode('{"name":"café"}')

    await recordingFetch('https://api.example', { method: 'POST', body: bytes })
    await recordingFetch('https://api.example', { method: 'POST', body: bytes.slice().buffer })

    expect(exchanges.map((exchange) => exchange.request.body)).toEqual(['{"name":"café"}', '{"name":"café"}'])
  })

  it('records an empty body for a 204 reply', async () => {
    const { exchanges, record } = recorder()
    await createRecordingFetch('revocation', record, { baseFetch: scriptedFetch(textReply('', 204)) })('https://as.example/revoke')
    expect(exchanges[0]?.response).toMatchObject({ status: 204, body: '' })
  })

  it('returns a response whose clone reads the same status, headers and body, leaving the original readable, as Response.clone does', async () => {
    const { record } = recorder()
    const reply = textReply('{"error":"authorization_pending"}', 400, { 'content-type': 'application/json' })
    const response = await createRecordingFetch('device-poll', record, { baseFetch: scriptedFetch(reply) })('https://as.example/token')

    const clone = response.clone()
    expect(clone).toBeInstanceOf(Response)
    expect([clone.status, clone.headers.get('content-type')]).toEqual([400, 'application/json'])
    expect(await clone.json()).toEqual({ error: 'authorization_pending' })
    expect(response.bodyUsed).toBe(false)
    expect(await response.text()).toBe('{"error":"authorization_pending"}')
  })

  it('returns a response whose body, once read, is used as with any Response: a second read rejects and a clone throws', async () => {
    const { record } = recorder()
    const recordingFetch = createRecordingFetch('device-poll', record, { baseFetch: scriptedFetch(textReply('{"a":1}', 200), textReply('{"a":', 200)) })

    const response = await recordingFetch('https://as.example/token')
    expect(await response.json()).toEqual({ a: 1 })
    expect(response.bodyUsed).toBe(true)
    await expect(response.text()).rejects.toThrow(TypeError)
    await expect(response.arrayBuffer()).rejects.toThrow(TypeError)
    expect(() => response.clone()).toThrow(TypeError)
    await expect((await recordingFetch('https://as.example/token')).json()).rejects.toThrow(SyntaxError)
  })

  it('returns a response whose body, locked to a reader, can be neither read nor cloned, as with any Response', async () => {
    const { record } = recorder()
    const response = await createRecordingFetch('device-poll', record, { baseFetch: scriptedFetch(textReply('{"a":1}', 200)) })('https://as.example/token')

    response.body?.getReader()
    await expect(response.text()).rejects.toThrow(TypeError)
    expect(() => response.clone()).toThrow(TypeError)
  })

  it('re-uses the exchange of an inner recording fetch instead of recording a second identity', async () => {
    const inner = recorder()
    const outer = recorder()
    const innerFetch = createRecordingFetch('discovery', inner.record, { baseFetch: scriptedFetch(textReply('{}')), newId: () => 'inner' })
    const outerFetch = createRecordingFetch('discovery', outer.record, { baseFetch: innerFetch, newId: () => 'outer' })

    await outerFetch('https://as.example/.well-known/openid-configuration')

    expect(inner.exchanges.map((exchange) => exchange.id)).toEqual(['inner'])
    expect(outer.exchanges[0]).toBe(inner.exchanges[0])
  })

  it('records a refused CORS response with response null, then throws a TransportError naming the console origin', async () => {
    vi.stubGlobal('location', { origin: 'http://127.0.0.1:5173' })
    const baseFetch = scriptedFetch(new TypeError('Failed to fetch'), textReply(''))
    const { exchanges, record } = recorder()
    const recordingFetch = createRecordingFetch('client-credentials', record, { baseFetch, now: clock(10, 30), newId: () => 'ex-2' })

    const thrown = await recordingFetch('https://as.example/token?x=1', { method: 'POST', body: 'a=b' }).catch((error: unknown) => error)

    expect(thrown).toBeInstanceOf(TransportError)
    const failure = {
      kind: 'cors',
      message:
        "https://as.example answered, but the browser withheld the response because the server did not allow this console's origin http://127.0.0.1:5173 (CORS). Add it to the server's allowed origins.",
    }
    expect((thrown as TransportError).failure).toEqual(failure)
    expect((thrown as TransportError).cause).toBeInstanceOf(TypeError)
    expect(exchanges).toEqual([
      {
        id: 'ex-2', step: 'client-credentials', startedAt: 10, durationMs: 20,
        request: { method: 'POST', url: 'https://as.example/token?x=1', headers: [], body: 'a=b' },
        response: null, failure,
      },
    ])
    expect((thrown as TransportError).exchange).toBe(exchanges[0])
  })

  it('throws a TransportError of kind network when the diagnosis probe fails too', async () => {
    const { exchanges, record } = recorder()
    const recordingFetch = createRecordingFetch('discovery', record, {
      baseFetch: scriptedFetch(new TypeError('Failed to fetch'), new TypeError('Failed to fetch')),
    })

    const thrown = await recordingFetch('http://localhost:9/x').catch((error: unknown) => error)

    expect((thrown as TransportError).failure.kind).toBe('network')
    expect(exchanges[0]?.failure?.kind).toBe('network')
    expect(exchanges).toHaveLength(1)
  })

  it('passes an inner TransportError through without probing again', async () => {
    const inner = recorder()
    const outer = recorder()
    const baseFetch = scriptedFetch(new TypeError('Failed to fetch'), new TypeError('Failed to fetch'))
    const innerFetch = createRecordingFetch('discovery', inner.record, { baseFetch })
    const outerFetch = createRecordingFetch('discovery', outer.record, { baseFetch: innerFetch })

    const thrown = await outerFetch('http://localhost:9/x').catch((error: unknown) => error)

    expect(baseFetch.sent).toHaveLength(2)
    expect(outer.exchanges[0]).toBe(inner.exchanges[0])
    expect((thrown as TransportError).exchange).toBe(inner.exchanges[0])
  })
})

describe('diagnoseFetchFailure', () => {
  it('reports an AbortError as aborted without probing', async () => {
    const probe = scriptedFetch()
    expect(await diagnoseFetchFailure('https://as.example/token', domError('AbortError'), probe)).toEqual({
      kind: 'aborted',
      message: 'The request to https://as.example was cancelled before a response arrived.',
    })
    expect(probe.sent).toHaveLength(0)
  })

  it('reports a TimeoutError as timeout without probing', async () => {
    const probe = scriptedFetch()
    expect(await diagnoseFetchFailure('https://as.example/token', domError('TimeoutError'), probe)).toEqual({
      kind: 'timeout',
      message: 'The request to https://as.example timed out before a response arrived.',
    })
    expect(probe.sent).toHaveLength(0)
  })

  it('probes with a no-cors GET that bypasses the cache', async () => {
    const probe = scriptedFetch(textReply(''))
    await diagnoseFetchFailure('https://as.example/token', new TypeError('Failed to fetch'), probe)
    expect(probe.sent[0]?.url).toBe('https://as.example/token')
    expect(probe.sent[0]?.init).toEqual({ mode: 'no-cors', method: 'GET', cache: 'no-store' })
  })

  it('reports cors without naming an origin when there is no window location', async () => {
    const failure = await diagnoseFetchFailure('https://as.example/token', new TypeError('Failed to fetch'), scriptedFetch(textReply('')))
    expect(failure).toEqual({
      kind: 'cors',
      message:
        "https://as.example answered, but the browser withheld the response because the server did not allow this console's origin (CORS). Add it to the server's allowed origins.",
    })
  })

  it('reports network with the reason Node gives in the error cause', async () => {
    const error = new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) })
    const failure = await diagnoseFetchFailure('http://127.0.0.1:9/token', error, scriptedFetch(new TypeError('fetch failed')))
    expect(failure).toEqual({
      kind: 'network',
      message:
        'No response from http://127.0.0.1:9: the server is unreachable (wrong host or port, DNS failure, TLS certificate problem, or connection refused) [ECONNREFUSED].',
    })
  })

  it('reports network without detail when the browser gives none', async () => {
    const failure = await diagnoseFetchFailure('https://nowhere.example', new TypeError('Failed to fetch'), scriptedFetch(new TypeError('Failed to fetch')))
    expect(failure.message).toBe(
      'No response from https://nowhere.example: the server is unreachable (wrong host or port, DNS failure, TLS certificate problem, or connection refused).',
    )
  })
})
