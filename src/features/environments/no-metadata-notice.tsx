import { RawExchange } from '../../components/exchange/result-views-on-demand.tsx'
import { Notice } from '../../components/ui/notice.tsx'
import type { MissingMetadata } from '../../protocol/discovery.ts'

/**
 * Discovery found no metadata at either well-known URL: what each answered, the likely cause (an issuer
 * URL that is not the issuer), and the way on without discovery. The token endpoint's error glossary
 * would mislead here: a 404 from a well-known URL means "nothing here", not a malformed request.
 */
export function NoMetadataNotice({ attempts }: { attempts: MissingMetadata[] }) {
  return (
    <div className="flex flex-col gap-2">
      <Notice tone="error" live title="No discovery document at this issuer">
        <ul className="flex flex-col gap-1">
          {attempts.map((attempt) => (
            <li key={attempt.source} className="break-words">
              <code className="break-all">{attempt.url}</code>: {attempt.answer}
            </li>
          ))}
        </ul>
        <p className="mt-2">
          Most often the Issuer URL is not the server's issuer: it is the URL the server names as <code>issuer</code>, without{' '}
          <code>/.well-known/…</code> (for example <code className="break-all">https://idsvr.example.com/oauth/v2/oauth-anonymous</code>). If this
          server publishes no metadata, fill in the endpoints below by hand.
        </p>
      </Notice>
      {attempts.map((attempt) => attempt.exchange && <RawExchange key={attempt.source} exchange={attempt.exchange} />)}
    </div>
  )
}
