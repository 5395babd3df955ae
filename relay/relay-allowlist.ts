import { RelayRefusal } from './relay-refusal.ts'

/**
 * The hosts (`hostname[:port]`, as in a URL's `host`) the relay forwards to. It only grows by an
 * explicit step: the person's click in the console, `--allow-host`, or `npm start` allowing its sandbox.
 */
export interface RelayAllowlist {
  hosts: () => string[]
  has: (host: string) => boolean
  add: (host: string) => string
}

export function createAllowlist(initial: readonly string[] = []): RelayAllowlist {
  const hosts = new Set<string>()
  const add = (host: string) => {
    const normalized = normalizeHost(host)
    hosts.add(normalized)
    return normalized
  }
  for (const host of initial) add(host)
  return {
    hosts: () => [...hosts].sort(),
    has: (host) => hosts.has(host.toLowerCase()),
    add,
  }
}

/** `Example.COM:443` and `https://example.com` name the same host the way a URL's `host` does. */
export function normalizeHost(text: string): string {
  const trimmed = text.trim()
  let url: URL
  try {
    url = new URL(/^[a-z][a-z\d+.-]*:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`)
  } catch {
    throw new RelayRefusal('invalid_request', `"${trimmed}" is not a host name (expected host or host:port).`)
  }
  if (url.host === '' || url.username || url.password || (url.pathname !== '/' && url.pathname !== '')) {
    throw new RelayRefusal('invalid_request', `"${trimmed}" is not a host name (expected host or host:port).`)
  }
  return url.host
}
