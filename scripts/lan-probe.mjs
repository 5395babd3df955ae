// Run inside a network namespace whose only non-loopback address is LAN_ADDRESS (scripts/start-lan.test.ts):
// starts `npm start -- --lan`, walks the tutorial's first requests over that address as a phone would,
// prints what it saw as one JSON line, and stops everything it started.
import { spawn } from 'node:child_process'

const host = process.env.LAN_ADDRESS
const sandbox = `http://${host}:8443`
const consoleUrl = `http://${host}:5173/`
const issuer = `${sandbox}/oauth/v2/oauth-anonymous`

const start = spawn(process.execPath, ['scripts/start.mjs', '--lan'], { stdio: ['ignore', 'pipe', 'inherit'], detached: true })
let printed = ''
const ready = new Promise((resolve, reject) => {
  start.stdout.on('data', (chunk) => {
    printed += chunk
    if (printed.includes('Participants: scan')) setTimeout(resolve, 100)
  })
  start.on('exit', (code) => reject(new Error(`npm start exited with ${code}: ${printed}`)))
})

const json = async (url, init) => {
  const response = await fetch(url, init)
  return { status: response.status, headers: Object.fromEntries(response.headers), body: await response.json() }
}
const basic = (id, secret) => `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`
const form = { 'content-type': 'application/x-www-form-urlencoded' }

try {
  await ready
  const discovery = await json(`${issuer}/.well-known/openid-configuration`, { headers: { origin: consoleUrl.slice(0, -1) } })
  const metadata = discovery.body
  const token = await json(metadata.token_endpoint, {
    method: 'POST',
    headers: { ...form, authorization: basic('www', 'Password1') },
    body: 'grant_type=client_credentials&scope=dcr',
  })
  const registered = await json(metadata.registration_endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token.body.access_token}` },
    body: JSON.stringify({ software_id: 'device-client' }),
  })
  const device = await json(metadata.device_authorization_endpoint, {
    method: 'POST',
    headers: { ...form, authorization: basic(registered.body.client_id, registered.body.client_secret) },
    body: 'scope=openid',
  })
  // What a phone does with the QR code of the verification URI: the page answers over the LAN address.
  const verifyPage = await fetch(device.body.verification_uri_complete)
  const page = await fetch(consoleUrl)
  const loopback = await fetch(`http://127.0.0.1:8443/oauth/v2/oauth-anonymous/.well-known/openid-configuration`).then(
    (response) => `answered ${response.status}`,
    (error) => `refused (${error.cause?.code ?? error.message})`,
  )
  console.log(
    JSON.stringify({
      printed,
      issuer: metadata.issuer,
      endpoints: [metadata.token_endpoint, metadata.registration_endpoint, metadata.device_authorization_endpoint],
      allowOrigin: discovery.headers['access-control-allow-origin'] ?? null,
      tokenStatus: token.status,
      registeredStatus: registered.status,
      verificationUriComplete: device.body.verification_uri_complete,
      verifyPageStatus: verifyPage.status,
      consoleStatus: page.status,
      consoleType: page.headers.get('content-type'),
      loopback,
    }),
  )
} finally {
  // start.mjs stops the sandbox and vite on SIGTERM; the group kill catches anything left.
  start.kill('SIGTERM')
  await new Promise((resolve) => setTimeout(resolve, 500))
  try {
    process.kill(-start.pid, 'SIGKILL')
  } catch {
    // already gone
  }
}
