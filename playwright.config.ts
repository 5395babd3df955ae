import { existsSync } from 'node:fs'
import { defineConfig, devices } from '@playwright/test'
import {
  E2E_CONSOLE_INSECURE_ORIGIN,
  E2E_CONSOLE_ORIGIN,
  E2E_CONSOLE_PORT,
  E2E_HOSTILE,
  E2E_SANDBOX,
  E2E_SANDBOX_CLIENT_ID_IN_BODY,
  E2E_SANDBOX_NO_CORS,
  E2E_SANDBOX_SHORT_LIVED,
  E2E_SANDBOX_SLOW_POLLING,
  E2E_SANDBOX_SPARSE_DEVICE,
  E2E_SANDBOX_STRICT_AUTH,
  E2E_START_CONSOLE_ORIGIN,
  E2E_START_CONSOLE_PORT,
  E2E_START_SANDBOX,
} from './e2e/servers.ts'

// Chromium's headless shell (Debian's chromium-headless-shell; Playwright's own headless Chromium is the same build):
// Blink and V8 without the full browser around them. The same four journeys took 23 s of CPU in it and 38 s in
// /usr/bin/chromium, and the journeys are bound by CPU on a busy 2-core machine. The full browser where it is missing.
const HEADLESS_SHELL = '/usr/bin/chromium-headless-shell'
const chromiumPath = process.env.CHROMIUM_PATH ?? (existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : '/usr/bin/chromium')

// Sandboxes are started with fast settings: a 1 s polling interval, and one with codes that expire in seconds.
const sandbox = (port: number, extra: string) => ({
  name: `sandbox :${port}`,
  command: `node scripts/run-sandbox.mjs --port ${port} --host 127.0.0.1 ${extra}`,
  url: `http://127.0.0.1:${port}/oauth/v2/oauth-anonymous/.well-known/openid-configuration`,
})

const browserUse = {
  ...devices['Desktop Chrome'],
  launchOptions: {
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  },
}

/** Spec files with a journey of 25 s or more on a busy machine (clean-clone CI runs beside a CPU burner). */
const LONGEST_JOURNEYS = [
  'accessibility',
  'csp',
  'device-flow',
  'dpop',
  'hostile-limits',
  'relay',
  'token-tools',
  'workshop-presentation',
].map((name) => `**/${name}.spec.ts`)

/** Every server the journeys use, started all at once by e2e/start-servers.mjs. */
const servers = [
  sandbox(E2E_SANDBOX.port, `--interval 1 --device-code-ttl 120 --allowed-origins ${E2E_CONSOLE_ORIGIN},${E2E_CONSOLE_INSECURE_ORIGIN}`),
  sandbox(E2E_SANDBOX_SHORT_LIVED.port, `--interval 1 --device-code-ttl 3 --allowed-origins ${E2E_CONSOLE_ORIGIN}`),
  sandbox(E2E_SANDBOX_SLOW_POLLING.port, `--interval 30 --device-code-ttl 300 --allowed-origins ${E2E_CONSOLE_ORIGIN}`),
  // Allows only an origin the console never has: the browser refuses its replies, as with a misconfigured server.
  sandbox(E2E_SANDBOX_NO_CORS.port, `--interval 1 --allowed-origins http://127.0.0.1:1`),
  // Pitfalls of real servers, one sandbox each, for the client-authentication journeys.
  sandbox(E2E_SANDBOX_CLIENT_ID_IN_BODY.port, `--interval 1 --allowed-origins ${E2E_CONSOLE_ORIGIN} --quirk poll-requires-client-id`),
  sandbox(E2E_SANDBOX_STRICT_AUTH.port, `--interval 1 --allowed-origins ${E2E_CONSOLE_ORIGIN} --strict-auth-method`),
  sandbox(E2E_SANDBOX_SPARSE_DEVICE.port, `--allowed-origins ${E2E_CONSOLE_ORIGIN} --no-interval --no-complete-uri --slow-down-first`),
  {
    name: 'hostile server',
    command: `node e2e/hostile-server/server.mjs --port ${E2E_HOSTILE.port} --elsewhere-port ${E2E_HOSTILE.elsewhere.port}`,
    url: `${E2E_HOSTILE.origin}/__received`,
  },
  {
    // The production build, pointed at the journeys' sandbox; built while the sandboxes start.
    name: 'vite preview',
    command: `npx vite build --logLevel warn && npx vite preview --port ${E2E_CONSOLE_PORT} --strictPort`,
    url: E2E_CONSOLE_ORIGIN,
    env: { VITE_SANDBOX_ISSUER: E2E_SANDBOX.issuer },
  },
  // `npm start` itself (vite dev with the relay, and its own sandbox), for the relay journey.
  {
    name: 'npm start',
    command: 'node scripts/start.mjs',
    url: E2E_START_CONSOLE_ORIGIN,
    env: { SANDBOX_PORT: String(E2E_START_SANDBOX.port), CONSOLE_PORT: String(E2E_START_CONSOLE_PORT) },
  },
]

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  // The journeys mostly wait (on the sandbox's intervals, a second device, the servers): with two workers a
  // quiet run took 546 s of wall time for about 400 s of CPU on 2 cores, so a third worker runs while they wait.
  workers: 3,
  retries: 0,
  // One limit for every journey, only to stop a stuck one: they assert outcomes, and beside other suites a whole
  // walk-through with a second device took over 2 minutes (journeys that set a lower limit of their own failed on it).
  timeout: 300_000,
  expect: { timeout: 20_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: E2E_CONSOLE_ORIGIN,
    // Actions, DOM snapshots and network of a failed journey, without the screencast: recording a frame stream
    // of every journey (kept only for the few that fail) was about a third of the journeys' CPU time.
    trace: { mode: 'retain-on-failure', screenshots: false },
    screenshot: 'only-on-failure',
  },
  // The longest journeys first (Playwright runs files in name order): started last, they were the run's tail, with
  // one worker busy for 15 s or more after the others had finished. Two projects of the same browser, queued in order.
  projects: [
    { name: 'chromium: longest first', testMatch: LONGEST_JOURNEYS, use: browserUse },
    { name: 'chromium', testIgnore: LONGEST_JOURNEYS, use: browserUse },
  ],
  webServer: {
    command: 'node e2e/start-servers.mjs',
    env: { E2E_SERVERS: JSON.stringify(servers), E2E_REUSE_SERVERS: process.env.CI ? '' : '1' },
    wait: { stdout: /All \d+ servers answer/ },
    // Ten servers and a build start at once: on a busy 2-core machine the last can take a while to answer.
    timeout: 240_000,
  },
})
