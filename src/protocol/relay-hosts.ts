// Apart from relay-fetch-allowlist.ts (its reply schemas), so the Environment step can list the hosts without them.

/** The hosts (`name[:port]`) a set of URLs reach: what the relay must allow for an environment. */
export function hostsOf(urls: readonly string[]): string[] {
  const hosts = new Set<string>()
  for (const url of urls) {
    try {
      const parsed = new URL(url.trim())
      if (parsed.protocol === 'http:' || parsed.protocol === 'https:') hosts.add(parsed.host)
    } catch {
      // Not a URL yet (half typed): nothing to allow.
    }
  }
  return [...hosts].sort()
}
