/**
 * Where a shared link carries its environment: the fragment `#share=…`, a part the browser never sends to
 * any server. Its own module, so the first view can tell that a link brought one without loading the
 * reader (shared-environment.ts) and its schema.
 */
export const SHARE_FRAGMENT_KEY = 'share='

/** Whether a location's hash carries a shared environment (to be read, and maybe refused, by readShareFragment). */
export function carriesSharedEnvironment(hash: string): boolean {
  return (hash.startsWith('#') ? hash.slice(1) : hash).startsWith(SHARE_FRAGMENT_KEY)
}
