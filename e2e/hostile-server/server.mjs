// A purpose-built misbehaving identity server for the console's tests: one issuer per misbehaviour
// (see scenarios.mjs), on loopback only. A second listener is "another origin" that scenarios point
// to; both record every request, so tests can prove no credential reached where it should not.
//   node e2e/hostile-server/server.mjs --port 8550 --elsewhere-port 8551
import { createServer } from 'node:http'
import { parseArgs } from 'node:util'
import { defaultRoutes, scenarioRoutes } from './scenarios.mjs'

const { values } = parseArgs({ options: { port: { type: 'string', default: '8550' }, 'elsewhere-port': { type: 'string', default: '8551' } } })
const host = '127.0.0.1'
const origin = `http://${host}:${values.port}`
const elsewhere = `http://${host}:${values['elsewhere-port']}`

/** Every request either listener saw, newest last: GET /__received on either answers it as JSON. */
const received = []
const stalled = new Set()

function handler(listener) {
  return (req, res) => {
    const chunks = []
    req.on('data', (chunk) => chunks.push(chunk))
    req.on('end', () => respond(listener, req, res, Buffer.concat(chunks).toString('utf8')))
  }
}

function cors(req) {
  return {
    'access-control-allow-origin': req.headers.origin ?? '*',
    'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
    'access-control-allow-headers': req.headers['access-control-request-headers'] ?? '*',
    'access-control-expose-headers': 'location, content-encoding',
    vary: 'origin',
  }
}

function respond(listener, req, res, body) {
  const url = new URL(req.url ?? '/', 'http://localhost')
  if (url.pathname === '/__received') {
    res.writeHead(200, { 'content-type': 'application/json', ...cors(req) })
    res.end(JSON.stringify(received))
    return
  }
  received.push({ listener, method: req.method, path: url.pathname, authorization: req.headers.authorization ?? null, body })
  if (req.method === 'OPTIONS') {
    res.writeHead(204, cors(req))
    res.end()
    return
  }
  const match = /^\/s\/([^/]+)(\/.*)$/.exec(url.pathname)
  const base = listener === 'hostile' ? origin : elsewhere
  const name = match?.[1] ?? ''
  const issuer = `${base}/s/${name}`
  // The other origin answers as a plain, well-behaved server: what arrives there is the point.
  const overrides = listener === 'hostile' ? scenarioRoutes(name, { issuer, elsewhere }) : {}
  const route = match && overrides !== null ? ({ ...defaultRoutes({ issuer }), ...overrides })[match[2]] : undefined
  if (!route) {
    res.writeHead(404, { 'content-type': 'application/json', ...cors(req) })
    res.end(JSON.stringify({ error: 'not_found', error_description: `no route ${url.pathname}` }))
    return
  }
  const reply = route()
  if (reply.stall) {
    // Headers never come: a server that accepted the connection and went quiet.
    stalled.add(res)
    res.on('close', () => stalled.delete(res))
    return
  }
  res.writeHead(reply.status, { ...cors(req), ...reply.headers })
  if (reply.stallAfterBody) {
    res.write(reply.body)
    stalled.add(res)
    res.on('close', () => stalled.delete(res))
    return
  }
  res.end(reply.body)
}

const servers = [
  createServer(handler('hostile')).listen(Number(values.port), host),
  createServer(handler('elsewhere')).listen(Number(values['elsewhere-port']), host),
]
console.log(`hostile server on ${origin}, other origin on ${elsewhere}`)

function shutdown() {
  for (const res of stalled) res.destroy()
  for (const server of servers) server.close()
  process.exit(0)
}
process.on('SIGTERM', shutdown)
process.on('SIGINT', shutdown)
