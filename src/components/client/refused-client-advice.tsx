import type { ClientAuthMethod } from '../../protocol/client-auth.ts'
import type { RequestFailure } from '../../protocol/request-failure.ts'
import { clientAuthContext } from '../../state/environment-store.ts'
import { ClientAuthAdvice } from '../exchange/result-views-on-demand.tsx'
import type { ClientChoice } from './use-client-choice.ts'

/** A step's request to the server, sent with a client authentication method (react-query's mutation fits). */
interface TokenRequest {
  isPending: boolean
  /** The method the latest request authenticated with. */
  variables: ClientAuthMethod | undefined
  mutate: (auth: ClientAuthMethod) => void
}

/** A step's reply: what it asked for (tokens, a device code), or why not. */
type StepOutcome = { kind: 'tokens' } | { kind: 'started' } | RequestFailure

interface RefusedClientAdviceProps {
  outcome: StepOutcome | undefined
  request: TokenRequest
  choice: ClientChoice
  /** What a fix's button does: "Request token" gives "Request token with client_secret_basic". */
  verb: string
}

/**
 * Above a step's failed reply (a token request, a device authorization): why the server refused the client, when it did, and each fix as a
 * button that picks the method in the form and sends again. Nothing while a request runs.
 */
export function RefusedClientAdvice({ outcome, request, choice, verb }: RefusedClientAdviceProps) {
  const sent = request.isPending ? undefined : request.variables
  if (!outcome || outcome.kind === 'tokens' || outcome.kind === 'started' || !sent) return null
  return (
    <div className="mt-4">
      <ClientAuthAdvice
        failure={outcome}
        context={clientAuthContext(choice.environment, choice.client, sent)}
        verb={verb}
        onFix={({ method }) => {
          choice.authChanged(method)
          request.mutate(method)
        }}
      />
    </div>
  )
}
