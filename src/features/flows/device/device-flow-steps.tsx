import { memo, useCallback, useState } from 'react'
import { AuthMethodSelect, ClientPicker } from '../../../components/client/client-picker.tsx'
import { DpopOption } from '../../../components/dpop/dpop-option.tsx'
import { GuidedStepNote } from '../../../components/guide/guided-step-note.tsx'
import { RawExchange } from '../../../components/exchange/exchange-view.tsx'
import { RequestFailureView } from '../../../components/exchange/request-failure-view.tsx'
import { Button } from '../../../components/ui/button.tsx'
import { CancelButton } from '../../../components/ui/cancel-button.tsx'
import { TextField } from '../../../components/ui/fields.tsx'
import { StepSection } from '../../../components/ui/step-section.tsx'
import type { ClientAuthMethod } from '../../../protocol/client-auth.ts'
import { authMethodWarning } from '../../../protocol/client-expectations.ts'
import { dpopKeyPair } from '../../../protocol/dpop-key.ts'
import { startDeviceAuthorization } from '../../../protocol/requests-on-demand.ts'
import { previewRequest } from '../../../protocol/request-preview.ts'
import { clientRequestInput, pickClient, useActiveEnvironment, useFlowScope, type ClientProfile, type Environment } from '../../../state/environment-store.ts'
import { requestTransport } from '../../../state/request-transport.ts'
import { useTokenActions } from '../../../state/token-store.ts'
import { useDeviceClientProfileId, useWalkthroughActions } from '../../../state/walkthrough-store.ts'
import { DeviceAuthorizationView } from './device-authorization-view.tsx'
import { PollPanel } from './poll-panel.tsx'
import { useDeviceFlow } from './use-device-flow.ts'

interface StartFieldsProps {
  environment: Environment
  client: ClientProfile | undefined
  auth: ClientAuthMethod
  scope: string
  useDpop: boolean
  onClientProfileChange: (id: string) => void
  onAuthChange: (auth: ClientAuthMethod) => void
  onScopeChange: (scope: string) => void
  onUseDpopChange: (useDpop: boolean) => void
}

/** The start request's fields. Memoised: a poll, its countdown or going busy redraws none of them. */
const DeviceStartFields = memo(function DeviceStartFields(props: StartFieldsProps) {
  const { environment, client, auth, scope, useDpop } = props
  return (
    <>
      <ClientPicker environment={environment} clientProfileId={client?.id ?? null} onClientProfileChange={props.onClientProfileChange} showKey={auth === 'private_key_jwt'} />
      <div className="grid gap-3 sm:grid-cols-2">
        <AuthMethodSelect value={auth} onValueChange={props.onAuthChange} warning={authMethodWarning(auth, environment.metadata)} />
        <TextField label="Scope" value={scope} onValueChange={props.onScopeChange} className="font-mono" hint="Optional, space-separated. Kept with this environment." />
      </div>
      <DpopOption environmentId={environment.id} checked={useDpop} onCheckedChange={props.onUseDpopChange} />
    </>
  )
})

/** Steps 3 and 4 share one device flow: started here, polled below, both views of one hook. */
export function DeviceFlowSteps() {
  const environment = useActiveEnvironment()
  const deviceClientProfileId = useDeviceClientProfileId()
  const { deviceClientChosen } = useWalkthroughActions()
  const { tokensObtained } = useTokenActions()
  const [authOverride, setAuthOverride] = useState<ClientAuthMethod | null>(null)
  const [scope, setScope] = useFlowScope(environment, 'device_authorization')
  const [useDpop, setUseDpop] = useState(false)
  const client = pickClient(environment, deviceClientProfileId)
  const auth = authOverride ?? client?.token_endpoint_auth_method ?? 'client_secret_basic'
  const clientProfileChanged = useCallback(
    (id: string) => {
      deviceClientChosen(id)
      setAuthOverride(null)
    },
    [deviceClientChosen],
  )

  const flow = useDeviceFlow({
    onTokens: (outcome, flowClient) =>
      tokensObtained({
        step: 'device-poll',
        environmentId: environment.id,
        clientProfileId: flowClient.clientProfileId,
        client_id: flowClient.input.client_id,
        obtainedAt: Date.now(),
        tokens: outcome.tokens,
      }),
    dpopKey: useDpop ? () => dpopKeyPair(environment.id) : null,
  })

  // One input for the request and its guided preview, so the preview is what will be sent.
  const startInput = () => ({ ...clientRequestInput(environment, client, { auth }), scope, ...requestTransport(environment) })
  const start = () =>
    flow.start({
      input: startInput(),
      client: {
        clientProfileId: client?.id ?? '',
        label: client?.label ?? 'no client',
        registeredAuthMethod: client?.registration?.token_endpoint_auth_method ?? client?.token_endpoint_auth_method,
        supportedAuthMethods: environment.metadata?.token_endpoint_auth_methods_supported,
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
          <DeviceStartFields
            environment={environment}
            client={client}
            auth={auth}
            scope={scope}
            useDpop={useDpop}
            onClientProfileChange={clientProfileChanged}
            onAuthChange={setAuthOverride}
            onScopeChange={setScope}
            onUseDpopChange={setUseDpop}
          />
          <div className="flex gap-2">
            <Button type="submit" busy={flow.starting}>
              Start device flow
            </Button>
            <CancelButton pending={flow.starting} onCancel={flow.cancelStart} />
          </div>
        </form>
        <div className="mt-4 flex flex-col gap-3">
          {started && (
            <>
              <DeviceAuthorizationView key={started.authorization.device_code} authorization={started.authorization} expiresAt={started.schedule.expiresAt} />
              <RawExchange exchange={outcome?.kind === 'started' ? outcome.exchange : null} />
            </>
          )}
          {outcome && outcome.kind !== 'started' && <RequestFailureView failure={outcome} />}
        </div>
      </StepSection>
      <PollPanel flow={flow} />
    </>
  )
}
