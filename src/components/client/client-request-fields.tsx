import { memo } from 'react'
import type { ClientAuthMethod } from '../../protocol/client-auth-method.ts'
import { authMethodWarning } from '../../protocol/client-expectations.ts'
import type { ClientProfile, Environment } from '../../state/environment-store.ts'
import { TextField } from '../ui/fields.tsx'
import { AuthMethodSelect, ClientPicker } from './client-picker.tsx'

interface ClientRequestFieldsProps {
  environment: Environment
  client: ClientProfile | undefined
  auth: ClientAuthMethod
  onClientProfileChange: (id: string) => void
  onAuthChange: (auth: ClientAuthMethod) => void
  /** The step's Scope, beside the client authentication; a step without one leaves these out. */
  scope?: string
  onScopeChange?: (scope: string) => void
  scopeHint?: string
}

/**
 * Who a token request is sent as: the client (edited in place), its authentication method with a warning
 * when the server does not list it, and the scope. Memoised: going busy and showing a result redraw a
 * step's button and result, not these fields (so Chrome's autofill has no form controls to look at again).
 */
export const ClientRequestFields = memo(function ClientRequestFields(props: ClientRequestFieldsProps) {
  const { environment, client, auth, scope, onScopeChange } = props
  return (
    <>
      <ClientPicker environment={environment} clientProfileId={client?.id ?? null} onClientProfileChange={props.onClientProfileChange} showKey={auth === 'private_key_jwt'} />
      <div className="grid gap-3 sm:grid-cols-2">
        <AuthMethodSelect value={auth} onValueChange={props.onAuthChange} warning={authMethodWarning(auth, environment.metadata)} />
        {scope !== undefined && onScopeChange && (
          <TextField label="Scope" value={scope} onValueChange={onScopeChange} className="font-mono" hint={props.scopeHint} />
        )}
      </div>
    </>
  )
})
