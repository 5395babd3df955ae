import type { IncomingMessage, ServerResponse } from 'node:http'
import type { TrainerActivity, TrainerSnapshot } from './trainer-activity.ts'
import { TRAINER_SCRIPT, trainerClock, trainerFragment, trainerPage } from './trainer-page.ts'

/**
 * The trainer page's routes and its live feed (Server-Sent Events). However many pages are open, a change is
 * rendered once and the same bytes are written to every subscriber, at most once per `throttleMs`; a quiet
 * sandbox sends nothing but a keep-alive. A subscriber that cannot keep up is skipped and handed the latest
 * update when its socket drains, so one slow phone never holds up the sandbox.
 */

export const TRAINER_PATHS = {
  page: '/trainer',
  events: '/trainer/events',
  state: '/trainer/state.json',
  script: '/trainer/trainer.js',
} as const

export interface TrainerFeedOptions {
  issuer: string
  /** Shortest gap between two updates: a burst of a room's requests becomes one update. */
  throttleMs?: number
  /** Checked this often even without a write, so codes that expire on their own show it. */
  refreshMs?: number
  keepAliveMs?: number
  maxSubscribers?: number
}

const PAGE_SECURITY_HEADERS = {
  'Content-Security-Policy': "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
}

interface Subscriber {
  res: ServerResponse
  /** An update was skipped while the socket was full: send the latest one on drain. */
  behind: boolean
}

export interface TrainerFeed {
  /** Answers the trainer routes; false when the path is not one of them. */
  handle(req: IncomingMessage, res: ServerResponse, path: string): boolean
  /** Something a trainer would see may have changed. */
  changed(): void
  subscriberCount(): number
  close(): void
}

function summary(snapshot: TrainerSnapshot) {
  return {
    clients: snapshot.clients.total,
    device_codes: snapshot.device_codes.counts,
    token_requests: snapshot.token_requests.total,
  }
}

export function createTrainerFeed(activity: TrainerActivity, options: TrainerFeedOptions): TrainerFeed {
  const throttleMs = options.throttleMs ?? 500
  const refreshMs = options.refreshMs ?? 5000
  const keepAliveMs = options.keepAliveMs ?? 25_000
  const maxSubscribers = options.maxSubscribers ?? 500
  const subscribers = new Set<Subscriber>()
  let timer: ReturnType<typeof setTimeout> | undefined
  let lastBroadcastAt = 0
  let lastHtml = ''
  let latestMessage = ''

  function message(): { text: string; html: string } {
    const snapshot = activity.snapshot()
    const fragment = trainerFragment(snapshot)
    const data = JSON.stringify({ updated: trainerClock(snapshot.generated_at), summary: summary(snapshot), html: fragment })
    return { text: `event: snapshot\ndata: ${data}\n\n`, html: fragment }
  }

  function send(subscriber: Subscriber, text: string) {
    if (subscriber.res.writableNeedDrain) {
      subscriber.behind = true
      return
    }
    subscriber.behind = false
    subscriber.res.write(text)
  }

  function broadcast() {
    timer = undefined
    lastBroadcastAt = Date.now()
    if (subscribers.size === 0) return
    const next = message()
    if (next.html === lastHtml) return
    lastHtml = next.html
    latestMessage = next.text
    for (const subscriber of subscribers) send(subscriber, next.text)
  }

  function changed() {
    if (subscribers.size === 0 || timer) return
    timer = setTimeout(broadcast, Math.max(0, lastBroadcastAt + throttleMs - Date.now()))
    timer.unref?.()
  }

  const refresh = setInterval(() => changed(), refreshMs)
  refresh.unref?.()
  const keepAlive = setInterval(() => {
    for (const subscriber of subscribers) if (!subscriber.res.writableNeedDrain) subscriber.res.write(': keep-alive\n\n')
  }, keepAliveMs)
  keepAlive.unref?.()

  function subscribe(req: IncomingMessage, res: ServerResponse) {
    if (subscribers.size >= maxSubscribers) {
      res.writeHead(503, { 'Content-Type': 'application/json', 'Retry-After': '10' })
      res.end(JSON.stringify({ error: 'too_many_subscribers', error_description: `at most ${maxSubscribers} trainer pages at once` }))
      return
    }
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', 'X-Accel-Buffering': 'no' })
    const subscriber: Subscriber = { res, behind: false }
    subscribers.add(subscriber)
    // The newcomer gets the current state at once; the others only when something changes.
    const current = message()
    res.write('retry: 3000\n\n')
    res.write(current.text)
    res.on('drain', () => {
      if (subscriber.behind) send(subscriber, latestMessage || message().text)
    })
    req.on('close', () => subscribers.delete(subscriber))
  }

  function handle(req: IncomingMessage, res: ServerResponse, path: string): boolean {
    if (!Object.values(TRAINER_PATHS).includes(path as (typeof TRAINER_PATHS)[keyof typeof TRAINER_PATHS])) return false
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'application/json' })
      res.end(JSON.stringify({ error: 'invalid_request', error_description: 'the trainer page is read-only' }))
      return true
    }
    switch (path) {
      case TRAINER_PATHS.events:
        subscribe(req, res)
        return true
      case TRAINER_PATHS.state: {
        const body = JSON.stringify(activity.snapshot())
        res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' })
        res.end(req.method === 'HEAD' ? undefined : body)
        return true
      }
      case TRAINER_PATHS.script:
        res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' })
        res.end(req.method === 'HEAD' ? undefined : TRAINER_SCRIPT)
        return true
      default: {
        const body = trainerPage(activity.snapshot(), { issuer: options.issuer, eventsPath: TRAINER_PATHS.events, scriptPath: TRAINER_PATHS.script })
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ...PAGE_SECURITY_HEADERS })
        res.end(req.method === 'HEAD' ? undefined : body)
        return true
      }
    }
  }

  return {
    handle,
    changed,
    subscriberCount: () => subscribers.size,
    close() {
      clearInterval(refresh)
      clearInterval(keepAlive)
      if (timer) clearTimeout(timer)
      for (const subscriber of subscribers) subscriber.res.end()
      subscribers.clear()
    },
  }
}
