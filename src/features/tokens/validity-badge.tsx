import { formatDuration } from '../../components/ui/use-now.ts'
import type { TokenValidity } from '../../protocol/jwt.ts'

const STYLES: Record<TokenValidity['state'], string> = {
  valid: 'bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200',
  expired: 'bg-rose-100 text-rose-800 dark:bg-rose-950 dark:text-rose-200',
  not_yet_valid: 'bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-200',
  no_expiry: 'bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-200',
}

const WORDS: Record<TokenValidity['state'], string> = {
  valid: 'valid',
  expired: 'expired',
  not_yet_valid: 'not yet valid',
  no_expiry: 'no expiry',
}

/** Whether the token's lifetime covers now, by its own claims (the server may still have revoked it). */
export function ValidityBadge({ validity }: { validity: TokenValidity }) {
  const { state, secondsLeft } = validity
  const detail =
    secondsLeft === undefined ? null : secondsLeft >= 0 ? `expires in ${formatDuration(secondsLeft)}` : `expired ${formatDuration(-secondsLeft)} ago`
  return (
    <span className="inline-flex items-center gap-2 text-xs">
      <span className={`rounded-full px-2 py-0.5 font-semibold ${STYLES[state]}`}>{WORDS[state]}</span>
      {detail && <span className="text-slate-500 dark:text-slate-400">{detail}</span>}
    </span>
  )
}
