// `npm start`: the sandbox identity server and the console (with its relay) together, pre-configured
// for each other. `npm start -- --lan` serves both on this machine's LAN address for a room of phones.
import { spawn } from 'node:child_process'
import { networkInterfaces } from 'node:os'
import { renderUnicodeCompact } from 'uqr'
import { planStart } from './start-plan.mjs'

const plan = planStart({ argv: process.argv.slice(2), env: process.env, interfaces: networkInterfaces() })
if (!plan.ok) {
  console.error(plan.message)
  process.exit(2)
}

const children = [
  spawn(process.execPath, plan.sandboxArgs, { stdio: 'inherit' }),
  spawn('npx', plan.viteArgs, { stdio: 'inherit', env: { ...process.env, ...plan.viteEnv } }),
]

let stopping = false
const stop = (code) => {
  if (stopping) return
  stopping = true
  for (const child of children) child.kill('SIGTERM')
  process.exit(code)
}
for (const child of children) child.on('exit', (code) => stop(code ?? 1))
process.on('SIGINT', () => stop(0))
process.on('SIGTERM', () => stop(0))

/** True once the URL answers at all: a refused connection means the server is still starting. */
async function answers(url) {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000) })
    await response.body?.cancel()
    return response.ok
  } catch {
    return false
  }
}

// Print the URLs only once both servers answer, so the first click on them works.
const startedAt = Date.now()
let warned = false
while (!stopping) {
  const [sandboxUp, consoleUp] = await Promise.all([answers(plan.discoveryUrl), answers(plan.consoleUrl)])
  if (sandboxUp && consoleUp) break
  if (!warned && Date.now() - startedAt > 60_000) {
    warned = true
    console.warn(`  Still waiting for ${sandboxUp ? 'the console' : 'the sandbox'} to answer...`)
  }
  await new Promise((resolve) => setTimeout(resolve, 200))
}

const lines = [
  '',
  `  OAuth Console:   ${plan.consoleUrl}`,
  `  Sandbox issuer:  ${plan.issuer}`,
  `  Trainer page:    ${plan.trainerUrl} (read-only, live: clients, device codes, token requests)`,
  `  Local relay:     ${plan.consoleUrl}relay (forwards to ${plan.viteEnv.RELAY_ALLOW_HOSTS} and hosts you allow)`,
  '  Sign in on the sandbox as demo / demo. Ctrl+C stops both.',
  '',
]
console.log(lines.join('\n'))
if (plan.lan) {
  console.log(`  Participants: scan to open the console (${plan.consoleUrl}), same network required.\n`)
  console.log(renderUnicodeCompact(plan.consoleUrl, { border: 2 }).replace(/^/gm, '  '))
  console.log('')
}
