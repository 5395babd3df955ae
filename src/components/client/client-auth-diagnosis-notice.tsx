import { fixLabel, type ClientAuthFix } from '../../protocol/client-auth-diagnosis.ts'
import { Button } from '../ui/button.tsx'
import { Notice } from '../ui/notice.tsx'

interface ClientAuthDiagnosisNoticeProps<Fix extends ClientAuthFix> {
  /** The diagnosis's likely cause, in one sentence. */
  cause: string
  /** The fixes the step can apply, the most likely first. */
  fixes: readonly Fix[]
  /** What a fix's button does, e.g. "Poll" or "Request token": "Poll with client_secret_post". */
  verb: string
  busy: boolean
  onFix: (fix: Fix) => void
}

/** Why the server refused the client, and each fix as a button that applies it and sends again. */
export function ClientAuthDiagnosisNotice<Fix extends ClientAuthFix>({ cause, fixes, verb, busy, onFix }: ClientAuthDiagnosisNoticeProps<Fix>) {
  return (
    <Notice tone="warning" live title="Likely cause">
      <p>{cause}</p>
      {fixes.length > 0 && (
        <div className="mt-2 flex flex-wrap gap-2">
          {fixes.map((fix) => {
            const label = fixLabel(fix, verb)
            return (
              <Button key={label} onClick={() => onFix(fix)} busy={busy}>
                {label}
              </Button>
            )
          })}
        </div>
      )}
    </Notice>
  )
}
