import { useState, type ReactNode } from 'react'
import { generatePrivateJwk, publicJwkOf, readPrivateJwk, type PrivateJwk } from '../../protocol/client-keys.ts'
import { hasWebCrypto, webCryptoMissing } from '../../protocol/web-crypto.ts'
import { Button } from '../ui/button.tsx'
import { CodeBlock } from '../ui/code-block.tsx'
import { CopyButton } from '../ui/copy-button.tsx'
import { TextAreaField } from '../ui/fields.tsx'

interface ClientKeyFieldProps {
  jwk: PrivateJwk | undefined
  onJwkChange: (jwk: PrivateJwk) => void
  /** More buttons beside Copy, e.g. inserting the key into a registration body. */
  actions?: ReactNode
}

/**
 * The client's signing key for private_key_jwt: generated here (ES256, Web Crypto) or pasted as a
 * private JWK. Only its public half is shown; the private key is a secret like client_secret.
 */
export function ClientKeyField({ jwk, onJwkChange, actions }: ClientKeyFieldProps) {
  const [pasted, setPasted] = useState('')
  const [pasteError, setPasteError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const publicJwk = jwk ? JSON.stringify(publicJwkOf(jwk), null, 2) : null

  const generate = () => {
    setBusy(true)
    generatePrivateJwk()
      .then(onJwkChange, (error: unknown) =>
        setPasteError(
          hasWebCrypto()
            ? `The browser could not generate a key: ${error instanceof Error ? error.message : String(error)}`
            : webCryptoMissing('Generating a key'),
        ),
      )
      .finally(() => setBusy(false))
  }

  const usePasted = () => {
    const read = readPrivateJwk(pasted)
    if (!read.ok) {
      setPasteError(read.message)
      return
    }
    setPasteError(null)
    setPasted('')
    onJwkChange(read.jwk)
  }

  return (
    <fieldset className="flex flex-col gap-2 rounded-md border border-slate-200 p-3 dark:border-slate-700">
      <legend className="px-1 text-sm font-semibold">Private key (private_key_jwt)</legend>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        {jwk
          ? `Key ${jwk.kid ?? '(no kid)'} signs the client assertion. The private half stays in this tab unless you remember secrets.`
          : 'No key yet: generate one in this browser, or paste a private JWK.'}
      </p>
      {publicJwk && <CodeBlock label="Public JWK" text={publicJwk} maxHeightClass="max-h-40" />}
      <div className="flex flex-wrap items-center gap-2">
        <Button variant="secondary" onClick={generate} busy={busy}>
          {jwk ? 'Generate a new key' : 'Generate key'}
        </Button>
        {publicJwk && <CopyButton text={publicJwk} label="Copy public JWK" caption="Copy public JWK" />}
        {actions}
      </div>
      <details>
        <summary className="cursor-pointer text-sm">Paste a private JWK</summary>
        <div className="mt-2 flex flex-col gap-2">
          <TextAreaField
            label="Private JWK"
            value={pasted}
            onValueChange={setPasted}
            className="font-mono text-xs"
            rows={4}
            error={pasteError}
            autoComplete="off"
            spellCheck={false}
          />
          <div>
            <Button variant="secondary" onClick={usePasted} disabled={pasted.trim() === ''}>
              Use pasted key
            </Button>
          </div>
        </div>
      </details>
    </fieldset>
  )
}
