import { loadOnce } from '../lib/load-once.ts'
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
 *
 * Once a module is loaded, a request calls it directly: `await import()` of a loaded module still
 * resolves in a task of its own, so every click waited behind the frame that draws its busy state
 * before its request was even sent. Called directly, the request leaves in the click's own task.
 */

/** A module loaded on first use, then at hand with no task in between. */
function onDemand<M>(load: () => Promise<M>) {
  const module = loadOnce(load)
  /** Calls `call` with the module: at once when it is loaded, otherwise once it is. */
  const withModule = <R,>(call: (loaded: M) => Promise<R>): Promise<R> => {
    const loaded = module.loaded()
    return loaded ? call(loaded) : module.load().then(call)
  }
  return { get: module.load, with: withModule }
}

const clientCredentials = onDemand(() => import('./client-credentials.ts'))
const deviceFlow = onDemand(() => import('./device-flow.ts'))
const discovery = onDemand(() => import('./discovery.ts'))
const dpopKeys = onDemand(() => import('./dpop-key.ts'))
const externalApi = onDemand(() => import('./external-api.ts'))
const preview = onDemand(() => import('./request-preview.ts'))

/** See {@link import('./discovery.ts').discover}. RFC 8414 §3, OIDC Discovery §4. */
export function discover(input: DiscoveryInput) {
  return discovery.with((module) => module.discover(input))
}

/** See {@link import('./discovery.ts').keptServerMetadata}. RFC 8414 §2. */
export function keptServerMetadata(metadata: Record<string, unknown>) {
  return discovery.with(async (module) => module.keptServerMetadata(metadata))
}

/** See {@link import('./client-credentials.ts').requestClientCredentials}. RFC 6749 §4.4. */
export function requestClientCredentials(input: ClientCredentialsInput) {
  return clientCredentials.with((module) => module.requestClientCredentials(input))
}

/** See {@link import('./external-api.ts').sendApiRequest}. RFC 9110. */
export function sendApiRequest(input: ApiRequestInput) {
  return externalApi.with((module) => module.sendApiRequest(input))
}

/** See {@link import('./device-flow.ts').startDeviceAuthorization}. RFC 8628 §3.1-3.2. */
export function startDeviceAuthorization(input: DeviceStartInput) {
  return deviceFlow.with((module) => module.startDeviceAuthorization(input))
}

/** See {@link import('./device-flow.ts').pollDeviceToken}. RFC 8628 §3.4-3.5. */
export function pollDeviceToken(input: DevicePollInput) {
  return deviceFlow.with((module) => module.pollDeviceToken(input))
}

/** See {@link import('./request-preview.ts').previewRequest}: the guided preview, with the masking rule it applies. RFC 6749 §10.3. */
export function previewRequest(run: Parameters<typeof import('./request-preview.ts').previewRequest>[0]): Promise<RequestPreview> {
  return preview.with((module) => module.previewRequest(run))
}

/** See {@link import('./dpop-key.ts').dpopKeyPair}: the environment's DPoP key pair, made on first use. RFC 9449 §5. */
export function dpopKeyPair(environmentId: string): Promise<CryptoKeyPair> {
  return dpopKeys.with((module) => module.dpopKeyPair(environmentId))
}

/** See {@link import('./dpop-key.ts').dpopKeyThumbprint}. RFC 7638, RFC 9449 §6.1. */
export function dpopKeyThumbprint(keyPair: CryptoKeyPair): Promise<string> {
  return dpopKeys.with((module) => module.dpopKeyThumbprint(keyPair))
}

/** Loads the request layer ahead of the first click; a failure here is retried by the click itself. */
export function prefetchRequestLayer(): Promise<unknown> {
  return Promise.all([clientCredentials.get(), deviceFlow.get(), discovery.get(), externalApi.get(), dpopKeys.get()]).catch(() => undefined)
}
