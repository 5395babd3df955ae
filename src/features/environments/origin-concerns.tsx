import { Button } from '../../components/ui/button.tsx'
import { Notice } from '../../components/ui/notice.tsx'
import { describeConcern, endpointOriginConcerns } from '../../protocol/endpoint-trust.ts'
import { endpointLabel } from '../../protocol/server-endpoints.ts'
import { environmentServer, useEnvironmentActions, type Environment } from '../../state/environment-store.ts'

/**
 * Endpoints off the issuer's origin, or plain http under an https issuer, each origin with a button
 * naming it: until pressed, no client secret, token or device code goes there.
 */
export function OriginConcerns({ environment }: { environment: Environment }) {
  const { originConfirmed, originConfirmationWithdrawn } = useEnvironmentActions()
  const concerns = endpointOriginConcerns(environmentServer(environment))
  if (concerns.length === 0) return null
  const waiting = concerns.some((concern) => !concern.confirmed)
  return (
    <Notice tone={waiting ? 'warning' : 'info'} title="Endpoints off the issuer's origin">
      <p>
        The issuer is <code className="break-all">{environment.issuer}</code>. Credentials (client secrets, tokens, device codes) go to
        another origin only once you allow it.
      </p>
      <ul className="mt-2 flex flex-col gap-2">
        {concerns.map((concern) => (
          <li key={concern.origin} className="flex flex-wrap items-center gap-2">
            <span className="min-w-0 break-all">
              <code>{concern.origin}</code> ({describeConcern(concern)}): {concern.endpoints.map(endpointLabel).join(', ')}
              {concern.confirmed ? ' — allowed.' : ' — nothing is sent there yet.'}
            </span>
            {concern.confirmed ? (
              <Button variant="ghost" onClick={() => originConfirmationWithdrawn(environment.id, concern.origin)}>
                Withdraw credentials from {concern.origin}
              </Button>
            ) : (
              <Button variant="secondary" onClick={() => originConfirmed(environment.id, concern.origin)}>
                Allow credentials to {concern.origin}
              </Button>
            )}
          </li>
        ))}
      </ul>
    </Notice>
  )
}
