import { FLOW_SCOPE_FIELDS } from '../../protocol/flow-scopes.ts'
import { ENDPOINT_FIELDS } from '../../protocol/server-endpoints.ts'
import type { SharedEnvironment } from '../../protocol/shared-environment.ts'

/**
 * What a shared environment holds, laid out for a decision: everything it would add, as inert text.
 * Long values wrap rather than push the buttons off screen.
 */
export function SharedEnvironmentPreview({ shared, label }: { shared: SharedEnvironment; label: string }) {
  const endpoints = ENDPOINT_FIELDS.flatMap(({ key, label: endpointLabel }) => {
    const value = shared.endpoints[key]
    return value ? [{ key, label: endpointLabel, value }] : []
  })
  const scopes = FLOW_SCOPE_FIELDS.flatMap(({ flow, label: flowLabel }) => {
    const value = shared.scopes?.[flow]
    return value !== undefined ? [{ flow, label: `${flowLabel} scope`, value }] : []
  })
  return (
    <section aria-label={label} className="flex flex-col gap-3 text-sm">
      <dl className="grid grid-cols-[max-content_minmax(0,1fr)] gap-x-3 gap-y-1">
        <dt className="font-semibold">Name</dt>
        <dd className="break-all">{shared.name || 'Shared environment'}</dd>
        <dt className="font-semibold">Issuer</dt>
        <dd className="font-mono text-xs break-all">{shared.issuer}</dd>
        {endpoints.map(({ key, label: endpointLabel, value }) => (
          <div key={key} className="contents">
            <dt className="font-semibold">{endpointLabel}</dt>
            <dd className="font-mono text-xs break-all">{value}</dd>
          </div>
        ))}
        {scopes.map(({ flow, label: scopeLabel, value }) => (
          <div key={flow} className="contents">
            <dt className="font-semibold">{scopeLabel}</dt>
            <dd className="font-mono text-xs break-all">{value === '' ? <span className="font-sans italic">none</span> : value}</dd>
          </div>
        ))}
        {shared.options?.use_relay && (
          <>
            <dt className="font-semibold">Local relay</dt>
            <dd>requests go through the console’s local relay (its allowlist still applies)</dd>
          </>
        )}
      </dl>
      {shared.clients.length === 0 ? (
        <p>No clients.</p>
      ) : (
        <div>
          <p className="font-semibold">Clients ({shared.clients.length})</p>
          <ul aria-label="Shared clients" className="mt-1 list-disc pl-5">
            {shared.clients.map((client, index) => (
              <li key={`${client.client_id}-${index}`} className="break-all">
                <span className="font-mono text-xs">{client.client_id}</span>
                {client.label && client.label !== client.client_id && <> ({client.label})</>}, authenticates with <code className="text-xs">{client.token_endpoint_auth_method}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
      <p className="text-slate-600 dark:text-slate-300">
        A shared environment never carries client secrets, tokens or codes: enter the secrets yourself after adding it.
      </p>
    </section>
  )
}
