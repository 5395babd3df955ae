import { useState } from 'react'
import { ConformanceNotes } from '../../components/exchange/conformance-notes.tsx'
import { GuidedStepNote } from '../../components/guide/guided-step-note.tsx'
import { CodeBlock, RequestFailureView } from '../../components/exchange/result-views-on-demand.tsx'
import { Button } from '../../components/ui/button.tsx'
import { Disclosure } from '../../components/ui/disclosure.tsx'
import { CancelButton } from '../../components/ui/cancel-button.tsx'
import { CheckboxField, SelectField, TextField } from '../../components/ui/fields.tsx'
import { Notice } from '../../components/ui/notice.tsx'
import { StepSection } from '../../components/ui/step-section.tsx'
import { discover, keptServerMetadata, previewRequest } from '../../protocol/requests-on-demand.ts'
import { ENDPOINT_FIELDS } from '../../protocol/server-endpoints.ts'
import {
  useActiveEnvironment,
  useEnvironmentActions,
  useEnvironments,
  useRememberSecrets,
  useSettingsProblem,
} from '../../state/environment-store.ts'
import { useLoadedQueryClient, useQueryOnDemand } from '../../state/query-on-demand.ts'
import { requestTransport } from '../../state/request-transport.ts'
import { ClientList } from './client-list.tsx'
import { discoveryOptions } from './discovery-query.ts'
import { NoMetadataNotice } from './no-metadata-notice.tsx'
import { RelaySection } from './relay-section.tsx'
import { OriginConcerns } from './origin-concerns.tsx'

export function EnvironmentPanel() {
  const environments = useEnvironments()
  const environment = useActiveEnvironment()
  const rememberSecrets = useRememberSecrets()
  const settingsProblem = useSettingsProblem()
  const actions = useEnvironmentActions()
  const issuer = environment.issuer.trim()
  const discovery = useQueryOnDemand(discoveryOptions(issuer, environment))
  const queryClient = useLoadedQueryClient()
  const [discoveryCancelled, setDiscoveryCancelled] = useState(false)

  const runDiscovery = async () => {
    setDiscoveryCancelled(false)
    const data = await discovery.refetch()
    if (data?.kind !== 'found') return
    actions.endpointsDiscovered(environment.id, data.endpoints, await keptServerMetadata(data.metadata))
  }

  const result = discovery.data
  return (
    <StepSection
      id="environment"
      title="Environment"
      description="The identity server to test. Discovery fills the endpoints; every endpoint stays editable, so a server without discovery works too."
    >
      <GuidedStepNote
        step="discovery"
        // The same request function the Discover button's query runs (discovery-query.ts), stopped before it sends.
        preview={() => previewRequest((recording) => discover({ issuer, ...requestTransport(environment), ...recording }))}
        previewKey={`${issuer}|${environment.useRelay}`}
      />
      <div className="flex flex-col gap-4">
        {settingsProblem && (
          <Notice tone="warning" title="Saved settings could not be read">
            The environments saved in this browser were set aside ({settingsProblem}); the console started from the Local sandbox preset.
          </Notice>
        )}
        <div className="flex flex-wrap items-end gap-2">
          <SelectField
            label="Environment"
            fieldClassName="min-w-48 flex-1"
            value={environment.id}
            onValueChange={actions.environmentSelected}
            options={environments.map((candidate) => ({ value: candidate.id, label: candidate.name || 'Unnamed environment' }))}
          />
          <Button variant="secondary" onClick={() => actions.environmentAdded(`Environment ${environments.length + 1}`)}>
            New environment
          </Button>
          <Button
            variant="ghost"
            onClick={() => {
              if (window.confirm(`Remove the environment “${environment.name}” and its clients?`)) actions.environmentRemoved(environment.id)
            }}
          >
            Remove environment
          </Button>
        </div>
        <div className="grid gap-3 sm:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]">
          <TextField label="Environment name" value={environment.name} onValueChange={(name) => actions.environmentRenamed(environment.id, name)} />
          <div className="flex items-end gap-2">
            <TextField
              label="Issuer URL"
              fieldClassName="flex-1"
              className="font-mono"
              value={environment.issuer}
              placeholder="https://idsvr.example.com/oauth/v2/oauth-anonymous"
              onValueChange={(value) => actions.issuerChanged(environment.id, value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter') void runDiscovery()
              }}
            />
            <Button onClick={() => void runDiscovery()} busy={discovery.isFetching}>
              Discover
            </Button>
            <CancelButton
              pending={discovery.isFetching}
              onCancel={() => {
                setDiscoveryCancelled(true)
                void queryClient?.cancelQueries({ queryKey: discoveryOptions(issuer, environment).queryKey })
              }}
            />
          </div>
        </div>

        {result?.kind === 'found' && (
          <Notice tone="success" live title="Endpoints discovered">
            <p className="break-all">
              From <code>{result.url}</code> ({result.source === 'openid-configuration' ? 'OpenID Connect Discovery' : 'RFC 8414 metadata'}).
            </p>
            <ConformanceNotes notes={result.conformance} />
          </Notice>
        )}
        {discoveryCancelled && !discovery.isFetching && (
          <Notice tone="info" live title="Cancelled">
            Discovery was cancelled before the server answered: the endpoints are as they were.
          </Notice>
        )}
        {result?.kind === 'issuer_mismatch' && (
          <Notice tone="error" live title="Issuer mix-up">
            <p className="break-all">{result.message}</p>
            <p className="mt-1">
              If this server is yours and only misconfigured, you can still fill in its endpoints under the issuer you asked for; their
              origins are checked as usual.
            </p>
            <Button variant="secondary" className="mt-2" onClick={() => actions.endpointsDiscovered(environment.id, result.endpoints)}>
              Use these endpoints anyway
            </Button>
          </Notice>
        )}
        {result?.kind === 'no_metadata' && <NoMetadataNotice attempts={result.attempts} />}
        {result && result.kind !== 'found' && result.kind !== 'issuer_mismatch' && result.kind !== 'no_metadata' && <RequestFailureView failure={result} />}
        <OriginConcerns environment={environment} />

        <fieldset className="grid gap-3 sm:grid-cols-2">
          <legend className="mb-2 text-sm font-semibold">Endpoints</legend>
          {ENDPOINT_FIELDS.map(({ key, label }) => (
            <TextField
              key={key}
              label={label}
              className="font-mono text-xs"
              value={environment.endpoints[key] ?? ''}
              placeholder="not configured"
              onValueChange={(value) => actions.endpointChanged(environment.id, key, value)}
            />
          ))}
        </fieldset>

        {environment.metadata && (
          <Disclosure
            summary="Discovery document"
            className="rounded-md border border-slate-200 p-3 dark:border-slate-700"
            summaryClassName="cursor-pointer text-sm font-semibold"
          >
            <div className="mt-2">
              <CodeBlock label="Discovery document" text={JSON.stringify(environment.metadata, null, 2)} />
            </div>
          </Disclosure>
        )}

        <RelaySection environment={environment} />

        <ClientList environment={environment} />

        <CheckboxField
          label="Remember secrets on this device"
          checked={rememberSecrets}
          onCheckedChange={actions.rememberSecretsChanged}
          hint="Off: client secrets stay in this tab's memory and are gone when you reload. On: they are saved in this browser's local storage."
        />
      </div>
    </StepSection>
  )
}
