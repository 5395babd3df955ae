/**
 * The Content-Security-Policy and companion headers of every page our own servers send: the console (vite
 * preview, `npm start`), the relay and the sandbox's HTML pages. One module, so the three cannot drift apart.
 */

/** Directive name to its sources, in the order they are written out. */
export type PolicyDirectives = ReadonlyArray<readonly [directive: string, sources: readonly string[]]>

export function serializePolicy(directives: PolicyDirectives): string {
  return directives.map(([directive, sources]) => [directive, ...sources].join(' ')).join('; ')
}

/**
 * Sent with every response: no MIME sniffing (a JSON reply is never run as script or styled as CSS), and no
 * framing for browsers that predate `frame-ancestors` (clickjacking the sandbox's Approve button, say).
 */
export const BASE_SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
} as const

/** What a response that is never a page needs: nothing may load from it, nothing may frame it. */
export const NO_CONTENT_POLICY = serializePolicy([
  ['default-src', ["'none'"]],
  ['frame-ancestors', ["'none'"]],
])

/**
 * Where the console may send requests. The identity servers are named by the person at run time, so a policy
 * fixed when the page is served cannot list them: by default it allows http and https anywhere and nothing
 * else (no ws:, data:, blob:). What keeps requests where the person pointed them is `script-src 'self'` (no
 * injected script runs at all) and the console itself. A deployment for a known set of servers pins them
 * with CONSOLE_CONNECT_SRC (origins, comma- or space-separated); anything else then goes through the relay,
 * which is 'self'.
 */
export function connectSources(env: Readonly<Record<string, string | undefined>>): string[] {
  const pinned = (env.CONSOLE_CONNECT_SRC ?? '').split(/[\s,]+/).filter(Boolean)
  if (pinned.length === 0) return ['http:', 'https:']
  const origins = pinned.map((text) => {
    let url: URL
    try {
      url = new URL(text)
    } catch {
      throw new Error(`CONSOLE_CONNECT_SRC: "${text}" is not an origin such as https://idp.example.com`)
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new Error(`CONSOLE_CONNECT_SRC: "${text}" is not http or https`)
    }
    return url.origin
  })
  // A relay on its own origin (VITE_RELAY_URL) is where the other servers are reached.
  if (env.VITE_RELAY_URL) origins.push(new URL(env.VITE_RELAY_URL).origin)
  return [...new Set(origins)]
}

export interface ConsolePolicyOptions {
  connect: readonly string[]
  /**
   * 'meta' for the tag in the built index.html (the policy of a console on any static hosting), which cannot
   * carry frame-ancestors; 'header' for the servers we run.
   */
  delivery: 'meta' | 'header'
  /** vite dev only: its inline React refresh preamble and injected style elements carry this nonce. */
  devNonce?: string
}

/** The console's policy: its own scripts and styles only, no plugins, no <base>, no framing. */
export function consolePolicy({ connect, delivery, devNonce }: ConsolePolicyOptions): string {
  const nonce = devNonce ? [`'nonce-${devNonce}'`] : []
  const directives: [string, string[]][] = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'", ...nonce]],
    ['style-src', ["'self'", ...nonce]],
    ['img-src', ["'self'"]],
    ['font-src', ["'self'"]],
    ['connect-src', ["'self'", ...connect]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'self'"]],
    // The console's forms are handled in script; none may post elsewhere.
    ['form-action', ["'self'"]],
  ]
  if (delivery === 'header') directives.push(['frame-ancestors', ["'none'"]])
  return serializePolicy(directives)
}

/** The headers for a console response: the policy plus the base headers. */
export function consoleHeaders(options: Omit<ConsolePolicyOptions, 'delivery'>): Record<string, string> {
  return { ...BASE_SECURITY_HEADERS, 'Content-Security-Policy': consolePolicy({ ...options, delivery: 'header' }) }
}
