import type { TransportFailure } from '../../protocol/http-exchange.ts'
import { exhaustiveSwitchError, type RequestFailure } from '../../protocol/request-failure.ts'
import { useContext } from 'react'
import { Button } from '../ui/button.tsx'
import { Notice } from '../ui/notice.tsx'
import { useSecretMasking } from '../ui/secret-masking.ts'
import { RawExchange } from './exchange-view.tsx'
import { OAuthErrorDetails, oauthErrorTitle } from './oauth-error-details.tsx'
import { RelayOfferContext } from './relay-offer.ts'

/** For a CORS refusal: the one-click way past it, when the local relay answers. */
function RelayOfferLine() {
  const { offer, relayOn } = useContext(RelayOfferContext)
  if (offer) {
    return (
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <Button variant="secondary" onClick={offer}>
          Use local relay
        </Button>
        <span className="text-xs">Sends this environment's requests from the console's local relay, which no CORS check applies to.</span>
      </div>
    )
  }
  if (relayOn) {
    return <p className="mt-1 font-semibold">The local relay is on for this environment: send the request again.</p>
  }
  return null
}

const TRANSPORT_TITLES: Record<TransportFailure['kind'], string> = {
  network: 'No response from the server',
  cors: 'Blocked by CORS',
  timeout: 'Timed out',
  aborted: 'Cancelled',
  redirect: 'Redirect not followed',
  too_large: 'Reply too large',
  invalid_header: 'Invalid header value',
  relay: 'Refused by the local relay',
}

/** Explains a failed request in place: what happened, what it means, and the raw exchange behind it. */
export function RequestFailureView({ failure }: { failure: RequestFailure }) {
  // A transport message may quote a URL with a secret in it (where a redirect pointed, with its code).
  const { redact } = useSecretMasking()
  switch (failure.kind) {
    case 'invalid_input':
      return (
        <Notice tone="error" live title="Check the form">
          {failure.message}
        </Notice>
      )
    case 'transport':
      return (
        <div className="flex flex-col gap-2">
          <Notice tone="error" live title={TRANSPORT_TITLES[failure.failure.kind]}>
            <p>{redact(failure.failure.message)}</p>
            {/* The console's own diagnosis already names the origin; a message from elsewhere (an import) may not. */}
            {failure.failure.kind === 'cors' && !failure.failure.message.includes(window.location.origin) && (
              <p className="mt-1">
                The server answered, but did not allow this console's origin (<code>{window.location.origin}</code>), so the browser hid
                the reply. Add this origin to the server's allowed origins (CORS) for this endpoint.
              </p>
            )}
            {failure.failure.kind === 'cors' && <RelayOfferLine />}
            {failure.failure.kind === 'relay' && (
              <p className="mt-1">
                This is the relay's own answer: the request did not reach the server. See the Environment panel for the hosts the relay
                forwards to.
              </p>
            )}
          </Notice>
          <RawExchange exchange={failure.exchange} />
        </div>
      )
    case 'oauth_error':
      return (
        <div className="flex flex-col gap-2">
          <Notice tone="error" live title={oauthErrorTitle(failure.error, `HTTP ${failure.status}`)}>
            <OAuthErrorDetails
              error={failure.error}
              error_description={failure.error_description}
              error_uri={failure.error_uri}
              context={failure.exchange?.step}
            />
          </Notice>
          <RawExchange exchange={failure.exchange} />
        </div>
      )
    case 'not_oauth':
      return (
        <div className="flex flex-col gap-2">
          <Notice tone="error" live title={`Not an OAuth reply (HTTP ${failure.status})`}>
            The server answered with {failure.reason}
            {failure.contentType ? ` (Content-Type: ${failure.contentType})` : ''}, where an OAuth JSON reply was expected. A proxy,
            gateway or wrong endpoint URL is the usual cause. The raw reply is below.
          </Notice>
          <RawExchange exchange={failure.exchange} />
        </div>
      )
    default:
      return exhaustiveSwitchError(failure)
  }
}

