import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'
import type { ClientRequest } from 'node:http'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { PATHS } from './configuration.ts'
import { decideOnDevicePages, poll, registerDeviceClient, startDeviceFlow, type ClientCredentials } from './testing/oauth-requests.ts'
import { subscribeToTrainerEvents, type TrainerEvent } from './testing/trainer-events.ts'
import { TRAINER_PATHS } from './trainer-feed.ts'

/**
 * Load tests share this one file so they run one after the other: each is a room's worth of load, and two at
 * once would make each other's queueing the subject of the test.
 *
 * A room of participants polling one sandbox at once, over loopback. Bounded: 100 participants, 2 polls
 * each, a 20 s interval: its quarter-interval tolerance (5 s) outlasts the queueing jitter of a burst of 100
 * polls on a 2-core machine that is busy with other work too (2.5 s did not, with the unit tests running
 * beside it), and the room still takes well under a minute. Before polls were timed on arrival, the time a
 * burst took to process counted against every participant in it.
 */
const PARTICIPANTS = 100
const POLLS_EACH = 2
const INTERVAL_SECONDS = 20
const WWW: ClientCredentials = { client_id: 'www', client_secret: 'Password1' }

let child: ChildProcess
let origin: string
let client: ClientCredentials

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

/** A fresh sandbox in its own process, as in a workshop: the participants' load is on it, not on the test. */
async function startSandboxProcess(): Promise<{ child: ChildProcess; origin: string }> {
  const port = await freePort()
  const origin = `http://127.0.0.1:${port}`
  const script = fileURLToPath(new URL('../scripts/run-sandbox.mjs', import.meta.url))
  const child = spawn(process.execPath, [script, '--host', '127.0.0.1', '--port', String(port), '--interval', String(INTERVAL_SECONDS)], {
    stdio: 'ignore',
  })
  for (;;) {
    const ready = await fetch(`${origin}${PATHS.discovery}`).then((reply) => reply.ok, () => false)
    if (ready) return { child, origin }
    if (child.exitCode !== null) throw new Error(`the sandbox exited with ${child.exitCode}`)
    await sleep(100)
  }
}

/**
 * One participant, code in hand, polls exactly as RFC 8628 §3.5 allows: each poll sent a full interval
 * after the previous one was SENT (the strictest reading a client may take). Returns each poll's answer.
 */
async function participant(deviceCode: string): Promise<string[]> {
  const answers: string[] = []
  for (let index = 0; index < POLLS_EACH; index++) {
    const sentAt = Date.now()
    const reply = await poll(origin, client, deviceCode)
    answers.push(String(reply.json.error ?? reply.status))
    if (index < POLLS_EACH - 1) await sleep(Math.max(0, sentAt + INTERVAL_SECONDS * 1000 - Date.now()))
  }
  return answers
}

describe('a room of 100 participants polling at the interval (RFC 8628 §3.5)', () => {
  beforeAll(async () => {
    ;({ child, origin } = await startSandboxProcess())
    client = await registerDeviceClient(origin, WWW)
  }, 60_000)
  afterAll(() => {
    child?.kill()
  })

  test('nobody who keeps to the interval is told to slow down, and every poll is answered authorization_pending', async () => {
    // The room gets its codes, then everybody polls at once: each poll's burst queues on the sandbox.
    const devices = await Promise.all(Array.from({ length: PARTICIPANTS }, () => startDeviceFlow(origin, client, 'openid')))
    const answers = (await Promise.all(devices.map((device) => participant(device.device_code)))).flat()

    expect(answers).toHaveLength(PARTICIPANTS * POLLS_EACH)
    expect(answers.filter((answer) => answer === 'slow_down')).toEqual([])
    expect(new Set(answers)).toEqual(new Set(['authorization_pending']))
  }, 120_000)
})

/**
 * The trainer page's worst case: 100 pages subscribed to its live feed while 100 participants each register a
 * client, start the device flow and poll, 10 of them approving and polling again for their tokens. Asserts
 * outcomes only: every request answered as the tutorial expects, no subscriber dropped, and each page's last
 * update is the room's final state. (No poll here comes early, so nothing depends on the machine's speed.)
 */
const SUBSCRIBERS = 100
const APPROVING = 10

type TrainerSummary = TrainerEvent['summary']

/** One trainer page's event stream: the latest summary it was sent, and whether it ever failed. */
function trainerSubscriber() {
  const state: { latest: TrainerSummary | null; updates: number; failure: string | null; connection: ClientRequest } = {
    latest: null,
    updates: 0,
    failure: null,
    connection: subscribeToTrainerEvents(
      origin,
      ({ summary }) => {
        state.latest = summary
        state.updates += 1
      },
      (reason) => (state.failure ??= reason),
    ),
  }
  return state
}

/** A participant doing the tutorial: register, start, poll; an approving one approves and polls for tokens. */
async function tutorialParticipant(index: number): Promise<string[]> {
  const own = await registerDeviceClient(origin, WWW)
  const device = await startDeviceFlow(origin, own, 'openid')
  const first = await poll(origin, own, device.device_code)
  if (index >= APPROVING) return [String(first.json.error ?? first.status)]
  await decideOnDevicePages(device, 'approve')
  const second = await poll(origin, own, device.device_code)
  return [String(first.json.error ?? first.status), String(second.json.error ?? second.status)]
}

describe('the trainer page under a room of 100 participants', () => {
  beforeAll(async () => {
    ;({ child, origin } = await startSandboxProcess())
  }, 60_000)
  afterAll(() => {
    child?.kill()
  })

  test('100 live subscribers while 100 device flows run: zero errors, and every page ends on the final state', async () => {
    const pages = Array.from({ length: SUBSCRIBERS }, trainerSubscriber)
    const answers = await Promise.all(Array.from({ length: PARTICIPANTS }, (_, index) => tutorialParticipant(index)))

    expect(answers.map(([first]) => first)).toEqual(Array(PARTICIPANTS).fill('authorization_pending'))
    expect(answers.flatMap((answer) => answer.slice(1))).toEqual(Array(APPROVING).fill('200'))

    // What the sandbox itself says, then every page catching up with it (each update is a whole state).
    const expected: TrainerSummary = {
      clients: PARTICIPANTS + 1,
      device_codes: { pending: PARTICIPANTS - APPROVING, approved: APPROVING, denied: 0, expired: 0 },
      token_requests: PARTICIPANTS * 2 + APPROVING,
    }
    const final = (await (await fetch(`${origin}${TRAINER_PATHS.state}`)).json()) as {
      clients: { total: number }
      device_codes: { counts: Record<string, number> }
      token_requests: { total: number }
    }
    expect({ clients: final.clients.total, device_codes: final.device_codes.counts, token_requests: final.token_requests.total }).toEqual(expected)
    while (pages.some((page) => page.failure === null && JSON.stringify(page.latest) !== JSON.stringify(expected))) await sleep(100)
    expect(pages.map((page) => page.failure)).toEqual(Array(SUBSCRIBERS).fill(null))
    expect(pages.every((page) => page.updates >= 2)).toBe(true)
    for (const page of pages) page.connection.destroy()
  }, 150_000)
})
