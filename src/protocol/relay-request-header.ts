/**
 * Every call to the relay carries it; the relay refuses calls without (a cross-site form cannot set it).
 * Its own module, so the relay's status check does not bring the whole relay fetch into the first view.
 */
export const RELAY_REQUEST_HEADER = 'x-oauth-console-relay'
