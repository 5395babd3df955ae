/** How the scope the server granted differs from the scope asked for, when it does. RFC 6749 §3.3. */
export interface ScopeDifference {
  /** Asked for and not granted, in the order asked. */
  notGranted: string[]
  /** Granted without being asked for. */
  added: string[]
  /** offline_access was dropped and the request had no prompt=consent, which OIDC Core §11 requires for it. */
  offlineAccessWithoutConsent: boolean
}

function scopeValues(scope: string): string[] {
  return [...new Set(scope.split(/\s+/).filter((value) => value !== ''))]
}

/**
 * Compares the scope a token response granted with the scope requested. Null when they match, when
 * nothing was requested (the server's default applies), or when the reply leaves scope out, which
 * means it granted what was asked (RFC 6749 §5.1). OIDC Core §11 for offline_access.
 */
export function compareGrantedScope(requested: string, granted: string | undefined, prompt: string | null = null): ScopeDifference | null {
  const asked = scopeValues(requested)
  if (asked.length === 0 || granted === undefined) return null
  const given = scopeValues(granted)
  const notGranted = asked.filter((value) => !given.includes(value))
  const added = given.filter((value) => !asked.includes(value))
  if (notGranted.length === 0 && added.length === 0) return null
  const offlineAccessWithoutConsent = notGranted.includes('offline_access') && !scopeValues(prompt ?? '').includes('consent')
  return { notGranted, added, offlineAccessWithoutConsent }
}
