import { useEffect, useState } from 'react'
import type { HeaderRow } from '../../protocol/http-exchange.ts'
import type { RequestPreview } from '../../protocol/request-preview.ts'
import type { GuidedStepId } from '../../protocol/guided-step-ids.ts'
import { explainReply, GUIDED_STEPS } from '../../protocol/tutorial-guide.ts'
import { useSecretMasking } from '../ui/secret-masking.ts'
import { useGuidedMode } from './guided-mode.ts'

export interface GuidedStepNoteProps {
  step: GuidedStepId
  /** Builds the step's request with its own request function, without sending it (protocol/request-preview.ts). */
  preview: () => Promise<RequestPreview>
  /** Changes whenever an input of the request does, so the preview follows what the person types. */
  previewKey: string
}

function requestText(method: string, url: string, headers: HeaderRow[], body: string | null): string {
  const lines = [`${method} ${url}`, ...headers.map(({ name, value }) => `${name}: ${value}`)]
  return body === null ? lines.join('\n') : `${lines.join('\n')}\n\n${body}`
}

/** The request as it will leave, rebuilt when the step's inputs change. */
function RequestToBeSent({ preview, previewKey }: Pick<GuidedStepNoteProps, 'preview' | 'previewKey'>) {
  const [built, setBuilt] = useState<{ key: string; preview: RequestPreview } | null>(null)
  const { redact } = useSecretMasking()
  useEffect(() => {
    let current = true
    void preview().then((result) => {
      if (current) setBuilt({ key: previewKey, preview: result })
    })
    return () => {
      current = false
    }
    // The key stands for the inputs: `preview` is a new function on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [previewKey])
  const result = built?.preview
  return (
    <div>
      <p className="font-semibold">The request to be sent</p>
      {!result && <p>Building the request…</p>}
      {result?.kind === 'not_ready' && <p>Not ready yet: {result.message}</p>}
      {result?.kind === 'ready' && (
        <pre aria-label="Request to be sent" className="mt-1 max-h-64 overflow-auto rounded bg-white p-2 font-mono text-xs whitespace-pre-wrap break-all dark:bg-slate-950">
          {redact(requestText(result.request.method, result.request.url, result.request.headers, result.request.body))}
        </pre>
      )}
      <p className="mt-1 text-xs">Secrets are masked here as in curl; the real request carries them.</p>
    </div>
  )
}

/**
 * The guided walk-through inside one step: what is about to happen and why, the request before it is
 * sent (built by the step's own request function), what the reply means with its RFC section, and the
 * next step. Shown by GuidedStepNote while guided mode is on.
 */
export function GuidedStepGuide({ step, preview, previewKey }: GuidedStepNoteProps) {
  const guided = useGuidedMode()
  const { redact } = useSecretMasking()
  const text = GUIDED_STEPS[step]
  const reply = explainReply(step, guided.latest(step))
  return (
    <section aria-label={`Guide: ${text.title}`} className="mb-4 flex flex-col gap-3 rounded-md border border-indigo-200 bg-indigo-50 p-3 text-sm text-indigo-950 dark:border-indigo-900 dark:bg-indigo-950/40 dark:text-indigo-100">
      <div>
        <p className="font-semibold">What happens now</p>
        <p>{text.about}</p>
      </div>
      <RequestToBeSent preview={preview} previewKey={previewKey} />
      {reply && (
        <div role="status">
          <p className="font-semibold">What the reply means</p>
          <p>
            {redact(reply.text)} <span className="whitespace-nowrap">({reply.reference})</span>
          </p>
        </div>
      )}
      {reply?.done && (
        <p>
          <span className="font-semibold">Next: </span>
          {text.next}
        </p>
      )}
    </section>
  )
}
