import type { RecordInput } from '../../protocol/request-context.ts'
import type { ServerEndpoints } from '../../protocol/server-endpoints.ts'
import { DecodedTokenView } from './decoded-token-view.tsx'
import { VerifySignature } from './verify-signature.tsx'

interface PastedTokenResultProps {
  server: ServerEndpoints
  token: string
  transport: RecordInput
}

/** A pasted token decoded, with its signature check: loaded on the first Decode, with jose. */
export default function PastedTokenResult({ server, token, transport }: PastedTokenResultProps) {
  return (
    <div className="flex flex-col gap-2">
      <DecodedTokenView name="Pasted token" token={token} />
      <VerifySignature server={server} token={token} transport={transport} />
    </div>
  )
}
