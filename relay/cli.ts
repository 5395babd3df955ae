import { parseArgs } from 'node:util'
import { DEFAULT_LIMITS } from './relay-handler.ts'
import { startRelay } from './relay-server.ts'

const USAGE = `Usage: npm run relay -- [options]

  --host <address>          address to bind                 (default 127.0.0.1: loopback only)
  --port <n>                port to listen on               (default 8787)
  --console-origin <url>    origin of the console that may call the relay, e.g. https://console.example
                            (repeatable or comma-separated)
  --allow-host <host:port>  a host the relay forwards to    (repeatable or comma-separated; the console's
                            "Allow ... through the relay" button adds more)
  --timeout <seconds>       per request                     (default ${DEFAULT_LIMITS.timeoutMs / 1000})
  --max-reply-bytes <n>     reply size cap                  (default ${DEFAULT_LIMITS.maxReplyBytes})
  --help                    show this text

Build the console with VITE_RELAY_URL=http://127.0.0.1:8787/relay so it finds the relay.
`

const list = (values: string[] | undefined) => (values ?? []).flatMap((value) => value.split(',')).map((value) => value.trim()).filter(Boolean)

function positive(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback
  const value = Number(text)
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number, got ${JSON.stringify(text)}`)
  return value
}

try {
  const { values } = parseArgs({
    options: {
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '8787' },
      'console-origin': { type: 'string', multiple: true },
      'allow-host': { type: 'string', multiple: true },
      timeout: { type: 'string' },
      'max-reply-bytes': { type: 'string' },
      help: { type: 'boolean' },
    },
  })
  if (values.help) {
    process.stdout.write(USAGE)
    process.exit(0)
  }
  const consoleOrigins = list(values['console-origin']).map((origin) => new URL(origin).origin)
  const relay = await startRelay({
    host: values.host,
    port: positive('port', values.port, 8787),
    allowHosts: list(values['allow-host']),
    consoleOrigins,
    limits: {
      timeoutMs: positive('timeout', values.timeout, DEFAULT_LIMITS.timeoutMs / 1000) * 1000,
      maxReplyBytes: positive('max-reply-bytes', values['max-reply-bytes'], DEFAULT_LIMITS.maxReplyBytes),
    },
  })
  process.stdout.write(
    [
      `OAuth Console relay at ${relay.url}`,
      `  console origins: ${consoleOrigins.join(', ') || '(none: only pages served by the relay itself)'}`,
      `  allowed hosts:   ${relay.allowlist.hosts().join(', ') || '(none yet)'}`,
      '',
    ].join('\n'),
  )
  const stop = () => void relay.close().then(() => process.exit(0))
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error))
  process.stderr.write(`\n${USAGE}`)
  process.exit(2)
}
