import { lazy, Suspense, useId, useState } from 'react'
import { Button } from '../../components/ui/button.tsx'
import { TextAreaField } from '../../components/ui/fields.tsx'
import { LoadingFallback } from '../../components/ui/loading-fallback.tsx'
import { environmentServer, useActiveEnvironment } from '../../state/environment-store.ts'
import { requestTransport } from '../../state/request-transport.ts'

const PastedTokenResult = lazy(() => import('./pasted-token-result.tsx'))

/** A token from elsewhere (a customer's ticket, a log line) decoded and checked against the active environment's keys. */
export function PasteToken() {
  const environment = useActiveEnvironment()
  const [text, setText] = useState('')
  const [decoded, setDecoded] = useState<string | null>(null)
  const headingId = useId()
  return (
    <div role="group" aria-labelledby={headingId} className="flex flex-col gap-2 rounded-md border border-dashed border-slate-300 p-3 dark:border-slate-700">
      <h3 id={headingId} className="text-sm font-semibold">
        Pasted token
      </h3>
      <form
        className="flex flex-col gap-2"
        onSubmit={(event) => {
          event.preventDefault()
          setDecoded(text.trim() === '' ? null : text.trim())
        }}
      >
        <TextAreaField
          label="Paste a token"
          rows={3}
          value={text}
          onValueChange={setText}
          hint={`Decoded here, in the browser. Verify signature uses the keys of ${environment.name || 'the active environment'}.`}
        />
        <div>
          <Button type="submit" variant="secondary" disabled={text.trim() === ''}>
            Decode
          </Button>
        </div>
      </form>
      {decoded !== null && (
        <Suspense fallback={<LoadingFallback what="the token tools" />}>
          <PastedTokenResult key={`${environment.id}:${decoded}`} server={environmentServer(environment)} token={decoded} transport={requestTransport(environment)} />
        </Suspense>
      )}
    </div>
  )
}
