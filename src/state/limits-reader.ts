import { z } from 'zod/mini'
import { MAX_REQUEST_TIMEOUT_MS, MIN_REQUEST_TIMEOUT_MS } from '../protocol/limits.ts'

const savedSchema = z.object({
  timeoutSeconds: z.number().check(z.gte(MIN_REQUEST_TIMEOUT_MS / 1000), z.lte(MAX_REQUEST_TIMEOUT_MS / 1000)),
})

/**
 * The request timeout (seconds) the limits store saved, read through the schema; undefined when what
 * storage holds is not one the console accepts. Loaded only when something is saved (saved-settings.ts).
 */
export function readSavedTimeout(saved: unknown): number | undefined {
  const parsed = savedSchema.safeParse(saved)
  return parsed.success ? parsed.data.timeoutSeconds : undefined
}
