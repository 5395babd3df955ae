import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { AuthMethodSelect, ClientPicker } from '../../../components/client/client-picker.tsx'
import { RawExchange } from '../../../components/exchange/exchange-view.tsx'
import { RequestFailureView } from '../../../components/exchange/request-failure-view.tsx'
import { Button } from '../../../components/ui/button.tsx'
import { TextField } from '../../../components/ui/fields.tsx'
import { StepSection } from '../../../components/ui/step-section.tsx'
import type { ClientAuthMethod } from '../../../protocol/client-auth.ts'
import { startDeviceAuthorization } from '../../../protocol/device-flow.ts'
import { initialPollSchedule, type PollSchedule } from '../../../protocol/poll-schedule.ts'
import { environmentServer, pickClient, useActiveEnvironment } from '../../../state/environment-store.ts'
import { recordExchange } from '../../../state/http-log-store.ts'
import { useDeviceClientProfileId, useWalkthroughActions } from '../../../state/walkthrough-store.ts'
import { DeviceAuthorizationView } from './device-authorization-view.tsx'
import { PollPanel } from './poll-panel.tsx'

/** Steps 3 and 4 share one device authorization: started here, polled below. */
export function DeviceFlowSteps() {
  const environment = useActiveEnvironment()
  const deviceClientProfileId = useDeviceClientProfileId()
  const { deviceClientChosen } = useWalkthroughActions()
  const [authOverride, setAuthOverride] = useState<ClientAuthMethod | null>(null)
  const [scope, setScope] = useState('')
  const [schedule, setSchedule] = useState<PollSchedule | null>(null)
  const client = pickClient(environment, deviceClientProfileId)
  const auth = authOverride ?? client?.token_endpoint_auth_method ?? 'client_secret_basic'

  const start = useMutation({
    mutationFn: () =>
      startDeviceAuthorization({
        server: environmentServer(environment),
        client_id: client?.client_id ?? '',
        client_secret: client?.client_secret ?? '',
        auth,
        scope,
        record: recordExchange,
      }),
    onSuccess: (outcome) => setSchedule(outcome.kind === 'started' ? initialPollSchedule(outcome.authorization) : null),
  })

  const outcome = start.data
  const authorization = outcome?.kind === 'started' ? outcome.authorization : null
  return (
    <>
      <StepSection
        id="device-flow"
        number={3}
        title="Device Flow"
        description="Start a Device Authorization Grant (RFC 8628 §3.1): the server returns a code for the user to enter on another device."
      >
        <form
          className="flex flex-col gap-3"
          onSubmit={(event) => {
            event.preventDefault()
            start.mutate()
          }}
        >
          <ClientPicker
            environment={environment}
            clientProfileId={client?.id ?? null}
            onClientProfileChange={(id) => {
              deviceClientChosen(id)
              setAuthOverride(null)
            }}
          />
          <div className="grid gap-3 sm:grid-cols-2">
            <AuthMethodSelect value={auth} onValueChange={setAuthOverride} />
            <TextField label="Scope" value={scope} onValueChange={setScope} className="font-mono" hint="Optional, space-separated." />
          </div>
          <div>
            <Button type="submit" busy={start.isPending}>
              Start device flow
            </Button>
          </div>
        </form>
        <div className="mt-4 flex flex-col gap-3">
          {authorization && schedule && (
            <>
              <DeviceAuthorizationView key={authorization.device_code} authorization={authorization} schedule={schedule} />
              <RawExchange exchange={outcome?.kind === 'started' ? outcome.exchange : null} />
            </>
          )}
          {outcome && outcome.kind !== 'started' && <RequestFailureView failure={outcome} />}
        </div>
      </StepSection>
      <PollPanel
        key={authorization?.device_code ?? 'none'}
        environment={environment}
        client={client}
        authorization={authorization}
        schedule={schedule}
        onScheduleChange={setSchedule}
      />
    </>
  )
}
