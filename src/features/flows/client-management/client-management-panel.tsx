import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { RawExchange } from '../../../components/exchange/exchange-view.tsx'
import { RequestFailureView } from '../../../components/exchange/request-failure-view.tsx'
import { Button } from '../../../components/ui/button.tsx'
import { CancelButton } from '../../../components/ui/cancel-button.tsx'
import { useCancellable } from '../../../components/ui/use-cancellable.ts'
import { CodeBlock } from '../../../components/ui/code-block.tsx'
import { SelectField, TextAreaField, TextField } from '../../../components/ui/fields.tsx'
import { Notice } from '../../../components/ui/notice.tsx'
import { SecretField } from '../../../components/ui/secret-field.tsx'
import { StepSection } from '../../../components/ui/step-section.tsx'
import {
  deleteClientRegistration,
  readClientRegistration,
  editableMetadata,
  updateClientRegistration,
  type ManagementOutcome,
} from '../../../protocol/client-management.ts'
import { parseJsonText } from '../../../protocol/json-text.ts'
import { requestTransport } from '../../../state/request-transport.ts'
import { environmentServer, useActiveEnvironment, useEnvironmentActions } from '../../../state/environment-store.ts'

type Action = 'read' | 'update' | 'delete'

const DONE: Record<Action, string> = { read: 'Registration read', update: 'Registration updated', delete: 'Client deleted' }

export function ClientManagementPanel() {
  const environment = useActiveEnvironment()
  const { clientChanged, originConfirmed } = useEnvironmentActions()
  const cancellable = useCancellable()
  const registered = environment.clients.filter((client) => client.registration_client_uri)
  const [chosenId, setChosenId] = useState<string | null>(null)
  const client = registered.find((candidate) => candidate.id === chosenId) ?? registered.at(-1)
  const [metadataText, setMetadataText] = useState('')
  // Secret members of the last reply (client_secret): never in the editor, sent back unchanged on Update.
  const [heldAside, setHeldAside] = useState<Record<string, unknown>>({})
  const [jsonError, setJsonError] = useState<string | null>(null)
  // Delete is for good at the server: the first press asks, naming what stops working.
  const [confirmingDelete, setConfirmingDelete] = useState(false)
  const where = () => ({
    registration_client_uri: client?.registration_client_uri ?? '',
    registration_access_token: client?.registration_access_token ?? '',
    trust: environmentServer(environment),
    ...requestTransport(environment),
    signal: cancellable.signal(),
  })

  const manage = useMutation({
    mutationFn: async ({ action, metadata }: { action: Action; metadata?: Record<string, unknown> }): Promise<{ action: Action; outcome: ManagementOutcome }> => {
      switch (action) {
        case 'read':
          return { action, outcome: await readClientRegistration(where()) }
        case 'update':
          return { action, outcome: await updateClientRegistration({ ...where(), metadata: metadata ?? {} }) }
        case 'delete':
          return { action, outcome: await deleteClientRegistration(where()) }
      }
    },
    onSuccess: ({ outcome }) => {
      if (outcome.kind !== 'registration' || !client) return
      const { registration_access_token, client_secret } = outcome.metadata
      // The server may rotate the token on every update (RFC 7592 §2.2): the next request needs the new one.
      clientChanged(environment.id, client.id, {
        ...(typeof registration_access_token === 'string' ? { registration_access_token } : {}),
        ...(typeof client_secret === 'string' ? { client_secret } : {}),
      })
      const { editable, heldAside: secrets } = editableMetadata(outcome.metadata)
      setMetadataText(JSON.stringify(editable, null, 2))
      setHeldAside(secrets)
      setJsonError(null)
    },
  })

  const run = (action: 'read' | 'delete') => {
    setJsonError(null)
    setConfirmingDelete(false)
    manage.mutate({ action })
  }

  const update = () => {
    if (metadataText.trim() === '') {
      setJsonError('Nothing to send yet: press Read first, then edit. Update sends the whole document, which replaces the registration (RFC 7592 §2.2)')
      return
    }
    const parsed = parseJsonText(metadataText)
    if (!parsed.ok) {
      setJsonError(`${parsed.message} (line ${parsed.line}, column ${parsed.column})`)
      return
    }
    if (typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value)) {
      setJsonError('The metadata must be a JSON object: { "client_id": ..., ... }')
      return
    }
    setJsonError(null)
    manage.mutate({ action: 'update', metadata: { ...heldAside, ...(parsed.value as Record<string, unknown>) } })
  }

  const result = manage.data
  // Refused for an origin off the issuer's: offer the confirmation by name, here where it was needed.
  const unconfirmedOrigin =
    result?.outcome.kind === 'invalid_input' && result.outcome.message.includes('Allow credentials to') && client?.registration_client_uri
      ? originOf(client.registration_client_uri)
      : null
  return (
    <StepSection
      id="client-management"
      title="Client Management"
      description="Read, update or delete a client registered in this console, with its registration access token (RFC 7592)."
    >
      {!client ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">
          No registered client kept in this console yet: send a registration request in External API, then press Use as device client
          there, which keeps the client with its registration_client_uri and registration access token for this step.
        </p>
      ) : (
        <div className="flex flex-col gap-3">
          <SelectField
            label="Registered client"
            value={client.id}
            onValueChange={setChosenId}
            options={registered.map((candidate) => ({ value: candidate.id, label: `${candidate.label} — ${candidate.client_id}` }))}
          />
          <TextField label="registration_client_uri" value={client.registration_client_uri ?? ''} readOnly onValueChange={() => {}} className="font-mono" />
          <SecretField
            label="registration_access_token"
            value={client.registration_access_token ?? ''}
            onValueChange={(registration_access_token) => clientChanged(environment.id, client.id, { registration_access_token })}
            hint="Sent as Bearer; replaced when the server rotates it."
          />
          <TextAreaField
            label="Client metadata (JSON)"
            value={metadataText}
            onValueChange={setMetadataText}
            error={jsonError}
            rows={10}
            className="font-mono"
            hint={`Read first, edit, then Update: the whole document replaces the registration (RFC 7592 §2.2).${
              Object.keys(heldAside).length > 0 ? ` ${Object.keys(heldAside).join(', ')} is kept out of sight and sent back unchanged.` : ''
            }`}
          />
          <div className="flex flex-wrap gap-2">
            <Button busy={manage.isPending && manage.variables.action === 'read'} onClick={() => run('read')}>
              Read
            </Button>
            <Button variant="secondary" busy={manage.isPending && manage.variables.action === 'update'} onClick={update}>
              Update
            </Button>
            <Button variant="secondary" busy={manage.isPending && manage.variables.action === 'delete'} onClick={() => setConfirmingDelete(true)}>
              Delete
            </Button>
            <CancelButton pending={manage.isPending} onCancel={cancellable.cancel} />
          </div>
          {confirmingDelete && (
            <Notice tone="warning" title={`Delete ${client.client_id} at the server?`}>
              <p>
                The server forgets the client: its client_id, client secret and registration access token stop working, and this cannot be
                undone (RFC 7592 §2.3).
              </p>
              <div className="mt-2 flex flex-wrap gap-2">
                <Button onClick={() => run('delete')}>Delete at the server</Button>
                <Button variant="secondary" onClick={() => setConfirmingDelete(false)}>
                  Keep the client
                </Button>
              </div>
            </Notice>
          )}
        </div>
      )}
      <div className="mt-4 flex flex-col gap-3" aria-live="polite">
        {result && (result.outcome.kind === 'registration' || result.outcome.kind === 'deleted') && (
          <>
            <Notice tone="success" title={DONE[result.action]}>
              {result.outcome.kind === 'deleted'
                ? 'The server no longer knows this client; its credentials and registration access token are void.'
                : 'The server\'s current metadata is in the editor.'}
            </Notice>
            {result.outcome.kind === 'registration' && (
              <CodeBlock label="Client registration" text={JSON.stringify(result.outcome.metadata, null, 2)} maxHeightClass="max-h-64" />
            )}
            <RawExchange exchange={result.outcome.exchange} />
          </>
        )}
        {result && result.outcome.kind !== 'registration' && result.outcome.kind !== 'deleted' && <RequestFailureView failure={result.outcome} />}
        {unconfirmedOrigin && (
          <div>
            <Button variant="secondary" onClick={() => originConfirmed(environment.id, unconfirmedOrigin)}>
              Allow credentials to {unconfirmedOrigin}
            </Button>
          </div>
        )}
      </div>
    </StepSection>
  )
}

function originOf(uri: string): string | null {
  return URL.canParse(uri) ? new URL(uri).origin : null
}
