import { describe, expect, it } from 'vitest'
import { migrateSettings, readSettings, UnreadableSettingsError } from './environment-settings.ts'

const v1Settings = {
  environments: [
    {
      id: 'env-1',
      name: 'Staging',
      issuer: 'https://idsvr.example/oauth/v2/oauth-anonymous',
      endpoints: { token_endpoint: 'https://idsvr.example/oauth/v2/oauth-token' },
      clients: [
        {
          id: 'c1',
          label: 'www',
          client_id: 'www',
          client_secret: '',
          token_endpoint_auth_method: 'client_secret_post',
          source: 'manual',
        },
      ],
    },
  ],
  activeEnvironmentId: 'env-1',
  rememberSecrets: false,
}

describe('stored environment settings', () => {
  it('brings version 1 settings up to version 2 unchanged in what they said', () => {
    const migrated = migrateSettings(v1Settings, 1)
    expect(migrated).toEqual(v1Settings)
    expect(readSettings(migrated)).toEqual({ ok: true, settings: v1Settings })
  })

  it('refuses version 1 settings that do not match version 1, naming the field', () => {
    const broken = structuredClone(v1Settings) as { environments: { clients: { token_endpoint_auth_method: string }[] }[] }
    broken.environments[0]!.clients[0]!.token_endpoint_auth_method = 'tls_client_auth'
    expect(() => migrateSettings(broken, 1)).toThrow(UnreadableSettingsError)
    expect(() => migrateSettings(broken, 1)).toThrow('"environments.0.clients.0.token_endpoint_auth_method"')
  })

  it('refuses settings from an unknown version', () => {
    expect(() => migrateSettings(v1Settings, 7)).toThrow('they were saved by an unknown version (7)')
  })

  it('reads version 2 with the discovery document and registration reply, keeping unknown members of both', () => {
    const stored = {
      ...v1Settings,
      environments: [
        {
          ...v1Settings.environments[0],
          metadata: { issuer: 'https://idsvr.example', id_token_signing_alg_values_supported: ['ES256'], backchannel_logout_supported: true },
          clients: [{ ...v1Settings.environments[0]!.clients[0], registration: { client_id: 'www', software_id: 'device-client' } }],
        },
      ],
    }
    const read = readSettings(stored)
    expect(read.ok).toBe(true)
    if (!read.ok) return
    expect(read.settings.environments[0]!.metadata).toMatchObject({ backchannel_logout_supported: true, id_token_signing_alg_values_supported: ['ES256'] })
    expect(read.settings.environments[0]!.clients[0]!.registration).toEqual({ client_id: 'www', software_id: 'device-client' })
  })

  it('drops a wrongly typed member of the discovery document instead of the whole document', () => {
    const read = readSettings({ ...v1Settings, environments: [{ ...v1Settings.environments[0], metadata: { issuer: 42, scopes_supported: ['openid'] } }] })
    expect(read.ok && read.settings.environments[0]!.metadata).toMatchObject({ issuer: undefined, scopes_supported: ['openid'] })
  })

  it('keeps the scope each flow asks for, and drops a member a later version might add', () => {
    const scopes = { client_credentials: 'dcr', device_authorization: 'openid', later_flow: 'x' }
    const read = readSettings({ ...v1Settings, environments: [{ ...v1Settings.environments[0], scopes }] })
    expect(read.ok && read.settings.environments[0]!.scopes).toEqual({ client_credentials: 'dcr', device_authorization: 'openid' })
  })

  it('says why settings are unusable: not an object, no environments, a client without an id', () => {
    expect(readSettings('hello')).toMatchObject({ ok: false })
    expect(readSettings({ ...v1Settings, environments: [] })).toMatchObject({ ok: false, problem: expect.stringContaining('"environments"') })
    const noId = { ...v1Settings, environments: [{ ...v1Settings.environments[0], clients: [{ label: 'x' }] }] }
    expect(readSettings(noId)).toMatchObject({ ok: false, problem: expect.stringContaining('"environments.0.clients.0.id"') })
  })
})
