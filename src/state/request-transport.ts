import type { RecordInput } from '../protocol/request-context.ts'
import type { Environment } from '../protocol/environment-schema.ts'
import { recordExchange } from './http-log-store.ts'
import { loadOnce } from '../lib/load-once.ts'

/**
 * Where the local relay answers: under the console's own origin (`npm start`, `vite`, `vite preview`),
 * or, for a console built for other static hosting, the URL given at build time (VITE_RELAY_URL),
 * e.g. http://127.0.0.1:8787/relay from `npm run relay`. Never taken from the page's URL: a link
 * must not be able to send a person's requests to a relay of its choosing.
 */
export const RELAY_URL = (import.meta.env.VITE_RELAY_URL as string | undefined)?.replace(/\/+$/, '') || '/relay'

// The relay's envelope and its failure reading load with the first request through the relay, not with the
// first view.
const relayFetchOnDemand = loadOnce(() => import('../protocol/relay-fetch.ts').then((module) => module.createRelayFetch(RELAY_URL)))
const relayFetch: NonNullable<RecordInput['baseFetch']> = async (url, init) => (await relayFetchOnDemand.load())(url, init)

/**
 * How every request of an environment is sent and logged: straight from the browser, or through
 * the local relay when the environment has "Use local relay" on. Each panel and hook spreads this
 * into its request input, so the choice is made in one place.
 */
export function requestTransport(environment: Pick<Environment, 'useRelay'>): RecordInput {
  return environment.useRelay ? { record: recordExchange, baseFetch: relayFetch, via: 'relay' } : { record: recordExchange }
}
