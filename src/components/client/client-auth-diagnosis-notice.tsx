import { fixLabel, type ClientAuthDiagnosis, type ClientAuthFix } from '../../protocol/client-auth-diagnosis.ts'
import { Button } from '../ui/button.tsx'
import { Notice } from '../ui/notice.tsx'

interface ClientAuthDiagnosisNoticeProps {
  diagnosis: ClientAuthDiagnosis
  /** What a fix's button does, e.g. "Poll" or "Request token": "Poll with client_secret_post". */
  verb: string
  busy: boolean
  onFix: (fix: ClientAuthFix) => void
}

/** Why the server refused the client, and each fix as a button that applies it and sends again. */
export function ClientAuthDiagnosisNotice({ diagnosis, verb, busy, onFix }: ClientAuthDiagnosisNoticeProps) {
  return (
    <Notice tone="warning" live title="Likely cause">
      <p>{diagnosis.cause}</p>
      {diagnosis.fixes.length > 0 && (
        <div className="mt-2 flex flex-wrap gap-2">
          {diagnosis.fixes.map((fix) => {
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
