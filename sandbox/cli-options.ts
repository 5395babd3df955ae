import { DEFAULT_OPTIONS, type SandboxOptions, type SandboxQuirks } from './configuration.ts'

export const USAGE = `Usage: npx tsx sandbox/server.ts [options]

  --port <n>                 port to listen on, 0 picks a free one  (SANDBOX_PORT, default ${DEFAULT_OPTIONS.port})
  --host <address>           address to bind                       (SANDBOX_HOST, default ${DEFAULT_OPTIONS.host})
  --allowed-origins <list>   comma-separated CORS origins           (SANDBOX_ALLOWED_ORIGINS,
                             default ${DEFAULT_OPTIONS.allowedOrigins.join(',')})
  --interval <seconds>       device flow polling interval           (SANDBOX_INTERVAL, default ${DEFAULT_OPTIONS.interval})
  --device-code-ttl <secs>   device_code lifetime                   (SANDBOX_DEVICE_CODE_TTL, default ${DEFAULT_OPTIONS.deviceCodeTtl})
  --www-secret <secret>      client secret of the www client        (SANDBOX_WWW_SECRET, default ${DEFAULT_OPTIONS.wwwSecret})
  --public-url <origin>      origin other devices use, e.g. http://192.168.1.20:8443
                             (SANDBOX_PUBLIC_URL, default http://<host>:<port>)
  --cors-origins none        allow no origin at all (as most company servers): only a relay gets through;
                             --cors-origins <list> is the same as --allowed-origins
  --quirk poll-requires-client-id
                             Curity's pitfall: a device-code poll with Basic alone is refused, client_id missing
  --strict-auth-method       enforce the registered token_endpoint_auth_method (the other one: 403 unauthorized_client)
  --no-interval              leave interval out of the device authorization reply (clients must use 5 s)
  --no-complete-uri          leave verification_uri_complete out of the device authorization reply
  --slow-down-first          answer the first pending poll of each device code with slow_down
  --help                     show this text
`

/** Flags without a value, each switching on one quirk. */
const QUIRK_FLAGS = {
  'strict-auth-method': 'strictAuthMethod',
  'no-interval': 'noInterval',
  'no-complete-uri': 'noCompleteUri',
  'slow-down-first': 'slowDownFirst',
} as const satisfies Record<string, keyof SandboxQuirks>

/** Values of --quirk, for behaviours named after the server that has them. */
const NAMED_QUIRKS = { 'poll-requires-client-id': 'pollRequiresClientId' } as const satisfies Record<string, keyof SandboxQuirks>

function isNamedQuirk(name: string): name is keyof typeof NAMED_QUIRKS {
  return Object.hasOwn(NAMED_QUIRKS, name)
}

function isQuirkFlag(name: string): name is keyof typeof QUIRK_FLAGS {
  return Object.hasOwn(QUIRK_FLAGS, name)
}

type OptionName = 'port' | 'host' | 'allowed-origins' | 'cors-origins' | 'interval' | 'device-code-ttl' | 'www-secret' | 'public-url' | 'quirk'

const ENV_NAMES: Record<OptionName, string> = {
  port: 'SANDBOX_PORT',
  host: 'SANDBOX_HOST',
  'allowed-origins': 'SANDBOX_ALLOWED_ORIGINS',
  'cors-origins': 'SANDBOX_CORS_ORIGINS',
  interval: 'SANDBOX_INTERVAL',
  'device-code-ttl': 'SANDBOX_DEVICE_CODE_TTL',
  'www-secret': 'SANDBOX_WWW_SECRET',
  'public-url': 'SANDBOX_PUBLIC_URL',
  quirk: 'SANDBOX_QUIRK',
}

function isOptionName(name: string): name is OptionName {
  return Object.hasOwn(ENV_NAMES, name)
}

export type ParsedCommandLine =
  | { kind: 'options'; options: SandboxOptions }
  | { kind: 'help' }
  | { kind: 'error'; message: string }

function integer(name: string, text: string, min: number, max: number): number {
  const value = Number(text)
  if (!/^\d+$/.test(text.trim()) || value < min || value > max) {
    throw new Error(`--${name} must be a whole number from ${min} to ${max}, got ${JSON.stringify(text)}`)
  }
  return value
}

function origin(name: string, text: string): string {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new Error(`--${name} must be an origin like http://127.0.0.1:5173, got ${JSON.stringify(text)}`)
  }
  if (!/^https?:$/.test(url.protocol) || url.origin !== text.replace(/\/$/, '')) {
    throw new Error(`--${name} must be an origin (scheme, host, port; no path), got ${JSON.stringify(text)}`)
  }
  return url.origin
}

/** Reads options from the command line first, then SANDBOX_* variables, then the defaults. */
export function parseCommandLine(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): ParsedCommandLine {
  const given = new Map<OptionName, string>()
  const quirks: SandboxQuirks = { ...DEFAULT_OPTIONS.quirks }
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index] ?? ''
    if (argument === '--help' || argument === '-h') return { kind: 'help' }
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(argument)
    const name = match?.[1] ?? ''
    if (match && isQuirkFlag(name) && match[2] === undefined) {
      quirks[QUIRK_FLAGS[name]] = true
      continue
    }
    if (!match || !isOptionName(name)) return { kind: 'error', message: `unknown option ${argument}` }
    const value = match[2] ?? argv[++index]
    if (value === undefined) return { kind: 'error', message: `--${name} needs a value` }
    given.set(name, value)
  }
  const read = (name: OptionName) => given.get(name) ?? env[ENV_NAMES[name]]

  try {
    const port = read('port')
    const host = read('host')
    const corsOrigins = read('cors-origins')
    const allowedOrigins = corsOrigins?.trim() === 'none' ? '' : (corsOrigins ?? read('allowed-origins'))
    const quirk = read('quirk')
    for (const named of quirk?.split(',').map((item) => item.trim()).filter(Boolean) ?? []) {
      if (!isNamedQuirk(named)) {
        throw new Error(`--quirk must be one of ${Object.keys(NAMED_QUIRKS).join(', ')}, got ${JSON.stringify(named)}`)
      }
      quirks[NAMED_QUIRKS[named]] = true
    }
    const interval = read('interval')
    const deviceCodeTtl = read('device-code-ttl')
    const wwwSecret = read('www-secret')
    const publicUrl = read('public-url')
    return {
      kind: 'options',
      options: {
        port: port === undefined ? DEFAULT_OPTIONS.port : integer('port', port, 0, 65535),
        host: host ?? DEFAULT_OPTIONS.host,
        allowedOrigins:
          allowedOrigins === undefined
            ? DEFAULT_OPTIONS.allowedOrigins
            : allowedOrigins.split(',').map((item) => item.trim()).filter(Boolean).map((item) => origin('allowed-origins', item)),
        interval: interval === undefined ? DEFAULT_OPTIONS.interval : integer('interval', interval, 1, 3600),
        deviceCodeTtl: deviceCodeTtl === undefined ? DEFAULT_OPTIONS.deviceCodeTtl : integer('device-code-ttl', deviceCodeTtl, 1, 86400),
        wwwSecret: wwwSecret || DEFAULT_OPTIONS.wwwSecret,
        ...(publicUrl ? { publicUrl: origin('public-url', publicUrl) } : {}),
        quirks,
      },
    }
  } catch (error) {
    return { kind: 'error', message: error instanceof Error ? error.message : String(error) }
  }
}
