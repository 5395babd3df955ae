import { memo, useCallback, useState } from 'react'
import { AuthMethodSelect, ClientPicker } from '../../../components/client/client-picker.tsx'
import { DpopOption } from '../../../components/dpop/dpop-option.tsx'
import { GuidedStepNote } from '../../../components/guide/guided-step-note.tsx'
import { TokenReplyView } from '../../../components/exchange/token-reply-view.tsx'
import { useResultKeptWhileBusy } from '../../../components/exchange/use-result-kept-while-busy.ts'
import { Button } from '../../../components/ui/button.tsx'
import { CancelButton } from '../../../components/ui/cancel-button.tsx'
import { useCancellable } from '../../../components/ui/use-cancellable.ts'
import { TextField } from '../../../components/ui/fields.tsx'
import { ParamRowsEditor, type EditableRow } from '../../../components/ui/param-rows-editor.tsx'
import { StepSection } from '../../../components/ui/step-section.tsx'
import type { ClientAuthMethod } from '../../../protocol/client-auth.ts'
import { authMethodWarning } from '../../../protocol/client-expectations.ts'
import { dpopKeyPair } from '../../../protocol/dpop-key.ts'
import { previewRequest, requestClientCredentials } from '../../../protocol/requests-on-demand.ts'
import { clientRequestInput, pickClient, useActiveEnvironment, useFlowScope, type ClientProfile, type Environment } from '../../../state/environment-store.ts'
import { useMutationOnDemand } from '../../../state/query-on-demand.ts'
import { requestTransport } from '../../../state/request-transport.ts'
import { useTokenActions } from '../../../state/token-store.ts'

/** One input for the request and its guided preview, so the preview is what will be sent. */
function requestInput({ environment, client, auth, scope, extra }: { environment: Environment; client: ClientProfile | undefined; auth: ClientAuthMethod; scope: string; extra: EditableRow[] }) {
  return { ...clientRequestInput(environment, client, { auth }), scope, extra, ...requestTransport(environment) }
}

type RequestChoices = Parameters<typeof requestInput>[0]

/** The guided preview: the same request function and input (DPoP proof included), stopped before it sends. */
function previewClientCredentials(choices: RequestChoices, useDpop: boolean) {
  return previewRequest(async (recording) => {
    const dpop = useDpop ? await dpopKeyPair(choices.environment.id) : undefined
    return requestClientCredentials({ ...requestInput(choices), ...recording, ...(dpop ? { dpop } : {}) })
  })
}

interface FieldsProps {
  environment: Environment
  client: ClientProfile | undefined
  auth: ClientAuthMethod
  scope: string
  extra: EditableRow[]
  useDpop: boolean
  onClientProfileChange: (id: string) => void
  onAuthChange: (auth: ClientAuthMethod) => void
  onScopeChange: (scope: string) => void
  onExtraChange: (rows: EditableRow[]) => void
  onUseDpopChange: (useDpop: boolean) => void
}

/** The request's fields. Memoised: going busy and showing a result redraws the button and the result, not every field. */
const ClientCredentialsFields = memo(function ClientCredentialsFields(props: FieldsProps) {
  const { environment, client, auth, scope, extra, useDpop } = props
  return (
    <>
      <ClientPicker environment={environment} clientProfileId={client?.id ?? null} onClientProfileChange={props.onClientProfileChange} showKey={auth === 'private_key_jwt'} />
      <div className="grid gap-3 sm:grid-cols-2">
        <AuthMethodSelect value={auth} onValueChange={props.onAuthChange} warning={authMethodWarning(auth, environment.metadata)} />
        <TextField label="Scope" value={scope} onValueChange={props.onScopeChange} className="font-mono" hint="Space-separated. Kept with this environment." />
      </div>
      <ParamRowsEditor label="Extra parameters" rows={extra} onRowsChange={props.onExtraChange} addLabel="Add parameter" />
      <DpopOption environmentId={environment.id} checked={useDpop} onCheckedChange={props.onUseDpopChange} />
    </>
  )
})

export function ClientCredentialsPanel() {
  const environment = useActiveEnvironment()
  const { tokensObtained } = useTokenActions()
  const [clientProfileId, setClientProfileId] = useState<string | null>(null)
  const [authOverride, setAuthOverride] = useState<ClientAuthMethod | null>(null)
  const [scope, setScope] = useFlowScope(environment, 'client_credentials')
  const [extra, setExtra] = useState<EditableRow[]>([])
  const [useDpop, setUseDpop] = useState(false)
  const client = pickClient(environment, clientProfileId)
  const auth = authOverride ?? client?.token_endpoint_auth_method ?? 'client_secret_basic'
  const cancellable = useCancellable()
  const clientProfileChanged = useCallback((id: string) => {
    setClientProfileId(id)
    setAuthOverride(null)
  }, [])

  const request = useMutationOnDemand({
    mutationFn: async () => {
      const signal = cancellable.signal()
      const dpop = useDpop ? await dpopKeyPair(environment.id) : undefined
      return requestClientCredentials({ ...requestInput({ environment, client, auth, scope, extra }), signal, ...(dpop ? { dpop } : {}) })
    },
    onSuccess: (outcome) => {
      if (outcome.kind === 'tokens' && client) {
        tokensObtained({
          step: 'client-credentials',
          environmentId: environment.id,
          clientProfileId: client.id,
          client_id: client.client_id,
          obtainedAt: Date.now(),
          tokens: outcome.tokens,
        })
      }
    },
  })

  const outcome = useResultKeptWhileBusy(request.data, request.isPending)
  return (
    <StepSection
      id="client-credentials"
      number={1}
      title="Client Credentials"
      description={
        <>
          A confidential client gets a token for itself (RFC 6749 §4.4). Ask for the <code>dcr</code> scope to get a token that may register
          clients.
        </>
      }
    >
      <GuidedStepNote
        step="client-credentials"
        preview={() => previewClientCredentials({ environment, client, auth, scope, extra }, useDpop)}
        previewKey={`${useDpop}|${environment.endpoints.token_endpoint}|${environment.useRelay}|${client?.id}|${client?.client_id}|${client?.client_secret}|${auth}|${scope}|${extra.map((row) => `${row.enabled}:${row.name}=${row.value}`).join("&")}`}
      />
      <form
        className="flex flex-col gap-3"
        onSubmit={(event) => {
          event.preventDefault()
          request.mutate()
        }}
      >
        <ClientCredentialsFields
          environment={environment}
          client={client}
          auth={auth}
          scope={scope}
          extra={extra}
          useDpop={useDpop}
          onClientProfileChange={clientProfileChanged}
          onAuthChange={setAuthOverride}
          onScopeChange={setScope}
          onExtraChange={setExtra}
          onUseDpopChange={setUseDpop}
        />
        <div className="flex gap-2">
          <Button type="submit" busy={request.isPending}>
            Request token
          </Button>
          <CancelButton pending={request.isPending} onCancel={cancellable.cancel} />
        </div>
      </form>

      <TokenReplyView outcome={outcome} note="Added to the token list, so the next steps can use it." />
    </StepSection>
  )
}
