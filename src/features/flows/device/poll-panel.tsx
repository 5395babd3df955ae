import { memo, useId } from 'react'
import { GuidedStepNote } from '../../../components/guide/guided-step-note.tsx'
import { AuthMethodSelect } from '../../../components/client/client-picker.tsx'
import { Button } from '../../../components/ui/button.tsx'
import { CancelButton } from '../../../components/ui/cancel-button.tsx'
import { CheckboxField } from '../../../components/ui/fields.tsx'
import { Notice } from '../../../components/ui/notice.tsx'
import { StepSection } from '../../../components/ui/step-section.tsx'
import { useNow } from '../../../components/ui/use-now.ts'
import { ClientAuthDiagnosisNotice } from '../../../components/client/client-auth-diagnosis-notice.tsx'
import { pollDeviceToken } from '../../../protocol/requests-on-demand.ts'
import { previewRequest } from '../../../protocol/request-preview.ts'
import { secondsUntilExpiry, secondsUntilNextPoll } from '../../../protocol/poll-schedule.ts'
import type { ClientAuthMethod } from '../../../protocol/client-auth.ts'
import type { PollRecord } from './device-flow-state.ts'
import { PollOutcomeView } from './poll-outcome-view.tsx'
import type { useDeviceFlow } from './use-device-flow.ts'

/** Every poll of this device code, so the rhythm of pending, slow_down and success is visible. Memoised: going busy does not redraw it. */
const PollHistory = memo(function PollHistory({ history }: { history: PollRecord[] }) {
  return (
    <details className="text-sm">
      <summary className="cursor-pointer">All polls of this device code ({history.length})</summary>
      <ol aria-label="Poll history" className="mt-1 flex flex-col gap-0.5 font-mono text-xs">
        {history.map((record, index) => (
          <li key={record.at + index}>
            {new Date(record.at).toLocaleTimeString()} · {record.kind} · {record.auth}
          </li>
        ))}
      </ol>
    </details>
  )
})

/** Step 4: the view of the device flow's polling; every decision lives in useDeviceFlow. */
export function PollPanel({ flow }: { flow: ReturnType<typeof useDeviceFlow> }) {
  const waitId = useId()
  const started = flow.state.phase === 'started' ? flow.state : null

  return (
    <StepSection
      id="poll"
      number={4}
      title="Poll"
      description="Ask the token endpoint whether the user has approved (RFC 8628 §3.4). Polling sooner than the interval earns slow_down."
    >
      <GuidedStepNote
        step="device-poll"
        // The same input the device flow's hook polls with (use-device-flow.ts), built by the same function.
        preview={() =>
          started
            ? previewRequest(async (recording) => {
                const dpop = flow.dpopKey ? await flow.dpopKey() : undefined
                return pollDeviceToken({
                  ...started.client.input,
                  auth: started.auth,
                  client_id_in_body: started.clientIdInBody,
                  device_code: started.authorization.device_code,
                  ...recording,
                  ...(dpop ? { dpop } : {}),
                })
              })
            : Promise.resolve({ kind: 'not_ready', message: 'start the device flow first: the poll carries its device code.' })
        }
        previewKey={started ? JSON.stringify([started.authorization.device_code, started.auth, started.clientIdInBody, flow.dpopKey !== null]) : 'not started'}
      />
      {!started ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">Start the device flow first: polling needs its device code.</p>
      ) : (
        <PollControls flow={flow} started={started} waitId={waitId} />
      )}
    </StepSection>
  )
}

type Started = Extract<ReturnType<typeof useDeviceFlow>['state'], { phase: 'started' }>

/** When the next poll is due. The only part that ticks: the controls around it are not redrawn each second. */
function PollStatus({ schedule, final, id }: { schedule: Started['schedule']; final: boolean; id: string }) {
  const now = useNow(true)
  // The clock ticks once a second; never let a stale tick read as more than a full interval.
  const wait = secondsUntilNextPoll(schedule, Math.max(now, schedule.lastPollAt ?? 0))
  const expired = secondsUntilExpiry(schedule, now) <= 0
  const status = final
    ? 'This device code has its final answer: start over for a new one.'
    : expired
      ? 'The device code has expired: start over for a new one.'
      : wait > 0
        ? `Next poll due in ${wait} s (interval ${schedule.interval} s)`
        : 'Ready to poll'
  return (
    <span id={id} className="text-sm text-slate-600 dark:text-slate-400">
      {status}
    </span>
  )
}

interface PollAuthFieldsProps {
  auth: ClientAuthMethod
  clientIdInBody: boolean
  setAuth: (auth: ClientAuthMethod, clientIdInBody?: boolean) => void
}

/** How the polls authenticate. Memoised, as the fields below are: a poll redraws its button, status and outcome. */
const PollAuthFields = memo(function PollAuthFields({ auth, clientIdInBody, setAuth }: PollAuthFieldsProps) {
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <AuthMethodSelect
        value={auth}
        onValueChange={(method) => setAuth(method, method === 'client_secret_basic' && clientIdInBody)}
        hint="Some servers need client_secret_post here even for a client registered with client_secret_basic."
      />
      {auth === 'client_secret_basic' && (
        <CheckboxField
          label="Also send client_id in the body"
          checked={clientIdInBody}
          onCheckedChange={(checked) => setAuth('client_secret_basic', checked)}
          hint="RFC 8628 §3.4 permits it; some servers (Curity) refuse a Basic poll without it."
        />
      )}
    </div>
  )
})

interface AutomaticPollingFieldProps {
  automatic: boolean
  final: boolean
  interval: number
  onAutomaticChange: (automatic: boolean) => void
}

const AutomaticPollingField = memo(function AutomaticPollingField({ automatic, final, interval, onAutomaticChange }: AutomaticPollingFieldProps) {
  return (
    <CheckboxField
      label="Poll automatically"
      checked={automatic}
      onCheckedChange={onAutomaticChange}
      hint={
        automatic && !final
          ? `Polling every ${interval} s, never early; stops when tokens arrive, the user denies or the code expires.`
          : 'As a device would: at the interval, slowing down when the server says slow_down (RFC 8628 §3.5).'
      }
    />
  )
})

function PollControls({ flow, started, waitId }: { flow: ReturnType<typeof useDeviceFlow>; started: Started; waitId: string }) {
  const { schedule, client, auth, clientIdInBody, lastOutcome } = started

  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm">
        Polling as <span className="font-semibold">{client.label}</span> (<code>{client.input.client_id || 'no client_id'}</code>) with{' '}
        <code>{auth}</code>
        {auth === 'client_secret_basic' && clientIdInBody ? ' and client_id in the body' : ''}: the client this device flow started with.
      </p>
      <PollAuthFields auth={auth} clientIdInBody={clientIdInBody} setAuth={flow.setAuth} />
      <div className="flex flex-wrap items-center gap-3">
        <Button onClick={() => flow.poll()} busy={flow.polling} disabled={flow.final} aria-describedby={waitId}>
          Poll
        </Button>
        <CancelButton pending={flow.polling} onCancel={flow.cancelPoll} />
        <Button variant="secondary" onClick={flow.startOver} busy={flow.starting}>
          Start over
        </Button>
        <PollStatus schedule={schedule} final={flow.final} id={waitId} />
      </div>
      <AutomaticPollingField automatic={flow.automatic} final={flow.final} interval={schedule.interval} onAutomaticChange={flow.setAutomatic} />
      {started.earlyBy !== null && (
        <Notice tone="warning" live>
          That poll was {started.earlyBy} s early. RFC 8628 asks clients to wait the interval; the server may answer slow_down.
        </Notice>
      )}
      {flow.diagnosis && (
        <ClientAuthDiagnosisNotice cause={flow.diagnosis.cause} fixes={flow.diagnosis.fixes} verb="Poll" busy={flow.polling} onFix={flow.applyFix} />
      )}
      {lastOutcome && <PollOutcomeView outcome={lastOutcome} interval={schedule.interval} />}
      {flow.scopeHint && (
        <Notice tone="info" title="No scope was requested">
          Some servers need a scope (for example <code>openid</code>) before the user can approve. If the approval never completes, start the
          device flow again with a scope.
        </Notice>
      )}
      {started.history.length > 1 && <PollHistory history={started.history} />}
    </div>
  )
}
