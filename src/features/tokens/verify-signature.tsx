import { useMutation } from '@tanstack/react-query'
import { RawExchange } from '../../components/exchange/exchange-view.tsx'
import { RequestFailureView } from '../../components/exchange/request-failure-view.tsx'
import { Button } from '../../components/ui/button.tsx'
import { Notice } from '../../components/ui/notice.tsx'
import type { ServerEndpoints } from '../../protocol/server-endpoints.ts'
import type { RecordInput } from '../../protocol/request-context.ts'
import { requestTransport } from '../../state/request-transport.ts'
import { checkSignature, type SignatureOutcome } from './signature-check.ts'

export function SignatureOutcomeView({ outcome }: { outcome: SignatureOutcome }) {
  if (outcome.kind !== 'checked') return <RequestFailureView failure={outcome} />
  const { check } = outcome
  return (
    <div className="flex flex-col gap-2">
      {check.ok ? (
        <Notice tone="success" live title="Signature verified">
          Verified with {check.key} using {check.alg}.
        </Notice>
      ) : (
        <Notice tone="error" live title="Signature check failed">
          <p>{check.message}</p>
          <p className="mt-1 font-mono text-xs opacity-80">{check.code}</p>
        </Notice>
      )}
      <RawExchange exchange={outcome.exchange} />
    </div>
  )
}

/** A JWT's signature checked against the environment's published keys, as a mutation. */
export function useSignatureCheck(server: ServerEndpoints, token: string, transport: RecordInput = requestTransport({})) {
  return useMutation({ mutationFn: () => checkSignature(server, token, transport) })
}

/** The "Verify signature" button and its result. Remount (key) for another token. */
export function VerifySignature({ server, token, transport }: { server: ServerEndpoints; token: string; transport?: RecordInput }) {
  const verify = useSignatureCheck(server, token, transport)
  return (
    <div className="flex flex-col gap-2">
      <div>
        <Button variant="secondary" busy={verify.isPending} onClick={() => verify.mutate()}>
          Verify signature
        </Button>
      </div>
      {verify.data && <SignatureOutcomeView outcome={verify.data} />}
    </div>
  )
}
