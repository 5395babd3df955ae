import { useMutation } from '@tanstack/react-query'
import { useId } from 'react'
import { Button } from '../../components/ui/button.tsx'
import { CodeBlock } from '../../components/ui/code-block.tsx'
import { CopyButton } from '../../components/ui/copy-button.tsx'
import { decodeToken, type DecodedToken } from '../../protocol/jwt.ts'
import { introspectToken, revokeToken } from '../../protocol/token-actions.ts'
import type { ActionClient } from './action-client.ts'
import { DecodedTokenView } from './decoded-token-view.tsx'
import { IntrospectionResult, RevocationResult } from './token-action-results.tsx'
import { SignatureOutcomeView, useSignatureCheck } from './verify-signature.tsx'

export type TokenFieldName = 'access_token' | 'refresh_token' | 'id_token'

interface TokenFieldProps {
  field: TokenFieldName
  /** "Access token": names the group, the raw text and the copy button. */
  name: string
  value: string
  /** The token decoded when it was stored. */
  decoded?: DecodedToken
  client: ActionClient
}

/** One token of a reply: raw, decoded, and what can be done with it at the server. */
export function TokenField({ field, name, value, decoded: known, client }: TokenFieldProps) {
  const headingId = useId()
  const decoded = known ?? decodeToken(value)
  const isJwt = decoded.kind === 'jwt'
  // An ID token is not for the server's introspection or revocation endpoints (RFC 7662 §2.1, RFC 7009 §2.1).
  const serverManaged = field !== 'id_token'
  const verify = useSignatureCheck(client.server, value, client)
  const actionInput = { ...client, token: value, token_type_hint: field }
  const introspect = useMutation({ mutationFn: () => introspectToken(actionInput) })
  const revoke = useMutation({ mutationFn: () => revokeToken(actionInput) })

  return (
    <div role="group" aria-labelledby={headingId} className="flex flex-col gap-2 rounded-md bg-slate-50 p-2 dark:bg-slate-800/40">
      <div className="flex items-center justify-between gap-2">
        <h4 id={headingId} className="text-xs font-semibold text-slate-600 dark:text-slate-300">
          {name}
        </h4>
        <CopyButton text={value} label={`Copy ${name.toLowerCase()}`} />
      </div>
      <CodeBlock label={`${name} value`} text={value} maxHeightClass="max-h-24" />
      <DecodedTokenView name={name} token={value} decoded={decoded} />
      <div className="flex flex-wrap gap-2">
        {isJwt && (
          <Button variant="secondary" busy={verify.isPending} onClick={() => verify.mutate()}>
            Verify signature
          </Button>
        )}
        {serverManaged && (
          <>
            <Button variant="secondary" busy={introspect.isPending} onClick={() => introspect.mutate()}>
              Introspect
            </Button>
            <Button variant="secondary" busy={revoke.isPending} onClick={() => revoke.mutate()}>
              Revoke
            </Button>
          </>
        )}
      </div>
      {verify.data && <SignatureOutcomeView outcome={verify.data} />}
      {introspect.data && <IntrospectionResult outcome={introspect.data} />}
      {revoke.data && <RevocationResult outcome={revoke.data} />}
    </div>
  )
}
