import { decodeToken } from '../../protocol/jwt.ts'
import type { TokenSet } from '../../protocol/token-response.ts'
import { CodeBlock } from '../ui/code-block.tsx'
import { CopyButton } from '../ui/copy-button.tsx'

/** The tokens a token reply can carry, in the order the console shows them. */
export const TOKEN_FIELDS = [
  ['access_token', 'Access token'],
  ['refresh_token', 'Refresh token'],
  ['id_token', 'ID token'],
] as const

/** A JWT's header and claims one click away; opaque tokens have nothing to show. */
function JwtClaims({ label, token }: { label: string; token: string }) {
  const decoded = decodeToken(token)
  if (decoded.kind !== 'jwt') return null
  return (
    <details className="text-xs">
      <summary className="cursor-pointer text-slate-600 dark:text-slate-300">Decoded {label.toLowerCase()} (JWT)</summary>
      <CodeBlock
        label={`Decoded ${label.toLowerCase()}`}
        text={JSON.stringify({ header: decoded.header, claims: decoded.claims }, null, 2)}
        maxHeightClass="max-h-64"
      />
    </details>
  )
}

/** The tokens of one reply with their metadata; decoding lives in the Tokens section. */
export function TokenSummary({ tokens }: { tokens: TokenSet }) {
  return (
    <div className="flex flex-col gap-2">
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="font-semibold text-slate-500 dark:text-slate-400">token_type</dt>
        <dd className="font-mono">{tokens.token_type}</dd>
        {tokens.expires_in !== undefined && (
          <>
            <dt className="font-semibold text-slate-500 dark:text-slate-400">expires_in</dt>
            <dd className="font-mono">{tokens.expires_in} s</dd>
          </>
        )}
        {tokens.scope !== undefined && (
          <>
            <dt className="font-semibold text-slate-500 dark:text-slate-400">scope</dt>
            <dd className="font-mono">{tokens.scope || '(empty)'}</dd>
          </>
        )}
      </dl>
      {TOKEN_FIELDS.map(([field, label]) => {
        const value = tokens[field]
        if (typeof value !== 'string') return null
        return (
          <div key={field} className="flex flex-col gap-1">
            <div className="flex items-center justify-between">
              <span className="text-xs font-semibold text-slate-600 dark:text-slate-300">{label}</span>
              <CopyButton text={value} label={`Copy ${label.toLowerCase()}`} />
            </div>
            <CodeBlock label={label} text={value} maxHeightClass="max-h-28" />
            <JwtClaims label={label} token={value} />
          </div>
        )
      })}
    </div>
  )
}
