import { takePendingAuthorization, type PendingAuthorization } from './pending-authorization.ts'

import { CALLBACK_PATH } from './callback-path.ts'

export { CALLBACK_PATH }

export interface CallbackArrival {
  /** The redirect as it arrived, code and state included. */
  url: URL
  /** The request it answers, or null when this tab has none (reloaded, another tab, expired). */
  pending: PendingAuthorization | null
}

let arrival: CallbackArrival | null | undefined

/**
 * Reads the authorization response once per page load: the pending request is taken from sessionStorage and
 * the code leaves the address bar and history (it is single-use and secret), back to the walk-through.
 */
export function readCallbackArrival(): CallbackArrival | null {
  if (arrival !== undefined) return arrival
  const url = new URL(window.location.href)
  if (url.pathname !== CALLBACK_PATH) {
    arrival = null
    return null
  }
  arrival = { url, pending: takePendingAuthorization() }
  window.history.replaceState(null, '', '/#authorization-code')
  return arrival
}

/** The console's own callback URL, the default redirect URI. */
export function defaultRedirectUri(): string {
  return `${window.location.origin}${CALLBACK_PATH}`
}
