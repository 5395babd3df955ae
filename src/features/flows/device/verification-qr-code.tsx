import { LazyQrCode } from '../../../components/ui/lazy-qr-code.tsx'
import type { ReactNode } from 'react'
import { ErrorBoundary } from '../../../components/ui/error-boundary.tsx'
import { parseHttpUrl } from '../../../protocol/server-endpoints.ts'

/** The most bytes a QR code holds (version 40, low error correction, byte mode). ISO/IEC 18004 Table 7. */
export const QR_CODE_MAX_BYTES = 2953

interface VerificationQrCodeProps {
  uri: string
  complete: boolean
  /** Shown only when the QR code can be drawn (the full-screen view draws it too). */
  children?: ReactNode
}

/**
 * A QR code of the verification URI, only when it is an http(s) URL short enough to encode; else a
 * plain reason in its place, the link beside it unaffected. RFC 8628 §3.3.1.
 */
export function VerificationQrCode({ uri, complete, children }: VerificationQrCodeProps) {
  const reason = whyNoQrCode(uri)
  return (
    <div className="flex flex-col items-center gap-2">
      {reason ? (
        <p role="status" className="max-w-52 rounded-md border border-amber-300 bg-amber-50 p-3 text-center text-xs text-amber-900 dark:border-amber-800 dark:bg-amber-950/50 dark:text-amber-100">
          No QR code: {reason}. Use the link instead.
        </p>
      ) : (
        <ErrorBoundary
          what="the QR code"
          resetKeys={[uri]}
          fallback={() => <p role="status" className="max-w-52 text-center text-xs">No QR code: it could not be drawn. Use the link instead.</p>}
        >
          <div role="img" aria-label="QR code" className="rounded-md bg-white p-3">
            <LazyQrCode value={uri} size={176} marginSize={0} aria-hidden="true" />
          </div>
        </ErrorBoundary>
      )}
      <p className="max-w-52 text-center text-xs text-balance text-slate-500 dark:text-slate-400">
        {complete ? 'Scan to open the complete verification URI' : 'Scan to open the verification URI'}
      </p>
      {!reason && children}
    </div>
  )
}

function whyNoQrCode(uri: string): string | null {
  if (!parseHttpUrl(uri, 'verification URI').ok) return 'the verification URI is not an http(s) URL'
  const bytes = new TextEncoder().encode(uri).byteLength
  if (bytes > QR_CODE_MAX_BYTES) return `the URI is too long for a QR code (${bytes.toLocaleString('en')} bytes, at most ${QR_CODE_MAX_BYTES.toLocaleString('en')})`
  return null
}
