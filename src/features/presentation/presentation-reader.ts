import * as z from 'zod/mini'

/** What this browser remembers about presentation mode; read back through zod, never cast. */
const savedPresentationSchema = z.object({ presentation: z.boolean() })

/**
 * Reads what storage held: a wrong shape or version falls back to off, the safe default. Loaded only
 * when something is saved (saved-settings.ts).
 */
export function readSavedPresentation(saved: unknown): boolean {
  const parsed = savedPresentationSchema.safeParse(saved)
  return parsed.success ? parsed.data.presentation : false
}
