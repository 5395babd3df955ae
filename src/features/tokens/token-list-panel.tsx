import { CodeBlock } from '../../components/ui/code-block.tsx'
import { StepSection } from '../../components/ui/step-section.tsx'
import { decodeToken } from '../../protocol/jwt.ts'
import { useObtainedTokens, type ObtainedToken } from '../../state/token-store.ts'

const TOKEN_FIELDS = [
  ['access_token', 'Access token'],
  ['refresh_token', 'Refresh token'],
  ['id_token', 'ID token'],
] as const

function DecodedView({ name, token }: { name: string; token: string }) {
  const decoded = decodeToken(token)
  switch (decoded.kind) {
    case 'jwt':
      return (
        <div className="grid gap-2 md:grid-cols-2">
          <CodeBlock label={`${name} header`} text={JSON.stringify(decoded.header, null, 2)} maxHeightClass="max-h-48" />
          <CodeBlock label={`${name} claims`} text={JSON.stringify(decoded.claims, null, 2)} maxHeightClass="max-h-48" />
        </div>
      )
    case 'malformed_jwt':
      return <p className="text-sm text-rose-700 dark:text-rose-400">Looks like a JWT but does not decode: {decoded.message}</p>
    default:
      return <p className="text-sm text-slate-500">Opaque token: only the server can read it (introspection tells what it stands for).</p>
  }
}

function TokenEntry({ token }: { token: ObtainedToken }) {
  return (
    <li className="rounded-md border border-slate-200 p-3 dark:border-slate-700">
      <h3 className="text-sm font-semibold">{token.label}</h3>
      <p className="text-xs text-slate-500">
        Obtained {new Date(token.obtainedAt).toLocaleTimeString()}
        {token.tokens.scope ? ` · scope ${token.tokens.scope}` : ''}
      </p>
      <div className="mt-2 flex flex-col gap-3">
        {TOKEN_FIELDS.map(([field, name]) => {
          const value = token.tokens[field]
          return typeof value === 'string' ? (
            <div key={field}>
              <p className="mb-1 text-xs font-semibold text-slate-600 dark:text-slate-300">{name}</p>
              <DecodedView name={name} token={value} />
            </div>
          ) : null
        })}
      </div>
    </li>
  )
}

export function TokenListPanel() {
  const tokens = useObtainedTokens()
  return (
    <StepSection id="tokens" title="Tokens" description="Every token obtained in this session, newest first. Kept in memory only.">
      {tokens.length === 0 ? (
        <p className="text-sm text-slate-500">No tokens yet.</p>
      ) : (
        <ul className="flex flex-col gap-3">
          {[...tokens].reverse().map((token) => (
            <TokenEntry key={token.id} token={token} />
          ))}
        </ul>
      )}
    </StepSection>
  )
}
