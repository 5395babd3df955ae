import type { Plugin, PreviewServer, ViteDevServer } from 'vite'
import { createAllowlist } from './relay-allowlist.ts'
import { createRelayHandler } from './relay-handler.ts'
import { LOOPBACK_NAMES, RELAY_PATH } from './relay-server.ts'

/** Hosts allowed from the start, comma-separated: `npm start` passes its sandbox. */
export const RELAY_ALLOW_HOSTS_ENV = 'RELAY_ALLOW_HOSTS'

function hostsFrom(text: string | undefined): string[] {
  return (text ?? '')
    .split(',')
    .map((host) => host.trim())
    .filter(Boolean)
}

/** The names the console is served on: loopback, the bound address, and Vite's own allowedHosts list. */
function servedNames(config: { host?: string | boolean; allowedHosts?: string[] | true }): string[] {
  const names: string[] = [...LOOPBACK_NAMES]
  if (typeof config.host === 'string' && config.host !== '0.0.0.0' && config.host !== '::') names.push(config.host)
  if (Array.isArray(config.allowedHosts)) names.push(...config.allowedHosts)
  return names
}

/**
 * Serves the relay at the console's own origin under /relay, in `vite dev` and `vite preview`, so
 * a request the browser would block for CORS can go through it when the person opts in.
 */
export function relayPlugin(): Plugin {
  const allowlist = createAllowlist(hostsFrom(process.env[RELAY_ALLOW_HOSTS_ENV]))
  const mount = (server: ViteDevServer | PreviewServer, config: { host?: string | boolean; allowedHosts?: string[] | true }) => {
    const names = servedNames(config)
    server.middlewares.use(RELAY_PATH, createRelayHandler({ allowlist, servedHostnames: () => names }))
  }
  return {
    name: 'oauth-console-relay',
    configureServer: (server) => mount(server, server.config.server),
    configurePreviewServer: (server) => mount(server, server.config.preview),
  }
}
