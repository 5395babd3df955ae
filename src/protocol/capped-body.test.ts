import { describe, expect, it } from 'vitest'
import { readCappedBody } from './capped-body.ts'

function chunks(...sizes: number[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const size of sizes) controller.enqueue(new Uint8Array(size).fill(1))
      controller.close()
    },
  })
}

describe('readCappedBody', () => {
  it('keeps a body within the cap whole', async () => {
    const body = await readCappedBody(chunks(3, 4), 10)
    expect(body).toMatchObject({ total: 7, truncated: false, countingStopped: false })
    expect(body.bytes).toHaveLength(7)
  })

  it('keeps the cap, counts the rest to the end', async () => {
    const body = await readCappedBody(chunks(6, 6, 6), 10)
    expect(body).toMatchObject({ total: 18, truncated: true, countingStopped: false })
    expect(body.bytes).toHaveLength(10)
  })

  it('stops counting past the count limit and cancels the stream', async () => {
    let cancelled = false
    const endless = new ReadableStream<Uint8Array>({
      pull: (controller) => controller.enqueue(new Uint8Array(100)),
      cancel: () => {
        cancelled = true
      },
    })
    const body = await readCappedBody(endless, 50, 1_000)
    expect(body.countingStopped).toBe(true)
    expect(body.total).toBeGreaterThan(1_000)
    expect(cancelled).toBe(true)
  })

  it('keeps what arrived before the stream broke, with the error', async () => {
    let pulls = 0
    const broken = new ReadableStream<Uint8Array>({
      pull: (controller) => {
        if (pulls++ === 0) controller.enqueue(new Uint8Array(5))
        else controller.error(new TypeError('network error'))
      },
    })
    const body = await readCappedBody(broken, 50)
    expect(body.bytes).toHaveLength(5)
    expect(body.error).toBeInstanceOf(TypeError)
  })

  it('reads no body as empty', async () => {
    expect(await readCappedBody(null, 10)).toMatchObject({ total: 0, truncated: false })
  })
})
