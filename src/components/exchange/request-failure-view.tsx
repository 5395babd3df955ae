import { parseHttpUrl } from '../../protocol/server-endpoints.ts'
import { explainOAuthError } from '../../protocol/oauth-error-glossary.ts'
import { exhaustiveSwitchError, type RequestFailure } from '../../protocol/request-failure.ts'
import { Notice } from '../ui/notice.tsx'
import { RawExchange } from './exchange-view.tsx'

/** Explains a failed request in place: what happened, what it means, and the raw exchange behind it. */
export function RequestFailureView({ failure }: { failure: RequestFailure }) {
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
          <Notice tone="error" live title={failure.failure.kind === 'cors' ? 'Blocked by CORS' : 'No response from the server'}>
            <p>{failure.failure.message}</p>
            {failure.failure.kind === 'cors' && (
              <p className="mt-1">
                The server answered, but did not allow this console's origin (<code>{window.location.origin}</code>), so the browser hid
                the reply. Add this origin to the server's allowed origins (CORS) for this endpoint.
              </p>
            )}
          </Notice>
          <RawExchange exchange={failure.exchange} />
        </div>
      )
    case 'oauth_error': {
      const explanation = explainOAuthError(failure.error)
      const parsed = failure.error_uri ? parseHttpUrl(failure.error_uri, 'error_uri') : null
      const link = parsed?.ok ? parsed.url.href : null
      return (
        <div className="flex flex-col gap-2">
          <Notice tone="error" live title={`${failure.error} (HTTP ${failure.status})`}>
            {failure.error_description && (
              <p>
                <span className="font-medium">Server says:</span> {failure.error_description}
              </p>
            )}
            {explanation && (
              <p className="mt-1">
                <span className="font-medium">What it means:</span> {explanation.meaning}{' '}
                <span className="text-xs opacity-80">({explanation.reference})</span>
              </p>
            )}
            {explanation?.hint && <p className="mt-1 font-medium">{explanation.hint}</p>}
            {failure.error_uri && (
              <p className="mt-1 break-all">
                More: {link ? <a className="underline" href={link} target="_blank" rel="noreferrer noopener">{link}</a> : failure.error_uri}
              </p>
            )}
          </Notice>
          <RawExchange exchange={failure.exchange} />
        </div>
      )
    }
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
