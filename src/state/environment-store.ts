import { useCallback } from 'react'
import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import { useShallow } from 'zustand/react/shallow'
import type { ClientProfile, Environment, ServerMetadata } from '../protocol/environment-schema.ts'
import { environmentWithoutSecrets } from '../protocol/environment-secrets.ts'
import type { ClientAuthMethod } from '../protocol/client-auth.ts'
import type { ClientAuthContext } from '../protocol/client-auth-diagnosis.ts'
import { idTokenSigningAlg } from '../protocol/client-expectations.ts'
import type { ClientInput } from '../protocol/request-input.ts'
import type { EndpointKey, ServerEndpoints } from '../protocol/server-endpoints.ts'
import { flowScope, type ScopedFlow } from '../protocol/flow-scopes.ts'
import type { PersistedSettings } from './environment-settings.ts'
import { newId } from './new-id.ts'
import { readSavedWith } from './saved-settings.ts'
import { guardedLocalStorage } from './storage-guard.ts'
import { SANDBOX_ENVIRONMENT_ID, SANDBOX_WWW_SECRET, sandboxEnvironment } from './sandbox-preset.ts'

export type { ClientProfile, Environment, ServerMetadata }

/** Version 2 keeps each environment's discovery document and each client's registration reply. */
export const SETTINGS_VERSION = 2

interface EnvironmentState {
  environments: Environment[]
  activeEnvironmentId: string
  /** Opt-in: without it secrets live in memory only and vanish on reload. */
  rememberSecrets: boolean
  /** Why the saved settings were not used, when they could not be read; the preset stands in. */
  settingsProblem: string | null
  actions: {
    environmentAdded: (name: string) => string
    environmentSelected: (id: string) => void
    environmentRenamed: (id: string, name: string) => void
    environmentRemoved: (id: string) => void
    issuerChanged: (id: string, issuer: string) => void
    endpointsDiscovered: (id: string, endpoints: ServerEndpoints, metadata?: ServerMetadata) => void
    endpointChanged: (id: string, key: EndpointKey, value: string) => void
    clientAdded: (environmentId: string, client: Omit<ClientProfile, 'id'>) => string
    clientChanged: (environmentId: string, clientId: string, patch: Partial<Omit<ClientProfile, 'id'>>) => void
    clientRemoved: (environmentId: string, clientId: string) => void
    originConfirmed: (id: string, origin: string) => void
    originConfirmationWithdrawn: (id: string, origin: string) => void
    rememberSecretsChanged: (remember: boolean) => void
    relayUseChanged: (id: string, useRelay: boolean) => void
    flowScopeChanged: (id: string, flow: ScopedFlow, scope: string) => void
    environmentsImported: (environments: Environment[]) => void
  }
}

function updateEnvironment(environments: Environment[], id: string, update: (environment: Environment) => Environment) {
  return environments.map((environment) => (environment.id === id ? update(environment) : environment))
}

/** The sandbox's demo secret is public, so a reload puts it back rather than leaving the preset unusable. */
function restorePresetSecrets(environment: Environment): Environment {
  return {
    ...environment,
    clients: environment.clients.map((client) =>
      client.source === 'preset' && client.client_secret === '' ? { ...client, client_secret: SANDBOX_WWW_SECRET } : client,
    ),
  }
}

const useEnvironmentStore = create<EnvironmentState>()(
  persist(
    (set, get) => ({
      environments: [sandboxEnvironment()],
      activeEnvironmentId: SANDBOX_ENVIRONMENT_ID,
      rememberSecrets: false,
      settingsProblem: null,
      actions: {
        environmentAdded: (name) => {
          const id = newId()
          set((state) => ({
            environments: [...state.environments, { id, name, issuer: '', endpoints: {}, clients: [] }],
            activeEnvironmentId: id,
          }))
          return id
        },
        environmentSelected: (id) => set({ activeEnvironmentId: id }),
        environmentRenamed: (id, name) =>
          set((state) => ({ environments: updateEnvironment(state.environments, id, (environment) => ({ ...environment, name })) })),
        environmentRemoved: (id) =>
          set((state) => {
            const remaining = state.environments.filter((environment) => environment.id !== id)
            const environments = remaining.length > 0 ? remaining : [sandboxEnvironment()]
            const activeEnvironmentId =
              state.activeEnvironmentId === id ? (environments[0]?.id ?? SANDBOX_ENVIRONMENT_ID) : state.activeEnvironmentId
            return { environments, activeEnvironmentId }
          }),
        issuerChanged: (id, issuer) =>
          set((state) => ({ environments: updateEnvironment(state.environments, id, (environment) => ({ ...environment, issuer })) })),
        endpointsDiscovered: (id, { issuer: _issuer, ...endpoints }, metadata) =>
          set((state) => ({
            environments: updateEnvironment(state.environments, id, (environment) => ({
              ...environment,
              endpoints: { ...endpoints },
              ...(metadata ? { metadata } : {}),
            })),
          })),
        endpointChanged: (id, key, value) =>
          set((state) => ({
            environments: updateEnvironment(state.environments, id, (environment) => ({
              ...environment,
              endpoints: { ...environment.endpoints, [key]: value },
            })),
          })),
        clientAdded: (environmentId, client) => {
          const id = newId()
          set((state) => ({
            environments: updateEnvironment(state.environments, environmentId, (environment) => ({
              ...environment,
              clients: [...environment.clients, { ...client, id }],
            })),
          }))
          return id
        },
        clientChanged: (environmentId, clientId, patch) =>
          set((state) => ({
            environments: updateEnvironment(state.environments, environmentId, (environment) => ({
              ...environment,
              clients: environment.clients.map((client) => (client.id === clientId ? { ...client, ...patch } : client)),
            })),
          })),
        clientRemoved: (environmentId, clientId) =>
          set((state) => ({
            environments: updateEnvironment(state.environments, environmentId, (environment) => ({
              ...environment,
              clients: environment.clients.filter((client) => client.id !== clientId),
            })),
          })),
        originConfirmed: (id, origin) =>
          set((state) => ({
            environments: updateEnvironment(state.environments, id, (environment) => ({
              ...environment,
              confirmedOrigins: [...new Set([...(environment.confirmedOrigins ?? []), origin])],
            })),
          })),
        originConfirmationWithdrawn: (id, origin) =>
          set((state) => ({
            environments: updateEnvironment(state.environments, id, (environment) => ({
              ...environment,
              confirmedOrigins: (environment.confirmedOrigins ?? []).filter((confirmed) => confirmed !== origin),
            })),
          })),
        rememberSecretsChanged: (rememberSecrets) => set({ rememberSecrets }),
        relayUseChanged: (id, useRelay) =>
          set((state) => ({ environments: updateEnvironment(state.environments, id, (environment) => ({ ...environment, useRelay })) })),
        flowScopeChanged: (id, flow, scope) =>
          set((state) => ({
            environments: updateEnvironment(state.environments, id, (environment) => ({
              ...environment,
              scopes: { ...environment.scopes, [flow]: scope },
            })),
          })),
        environmentsImported: (imported) => {
          const known = new Set(imported.map((environment) => environment.id))
          const environments = [...get().environments.filter((environment) => !known.has(environment.id)), ...imported]
          set({ environments, activeEnvironmentId: imported[0]?.id ?? get().activeEnvironmentId })
        },
      },
    }),
    {
      name: 'oauth-console:environments',
      version: SETTINGS_VERSION,
      storage: createJSONStorage(guardedLocalStorage),
      partialize: (state): PersistedSettings => ({
        environments: state.rememberSecrets ? state.environments : state.environments.map(environmentWithoutSecrets),
        activeEnvironmentId: state.activeEnvironmentId,
        rememberSecrets: state.rememberSecrets,
      }),
      // Read back in saved-settings.ts, through the schema (environment-settings.ts), when something is saved.
      skipHydration: true,
      // Unreadable JSON, an unknown version or readers that did not load land here, with the preset in place.
      onRehydrateStorage: () => (_state, error) => {
        if (!error) return
        const settingsProblem =
          error instanceof SyntaxError ? 'they are not valid JSON' : error instanceof Error ? error.message : String(error)
        queueMicrotask(() => useEnvironmentStore.setState({ settingsProblem }))
      },
    },
  ),
)

// Saved settings are untrusted input: read through the schema, or set aside for the preset.
readSavedWith(useEnvironmentStore, () =>
  import('./environment-settings.ts').then(({ migrateSettings, readSettings }) => ({
    migrate: migrateSettings,
    merge: (persisted: unknown, current: EnvironmentState): EnvironmentState => {
      if (persisted === undefined || persisted === null) return current
      const read = readSettings(persisted)
      if (!read.ok) return { ...current, settingsProblem: read.problem }
      const { environments, activeEnvironmentId, rememberSecrets } = read.settings
      return {
        ...current,
        environments: environments.map(restorePresetSecrets),
        activeEnvironmentId: environments.some((environment) => environment.id === activeEnvironmentId)
          ? activeEnvironmentId
          : environments[0]!.id,
        rememberSecrets,
      }
    },
  })),
)

export const useEnvironments = () => useEnvironmentStore((state) => state.environments)
export const useRememberSecrets = () => useEnvironmentStore((state) => state.rememberSecrets)
export const useSettingsProblem = () => useEnvironmentStore((state) => state.settingsProblem)
export const useActiveEnvironment = () =>
  useEnvironmentStore(
    (state) => state.environments.find((environment) => environment.id === state.activeEnvironmentId) ?? state.environments[0]!,
  )
export const useClientProfile = (environmentId: string, clientId: string | null) =>
  useEnvironmentStore((state) =>
    state.environments.find((environment) => environment.id === environmentId)?.clients.find((client) => client.id === clientId),
  )
export const useEnvironmentActions = () => useEnvironmentStore(useShallow((state) => state.actions))

/** The scope a flow asks for on this environment, and its setter: kept (and shared) with the environment. */
export function useFlowScope(environment: Environment, flow: ScopedFlow): [string, (scope: string) => void] {
  const { flowScopeChanged } = useEnvironmentActions()
  // One setter while the environment is the same, so memoised fields that take it are not redrawn by a result.
  const environmentId = environment.id
  const setScope = useCallback((scope: string) => flowScopeChanged(environmentId, flow, scope), [flowScopeChanged, environmentId, flow])
  return [flowScope(environment.scopes, flow), setScope]
}

/** For non-React callers (session export) that need a snapshot, not a subscription. */
export const readEnvironmentSnapshot = () => {
  const { environments, activeEnvironmentId, rememberSecrets } = useEnvironmentStore.getState()
  return { environments, activeEnvironmentId, rememberSecrets }
}

/** What the protocol layer needs of an environment: its issuer and endpoints, blanks left out. */
export function environmentServer(environment: Environment): ServerEndpoints {
  const endpoints = Object.fromEntries(Object.entries(environment.endpoints).filter(([, value]) => value && value.trim() !== ''))
  return { issuer: environment.issuer.trim(), ...endpoints, confirmed_origins: environment.confirmedOrigins ?? [] }
}

/**
 * What the console knows of how a client may authenticate, for diagnosing a refusal: the method the
 * server confirmed at registration and the methods its metadata lists. A profile's own method is only
 * what the person chose, so it is not taken as the server's word. RFC 7591 §3.2.1, RFC 8414 §2.
 */
export function knownClientAuth(environment: Environment, client: ClientProfile | undefined) {
  return {
    registered: client?.registration?.token_endpoint_auth_method,
    supported: environment.metadata?.token_endpoint_auth_methods_supported,
  }
}

/** What a token request sent as `sent`, against what is known of the client and the server, for diagnoseClientAuth. */
export function clientAuthContext(environment: Environment, client: ClientProfile | undefined, sent: ClientAuthMethod): ClientAuthContext {
  return {
    sent: { auth: sent, client_id_in_body: false },
    ...knownClientAuth(environment, client),
    has: credentialsHeld(client),
  }
}

/** Which credentials the console holds for a client, a profile or a request's input alike, so a fix never asks for one it lacks. */
export function credentialsHeld(client: { client_secret?: string | undefined; private_jwk?: unknown } | undefined): ClientAuthContext['has'] {
  return { secret: (client?.client_secret ?? '') !== '', key: client?.private_jwk !== undefined }
}

/** The chosen client if it still belongs to the environment, else its first client. */
export function pickClient(environment: Environment, clientProfileId: string | null): ClientProfile | undefined {
  return environment.clients.find((client) => client.id === clientProfileId) ?? environment.clients[0]
}

/**
 * Everything an authenticated request needs from the environment and one client, built once for every
 * step: the endpoints, the client's credentials, the method chosen for this request, and the ID token
 * alg its registration or the server's metadata implies.
 */
export function clientRequestInput(
  environment: Environment,
  client: ClientProfile | undefined,
  choice: { auth: ClientAuthMethod; client_id_in_body?: boolean },
): ClientInput {
  const alg = idTokenSigningAlg(client?.registration, environment.metadata)
  return {
    server: environmentServer(environment),
    client_id: client?.client_id ?? '',
    client_secret: client?.client_secret ?? '',
    auth: choice.auth,
    ...(client?.private_jwk ? { private_jwk: client.private_jwk } : {}),
    ...(choice.client_id_in_body ? { client_id_in_body: true } : {}),
    ...(alg ? { id_token_signed_response_alg: alg } : {}),
  }
}
