import type { ClientCredentialsInput } from './client-credentials.ts'
import type { DevicePollInput, DeviceStartInput } from './device-flow.ts'
import type { DiscoveryInput } from './discovery.ts'
import type { ApiRequestInput } from './external-api.ts'
import type { RequestPreview } from './request-preview.ts'

/*
 * The request layer (oauth4webapi, reply schemas, classification) is not needed to show the steps:
 * each request function here loads its module on first call, and `prefetchRequestLayer` loads them
 * all when the browser is idle, so the first click rarely waits for code. Same signatures, same
 * outcomes as the modules they stand for.
 */

const clientCredentials = () => import('./client-credentials.ts')
const deviceFlow = () => import('./device-flow.ts')
const discovery = () => import('./discovery.ts')
const externalApi = () => import('./external-api.ts')
const preview = () => import('./request-preview.ts')

/** See {@link import('./discovery.ts').discover}. RFC 8414 §3, OIDC Discovery §4. */
export async function discover(input: DiscoveryInput) {
  return (await discovery()).discover(input)
}

/** See {@link import('./client-credentials.ts').requestClientCredentials}. RFC 6749 §4.4. */
export async function requestClientCredentials(input: ClientCredentialsInput) {
  return (await clientCredentials()).requestClientCredentials(input)
}

/** See {@link import('./external-api.ts').sendApiRequest}. RFC 9110. */
export async function sendApiRequest(input: ApiRequestInput) {
  return (await externalApi()).sendApiRequest(input)
}

/** See {@link import('./device-flow.ts').startDeviceAuthorization}. RFC 8628 §3.1-3.2. */
export async function startDeviceAuthorization(input: DeviceStartInput) {
  return (await deviceFlow()).startDeviceAuthorization(input)
}

/** See {@link import('./device-flow.ts').pollDeviceToken}. RFC 8628 §3.4-3.5. */
export async function pollDeviceToken(input: DevicePollInput) {
  return (await deviceFlow()).pollDeviceToken(input)
}

/** See {@link import('./request-preview.ts').previewRequest}: the guided preview, with the masking rule it applies. RFC 6749 §10.3. */
export async function previewRequest(run: Parameters<typeof import('./request-preview.ts').previewRequest>[0]): Promise<RequestPreview> {
  return (await preview()).previewRequest(run)
}

/** Loads the request layer ahead of the first click; a failure here is retried by the click itself. */
export function prefetchRequestLayer(): Promise<unknown> {
  return Promise.all([clientCredentials(), deviceFlow(), discovery(), externalApi()]).catch(() => undefined)
}
