import { randomBytes } from 'node:crypto'
import type { Connect, Plugin } from 'vite'
import { connectSources, consoleHeaders, consolePolicy } from './content-security-policy.ts'

function setHeaders(headers: Record<string, string>): Connect.NextHandleFunction {
  return (_request, response, next) => {
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value)
    next()
  }
}

/**
 * The console's Content-Security-Policy: a meta tag in the built index.html (so any static hosting gets it)
 * and, from `vite preview` and `vite dev` (`npm start`), headers on every response, which add what a meta tag
 * cannot say: frame-ancestors, X-Frame-Options, nosniff. `vite dev` has one inline script (React's refresh
 * preamble) and injects style elements for hot reload, so it allows a nonce made at each start; everything
 * else is the same policy.
 */
export function securityHeadersPlugin(env: Readonly<Record<string, string | undefined>> = process.env): Plugin {
  const connect = connectSources(env)
  let devNonce: string | undefined
  return {
    name: 'oauth-console-security-headers',
    config(_config, { command, isPreview }) {
      if (command !== 'serve' || isPreview) return
      devNonce = randomBytes(18).toString('base64')
      return { html: { cspNonce: devNonce } }
    },
    transformIndexHtml(_html, context) {
      if (context.server) return
      const content = consolePolicy({ connect, delivery: 'meta' })
      return [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content }, injectTo: 'head-prepend' }]
    },
    configureServer(server) {
      server.middlewares.use(setHeaders(consoleHeaders({ connect, devNonce })))
    },
    configurePreviewServer(server) {
      server.middlewares.use(setHeaders(consoleHeaders({ connect })))
    },
  }
}
