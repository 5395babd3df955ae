/** The servers Playwright starts for the journeys: one place for ports and URLs. */
const sandboxAt = (port: number) => ({
  port,
  origin: `http://127.0.0.1:${port}`,
  issuer: `http://127.0.0.1:${port}/oauth/v2/oauth-anonymous`,
})

export const E2E_CONSOLE_ORIGIN = 'http://127.0.0.1:4173'
export const E2E_SANDBOX = sandboxAt(8543)
export const E2E_SANDBOX_SHORT_LIVED = sandboxAt(8544)
export const E2E_SANDBOX_NO_CORS = sandboxAt(8545)
/** A realistic 5 s interval, so "polled too soon" does not depend on how fast the test machine is. */
export const E2E_SANDBOX_SLOW_POLLING = sandboxAt(8546)
