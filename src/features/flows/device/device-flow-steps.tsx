import { memo, useState } from 'react'
import { ClientRequestFields } from '../../../components/client/client-request-fields.tsx'
import { useClientChoice } from '../../../components/client/use-client-choice.ts'
import { DpopOption } from '../../../components/dpop/dpop-option.tsx'
import { GuidedStepNote } from '../../../components/guide/guided-step-note.tsx'
import { RawExchange } from '../../../components/exchange/exchange-view.tsx'
import { RequestFailureView } from '../../../components/exchange/request-failure-view.tsx'
import { RefusedClientAdvice } from '../../../components/client/refused-client-advice.tsx'
import { StepSection } from '../../../components/ui/step-section.tsx'
import { SubmitWithCancel } from '../../../components/ui/submit-with-cancel.tsx'
import { dpopKeyPair } from '../../../protocol/dpop-key.ts'
import type { DeviceAuthorization, DeviceStartOutcome } from '../../../protocol/device-flow.ts'
import { startDeviceAuthorization } from '../../../protocol/requests-on-demand.ts'
import { previewRequest } from '../../../protocol/request-preview.ts'
import { clientRequestInput, knownClientAuth, useActiveEnvironment, useFlowScope } from '../../../state/environment-store.ts'
import { requestTransport } from '../../../state/request-transport.ts'
import { useTokenActions } from '../../../state/token-store.ts'
import { useDeviceClientProfileId, useWalkthroughActions } from '../../../state/walkthrough-store.ts'
import { DeviceAuthorizationView } from './device-authorization-view.tsx'
import { PollPanel } from './poll-panel.tsx'
import { useDeviceFlow } from './use-device-flow.ts'

interface StartResultProps {
  authorization: DeviceAuthorization | null
  expiresAt: number
  outcome: DeviceStartOutcome | undefined
}

/** The codes to show the user, or why the start failed. Memoised: each poll below redraws the Poll step, not this. */
const StartResult = memo(function StartResult({ authorization, expiresAt, outcome }: StartResultProps) {
  return (
    <div className="mt-4 flex flex-col gap-3">
      {authorization && (
        <>
          <DeviceAuthorizationView key={authorization.device_code} authorization={authorization} expiresAt={expiresAt} />
          <RawExchange exchange={outcome?.kind === 'started' ? outcome.exchange : null} />
        </>
      )}
      {outcome && outcome.kind !== 'started' && <RequestFailureView failure={outcome} />}
    </div>
  )
})

/** Steps 3 and 4 share one device flow: started here, polled below, both views of one hook. */
export function DeviceFlowSteps() {
  const environment = useActiveEnvironment()
  const deviceClientProfileId = useDeviceClientProfileId()
  const { deviceClientChosen } = useWalkthroughActions()
  const { replyTokensKept } = useTokenActions()
  // The walk-through follows which client this flow sends as, so the choice is kept in its store, not here.
  const clientChoice = useClientChoice(environment, [deviceClientProfileId, deviceClientChosen])
  const { client, auth } = clientChoice
  const [scope, setScope] = useFlowScope(environment, 'device_authorization')
  const [useDpop, setUseDpop] = useState(false)

  const flow = useDeviceFlow({
    onTokens: (outcome, flowClient) =>
      replyTokensKept('device-poll', { environmentId: environment.id, clientProfileId: flowClient.clientProfileId, client_id: flowClient.input.client_id }, outcome.tokens),
    dpopKey: useDpop ? () => dpopKeyPair(environment.id) : null,
  })

  // One input for the request and its guided preview, so the preview is what will be sent.
  const startInput = (method = auth) => ({ ...clientRequestInput(environment, client, { auth: method }), scope, ...requestTransport(environment) })
  const start = (method = auth) =>
    flow.start({
      input: startInput(method),
      client: {
        clientProfileId: client?.id ?? '',
        label: client?.label ?? 'no client',
        ...knownClientAuth(environment, client),
      },
    })

  const outcome = flow.startOutcome
  const started = flow.state.phase === 'started' ? flow.state : null
  return (
    <>
      <StepSection
        id="device-flow"
        number={3}
        title="Device Flow"
        description="Start a Device Authorization Grant (RFC 8628 §3.1): the server returns a code for the user to enter on another device."
      >
        <GuidedStepNote
          step="device-authorization"
          preview={() => previewRequest((recording) => startDeviceAuthorization({ ...startInput(), ...recording }))}
          previewKey={JSON.stringify([environment.endpoints, environment.useRelay, client, auth, scope])}
        />
        <form
          className="flex flex-col gap-3"
          onSubmit={(event) => {
            event.preventDefault()
            start()
          }}
        >
          <ClientRequestFields
            choice={clientChoice}
            scope={scope}
            onScopeChange={setScope}
            scopeHint="Optional, space-separated. Kept with this environment."
          />
          <DpopOption environmentId={environment.id} checked={useDpop} onCheckedChange={setUseDpop} />
          <SubmitWithCancel pending={flow.starting} onCancel={flow.cancelStart}>
            Start device flow
          </SubmitWithCancel>
        </form>
        <RefusedClientAdvice
          outcome={outcome}
          request={{ isPending: flow.starting, variables: flow.startedWith, mutate: start }}
          choice={clientChoice}
          verb="Start device flow"
        />
        <StartResult authorization={started?.authorization ?? null} expiresAt={started?.schedule.expiresAt ?? 0} outcome={outcome} />
      </StepSection>
      <PollPanel flow={flow} />
    </>
  )
}
