import type { IncomingMessage } from 'node:http'
import { Readable } from 'node:stream'

/** A request body as text, refused past `limit` bytes so a hostile client cannot fill memory. */
export async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > limit) throw new Error('request body too large')
    chunks.push(chunk)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/** The same request with another form body: oidc-provider reads the body from ctx.req itself. */
export function withBody(req: IncomingMessage, body: string): IncomingMessage {
  const replacement = Readable.from([Buffer.from(body, 'utf8')]) as unknown as IncomingMessage
  return Object.assign(replacement, {
    headers: { ...req.headers, 'content-length': String(Buffer.byteLength(body)) },
    method: req.method,
    url: req.url,
    httpVersion: req.httpVersion,
    socket: req.socket,
    connection: req.socket,
  })
}
