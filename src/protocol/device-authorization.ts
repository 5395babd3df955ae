import { z } from 'zod/mini'
import { clampLifetime, clampPollInterval } from './limits.ts'

/** The device authorization reply, with the polling interval settled. RFC 8628 §3.2. */
export interface DeviceAuthorization {
  device_code: string
  user_code: string
  verification_uri: string
  verification_uri_complete?: string
  /** Seconds the device_code and user_code stay valid. */
  expires_in: number
  /** Seconds to wait between polls. */
  interval: number
  /** The server omitted `interval`: 5 s applies, RFC 8628 §3.2. */
  interval_defaulted: boolean
  /** Server numbers the console changed to stay within its limits, in plain words. */
  limit_notes: string[]
  /** Epoch milliseconds when the reply arrived: expires_in counts from here. */
  received_at: number
}

/** RFC 8628 §3.2: "If no value is provided, clients MUST use 5 as the default." */
export const DEFAULT_POLL_INTERVAL = 5

/** Numbers sometimes arrive as text ("1800"); read them, leave anything else to fail. */
const seconds = z.pipe(
  z.transform((value: unknown) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value)),
  z.number().check(z.positive()),
)

const deviceAuthorizationSchema = z.looseObject({
  device_code: z.string().check(z.minLength(1)),
  user_code: z.string().check(z.minLength(1)),
  verification_uri: z.optional(z.string().check(z.minLength(1))),
  // Google's pre-RFC name for verification_uri, still seen in the wild.
  verification_url: z.optional(z.string().check(z.minLength(1))),
  verification_uri_complete: z.catch(z.optional(z.string().check(z.minLength(1))), undefined),
  expires_in: seconds,
  // Read as sent and clamped below, so "-1" is named as what arrived rather than as "none".
  interval: z.optional(z.unknown()),
})

/**
 * Reads a device authorization reply, leniently enough to keep a usable flow going: numbers sent
 * as text are read, `verification_url` stands in for `verification_uri`, a missing `interval`
 * falls back to 5 s; an `interval` or `expires_in` out of bounds is clamped with a note. Null when
 * a required member is missing. RFC 8628 §3.2.
 */
export function readDeviceAuthorization(body: unknown, received_at: number): DeviceAuthorization | null {
  const parsed = deviceAuthorizationSchema.safeParse(body)
  if (!parsed.success) return null
  const reply = parsed.data
  const verification_uri = reply.verification_uri ?? reply.verification_url
  if (verification_uri === undefined) return null
  const interval = clampPollInterval(reply.interval, DEFAULT_POLL_INTERVAL)
  const lifetime = clampLifetime(reply.expires_in) ?? { value: reply.expires_in }
  return {
    device_code: reply.device_code,
    user_code: reply.user_code,
    verification_uri,
    ...(reply.verification_uri_complete === undefined ? {} : { verification_uri_complete: reply.verification_uri_complete }),
    expires_in: lifetime.value,
    interval: interval.value,
    interval_defaulted: reply.interval === undefined,
    limit_notes: [interval.note, lifetime.note].filter((note): note is string => note !== undefined),
    received_at,
  }
}
