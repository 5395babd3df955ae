import { describe, expect, test } from 'vitest'
// @ts-expect-error -- a plain .mjs script without type declarations
import { planStart } from './start-plan.mjs'

const interfaces = {
  lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true }],
  eth0: [
    { address: 'fe80::1', family: 'IPv6', internal: false },
    { address: '192.168.1.20', family: 'IPv4', internal: false },
  ],
}

describe('npm start', () => {
  test('serves on loopback by default, its sandbox pre-allowed through the relay', () => {
    expect(planStart({ argv: [], env: {}, interfaces })).toMatchObject({
      ok: true,
      lan: false,
      consoleUrl: 'http://127.0.0.1:5173/',
      issuer: 'http://127.0.0.1:8443/oauth/v2/oauth-anonymous',
      sandboxArgs: expect.arrayContaining(['--host', '127.0.0.1', '--public-url', 'http://127.0.0.1:8443']),
      viteArgs: expect.arrayContaining(['--host', '127.0.0.1', '--port', '5173']),
      viteEnv: { RELAY_ALLOW_HOSTS: '127.0.0.1:8443', CONSOLE_VITE_CACHE_DIR: 'node_modules/.vite/start-127.0.0.1-5173' },
    })
  })

  test('--lan serves both on the LAN address and advertises it: console URL, issuer, verification_uri, CORS origin', () => {
    const plan = planStart({ argv: ['--lan'], env: { SANDBOX_PORT: '9443', CONSOLE_PORT: '6173' }, interfaces })
    expect(plan).toMatchObject({
      ok: true,
      lan: true,
      host: '192.168.1.20',
      consoleUrl: 'http://192.168.1.20:6173/',
      issuer: 'http://192.168.1.20:9443/oauth/v2/oauth-anonymous',
      discoveryUrl: 'http://192.168.1.20:9443/oauth/v2/oauth-anonymous/.well-known/openid-configuration',
      trainerUrl: 'http://192.168.1.20:9443/trainer',
      viteEnv: {
        VITE_SANDBOX_ISSUER: 'http://192.168.1.20:9443/oauth/v2/oauth-anonymous',
        RELAY_ALLOW_HOSTS: '192.168.1.20:9443',
        // Its own Vite deps cache: an npm start on another address at the same time does not share (or delete) it.
        CONSOLE_VITE_CACHE_DIR: 'node_modules/.vite/start-192.168.1.20-6173',
      },
    })
    expect(plan.sandboxArgs).toEqual([
      'scripts/run-sandbox.mjs',
      '--port', '9443',
      '--host', '192.168.1.20',
      '--allowed-origins', 'http://192.168.1.20:6173',
      '--public-url', 'http://192.168.1.20:9443',
    ])
    expect(plan.viteArgs).toEqual(['vite', '--host', '192.168.1.20', '--port', '6173', '--strictPort'])
  })

  test('--lan takes LAN_ADDRESS when set, and says so plainly when there is no network address', () => {
    expect(planStart({ argv: ['--lan'], env: { LAN_ADDRESS: '10.0.0.5' }, interfaces })).toMatchObject({ consoleUrl: 'http://10.0.0.5:5173/' })
    expect(planStart({ argv: ['--lan'], env: {}, interfaces: { lo: interfaces.lo } })).toEqual({
      ok: false,
      message: expect.stringContaining('found no network address other than loopback'),
    })
    expect(planStart({ argv: ['--lna'], env: {}, interfaces })).toEqual({ ok: false, message: expect.stringContaining('Unknown option --lna') })
  })
})
