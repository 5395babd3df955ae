import type { IncomingMessage, ServerResponse } from 'node:http'
import { PATHS } from './configuration.ts'

/**
 * Training faults: replies that are not OAuth at all, the kind a misconfigured proxy or gateway produces.
 * The console's tests point a request here to show how it explains a non-OAuth reply. Not part of any RFC.
 */
const NGINX_BAD_GATEWAY = `<html>
<head><title>502 Bad Gateway</title></head>
<body>
<center><h1>502 Bad Gateway</h1></center>
<hr><center>nginx</center>
</body>
</html>
`

type Fault = (res: ServerResponse) => void

const FAULTS: Record<string, Fault> = {
  [`${PATHS.faults}/html`]: (res) => {
    res.writeHead(502, { 'Content-Type': 'text/html', 'Content-Length': Buffer.byteLength(NGINX_BAD_GATEWAY) })
    res.end(NGINX_BAD_GATEWAY)
  },
  [`${PATHS.faults}/empty`]: (res) => {
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': 0 })
    res.end()
  },
}

export function isFaultPath(path: string): boolean {
  return Object.hasOwn(FAULTS, path)
}

export function serveFault(req: IncomingMessage, res: ServerResponse, path: string): void {
  const fault = FAULTS[path]
  if (!fault) throw new Error(`no fault endpoint at ${path}`)
  if (req.method !== 'GET' && req.method !== 'POST') {
    res.writeHead(405, { Allow: 'GET, POST', 'Content-Length': 0 })
    res.end()
    return
  }
  fault(res)
}
