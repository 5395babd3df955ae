import { useMutation } from '@tanstack/react-query'
import { useCallback, useId, useState } from 'react'
import { AuthMethodSelect } from '../../../components/client/client-picker.tsx'
import { Button } from '../../../components/ui/button.tsx'
import { CheckboxField } from '../../../components/ui/fields.tsx'
import { Notice } from '../../../components/ui/notice.tsx'
import { StepSection } from '../../../components/ui/step-section.tsx'
import { useNow } from '../../../components/ui/use-now.ts'
import type { ClientAuthMethod } from '../../../protocol/client-auth.ts'
import { pollDeviceToken, type DeviceAuthorization, type PollOutcome } from '../../../protocol/device-flow.ts'
import { afterPoll, isTooEarly, secondsUntilNextPoll, type PollSchedule } from '../../../protocol/poll-schedule.ts'
import { environmentServer, type ClientProfile, type Environment } from '../../../state/environment-store.ts'
import { recordExchange } from '../../../state/http-log-store.ts'
import { useTokenActions } from '../../../state/token-store.ts'
import { PollOutcomeView } from './poll-outcome-view.tsx'
import { endsPolling, useAutoPoll } from './use-auto-poll.ts'

interface PollRecord {
  at: number
  kind: PollOutcome['kind']
  auth: ClientAuthMethod
}

/** Every poll of this device code, so the rhythm of pending, slow_down and success is visible. */
function PollHistory({ history }: { history: PollRecord[] }) {
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
}

interface PollPanelProps {
  environment: Environment
  client: ClientProfile | undefined
  authorization: DeviceAuthorization | null
  schedule: PollSchedule | null
  onScheduleChange: (schedule: PollSchedule) => void
}

export function PollPanel({ environment, client, authorization, schedule, onScheduleChange }: PollPanelProps) {
  const { tokensObtained } = useTokenActions()
  const [authOverride, setAuthOverride] = useState<ClientAuthMethod | null>(null)
  const [earlyBy, setEarlyBy] = useState<number | null>(null)
  const [history, setHistory] = useState<PollRecord[]>([])
  const [automatic, setAutomatic] = useState(false)
  const waitId = useId()
  const now = useNow(authorization !== null)
  const auth = authOverride ?? client?.token_endpoint_auth_method ?? 'client_secret_basic'

  const poll = useMutation({
    mutationFn: (device_code: string) =>
      pollDeviceToken({
        server: environmentServer(environment),
        client_id: client?.client_id ?? '',
        client_secret: client?.client_secret ?? '',
        auth,
        device_code,
        record: recordExchange,
      }),
    onSuccess: (outcome) => {
      setHistory((previous) => [...previous, { at: Date.now(), kind: outcome.kind, auth }])
      if (schedule) onScheduleChange(afterPoll(schedule, outcome.kind, Date.now()))
      if (outcome.kind === 'tokens' && client) {
        tokensObtained({
          step: 'device-poll',
          environmentId: environment.id,
          clientProfileId: client.id,
          client_id: client.client_id,
          obtainedAt: Date.now(),
          tokens: outcome.tokens,
        })
      }
    },
  })

  const { mutate } = poll
  const deviceCode = authorization?.device_code
  const pollOnSchedule = useCallback(() => {
    if (deviceCode) mutate(deviceCode)
  }, [mutate, deviceCode])
  useAutoPoll({ enabled: automatic, schedule, pending: poll.isPending, lastOutcome: poll.data, poll: pollOnSchedule })
  const pollingOver = endsPolling(poll.data)

  // The clock ticks once a second; never let a stale tick read as more than a full interval.
  const wait = schedule ? secondsUntilNextPoll(schedule, Math.max(now, schedule.lastPollAt ?? 0)) : 0
  const pollNow = () => {
    if (!authorization) return
    // Warn, never forbid: seeing the server's slow_down is part of learning the flow.
    setEarlyBy(schedule && isTooEarly(schedule, Date.now()) ? Math.ceil(secondsUntilNextPoll(schedule, Date.now())) : null)
    poll.mutate(authorization.device_code)
  }

  return (
    <StepSection
      id="poll"
      number={4}
      title="Poll"
      description="Ask the token endpoint whether the user has approved (RFC 8628 §3.4). Polling sooner than the interval earns slow_down."
    >
      {!authorization ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">Start the device flow first: polling needs its device code.</p>
      ) : (
        <div className="flex flex-col gap-3">
          <div className="grid gap-3 sm:grid-cols-2">
            <AuthMethodSelect
              value={auth}
              onValueChange={setAuthOverride}
              hint="Some servers need client_secret_post here even for a client registered with client_secret_basic."
            />
          </div>
          <div className="flex items-center gap-3">
            <Button onClick={pollNow} busy={poll.isPending} aria-describedby={waitId}>
              Poll
            </Button>
            <span id={waitId} className="text-sm text-slate-600 dark:text-slate-400">
              {wait > 0 ? `Next poll due in ${Math.ceil(wait)} s (interval ${schedule?.interval ?? authorization.interval} s)` : 'Ready to poll'}
            </span>
          </div>
          <CheckboxField
            label="Poll automatically"
            checked={automatic}
            onCheckedChange={setAutomatic}
            hint={
              automatic && !pollingOver
                ? `Polling every ${schedule?.interval ?? authorization.interval} s, never early; stops when tokens arrive, the user denies or the code expires.`
                : 'As a device would: at the interval, slowing down when the server says slow_down (RFC 8628 §3.5).'
            }
          />
          {earlyBy !== null && (
            <Notice tone="warning" live>
              That poll was {earlyBy} s early. RFC 8628 asks clients to wait the interval; the server may answer slow_down.
            </Notice>
          )}
          {poll.data && <PollOutcomeView outcome={poll.data} interval={schedule?.interval ?? authorization.interval} />}
          {history.length > 1 && <PollHistory history={history} />}
        </div>
      )}
    </StepSection>
  )
}
