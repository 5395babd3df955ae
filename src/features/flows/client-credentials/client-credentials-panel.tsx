import { memo, useState } from 'react'
import { ClientRequestFields } from '../../../components/client/client-request-fields.tsx'
import { useClientChoice } from '../../../components/client/use-client-choice.ts'
import { DpopOption } from '../../../components/dpop/dpop-option.tsx'
import { GuidedStepNote } from '../../../components/guide/guided-step-note.tsx'
import { TokenReplyView } from '../../../components/exchange/token-reply-view.tsx'
import { RefusedClientAdvice } from '../../../components/client/refused-client-advice.tsx'
import { useResultKeptWhileBusy } from '../../../components/exchange/use-result-kept-while-busy.ts'
import { useCancellable } from '../../../components/ui/use-cancellable.ts'
import { ParamRowsEditor, type EditableRow } from '../../../components/ui/param-rows-editor.tsx'
import { StepSection } from '../../../components/ui/step-section.tsx'
import { SubmitWithCancel } from '../../../components/ui/submit-with-cancel.tsx'
import type { ClientAuthMethod } from '../../../protocol/client-auth.ts'
import { dpopKeyPair, previewRequest, requestClientCredentials } from '../../../protocol/requests-on-demand.ts'
import { clientRequestInput, useActiveEnvironment, useFlowScope, type ClientProfile, type Environment } from '../../../state/environment-store.ts'
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

interface ExtraFieldsProps {
  environmentId: string
  extra: EditableRow[]
  useDpop: boolean
  onExtraChange: (rows: EditableRow[]) => void
  onUseDpopChange: (useDpop: boolean) => void
}

/** What this step adds to the client's fields. Memoised like them: a click redraws the button and the result only. */
const ExtraFields = memo(function ExtraFields({ environmentId, extra, useDpop, onExtraChange, onUseDpopChange }: ExtraFieldsProps) {
  return (
    <>
      <ParamRowsEditor label="Extra parameters" rows={extra} onRowsChange={onExtraChange} addLabel="Add parameter" />
      <DpopOption environmentId={environmentId} checked={useDpop} onCheckedChange={onUseDpopChange} />
    </>
  )
})

export function ClientCredentialsPanel() {
  const environment = useActiveEnvironment()
  const { replyTokensKept } = useTokenActions()
  const clientChoice = useClientChoice(environment)
  const { client, auth } = clientChoice
  const [scope, setScope] = useFlowScope(environment, 'client_credentials')
  const [extra, setExtra] = useState<EditableRow[]>([])
  const [useDpop, setUseDpop] = useState(false)
  const cancellable = useCancellable()

  // The method is the request's own (not read from the form when the reply comes), so the diagnosis
  // compares the reply with what was sent, and a fix can send with another method at once.
  const request = useMutationOnDemand({
    mutationFn: async (sentAuth: ClientAuthMethod) => {
      const signal = cancellable.signal()
      const dpop = useDpop ? await dpopKeyPair(environment.id) : undefined
      return requestClientCredentials({ ...requestInput({ environment, client, auth: sentAuth, scope, extra }), signal, ...(dpop ? { dpop } : {}) })
    },
    onSuccess: (outcome) => {
      if (outcome.kind === 'tokens' && client) {
        replyTokensKept('client-credentials', { environmentId: environment.id, clientProfileId: client.id, client_id: client.client_id }, outcome.tokens)
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
          request.mutate(auth)
        }}
      >
        <ClientRequestFields
          choice={clientChoice}
          scope={scope}
          onScopeChange={setScope}
          scopeHint="Space-separated. Kept with this environment."
        />
        <ExtraFields environmentId={environment.id} extra={extra} useDpop={useDpop} onExtraChange={setExtra} onUseDpopChange={setUseDpop} />
        <SubmitWithCancel pending={request.isPending} onCancel={cancellable.cancel}>
          Request token
        </SubmitWithCancel>
      </form>

      <RefusedClientAdvice outcome={outcome} request={request} choice={clientChoice} verb="Request token" />
      <TokenReplyView outcome={outcome} note="Added to the token list, so the next steps can use it." />
    </StepSection>
  )
}
