import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createAllowlist, type RelayAllowlist } from './relay-allowlist.ts'
import { createRelayHandler, setSecurityHeaders, type RelayOptions } from './relay-handler.ts'

export const RELAY_PATH = '/relay'

export interface StandaloneRelayOptions extends Omit<RelayOptions, 'allowlist' | 'servedHostnames'> {
  host: string
  port: number
  allowHosts?: readonly string[]
  /** Extra names the relay answers to besides its bind address and the loopback names. */
  hostnames?: readonly string[]
}

export interface RunningRelay {
  server: Server
  /** Where the console sends its requests, e.g. http://127.0.0.1:8787/relay */
  url: string
  allowlist: RelayAllowlist
  close: () => Promise<void>
}

export const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '::1'] as const

/** The relay on its own port, for a console served from other static hosting (`npm run relay`). */
export async function startRelay(options: StandaloneRelayOptions): Promise<RunningRelay> {
  const allowlist = createAllowlist(options.allowHosts ?? [])
  const served = [...LOOPBACK_NAMES, options.host, ...(options.hostnames ?? [])]
  const handle = createRelayHandler({ ...options, allowlist, servedHostnames: () => served })
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://relay.invalid').pathname
    if (path !== RELAY_PATH && !path.startsWith(`${RELAY_PATH}/`)) {
      setSecurityHeaders(response)
      response.writeHead(404, { 'Content-Type': 'application/json' })
      response.end(JSON.stringify({ relay_error: 'not_found', message: `The relay lives under ${RELAY_PATH}/.` }))
      return
    }
    request.url = request.url!.slice(RELAY_PATH.length) || '/'
    handle(request, response)
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, options.host, () => resolve())
  })
  const { port } = server.address() as AddressInfo
  const hostForUrl = options.host.includes(':') ? `[${options.host}]` : options.host
  return {
    server,
    url: `http://${hostForUrl}:${port}${RELAY_PATH}`,
    allowlist,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
