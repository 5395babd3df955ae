import { diagnoseClientAuth, type ClientAuthContext, type ClientAuthFix } from '../../protocol/client-auth-diagnosis.ts'
import type { RequestFailure } from '../../protocol/request-failure.ts'
import { ClientAuthDiagnosisNotice } from './client-auth-diagnosis-notice.tsx'

type MethodFix = Extract<ClientAuthFix, { kind: 'use_method' }>

interface ClientAuthAdviceProps {
  failure: RequestFailure
  context: ClientAuthContext
  verb: string
  /** Only the fixes a step can apply: one without a "client_id in the body" switch passes use_method only. */
  onFix: (fix: MethodFix) => void
}

const isMethodFix = (fix: ClientAuthFix): fix is MethodFix => fix.kind === 'use_method'

/**
 * A refused token request's likely cause and fixes, or nothing when the failure is not about client
 * authentication. For a step to show while no request of its runs: a fix sends at once, and the advice
 * goes until that reply is in.
 */
export function ClientAuthAdvice({ failure, context, verb, onFix }: ClientAuthAdviceProps) {
  const diagnosis = diagnoseClientAuth(failure, context)
  if (!diagnosis) return null
  return <ClientAuthDiagnosisNotice cause={diagnosis.cause} fixes={diagnosis.fixes.filter(isMethodFix)} verb={verb} busy={false} onFix={onFix} />
}
