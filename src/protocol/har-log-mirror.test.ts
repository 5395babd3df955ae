import { describe, expect, it } from 'vitest'
import { HarLogMirror } from './har-log-mirror.ts'
import { readHar, toHar } from './har.ts'
import type { HttpExchange } from './http-exchange.ts'
import { buildSessionFile, readSessionFile } from './session-file.ts'

const creator = { name: 'OAuth Console', version: '0.1.0' }

const exchange = (id: string): HttpExchange => ({
  id,
  step: 'client-credentials',
  startedAt: Date.UTC(2025, 0, 2, 3, 4, 5),
  durationMs: 12,
  request: {
    method: 'POST',
    url: `https://idp.example/token?n=${id}`,
    headers: [
      { name: 'Authorization', value: `Basic ${btoa('my-client:s3cr3t-value')}` },
      { name: 'Content-Type', value: 'application/x-www-form-urlencoded' },
    ],
    body: 'grant_type=client_credentials&scope=read',
  },
  response: {
    status: 200,
    statusText: 'OK',
    headers: [{ name: 'Content-Type', value: 'application/json' }],
    body: `{"access_token":"at-${id}","token_type":"Bearer"}`,
  },
  failure: null,
})

const seqs = (...values: number[]) => Int32Array.from(values)
const exported = async (mirror: HarLogMirror, order: Int32Array, mask: boolean) => {
  const result = mirror.export(order, mask, creator)
  if (!result.ok) throw new Error(`missing ${result.missing}`)
  return result.blob.text()
}

describe('HarLogMirror', () => {
  it('exports the same unindented HAR as toHar, masked or not, whether entries were built ahead or not', async () => {
    const log = [exchange('a'), exchange('b'), exchange('c')]
    const mirror = new HarLogMirror()
    mirror.receive({ kind: 'exchanges', first: 0, exchanges: log })
    expect(await exported(mirror, seqs(0, 1, 2), true)).toBe(JSON.stringify(toHar(log, { mask: true, creator })))
    let calls = 0
    expect(mirror.prebuild(() => ++calls >= 2)).toBe(true)
    expect(mirror.prebuild(() => false)).toBe(false)
    const masked = await exported(mirror, seqs(0, 1, 2), true)
    expect(masked).toBe(JSON.stringify(toHar(log, { mask: true, creator })))
    expect(masked).not.toContain('at-a')
    expect(await exported(mirror, seqs(0, 1, 2), false)).toBe(JSON.stringify(toHar(log, { mask: false, creator })))
  })

  it('joins entries in chunks with the commas in place, for a log longer than one chunk', async () => {
    const log = Array.from({ length: 2_001 }, (_, index) => exchange(`n${index}`))
    const mirror = new HarLogMirror()
    mirror.receive({ kind: 'exchanges', first: 0, exchanges: log })
    const order = Int32Array.from(log, (_, index) => index)
    expect(await exported(mirror, order, false)).toBe(JSON.stringify(toHar(log, { mask: false, creator })))
  })

  it('reads imported exchanges from the file text, at the positions the log kept', async () => {
    const file = [exchange('f0'), exchange('f1'), exchange('f2'), exchange('f3')]
    const text = JSON.stringify(buildSessionFile({ environments: [], exchanges: file, includeSecrets: true, now: 0 }))
    const read = readSessionFile(text)
    if (!read.ok) throw new Error(read.message)
    const mirror = new HarLogMirror()
    mirror.receive({ kind: 'exchanges', first: 0, exchanges: [exchange('recorded')] })
    mirror.receive({ kind: 'imported', first: 1, format: 'session', text, picks: seqs(1, 3) })
    const kept = [exchange('recorded'), read.session.exchanges[1]!, read.session.exchanges[3]!]
    expect(await exported(mirror, seqs(0, 1, 2), false)).toBe(JSON.stringify(toHar(kept, { mask: false, creator })))
  })

  it('reads a HAR import as readHar does', async () => {
    const text = JSON.stringify(toHar([exchange('h0'), exchange('h1')], { mask: false, creator }))
    const read = readHar(JSON.parse(text))
    if (!read.ok) throw new Error(read.message)
    const mirror = new HarLogMirror()
    mirror.receive({ kind: 'imported', first: 5, format: 'har', text, picks: seqs(0, 1) })
    expect(await exported(mirror, seqs(5, 6), true)).toBe(JSON.stringify(toHar(read.exchanges, { mask: true, creator })))
  })

  it('forgets what the log let go, and says which exchange it does not hold', () => {
    const mirror = new HarLogMirror()
    mirror.receive({ kind: 'exchanges', first: 0, exchanges: [exchange('a'), exchange('b'), exchange('c')] })
    mirror.receive({ kind: 'forget', before: 2 })
    expect(mirror.size).toBe(1)
    expect(mirror.export(seqs(1, 2), true, creator)).toEqual({ ok: false, missing: 1 })
    expect(mirror.export(seqs(2), true, creator).ok).toBe(true)
  })
})
