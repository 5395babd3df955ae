/**
 * Just enough browser to walk the sandbox's approval pages over real HTTP in tests: a cookie jar, redirects
 * followed by hand (fetch would drop Set-Cookie on the way) within the sandbox's origin, and forms submitted
 * by their field names.
 */

export interface Page {
  url: string
  status: number
  html: string
  /** The headers of the last response (the page's, or the cross-origin redirect's). */
  headers: Headers
  /** Set when the page redirected to another origin (a client's redirect_uri), which is not followed. */
  redirectedTo?: string
}

const REDIRECTS = new Set([301, 302, 303, 307, 308])
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" }

function decodeEntities(text: string): string {
  return text.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity] ?? entity)
}

function attributes(tag: string): Record<string, string> {
  const found: Record<string, string> = {}
  for (const [, name, value] of tag.matchAll(/([a-z_-]+)="([^"]*)"/gi)) {
    if (name !== undefined && value !== undefined) found[name.toLowerCase()] = decodeEntities(value)
  }
  return found
}

/** The first POST form of a page: where it goes and the values its inputs already hold. */
export function readForm(page: Page): { action: string; fields: Record<string, string> } {
  const form = /<form\b([^>]*)>([\s\S]*?)<\/form>/i.exec(page.html)
  if (!form) throw new Error(`no form on ${page.url} (status ${page.status}):\n${page.html.slice(0, 500)}`)
  const action = new URL(attributes(form[1] ?? '').action ?? page.url, page.url).href
  const fields: Record<string, string> = {}
  for (const [tag] of (form[2] ?? '').matchAll(/<input\b[^>]*>/gi)) {
    const input = attributes(tag)
    if (input.name) fields[input.name] = input.value ?? ''
  }
  return { action, fields }
}

export function heading(page: Page): string | undefined {
  const match = /<h1>([\s\S]*?)<\/h1>/i.exec(page.html)
  return match?.[1] === undefined ? undefined : decodeEntities(match[1].replace(/<[^>]+>/g, ''))
}

export function createBrowserSession() {
  const jar = new Map<string, string>()

  function remember(response: Response) {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = '', ...flags] = cookie.split(';')
      const separator = pair.indexOf('=')
      const name = pair.slice(0, separator).trim()
      const expires = flags.map((flag) => flag.trim()).find((flag) => /^expires=/i.test(flag))
      const cleared = expires !== undefined && Date.parse(expires.slice('expires='.length)) <= Date.now()
      if (cleared) jar.delete(name)
      else jar.set(name, pair.slice(separator + 1).trim())
    }
  }

  async function navigate(url: string, init: RequestInit = {}): Promise<Page> {
    let target = url
    let request = init
    for (let hops = 0; hops < 10; hops++) {
      const cookie = [...jar].map(([name, value]) => `${name}=${value}`).join('; ')
      const response = await fetch(target, {
        ...request,
        redirect: 'manual',
        headers: { ...(request.headers as Record<string, string> | undefined), ...(cookie ? { Cookie: cookie } : {}) },
      })
      remember(response)
      const location = response.headers.get('location')
      if (!REDIRECTS.has(response.status) || !location) {
        return { url: target, status: response.status, html: await response.text(), headers: response.headers }
      }
      await response.body?.cancel()
      const next = new URL(location, target)
      if (next.origin !== new URL(target).origin) return { url: target, status: response.status, html: '', headers: response.headers, redirectedTo: next.href }
      target = next.href
      request = {}
    }
    throw new Error(`too many redirects from ${url}`)
  }

  return {
    open: (url: string) => navigate(url),
    /** Submits the page's form with its current values overridden by `values` (a button is one more value). */
    submit(page: Page, values: Record<string, string> = {}): Promise<Page> {
      const { action, fields } = readForm(page)
      return navigate(action, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ ...fields, ...values }).toString(),
      })
    },
  }
}
