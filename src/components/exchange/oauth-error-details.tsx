import { explainOAuthError, type OAuthErrorContext } from '../../protocol/oauth-error-glossary.ts'
import { parseHttpUrl } from '../../protocol/server-endpoints.ts'
import { clipText, escapeInvisible } from '../../protocol/visible-text.ts'
import { ClippedText } from '../ui/clipped-text.tsx'

export interface OAuthErrorFields {
  error: string
  error_description?: string | undefined
  error_uri?: string | undefined
  /** Where it arrived (the exchange's step, or the redirect), for the meaning there. */
  context?: OAuthErrorContext | undefined
}

/** An OAuth error's name as a title: invisible characters escaped, clipped. */
export function oauthErrorTitle(error: string, where: string): string {
  return `${clipText(escapeInvisible(error).text, 200)} (${where})`
}

/**
 * What the server said and what it means, the same wherever an OAuth error arrives (a reply body or a
 * redirect): its description as inert, escaped, clipped text, the glossary's meaning and likely cause,
 * and its error_uri, a link only when it is http(s). RFC 6749 §5.2, §4.1.2.1.
 */
export function OAuthErrorDetails({ error, error_description, error_uri, context }: OAuthErrorFields) {
  const explanation = explainOAuthError(error, context)
  const parsed = error_uri ? parseHttpUrl(error_uri, 'error_uri') : null
  const link = parsed?.ok ? parsed.url.href : null
  const description = error_description ? escapeInvisible(error_description) : null
  return (
    <>
      {description && (
        <p>
          <span className="font-semibold">Server says:</span> <ClippedText text={description.text} />
          {description.escaped && <span className="block text-xs">It contained invisible control characters (shown as \u{'{…}'} escapes).</span>}
        </p>
      )}
      {explanation && (
        <p className="mt-1">
          <span className="font-semibold">What it means:</span> {explanation.meaning} <span className="text-xs opacity-80">({explanation.reference})</span>
        </p>
      )}
      {explanation?.hint && <p className="mt-1 font-semibold">{explanation.hint}</p>}
      {error_uri && (
        <p className="mt-1 break-all">
          More:{' '}
          {link ? (
            <a className="underline" href={link} target="_blank" rel="noreferrer noopener">
              {clipText(link, 200)}
            </a>
          ) : (
            clipText(error_uri, 200)
          )}
        </p>
      )}
    </>
  )
}
