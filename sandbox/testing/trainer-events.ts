import { request, type ClientRequest } from 'node:http'
import { TRAINER_PATHS } from '../trainer-feed.ts'

/** What each `snapshot` event of the trainer page's stream carries (trainer-feed.ts). */
export interface TrainerEvent {
  summary: { clients: number; device_codes: Record<string, number>; token_requests: number }
  html: string
}

/**
 * Subscribes to a sandbox's trainer event stream (Server-Sent Events) over plain HTTP, as the page's script
 * does: `onSnapshot` gets each `snapshot` event's data as it arrives, `onFailure` a reason if the stream is
 * refused, fails or ends while still wanted. Destroy the returned request to unsubscribe.
 */
export function subscribeToTrainerEvents(
  origin: string,
  onSnapshot: (event: TrainerEvent) => void,
  onFailure: (reason: string) => void = () => undefined,
): ClientRequest {
  const connection = request(`${origin}${TRAINER_PATHS.events}`)
  connection.on('response', (response) => {
    if (response.statusCode !== 200) onFailure(`HTTP ${response.statusCode}`)
    let buffer = ''
    response.setEncoding('utf8')
    response.on('data', (chunk: string) => {
      buffer += chunk
      // Events end with a blank line; a chunk may hold several, or part of one.
      let end: number
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const data = /^event: snapshot\ndata: (.*)$/s.exec(buffer.slice(0, end))?.[1]
        buffer = buffer.slice(end + 2)
        if (data) onSnapshot(JSON.parse(data) as TrainerEvent)
      }
    })
    response.on('close', () => {
      if (!connection.destroyed) onFailure('the stream closed')
    })
  })
  connection.on('error', (error) => onFailure(error.message))
  connection.end()
  return connection
}
