import { createServer, type RequestListener, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { DEFAULT_OPTIONS, PATHS, sandboxConfiguration, type SandboxOptions } from './configuration.ts'
import { createProvider } from './create-provider.ts'
import { createMemoryStore } from './memory-adapter.ts'
import { createRequestDispatcher } from './request-dispatcher.ts'
import { generateSigningKeys } from './signing-keys.ts'
import { createTrainerActivity } from './trainer-activity.ts'
import { createTrainerFeed, TRAINER_PATHS } from './trainer-feed.ts'

export interface StartSandboxOptions extends Partial<SandboxOptions> {
  /** Receives one line per request (method, path, status, ms). Silent when absent, as tests want. */
  log?: (line: string) => void
}

export interface RunningSandbox {
  issuer: string
  /** The public origin, e.g. http://127.0.0.1:8443. */
  origin: string
  port: number
  /** The read-only trainer page: clients, device codes and token requests, live. */
  trainerUrl: string
  close(): Promise<void>
}

function withDefaults(overrides: Partial<SandboxOptions>): SandboxOptions {
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined))
  return { ...DEFAULT_OPTIONS, ...defined }
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve(server.address() as AddressInfo)
    })
  })
}

function close(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()))
    // Keep-alive connections (fetch keeps them) would otherwise hold close() open.
    server.closeAllConnections()
  })
}

/**
 * Starts a sandbox identity server with fresh keys and empty storage. Port 0 picks a free port; the issuer
 * needs the port, so the server listens first and the provider is built around the address it got.
 */
export async function startSandbox(options: StartSandboxOptions = {}): Promise<RunningSandbox> {
  const { log, ...overrides } = options
  const settings = withDefaults(overrides)
  const jwks = await generateSigningKeys()

  let dispatch: RequestListener | undefined
  const server = createServer((req, res) => {
    if (dispatch) return dispatch(req, res)
    res.writeHead(503, { 'Retry-After': '1' }).end()
  })
  const { port } = await listen(server, settings.port, settings.host)

  let stopFeed = () => {}
  try {
    const config = sandboxConfiguration(settings, port)
    // The trainer page reads the provider's own store and hears of every write to it.
    let changed = () => {}
    const store = createMemoryStore(() => changed())
    const activity = createTrainerActivity({ staticClients: config.clients, payloads: store.payloads, changed: () => changed() })
    const feed = createTrainerFeed(activity, { issuer: config.issuer })
    changed = feed.changed
    stopFeed = feed.close
    const provider = createProvider(config, jwks, { store, observer: activity.tokenRequests(PATHS.token) })
    dispatch = createRequestDispatcher(provider, config, log, feed)
    return {
      issuer: config.issuer,
      origin: config.publicUrl,
      port,
      trainerUrl: `${config.publicUrl}${TRAINER_PATHS.page}`,
      close: () => {
        stopFeed()
        return close(server)
      },
    }
  } catch (error) {
    stopFeed()
    await close(server)
    throw error
  }
}
