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
    let calls = 0
    // Reading the feed is one step, building an entry another: work is left after two.
    expect(mirror.prebuild(() => ++calls >= 2)).toBe(true)
    expect(await exported(mirror, seqs(0, 1, 2), true)).toBe(JSON.stringify(toHar(log, { mask: true, creator })))
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

  it('packs masked entries into blocks and exports any run of them, across blocks, after the cap cut into one, out of order', async () => {
    const log = Array.from({ length: 2_500 }, (_, index) => exchange(`b${index}`))
    const mirror = new HarLogMirror()
    mirror.receive({ kind: 'exchanges', first: 0, exchanges: log })
    expect(mirror.prebuild(() => false)).toBe(false)
    const all = Int32Array.from(log, (_, index) => index)
    const whole = await exported(mirror, all, true)
    expect(whole).toBe(JSON.stringify(toHar(log, { mask: true, creator })))
    // A run that starts inside one block and ends inside the next.
    const middle = Int32Array.from({ length: 1_100 }, (_, index) => 500 + index)
    expect(await exported(mirror, middle, true)).toBe(JSON.stringify(toHar(log.slice(500, 1_600), { mask: true, creator })))
    // Out of order, with gaps.
    const picked = [2_499, 3, 1_024, 1_023, 7, 8]
    expect(await exported(mirror, Int32Array.from(picked), true)).toBe(JSON.stringify(toHar(picked.map((seq) => log[seq]!), { mask: true, creator })))
    // The cap let the oldest 1,030 go: the rest of the second block is still exported from it.
    mirror.receive({ kind: 'forget', before: 1_030 })
    const kept = Int32Array.from({ length: log.length - 1_030 }, (_, index) => 1_030 + index)
    expect(await exported(mirror, kept, true)).toBe(JSON.stringify(toHar(log.slice(1_030), { mask: true, creator })))
    expect(await exported(mirror, kept, false)).toBe(JSON.stringify(toHar(log.slice(1_030), { mask: false, creator })))
  })

  it('reads a large import in small steps, each one of a few hundred elements', async () => {
    const file = Array.from({ length: 1_500 }, (_, index) => exchange(`i${index}`))
    const text = JSON.stringify(buildSessionFile({ environments: [], exchanges: file, includeSecrets: true, now: 0 }), null, 2)
    const read = readSessionFile(text)
    if (!read.ok) throw new Error(read.message)
    const mirror = new HarLogMirror()
    const picks = Int32Array.from({ length: 1_499 }, (_, index) => index + 1)
    mirror.receive({ kind: 'imported', first: 0, format: 'session', text, picks })
    let steps = 0
    while (mirror.prebuild(() => true)) steps++
    expect(steps).toBeGreaterThan(5)
    const order = Int32Array.from(picks, (_, index) => index)
    expect(await exported(mirror, order, true)).toBe(JSON.stringify(toHar(read.session.exchanges.slice(1), { mask: true, creator })))
  })

  it('says which exchange is missing when the file holds fewer than the picks name', () => {
    const text = JSON.stringify(buildSessionFile({ environments: [], exchanges: [exchange('only')], includeSecrets: true, now: 0 }))
    const mirror = new HarLogMirror()
    mirror.receive({ kind: 'imported', first: 10, format: 'session', text, picks: seqs(0, 4) })
    expect(mirror.export(seqs(10, 11), true, creator)).toEqual({ ok: false, missing: 11 })
  })
})
