import { useState } from 'react'
import { Button } from '../../../components/ui/button.tsx'
import { ClippedText } from '../../../components/ui/clipped-text.tsx'
import { escapeInvisible } from '../../../protocol/visible-text.ts'
import { Notice } from '../../../components/ui/notice.tsx'
import { isClientAuthMethod } from '../../../protocol/client-auth-method.ts'
import { registrationReplySchema } from '../../../protocol/environment-schema.ts'
import type { PrivateJwk } from '../../../protocol/client-keys.ts'
import type { RegisteredClient } from '../../../protocol/registration.ts'
import { useEnvironmentActions, type Environment } from '../../../state/environment-store.ts'
import { useWalkthroughActions } from '../../../state/walkthrough-store.ts'

const SHOWN_FIELDS = ['client_id', 'client_name', 'software_id', 'token_endpoint_auth_method', 'registration_client_uri'] as const

interface RegistrationResultProps {
  environment: Environment
  registered: RegisteredClient
  /** The reply as the server sent it, kept whole with the client. */
  reply: unknown
  /** The key generated for this registration, if any: a private_key_jwt client signs with it. */
  clientKey?: PrivateJwk | undefined
}

/** A registration reply, summarised, with one click to carry the new client into the Device Flow. */
export function RegistrationResult({ environment, registered, reply, clientKey }: RegistrationResultProps) {
  const { clientAdded } = useEnvironmentActions()
  const { deviceClientChosen } = useWalkthroughActions()
  const [savedAs, setSavedAs] = useState<string | null>(null)

  const save = () => {
    const name = escapeInvisible(registered.client_name ?? registered.software_id ?? 'registered client').text
    // A label is for picking the client from a list: a server's megabyte of client_name is not.
    const label = `${name.length > 60 ? `${name.slice(0, 57)}...` : name} (registered)`
    const registration = registrationReplySchema.safeParse(reply)
    const id = clientAdded(environment.id, {
      label,
      client_id: registered.client_id,
      client_secret: registered.client_secret ?? '',
      token_endpoint_auth_method: isClientAuthMethod(registered.token_endpoint_auth_method)
        ? registered.token_endpoint_auth_method
        : 'client_secret_basic',
      registration_access_token: registered.registration_access_token,
      registration_client_uri: registered.registration_client_uri,
      source: 'registration',
      ...(registration.success ? { registration: registration.data } : {}),
      ...(clientKey && registered.token_endpoint_auth_method === 'private_key_jwt' ? { private_jwk: clientKey } : {}),
    })
    deviceClientChosen(id)
    setSavedAs(label)
    document.getElementById('device-flow')?.scrollIntoView({ behavior: 'smooth', block: 'start' })
  }

  return (
    <Notice tone="success" title="A client was registered">
      <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 text-xs">
        {SHOWN_FIELDS.map((field) =>
          registered[field] ? (
            <div key={field} className="contents">
              <dt className="font-semibold">{field}</dt>
              <dd className="font-mono break-all">
                <ClippedText text={escapeInvisible(registered[field] ?? '').text} limit={200} />
              </dd>
            </div>
          ) : null,
        )}
        <dt className="font-semibold">client_secret</dt>
        <dd>{registered.client_secret ? 'received (kept in memory)' : 'none in the reply'}</dd>
      </dl>
      <div className="mt-2 flex items-center gap-3">
        <Button onClick={save} disabled={savedAs !== null}>
          Use as device client
        </Button>
        {savedAs && (
          <span role="status" className="text-sm">
            Saved as “{savedAs}”; the Device Flow step now uses it.
          </span>
        )}
      </div>
    </Notice>
  )
}
