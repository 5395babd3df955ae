// Starts every server the journeys use at once and says so when all of them answer (playwright.config.ts).
// Playwright starts the servers of a `webServer` array one after another, each only once the one before
// answers: nine servers took 45-75 s that way on a busy 2-core machine, most of it waiting.
//
// E2E_SERVERS: JSON list of { name, command, url, env? }. E2E_REUSE_SERVERS=1 leaves a server that already
// answers as it is (outside CI, like Playwright's reuseExistingServer); otherwise that is an error.
// The servers stay in this process group, so Playwright's stop (a kill of the group) stops them all.
import { spawn } from 'node:child_process'

const servers = JSON.parse(process.env.E2E_SERVERS ?? '[]')
const reuse = process.env.E2E_REUSE_SERVERS === '1'
const children = []
let stopping = false

/** What Playwright counts as up: any 2xx or 3xx, or 400-403. A refused connection means still starting. */
async function answers(url) {
  try {
    const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(5_000) })
    await response.body?.cancel()
    return response.status <= 403
  } catch {
    return false
  }
}

function stopAll(code) {
  if (stopping) return
  stopping = true
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM')
  process.exit(code)
}
process.on('SIGTERM', () => stopAll(0))
process.on('SIGINT', () => stopAll(0))

async function start(server) {
  if (await answers(server.url)) {
    if (reuse) return
    console.error(`${server.name}: ${server.url} already answers; stop what is running there.`)
    stopAll(1)
  }
  const child = spawn(server.command, { shell: true, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...server.env } })
  children.push(child)
  child.on('exit', (code, signal) => {
    if (stopping) return
    console.error(`${server.name} stopped (${signal ?? `exit code ${code}`}): ${server.command}`)
    stopAll(1)
  })
  for (const delay of [100, 250, 500]) {
    if (await answers(server.url)) return
    await new Promise((resolve) => setTimeout(resolve, delay))
  }
  while (!(await answers(server.url))) await new Promise((resolve) => setTimeout(resolve, 1_000))
}

await Promise.all(servers.map(start))
console.log(`All ${servers.length} servers answer`)
