import { MAX_COUNTED_BYTES } from './limits.ts'

/** A reply body read with a cap: what was kept, and how much arrived in all. */
export interface CappedBody {
  /** At most the cap's worth of bytes, decoded as the browser delivered them (after gzip/br). */
  bytes: Uint8Array<ArrayBuffer>
  /** Bytes that arrived, kept or only counted. */
  total: number
  /** More arrived than the cap allowed: `bytes` is only the start and must not be parsed. */
  truncated: boolean
  /** Counting stopped before the end (past MAX_COUNTED_BYTES), so `total` is a lower bound. */
  countingStopped: boolean
  /** Why reading ended early (connection reset, timeout, cancel); the bytes so far are kept. */
  error?: unknown
}

/**
 * Reads a body as a stream, keeping at most `maxBytes` and counting the rest without keeping it,
 * so a decompression bomb or an endless reply costs counting, not memory. Counting stops after
 * `countLimit` more bytes and the stream is cancelled. Fetch Standard §5.3 (body stream).
 */
export async function readCappedBody(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
  countLimit: number = MAX_COUNTED_BYTES,
): Promise<CappedBody> {
  const chunks: Uint8Array[] = []
  let kept = 0
  let total = 0
  let countingStopped = false
  let error: unknown
  if (body) {
    const reader = body.getReader()
    try {
      for (;;) {
        const { done, value } = await reader.read()
        if (done) break
        total += value.byteLength
        if (kept < maxBytes) {
          const room = maxBytes - kept
          const part = value.byteLength > room ? value.subarray(0, room) : value
          chunks.push(part)
          kept += part.byteLength
        }
        if (total - kept > countLimit) {
          countingStopped = true
          await reader.cancel().catch(() => {})
          break
        }
      }
    } catch (caught) {
      error = caught
    } finally {
      reader.releaseLock()
    }
  }
  const bytes = new Uint8Array(kept)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return { bytes, total, truncated: total > kept, countingStopped, ...(error === undefined ? {} : { error }) }
}
