import { memo } from 'react'
import { CopyButton } from '../../../components/ui/copy-button.tsx'
import { Notice } from '../../../components/ui/notice.tsx'
import { QrFullScreen } from '../../../components/ui/qr-full-screen.tsx'
import { formatDuration, useNow } from '../../../components/ui/use-now.ts'
import { parseHttpUrl } from '../../../protocol/server-endpoints.ts'
import { escapeInvisible } from '../../../protocol/visible-text.ts'
import type { DeviceAuthorization } from '../../../protocol/device-flow.ts'
import { secondsUntilExpiry, type PollSchedule } from '../../../protocol/poll-schedule.ts'
import { VerificationQrCode } from './verification-qr-code.tsx'

interface DeviceAuthorizationViewProps {
  authorization: DeviceAuthorization
  /** When the device code expires (epoch ms): a poll can bring it forward (expired_token). */
  expiresAt: PollSchedule['expiresAt']
}

/** The countdown, the only part that ticks: the code and its QR code are not redrawn each second. */
function TimeLeft({ expiresAt }: { expiresAt: number }) {
  const secondsLeft = secondsUntilExpiry({ expiresAt }, useNow(true))
  return <span aria-label="Time left">{secondsLeft <= 0 ? 'expired' : `in ${formatDuration(secondsLeft)}`}</span>
}

/**
 * What a TV would show: the code, where to enter it, a QR code of the complete URI, and how long it lasts.
 * Memoised: a poll changes none of it but the expiry, when the server says the code expired.
 */
export const DeviceAuthorizationView = memo(function DeviceAuthorizationView({ authorization, expiresAt }: DeviceAuthorizationViewProps) {
  const qrTarget = authorization.verification_uri_complete ?? authorization.verification_uri
  const userCode = escapeInvisible(authorization.user_code)
  return (
    <div className="grid gap-4 md:grid-cols-[auto_1fr]">
      <VerificationQrCode uri={qrTarget} complete={authorization.verification_uri_complete !== undefined}>
        <QrFullScreen value={qrTarget} code={authorization.user_code} codeLabel="User code" />
      </VerificationQrCode>
      <div className="flex flex-col gap-3">
        <div>
          <p className="text-xs font-semibold text-slate-600 dark:text-slate-300">User code</p>
          <div className="flex items-center gap-3">
            <output aria-label="User code" className="font-mono text-3xl font-bold tracking-widest break-all">
              {userCode.text}
            </output>
            <CopyButton text={authorization.user_code} label="Copy code" />
          </div>
          {userCode.escaped && (
            <Notice tone="warning">
              The user code contains invisible control characters (direction overrides or terminal escapes), shown here as escapes: a
              person typing what they see would not send the same code.
            </Notice>
          )}
        </div>
        <div>
          <p className="text-xs font-semibold text-slate-600 dark:text-slate-300">Verification URI</p>
          {parseHttpUrl(authorization.verification_uri, 'verification_uri').ok ? (
            <a href={authorization.verification_uri} target="_blank" rel="noreferrer noopener" className="font-mono text-sm break-all text-indigo-700 underline dark:text-indigo-300">
              {authorization.verification_uri}
            </a>
          ) : (
            <span className="font-mono text-sm break-all">{authorization.verification_uri}</span>
          )}
        </div>
        {authorization.verification_uri_complete && (
          <div>
            <p className="text-xs font-semibold text-slate-600 dark:text-slate-300">Complete verification URI</p>
            {parseHttpUrl(authorization.verification_uri_complete, 'verification_uri_complete').ok ? (
              <a
                href={authorization.verification_uri_complete}
                target="_blank"
                rel="noreferrer noopener"
                className="font-mono text-sm break-all text-indigo-700 underline dark:text-indigo-300"
              >
                {authorization.verification_uri_complete}
              </a>
            ) : (
              <span className="font-mono text-sm break-all">{authorization.verification_uri_complete}</span>
            )}
          </div>
        )}
        {!authorization.verification_uri_complete && (
          <Notice tone="info">The server sent no verification_uri_complete: the QR code opens the verification URI, and the user types the code there.</Notice>
        )}
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 text-sm">
          <dt className="font-semibold text-slate-500 dark:text-slate-400">Expires</dt>
          <dd>
            <TimeLeft expiresAt={expiresAt} />{' '}
            <span className="text-xs text-slate-500 dark:text-slate-400">(expires_in {authorization.expires_in} s)</span>
          </dd>
          <dt className="font-semibold text-slate-500 dark:text-slate-400">Polling interval</dt>
          <dd>
            {authorization.interval} s
            {authorization.interval_defaulted && (
              <span className="text-xs text-slate-500 dark:text-slate-400"> (the server sent none: RFC 8628 §3.2 says 5 s)</span>
            )}
          </dd>
        </dl>
        {authorization.limit_notes.length > 0 && (
          <Notice tone="warning" title="Server values outside the console's limits">
            <ul className="list-disc pl-5">
              {authorization.limit_notes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          </Notice>
        )}
      </div>
    </div>
  )
})
