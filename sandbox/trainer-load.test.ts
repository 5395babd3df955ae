import { spawn, type ChildProcess } from 'node:child_process'
import { request, type ClientRequest } from 'node:http'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { PATHS } from './configuration.ts'
import { decideOnDevicePages, poll, registerDeviceClient, startDeviceFlow, type ClientCredentials } from './testing/oauth-requests.ts'
import { TRAINER_PATHS } from './trainer-feed.ts'

/**
 * A workshop's worst case for the trainer page, over loopback and bounded: 100 trainer pages subscribed to the
 * live feed while 100 participants each register a client, start the device flow and poll twice at the
 * interval, 10 of them approving in between. Asserts outcomes only: every request answered as the tutorial
 * expects (no wrongful slow_down), no subscriber dropped, and each one's last update is the room's final state.
 */
const SUBSCRIBERS = 100
const PARTICIPANTS = 100
const APPROVING = 10
const INTERVAL_SECONDS = 10
const WWW: ClientCredentials = { client_id: 'www', client_secret: 'Password1' }

interface Summary {
  clients: number
  device_codes: Record<string, number>
  token_requests: number
}

let child: ChildProcess
let origin: string
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

beforeAll(async () => {
  const port = await freePort()
  origin = `http://127.0.0.1:${port}`
  const script = fileURLToPath(new URL('../scripts/run-sandbox.mjs', import.meta.url))
  child = spawn(process.execPath, [script, '--host', '127.0.0.1', '--port', String(port), '--interval', String(INTERVAL_SECONDS)], { stdio: 'ignore' })
  for (;;) {
    const ready = await fetch(`${origin}${PATHS.discovery}`).then((reply) => reply.ok, () => false)
    if (ready) break
    if (child.exitCode !== null) throw new Error(`the sandbox exited with ${child.exitCode}`)
    await sleep(100)
  }
}, 60_000)

afterAll(() => {
  child?.kill()
})

/** One trainer page's event stream: the latest summary it was sent, and whether it ever failed. */
function subscriber() {
  const state: { latest: Summary | null; updates: number; failure: string | null; connection: ClientRequest | null } = {
    latest: null,
    updates: 0,
    failure: null,
    connection: null,
  }
  const connection = request(`${origin}${TRAINER_PATHS.events}`)
  state.connection = connection
  connection.on('response', (res) => {
    if (res.statusCode !== 200) state.failure = `HTTP ${res.statusCode}`
    let buffer = ''
    res.setEncoding('utf8')
    res.on('data', (chunk: string) => {
      buffer += chunk
      let end: number
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const data = /^event: snapshot\ndata: (.*)$/s.exec(buffer.slice(0, end))?.[1]
        buffer = buffer.slice(end + 2)
        if (data) {
          state.latest = (JSON.parse(data) as { summary: Summary }).summary
          state.updates += 1
        }
      }
    })
    res.on('close', () => {
      if (!connection.destroyed) state.failure ??= 'the stream closed'
    })
  })
  connection.on('error', (error) => (state.failure ??= error.message))
  connection.end()
  return state
}

/** A participant doing the tutorial: register, start, poll, (maybe approve), poll again a full interval later. */
async function participant(index: number): Promise<string[]> {
  const client = await registerDeviceClient(origin, WWW)
  const device = await startDeviceFlow(origin, client, 'openid')
  const sentAt = Date.now()
  const first = await poll(origin, client, device.device_code)
  if (index < APPROVING) await decideOnDevicePages(device, 'approve')
  await sleep(Math.max(0, sentAt + INTERVAL_SECONDS * 1000 - Date.now()))
  const second = await poll(origin, client, device.device_code)
  return [String(first.json.error ?? first.status), String(second.json.error ?? second.status)]
}

describe('the trainer page under a room of 100 participants', () => {
  test('100 live subscribers while 100 device flows run: zero errors, no wrongful slow_down, every page ends on the final state', async () => {
    const pages = Array.from({ length: SUBSCRIBERS }, subscriber)
    const answers = await Promise.all(Array.from({ length: PARTICIPANTS }, (_, index) => participant(index)))

    expect(answers.map(([first]) => first)).toEqual(Array(PARTICIPANTS).fill('authorization_pending'))
    const seconds = answers.map(([, second]) => second)
    expect(seconds.filter((answer) => answer === '200')).toHaveLength(APPROVING)
    expect(seconds.filter((answer) => answer === 'authorization_pending')).toHaveLength(PARTICIPANTS - APPROVING)

    // What the sandbox itself says, then every page catching up with it (each update is a whole state).
    const final = (await (await fetch(`${origin}${TRAINER_PATHS.state}`)).json()) as {
      clients: { total: number }
      device_codes: { counts: Record<string, number> }
      token_requests: { total: number }
    }
    const expected: Summary = {
      clients: PARTICIPANTS + 1,
      device_codes: { pending: PARTICIPANTS - APPROVING, approved: APPROVING, denied: 0, expired: 0 },
      token_requests: PARTICIPANTS * 3,
    }
    expect({ clients: final.clients.total, device_codes: final.device_codes.counts, token_requests: final.token_requests.total }).toEqual(expected)
    while (pages.some((page) => page.failure === null && JSON.stringify(page.latest) !== JSON.stringify(expected))) await sleep(100)
    expect(pages.map((page) => page.failure)).toEqual(Array(SUBSCRIBERS).fill(null))
    expect(pages.every((page) => page.updates >= 2)).toBe(true)
    for (const page of pages) page.connection?.destroy()
  }, 150_000)
})
