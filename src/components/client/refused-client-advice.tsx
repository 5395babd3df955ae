import type { ClientAuthMethod } from '../../protocol/client-auth.ts'
import type { TokenOutcome } from '../../protocol/token-response.ts'
import { clientAuthContext, type ClientProfile, type Environment } from '../../state/environment-store.ts'
import { ClientAuthAdvice } from '../exchange/result-views-on-demand.tsx'

interface RefusedClientAdviceProps {
  outcome: TokenOutcome | undefined
  /** The method the outcome's request authenticated with; undefined while a request runs. */
  sent: ClientAuthMethod | undefined
  environment: Environment
  client: ClientProfile | undefined
  /** What a fix's button does: "Request token" gives "Request token with client_secret_basic". */
  verb: string
  onFix: (method: ClientAuthMethod) => void
}

/** Above a token step's failed reply: why the server refused the client, when it did, and the fix as a button. */
export function RefusedClientAdvice({ outcome, sent, environment, client, verb, onFix }: RefusedClientAdviceProps) {
  if (!outcome || outcome.kind === 'tokens' || !sent) return null
  return (
    <div className="mt-4">
      <ClientAuthAdvice failure={outcome} context={clientAuthContext(environment, client, sent)} verb={verb} onFix={(fix) => onFix(fix.method)} />
    </div>
  )
}
