import type { ComponentProps } from 'react'
import { CLIENT_AUTH_METHODS, CLIENT_AUTH_METHOD_LABELS, isClientAuthMethod, type ClientAuthMethod } from '../../protocol/client-auth-method.ts'
import { useEnvironmentActions, type Environment } from '../../state/environment-store.ts'
import { Button } from '../ui/button.tsx'
import { SelectField, TextField } from '../ui/fields.tsx'
import { SecretField } from '../ui/secret-field.tsx'
import { loadOnFirstUse } from '../ui/load-on-first-use.tsx'
import type { ClientKeyField as ClientKeyFieldView } from './client-key-field.tsx'

// Only a client that signs with private_key_jwt shows its key: that editor loads when first shown.
const ClientKeyField = loadOnFirstUse<ComponentProps<typeof ClientKeyFieldView>>('the client key', () =>
  import('./client-key-field.tsx').then((module) => module.ClientKeyField),
).Component

interface ClientPickerProps {
  environment: Environment
  clientProfileId: string | null
  onClientProfileChange: (clientProfileId: string) => void
  /** The step authenticates with private_key_jwt: show the client's key. */
  showKey?: boolean
}

/**
 * Choose one of the environment's clients and edit it in place: what is typed here is the client,
 * so every step that uses it sees the same id and secret.
 */
export function ClientPicker({ environment, clientProfileId, onClientProfileChange, showKey = false }: ClientPickerProps) {
  const { clientAdded, clientChanged } = useEnvironmentActions()
  const client = environment.clients.find((candidate) => candidate.id === clientProfileId)

  const addClient = () => {
    const id = clientAdded(environment.id, {
      label: `Client ${environment.clients.length + 1}`,
      client_id: '',
      client_secret: '',
      token_endpoint_auth_method: 'client_secret_basic',
      source: 'manual',
    })
    onClientProfileChange(id)
  }

  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <div className="flex items-end gap-2 sm:col-span-2">
        <SelectField
          label="Client"
          fieldClassName="flex-1"
          value={client?.id ?? ''}
          onValueChange={onClientProfileChange}
          options={[
            ...(client ? [] : [{ value: '', label: environment.clients.length ? 'Choose a client…' : 'No clients yet' }]),
            ...environment.clients.map((candidate) => ({
              value: candidate.id,
              label: `${candidate.label}${candidate.client_id ? ` — ${candidate.client_id}` : ''}`,
            })),
          ]}
        />
        <Button variant="secondary" onClick={addClient}>
          New client
        </Button>
      </div>
      {client && (
        <>
          <TextField
            label="Client ID"
            value={client.client_id}
            onValueChange={(client_id) => clientChanged(environment.id, client.id, { client_id })}
            className="font-mono"
          />
          <SecretField
            label="Client secret"
            value={client.client_secret}
            onValueChange={(client_secret) => clientChanged(environment.id, client.id, { client_secret })}
          />
          {showKey && (
            <div className="sm:col-span-2">
              <ClientKeyField jwk={client.private_jwk} onJwkChange={(private_jwk) => clientChanged(environment.id, client.id, { private_jwk })} />
            </div>
          )}
        </>
      )}
    </div>
  )
}

const AUTH_METHOD_OPTIONS = CLIENT_AUTH_METHODS.map((method) => ({ value: method, label: method }))

interface AuthMethodSelectProps {
  value: ClientAuthMethod
  onValueChange: (method: ClientAuthMethod) => void
  label?: string
  hint?: string
  /** Why this method may not work here (e.g. the server does not list it), shown under the hint. */
  warning?: string | null
  /** Drawn as text until it is needed: see SelectField's asText. */
  asText?: boolean
  /** Classes for the control (and the text drawn in its place), e.g. a fixed height so the two swap without a shift. */
  className?: string
}

export function AuthMethodSelect({ value, onValueChange, label = 'Client authentication', hint, warning, asText, className }: AuthMethodSelectProps) {
  const text = hint ? `${CLIENT_AUTH_METHOD_LABELS[value]}. ${hint}` : CLIENT_AUTH_METHOD_LABELS[value]
  return (
    <SelectField
      label={label}
      value={value}
      hint={
        warning ? (
          <>
            {text}
            <span className="mt-1 block text-amber-700 dark:text-amber-400">⚠ {warning}</span>
          </>
        ) : (
          text
        )
      }
      onValueChange={(method) => {
        if (isClientAuthMethod(method)) onValueChange(method)
      }}
      options={AUTH_METHOD_OPTIONS}
      asText={asText}
      className={className}
    />
  )
}
