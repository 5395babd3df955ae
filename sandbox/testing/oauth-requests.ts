import { PATHS } from '../configuration.ts'
import { createBrowserSession, type Page } from './browser-session.ts'

/** Requests the sandbox tests repeat, written out plainly so a failing test shows what was sent. */

export type ClientAuth = 'client_secret_basic' | 'client_secret_post'

export interface ClientCredentials {
  client_id: string
  client_secret: string
}

export interface Reply {
  status: number
  headers: Headers
  // Tests read whichever fields the branch under test has.
  json: Record<string, unknown>
}

export const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code'

/**
 * fetch, sent again once when the connection it reused was already closed by the server before any reply
 * came: the server's idle timeout (5 s) and the client's racing on a kept-alive socket, which a busy machine
 * makes likely. Browsers retry the same way; nothing reached the server's handler, so nothing is sent twice.
 */
async function send(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init)
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause
    if (cause?.code !== 'UND_ERR_SOCKET') throw error
    return fetch(url, init)
  }
}

async function reply(response: Response): Promise<Reply> {
  const text = await response.text()
  return { status: response.status, headers: response.headers, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} }
}

export function basicAuthorization({ client_id, client_secret }: ClientCredentials): string {
  // RFC 6749 §2.3.1: both parts are form-urlencoded before base64.
  const encode = (value: string) => encodeURIComponent(value).replace(/%20/g, '+')
  return `Basic ${Buffer.from(`${encode(client_id)}:${encode(client_secret)}`).toString('base64')}`
}

/** POST a form to a token-style endpoint, authenticating the client the chosen way. */
export async function postWithClient(
  url: string,
  client: ClientCredentials,
  auth: ClientAuth,
  params: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<Reply> {
  const body = new URLSearchParams(params)
  const requestHeaders: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded', ...headers }
  if (auth === 'client_secret_basic') requestHeaders.Authorization = basicAuthorization(client)
  else {
    body.set('client_id', client.client_id)
    body.set('client_secret', client.client_secret)
  }
  return reply(await send(url, { method: 'POST', headers: requestHeaders, body }))
}

export async function clientCredentialsToken(
  origin: string,
  client: ClientCredentials,
  scope: string,
  auth: ClientAuth = 'client_secret_basic',
  headers: Record<string, string> = {},
) {
  return postWithClient(`${origin}${PATHS.token}`, client, auth, { grant_type: 'client_credentials', scope }, headers)
}

export async function register(origin: string, bearer: string | undefined, body: unknown): Promise<Reply> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' }
  if (bearer !== undefined) headers.Authorization = `Bearer ${bearer}`
  return reply(await send(`${origin}${PATHS.registration}`, { method: 'POST', headers, body: JSON.stringify(body) }))
}

/** A fresh device-client registered the way the Curity tutorial does it: www token with dcr, then DCR. */
export async function registerDeviceClient(origin: string, www: ClientCredentials): Promise<ClientCredentials> {
  const token = await clientCredentialsToken(origin, www, 'dcr')
  const registration = await register(origin, String(token.json.access_token), { software_id: 'device-client' })
  if (registration.status !== 201) throw new Error(`registration failed: ${JSON.stringify(registration.json)}`)
  return { client_id: String(registration.json.client_id), client_secret: String(registration.json.client_secret) }
}

export interface DeviceAuthorization {
  device_code: string
  user_code: string
  verification_uri: string
  verification_uri_complete: string
  expires_in: number
  interval: number
}

export async function startDeviceFlow(origin: string, client: ClientCredentials, scope: string): Promise<DeviceAuthorization> {
  const started = await postWithClient(`${origin}${PATHS.deviceAuthorization}`, client, 'client_secret_basic', { scope })
  if (started.status !== 200) throw new Error(`device authorization failed: ${JSON.stringify(started.json)}`)
  return started.json as unknown as DeviceAuthorization
}

export function poll(origin: string, client: ClientCredentials, deviceCode: string, auth: ClientAuth = 'client_secret_basic') {
  return postWithClient(`${origin}${PATHS.token}`, client, auth, { grant_type: DEVICE_CODE_GRANT, device_code: deviceCode })
}

/**
 * What a person does on their phone: open the verification page, enter the code, sign in as demo/demo and
 * press Approve or Deny. Returns each page seen, the last one being the outcome.
 */
export async function decideOnDevicePages(
  device: DeviceAuthorization,
  decision: 'approve' | 'deny',
  via: 'verification_uri' | 'verification_uri_complete' = 'verification_uri',
): Promise<{ codePage: Page; loginPage: Page; consentPage: Page; outcome: Page }> {
  const browser = createBrowserSession()
  let codePage: Page
  if (via === 'verification_uri') {
    codePage = await browser.open(device.verification_uri)
  } else {
    // oidc-provider answers the link with a self-submitting form (a script); submitting it is what the browser does.
    codePage = await browser.submit(await browser.open(device.verification_uri_complete))
  }
  const loginPage = await browser.submit(codePage, via === 'verification_uri' ? { user_code: device.user_code } : {})
  const consentPage = await browser.submit(loginPage, { username: 'demo', password: 'demo' })
  const outcome = await browser.submit(consentPage, { decision })
  return { codePage, loginPage, consentPage, outcome }
}
