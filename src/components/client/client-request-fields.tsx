import { memo } from 'react'
import { authMethodWarning } from '../../protocol/client-expectations.ts'
import { TextField } from '../ui/fields.tsx'
import { AuthMethodSelect, ClientPicker } from './client-picker.tsx'
import type { ClientChoice } from './use-client-choice.ts'

interface ClientRequestFieldsProps {
  /** From `useClientChoice`: one object, the same until the client or its authentication changes. */
  choice: ClientChoice
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
  const { environment, client, auth, clientProfileChanged, authChanged } = props.choice
  const { scope, onScopeChange } = props
  return (
    <>
      <ClientPicker environment={environment} clientProfileId={client?.id ?? null} onClientProfileChange={clientProfileChanged} showKey={auth === 'private_key_jwt'} />
      <div className="grid gap-3 sm:grid-cols-2">
        <AuthMethodSelect value={auth} onValueChange={authChanged} warning={authMethodWarning(auth, environment.metadata)} />
        {scope !== undefined && onScopeChange && (
          <TextField label="Scope" value={scope} onValueChange={onScopeChange} className="font-mono" hint={props.scopeHint} />
        )}
      </div>
    </>
  )
})
