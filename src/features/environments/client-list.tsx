import { AuthMethodSelect } from '../../components/client/client-picker.tsx'
import { Button } from '../../components/ui/button.tsx'
import { Disclosure } from '../../components/ui/disclosure.tsx'
import { TextField } from '../../components/ui/fields.tsx'
import { useEnvironmentActions, type Environment } from '../../state/environment-store.ts'

/** The environment's clients at a glance: name them, set their registered auth method, remove them. */
export function ClientList({ environment }: { environment: Environment }) {
  const { clientChanged, clientRemoved } = useEnvironmentActions()
  if (environment.clients.length === 0) {
    return <p className="text-sm text-slate-500 dark:text-slate-400">No clients yet. Add one in a step with “New client”, or register one in External API.</p>
  }
  return (
    <Disclosure
      summary={`Clients (${environment.clients.length})`}
      className="rounded-md border border-slate-200 p-3 dark:border-slate-700"
      summaryClassName="cursor-pointer text-sm font-semibold"
    >
      <ul className="mt-3 flex flex-col gap-3" aria-label="Clients">
        {environment.clients.map((client) => (
          <li key={client.id} className="grid items-end gap-2 sm:grid-cols-[1fr_1fr_auto]">
            <TextField
              label={`Label of ${client.client_id || 'unnamed client'}`}
              value={client.label}
              onValueChange={(label) => clientChanged(environment.id, client.id, { label })}
            />
            <AuthMethodSelect
              label={`Registered authentication of ${client.client_id || 'unnamed client'}`}
              value={client.token_endpoint_auth_method}
              onValueChange={(token_endpoint_auth_method) => clientChanged(environment.id, client.id, { token_endpoint_auth_method })}
            />
            <Button variant="ghost" onClick={() => clientRemoved(environment.id, client.id)}>
              Remove {client.label}
            </Button>
          </li>
        ))}
      </ul>
    </Disclosure>
  )
}
