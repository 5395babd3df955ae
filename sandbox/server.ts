/**
 * Command line entry: npx tsx sandbox/server.ts [--port 8443] ... (see cli-options.ts or --help).
 * Parses the options, starts the sandbox, prints what a workshop needs to get going.
 */
import { parseCommandLine, USAGE } from './cli-options.ts'
import { DEMO_USER, PATHS } from './configuration.ts'
import { startSandbox } from './start-sandbox.ts'

const parsed = parseCommandLine(process.argv.slice(2), process.env)
if (parsed.kind === 'help') {
  console.log(USAGE)
  process.exit(0)
}
if (parsed.kind === 'error') {
  console.error(`sandbox: ${parsed.message}\n\n${USAGE}`)
  process.exit(2)
}

const { options } = parsed
const sandbox = await startSandbox({ ...options, log: (line) => console.log(line) }).catch((error: unknown) => {
  // Most often EADDRINUSE: another sandbox is already running on that port.
  console.error(`sandbox: could not start: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})

console.log(`OAuth Console sandbox (local testing only; everything is kept in memory)
  issuer            ${sandbox.issuer}
  discovery         ${sandbox.issuer}/.well-known/openid-configuration
  device page       ${sandbox.origin}${PATHS.deviceVerification}
  trainer page      ${sandbox.trainerUrl}  (read-only, live: clients, device codes, token requests)
  client            www / ${options.wwwSecret}  (client_credentials with scope dcr, authorization_code)
  DCR template      software_id "device-client"
  demo user         ${DEMO_USER.username} / ${DEMO_USER.password}
  allowed origins   ${options.allowedOrigins.join(', ') || 'none (CORS refused everywhere)'}
  device flow       interval ${options.interval} s, device_code lifetime ${options.deviceCodeTtl} s
  training faults   ${sandbox.origin}${PATHS.faults}/html  ${sandbox.origin}${PATHS.faults}/empty
  quirks            ${
    Object.entries(options.quirks)
      .filter(([, on]) => on)
      .map(([name]) => name)
      .join(', ') || 'none'
  }`)

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void sandbox.close().finally(() => process.exit(0))
  })
}
