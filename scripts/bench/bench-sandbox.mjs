import { spawn } from 'node:child_process'

/**
 * The sandbox the bench and its profilers click against: a 1 s device interval (Poll is ready soon) and
 * device codes that outlive a run, allowing the console origins given.
 */
export async function startSandbox(port, origins) {
  const child = spawn(
    process.execPath,
    ['scripts/run-sandbox.mjs', '--host', '127.0.0.1', '--port', String(port), '--interval', '1', '--device-code-ttl', '1800', '--allowed-origins', origins.join(',')],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  )
  const issuer = `http://127.0.0.1:${port}/oauth/v2/oauth-anonymous`
  for (let attempt = 0; attempt < 600; attempt++) {
    try {
      if ((await fetch(`${issuer}/.well-known/openid-configuration`)).ok) return { child, issuer }
    } catch {
      // not listening yet
    }
    await new Promise((resolveWait) => setTimeout(resolveWait, 100))
  }
  child.kill()
  throw new Error('the sandbox did not start')
}
