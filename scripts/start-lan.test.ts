import { execFile, spawnSync } from 'node:child_process'
import { promisify } from 'node:util'
import { describe, expect, test } from 'vitest'

// `npm start -- --lan` for real: in a network namespace of its own (no root needed, nothing on the
// machine's network touched) whose only non-loopback address is LAN_ADDRESS. Where namespaces are not
// allowed, scripts/start-plan.test.ts still pins the advertised URLs.
const LAN_ADDRESS = '10.77.0.2'
const namespacesAllowed = spawnSync('unshare', ['-rn', 'ip', 'link', 'set', 'lo', 'up']).status === 0

describe('npm start -- --lan', () => {
  test.skipIf(!namespacesAllowed)(
    'serves the console and the sandbox on the LAN address, which discovery, verification_uri and CORS all name, and prints a QR code',
    async () => {
      const setUp = `ip link set lo up && ip addr add ${LAN_ADDRESS}/32 dev lo && exec node scripts/lan-probe.mjs`
      const { stdout } = await promisify(execFile)('unshare', ['-rn', 'sh', '-c', setUp], {
        env: { ...process.env, LAN_ADDRESS },
        timeout: 170_000,
        maxBuffer: 10_000_000,
      })
      const seen = JSON.parse(stdout.trim().split('\n').at(-1)!)
      const sandbox = `http://${LAN_ADDRESS}:8443`
      expect(seen.printed).toContain(`OAuth Console:   http://${LAN_ADDRESS}:5173/`)
      expect(seen.printed).toContain(`Sandbox issuer:  ${sandbox}/oauth/v2/oauth-anonymous`)
      expect(seen.printed).toMatch(/[▀▄█]{10}/)
      expect(seen.issuer).toBe(`${sandbox}/oauth/v2/oauth-anonymous`)
      for (const endpoint of seen.endpoints) expect(endpoint.startsWith(`${sandbox}/`)).toBe(true)
      expect(seen.allowOrigin).toBe(`http://${LAN_ADDRESS}:5173`)
      expect([seen.tokenStatus, seen.registeredStatus]).toEqual([200, 201])
      expect(seen.verificationUriComplete.startsWith(`${sandbox}/`)).toBe(true)
      expect(seen.verificationUriComplete).toContain('?user_code=')
      expect(seen.verifyPageStatus).toBe(200)
      expect(seen.consoleStatus).toBe(200)
      expect(seen.consoleType).toContain('text/html')
      // Served on the LAN address, not also on loopback.
      expect(seen.loopback).toMatch(/^refused/)
    },
    180_000,
  )
})
