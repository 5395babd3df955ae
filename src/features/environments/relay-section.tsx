import { Button } from '../../components/ui/button.tsx'
import { CheckboxField } from '../../components/ui/fields.tsx'
import { Notice } from '../../components/ui/notice.tsx'
import { hostsOf } from '../../protocol/relay-hosts.ts'
import { useEnvironmentActions, type Environment } from '../../state/environment-store.ts'
import { useQueryOnDemand } from '../../state/query-on-demand.ts'
import { RELAY_URL } from '../../state/request-transport.ts'
import { relayStatusOptions, useAllowRelayHost } from './relay-query.ts'

/** The hosts an environment's requests go to: its issuer and every configured endpoint. */
function environmentHosts(environment: Environment): string[] {
  return hostsOf([environment.issuer, ...Object.values(environment.endpoints).filter((url): url is string => typeof url === 'string')])
}

/**
 * The opt-in to send this environment's requests through the local relay (past CORS), whether the
 * relay answers, what it forwards to, and the explicit step that adds a host.
 */
export function RelaySection({ environment }: { environment: Environment }) {
  const actions = useEnvironmentActions()
  const status = useQueryOnDemand(relayStatusOptions())
  const allow = useAllowRelayHost()
  const relay = status.data
  const allowlist = relay?.available ? relay.allowlist : []
  const missing = environmentHosts(environment).filter((host) => !allowlist.includes(host))

  return (
    <section aria-label="Local relay" className="flex flex-col gap-2 rounded-md border border-slate-200 p-3 dark:border-slate-700">
      <CheckboxField
        label="Use local relay"
        checked={environment.useRelay ?? false}
        onCheckedChange={(useRelay) => actions.relayUseChanged(environment.id, useRelay)}
        hint={
          <>
            Sends this environment's requests from the relay at <code>{RELAY_URL}</code> instead of from the browser, so servers that do not
            allow this console's origin (CORS) answer too. The HTTP log marks them “via relay”.
          </>
        }
      />
      {relay && !relay.available && (
        <p className="text-xs text-amber-800 dark:text-amber-300">
          Relay not available: {relay.reason} Start the console with <code>npm start</code> (or run <code>npm run relay</code>).
        </p>
      )}
      {relay?.available && (
        <div className="flex flex-col gap-2 text-sm">
          <p className="text-xs text-slate-600 dark:text-slate-300">
            The relay is available. It forwards only to these hosts, never to link-local or metadata addresses:
          </p>
          <ul aria-label="Hosts the relay forwards to" className="flex flex-wrap gap-1 font-mono text-xs">
            {allowlist.length === 0 && <li className="text-slate-600 dark:text-slate-300">none yet</li>}
            {allowlist.map((host) => (
              <li key={host} className="rounded bg-slate-100 px-1.5 py-0.5 dark:bg-slate-800">
                {host}
              </li>
            ))}
          </ul>
          {missing.length > 0 && (
            <div className="flex flex-wrap gap-2">
              {missing.map((host) => (
                <Button key={host} variant="secondary" busy={allow.isPending && allow.variables === host} onClick={() => allow.mutate(host)}>
                  Allow {host} through the relay
                </Button>
              ))}
            </div>
          )}
          {allow.data && !allow.data.ok && (
            <Notice tone="error" live title="The relay refused">
              {allow.data.message}
            </Notice>
          )}
        </div>
      )}
    </section>
  )
}
