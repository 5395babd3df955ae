// `npm start`: the sandbox identity server and the console together, pre-configured for each other.
import { spawn } from 'node:child_process'

const sandboxPort = process.env.SANDBOX_PORT ?? '8443'
const consolePort = process.env.CONSOLE_PORT ?? '5173'
const host = '127.0.0.1'
const issuer = `http://${host}:${sandboxPort}/oauth/v2/oauth-anonymous`
const consoleOrigins = [`http://${host}:${consolePort}`, `http://localhost:${consolePort}`].join(',')

const children = [
  spawn('node', ['scripts/run-sandbox.mjs', '--port', sandboxPort, '--host', host, '--allowed-origins', consoleOrigins], {
    stdio: 'inherit',
  }),
  spawn('npx', ['vite', '--host', host, '--port', consolePort, '--strictPort'], {
    stdio: 'inherit',
    env: { ...process.env, VITE_SANDBOX_ISSUER: issuer },
  }),
]

setTimeout(() => {
  console.log(`\n  OAuth Console:   http://${host}:${consolePort}/`)
  console.log(`  Sandbox issuer:  ${issuer}`)
  console.log('  Sign in on the sandbox as demo / demo. Ctrl+C stops both.\n')
}, 1500)

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
