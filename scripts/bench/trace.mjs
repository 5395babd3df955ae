/**
 * Ends the DevTools trace of `session` and returns its events. `complete` is the Tracing.tracingComplete
 * promise, taken before Tracing.start; the trace streams back in 1 MB reads.
 */
export async function readTrace(session, complete) {
  await session.send('Tracing.end')
  const { stream } = await complete
  let text = ''
  for (let eof = false; !eof; ) {
    const chunk = await session.send('IO.read', { handle: stream, size: 1 << 20 })
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString() : chunk.data
    eof = chunk.eof
  }
  await session.send('IO.close', { handle: stream })
  const parsed = JSON.parse(text)
  return Array.isArray(parsed) ? parsed : parsed.traceEvents
}
