import { useRef } from 'react'
import { CodeBlock } from '../../components/ui/code-block.tsx'
import { formatDuration, useNow } from '../../components/ui/use-now.ts'
import { useOnScreen } from '../../components/ui/use-on-screen.ts'
import { decodeToken, timeClaims, tokenValidity, type DecodedToken } from '../../protocol/jwt.ts'
import { ValidityBadge } from './validity-badge.tsx'

function relative(secondsFromNow: number) {
  return secondsFromNow >= 0 ? `in ${formatDuration(secondsFromNow)}` : `${formatDuration(-secondsFromNow)} ago`
}

function JwtClaimsView({ name, header, claims }: { name: string; header: Record<string, unknown>; claims: Record<string, unknown> }) {
  const view = useRef<HTMLDivElement>(null)
  // Ticks only while on screen: a list of many tokens re-renders none of them each second while scrolled away.
  const now = useNow(useOnScreen(view))
  const times = timeClaims(claims, now)
  return (
    <div ref={view} className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-xs text-slate-500 dark:text-slate-400">JWT, {typeof header.alg === 'string' ? header.alg : 'no alg'}</span>
        <ValidityBadge validity={tokenValidity(claims, now)} />
      </div>
      {times.length > 0 && (
        <dl aria-label={`${name} times`} className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-0.5 text-xs">
          {times.map((time) => (
            <div key={time.name} className="contents">
              <dt className="font-mono font-semibold text-slate-500 dark:text-slate-400">{time.name}</dt>
              <dd>
                <time dateTime={time.date.toISOString()}>{time.date.toLocaleString()}</time>{' '}
                <span className="text-slate-500 dark:text-slate-400">({relative(time.secondsFromNow)})</span>
              </dd>
            </div>
          ))}
        </dl>
      )}
      <div className="grid gap-2 md:grid-cols-2">
        <CodeBlock label={`${name} header`} text={JSON.stringify(header, null, 2)} maxHeightClass="max-h-48" />
        <CodeBlock label={`${name} claims`} text={JSON.stringify(claims, null, 2)} maxHeightClass="max-h-48" />
      </div>
    </div>
  )
}

/** What a token says about itself: decoded JWT with its times and lifetime, or why it cannot be read. */
export function DecodedTokenView({ name, token, decoded: known }: { name: string; token: string; decoded?: DecodedToken }) {
  // Stored tokens come decoded (once, when first shown: decoded-tokens.ts); a pasted one is decoded here.
  const decoded = known ?? decodeToken(token)
  switch (decoded.kind) {
    case 'jwt':
      return <JwtClaimsView name={name} header={decoded.header} claims={decoded.claims} />
    case 'encrypted':
      return (
        <div className="flex flex-col gap-1">
          <p className="text-sm text-slate-500 dark:text-slate-400">Encrypted token (JWE): only the header is readable without the decryption key.</p>
          <CodeBlock label={`${name} header`} text={JSON.stringify(decoded.header, null, 2)} maxHeightClass="max-h-48" />
        </div>
      )
    case 'malformed_jwt':
      return <p className="text-sm text-rose-700 dark:text-rose-400">Looks like a JWT but does not decode: {decoded.message}</p>
    case 'opaque':
      return <p className="text-sm text-slate-500 dark:text-slate-400">Opaque token: only the server can read it (introspection tells what it stands for).</p>
  }
}
