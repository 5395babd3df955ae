/** The servers Playwright starts for the journeys: one place for ports and URLs. */

/**
 * Shifts every port, so two checkouts can run their journeys side by side on one machine
 * (E2E_PORT_OFFSET=100 npx playwright test). Default 0.
 */
export const E2E_PORT_OFFSET = Number.parseInt(process.env.E2E_PORT_OFFSET ?? '0', 10) || 0
const port = (base: number) => base + E2E_PORT_OFFSET

const sandboxAt = (port: number) => ({
  port,
  origin: `http://127.0.0.1:${port}`,
  issuer: `http://127.0.0.1:${port}/oauth/v2/oauth-anonymous`,
})

export const E2E_CONSOLE_PORT = port(4173)
export const E2E_CONSOLE_ORIGIN = `http://127.0.0.1:${E2E_CONSOLE_PORT}`
/**
 * The console under a name that is not localhost, over plain http: not a secure context, as for a
 * room of phones on the LAN. Chromium maps the name to 127.0.0.1 with --host-resolver-rules.
 */
export const E2E_CONSOLE_INSECURE_HOST = 'console.test'
export const E2E_CONSOLE_INSECURE_ORIGIN = `http://${E2E_CONSOLE_INSECURE_HOST}:${E2E_CONSOLE_PORT}`
export const E2E_SANDBOX = sandboxAt(port(8543))
export const E2E_SANDBOX_SHORT_LIVED = sandboxAt(port(8544))
export const E2E_SANDBOX_NO_CORS = sandboxAt(port(8545))
/** A 30 s interval: two clicks in a row are "too soon" however busy the test machine is (the sandbox allows a quarter of it). */
export const E2E_SANDBOX_SLOW_POLLING = sandboxAt(port(8546))

/** Curity's pitfall: a device-code poll with Basic alone is refused, "client_id is missing". */
export const E2E_SANDBOX_CLIENT_ID_IN_BODY = sandboxAt(port(8560))
/** Enforces each client's registered token_endpoint_auth_method (403 unauthorized_client otherwise). */
export const E2E_SANDBOX_STRICT_AUTH = sandboxAt(port(8561))
/** A sparse device reply (no interval, no verification_uri_complete) and slow_down on the first poll. */
export const E2E_SANDBOX_SPARSE_DEVICE = sandboxAt(port(8562))
/** `npm start` (scripts/start.mjs: vite dev with the relay, and its own sandbox), for the relay journey. */
export const E2E_START_CONSOLE_PORT = port(5174)
export const E2E_START_CONSOLE_ORIGIN = `http://127.0.0.1:${E2E_START_CONSOLE_PORT}`
export const E2E_START_SANDBOX = sandboxAt(port(8547))

/** The misbehaving server (e2e/hostile-server): one issuer per misbehaviour at /s/<name>. */
const hostileAt = (port: number, elsewherePort: number) => ({
  port,
  origin: `http://127.0.0.1:${port}`,
  issuer: (scenario: string) => `http://127.0.0.1:${port}/s/${scenario}`,
  /** A second origin the hostile server points requests to; it records what reaches it. */
  elsewhere: { port: elsewherePort, origin: `http://127.0.0.1:${elsewherePort}` },
})
export const E2E_HOSTILE = hostileAt(port(8550), port(8551))
