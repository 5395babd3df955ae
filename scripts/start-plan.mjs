// What `npm start` runs and advertises, worked out from its options and the machine's network
// interfaces: a pure function, so the LAN set-up is tested without a LAN (scripts/start-plan.test.ts).

const LOOPBACK = '127.0.0.1'

/** The first non-internal IPv4 address, the one phones on the same network can reach. */
export function lanAddress(interfaces) {
  for (const addresses of Object.values(interfaces)) {
    for (const address of addresses ?? []) {
      if ((address.family === 'IPv4' || address.family === 4) && !address.internal) return address.address
    }
  }
  return null
}

/**
 * @param {{ argv: string[], env: Record<string, string | undefined>, interfaces: Record<string, { address: string, family: string | number, internal: boolean }[] | undefined> }} input
 */
export function planStart({ argv, env, interfaces }) {
  const unknown = argv.filter((argument) => argument !== '--lan')
  if (unknown.length > 0) return { ok: false, message: `Unknown option ${unknown[0]}. Usage: npm start [-- --lan]` }
  const lan = argv.includes('--lan')
  const host = lan ? (env.LAN_ADDRESS ?? lanAddress(interfaces)) : LOOPBACK
  if (host === null) {
    return {
      ok: false,
      message: 'npm start -- --lan found no network address other than loopback. Join a network, or set LAN_ADDRESS=<this machine\'s address>.',
    }
  }
  const sandboxPort = env.SANDBOX_PORT ?? '8443'
  const consolePort = env.CONSOLE_PORT ?? '5173'
  const sandboxOrigin = `http://${host}:${sandboxPort}`
  const consoleUrl = `http://${host}:${consolePort}/`
  const issuer = `${sandboxOrigin}/oauth/v2/oauth-anonymous`
  const consoleOrigins = [`http://${host}:${consolePort}`, ...(lan ? [] : [`http://localhost:${consolePort}`])]
  return {
    ok: true,
    lan,
    host,
    consoleUrl,
    issuer,
    discoveryUrl: `${issuer}/.well-known/openid-configuration`,
    // The sandbox's read-only, live view of the room, for the trainer's screen.
    trainerUrl: `${sandboxOrigin}/trainer`,
    sandboxArgs: [
      'scripts/run-sandbox.mjs',
      '--port', sandboxPort,
      '--host', host,
      '--allowed-origins', consoleOrigins.join(','),
      // Discovery and verification_uri name the address phones can reach.
      '--public-url', sandboxOrigin,
    ],
    viteArgs: ['vite', '--host', host, '--port', consolePort, '--strictPort'],
    viteEnv: {
      VITE_SANDBOX_ISSUER: issuer,
      // The relay forwards to its own sandbox from the start; other hosts need the person's click.
      RELAY_ALLOW_HOSTS: `${host}:${sandboxPort}`,
      // Vite's deps cache, one per address served: two npm starts at once (a test's own `npm start -- --lan`
      // beside the journeys' npm start) otherwise share node_modules/.vite/deps, and a start whose config hash
      // differs deletes it while the other serves from it (its pages then get 504 for react).
      CONSOLE_VITE_CACHE_DIR: `node_modules/.vite/start-${host}-${consolePort}`,
    },
  }
}
