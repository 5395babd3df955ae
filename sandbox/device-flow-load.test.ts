import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { PATHS } from './configuration.ts'
import { poll, registerDeviceClient, startDeviceFlow, type ClientCredentials } from './testing/oauth-requests.ts'

/**
 * A room of participants polling one sandbox at once, over loopback. Bounded: 100 participants, 2 polls
 * each, a 10 s interval (its quarter-interval tolerance outlasts a busy machine's queueing jitter), so the whole room takes well under a minute even on a busy machine. Before polls
 * were timed on arrival, the time a burst took to process counted against every participant in it.
 */
const PARTICIPANTS = 100
const POLLS_EACH = 2
const INTERVAL_SECONDS = 10
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

// The sandbox runs in its own process, as in a workshop: the participants' load is on it, not on the test.
beforeAll(async () => {
  const port = await freePort()
  origin = `http://127.0.0.1:${port}`
  const script = fileURLToPath(new URL('../scripts/run-sandbox.mjs', import.meta.url))
  child = spawn(process.execPath, [script, '--host', '127.0.0.1', '--port', String(port), '--interval', String(INTERVAL_SECONDS)], {
    stdio: 'ignore',
  })
  for (;;) {
    const ready = await fetch(`${origin}${PATHS.discovery}`).then((reply) => reply.ok, () => false)
    if (ready) break
    if (child.exitCode !== null) throw new Error(`the sandbox exited with ${child.exitCode}`)
    await sleep(100)
  }
  client = await registerDeviceClient(origin, WWW)
}, 60_000)

afterAll(() => {
  child?.kill()
})

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
  test('nobody who keeps to the interval is told to slow down, and every poll is answered authorization_pending', async () => {
    // The room gets its codes, then everybody polls at once: each poll's burst queues on the sandbox.
    const devices = await Promise.all(Array.from({ length: PARTICIPANTS }, () => startDeviceFlow(origin, client, 'openid')))
    const answers = (await Promise.all(devices.map((device) => participant(device.device_code)))).flat()

    expect(answers).toHaveLength(PARTICIPANTS * POLLS_EACH)
    expect(answers.filter((answer) => answer === 'slow_down')).toEqual([])
    expect(new Set(answers)).toEqual(new Set(['authorization_pending']))
  }, 120_000)
})
