import { z } from 'zod/mini'
import { environmentSchema } from '../protocol/environment-schema.ts'

/** What the environment store saves in local storage. */
export const persistedSettingsSchema = z.object({
  environments: z.array(environmentSchema).check(z.minLength(1)),
  activeEnvironmentId: z.string(),
  rememberSecrets: z.boolean(),
})
export type PersistedSettings = z.infer<typeof persistedSettingsSchema>

/** Version 1 as it was saved, frozen here so old settings stay readable whatever version 2 becomes. */
const settingsV1Schema = z.object({
  environments: z
    .array(
      z.object({
        id: z.string(),
        name: z.string(),
        issuer: z.string(),
        endpoints: z.record(z.string(), z.string()),
        clients: z.array(
          z.object({
            id: z.string(),
            label: z.string(),
            client_id: z.string(),
            client_secret: z.string(),
            token_endpoint_auth_method: z.enum(['client_secret_basic', 'client_secret_post', 'none']),
            registration_access_token: z.optional(z.string()),
            registration_client_uri: z.optional(z.string()),
            source: z.enum(['manual', 'registration', 'preset']),
          }),
        ),
      }),
    )
    .check(z.minLength(1)),
  activeEnvironmentId: z.optional(z.string()),
  rememberSecrets: z.optional(z.boolean()),
})

/** Stored settings that cannot be read: the store starts from the preset and says why. */
export class UnreadableSettingsError extends Error {
  override name = 'UnreadableSettingsError'
}

function describeIssue(error: z.core.$ZodError): string {
  const issue = error.issues[0]
  if (!issue) return 'they do not match what this version expects'
  const path = issue.path.length > 0 ? `"${issue.path.join('.')}": ` : ''
  return `${path}${issue.message}`
}

/**
 * Settings saved by an older version, brought up to the current one (SETTINGS_VERSION, environment-store.ts). Version 1 lacked
 * the discovery document and registration replies, which version 2 keeps optionally.
 */
export function migrateSettings(stored: unknown, version: number): PersistedSettings {
  if (version !== 1) throw new UnreadableSettingsError(`they were saved by an unknown version (${version})`)
  const parsed = settingsV1Schema.safeParse(stored)
  if (!parsed.success) throw new UnreadableSettingsError(describeIssue(parsed.error))
  const { environments, activeEnvironmentId, rememberSecrets } = parsed.data
  return {
    environments: environments.map((environment) => ({ ...environment, endpoints: { ...environment.endpoints } })),
    activeEnvironmentId: activeEnvironmentId ?? environments[0]!.id,
    rememberSecrets: rememberSecrets ?? false,
  }
}

/**
 * Reads saved settings (current version) through the schema: the settings, or why they are unusable.
 * Loaded only when something is saved (saved-settings.ts): zod is not part of the first view.
 */
export function readSettings(stored: unknown): { ok: true; settings: PersistedSettings } | { ok: false; problem: string } {
  const parsed = persistedSettingsSchema.safeParse(stored)
  return parsed.success ? { ok: true, settings: parsed.data } : { ok: false, problem: describeIssue(parsed.error) }
}
