/**
 * The console's limits against broken or hostile servers: how long a request may take, how much
 * of a reply is read, and the bounds server-sent numbers are clamped to. One place, so messages
 * can name the limit that applied.
 */

/** Default time a request may take, reply body included. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000
/** Bounds of the adjustable timeout: a second up to ten minutes. */
export const MIN_REQUEST_TIMEOUT_MS = 1_000
export const MAX_REQUEST_TIMEOUT_MS = 600_000

/** Default cap on a reply body, in decoded bytes: a compressed body is capped after decompression. */
export const DEFAULT_MAX_BODY_BYTES = 5 * 1024 * 1024
/** Bounds of the adjustable reply cap: a kilobyte up to 100 MB. */
export const MIN_MAX_BODY_BYTES = 1_024
export const MAX_MAX_BODY_BYTES = 100 * 1024 * 1024
/** Past the cap the rest is counted, not kept, up to this many bytes more; then reading stops. */
export const MAX_COUNTED_BYTES = 100 * 1024 * 1024

/** Polling interval bounds in seconds: below 1 s floods the server, above an hour no device waits. */
export const MIN_POLL_INTERVAL = 1
export const MAX_POLL_INTERVAL = 3_600
/** Lifetime bounds (expires_in) in seconds: up to a year is shown as sent, more is clamped. */
export const MAX_LIFETIME = 365 * 24 * 3_600
/** setTimeout overflows past 2^31-1 ms and fires at once; no timer may ask for more. */
export const MAX_TIMER_MS = 2_147_483_647

export interface RequestLimits {
  timeoutMs: number
  maxBodyBytes: number
}

let current: RequestLimits = { timeoutMs: DEFAULT_REQUEST_TIMEOUT_MS, maxBodyBytes: DEFAULT_MAX_BODY_BYTES }

/** The limits requests use unless a caller passes its own; the app sets them from the person's settings. */
export function requestLimits(): RequestLimits {
  return current
}

/** Sets the limits every later request uses, each clamped to its bounds. */
export function configureRequestLimits(limits: Partial<RequestLimits>): RequestLimits {
  current = {
    timeoutMs: clampNumber(limits.timeoutMs ?? current.timeoutMs, MIN_REQUEST_TIMEOUT_MS, MAX_REQUEST_TIMEOUT_MS),
    maxBodyBytes: clampNumber(limits.maxBodyBytes ?? current.maxBodyBytes, MIN_MAX_BODY_BYTES, MAX_MAX_BODY_BYTES),
  }
  return current
}

/** A number as the console uses it, with a note when the server's value had to be changed. */
export interface Clamped {
  value: number
  /** Why the value differs from what the server sent; absent when it was used as sent. */
  note?: string
}

/**
 * The polling interval to use for what the server sent: absent means RFC 8628's 5 s default; a
 * value that is not a number, zero or negative, or outside 1 s .. 1 h is clamped, with a note that
 * says what arrived. RFC 8628 §3.2, §3.5.
 */
export function clampPollInterval(sent: unknown, fallback: number): Clamped {
  if (sent === undefined) return { value: fallback }
  const number = numeric(sent)
  if (number === null) return { value: fallback, note: `the server sent interval ${describe(sent)}, which is not a number: ${fallback} s is used` }
  if (number < MIN_POLL_INTERVAL) {
    const used = number <= 0 ? fallback : MIN_POLL_INTERVAL
    return { value: used, note: `the server sent interval ${describe(sent)}, below ${MIN_POLL_INTERVAL} s: ${used} s is used` }
  }
  if (number > MAX_POLL_INTERVAL) {
    return { value: MAX_POLL_INTERVAL, note: `the server sent interval ${describe(sent)}, above the ${MAX_POLL_INTERVAL} s limit: ${MAX_POLL_INTERVAL} s is used` }
  }
  return { value: number }
}

/**
 * A lifetime in seconds (`expires_in`) as the console counts it: null when it is no lifetime at all
 * (not a number, negative), clamped to a year with a note when larger. RFC 6749 §5.1, RFC 8628 §3.2.
 */
export function clampLifetime(sent: unknown): Clamped | null {
  const number = numeric(sent)
  if (number === null || number < 0) return null
  if (number > MAX_LIFETIME) {
    return { value: MAX_LIFETIME, note: `the server sent expires_in ${describe(sent)}, above the one-year limit: a year is counted` }
  }
  return { value: number }
}

/** A delay safe to hand to setTimeout: never negative, never past the point where it overflows to 0. */
export function timerDelay(ms: number): number {
  if (!Number.isFinite(ms)) return MAX_TIMER_MS
  return clampNumber(ms, 0, MAX_TIMER_MS)
}

/** A byte count as people read it: "5 MB", "812 kB", "90 bytes". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / (1024 * 1024)).toFixed(1)} MB`
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} kB`
  return `${bytes} bytes`
}

function clampNumber(value: number, min: number, max: number): number {
  if (Number.isNaN(value)) return min
  return Math.min(max, Math.max(min, value))
}

/** Numbers sometimes arrive as text ("1800"); anything else is not a number. */
function numeric(value: unknown): number | null {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value
  return typeof number === 'number' && Number.isFinite(number) ? number : null
}

function describe(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : String(value)
  return text.length > 40 ? `${text.slice(0, 37)}...` : text
}
