import { useId, useState } from 'react'
import { Button } from '../../components/ui/button.tsx'
import { CopyButton } from '../../components/ui/copy-button.tsx'
import { downloadTextFile, fileDate } from '../../components/ui/download-file.ts'
import { TextAreaField } from '../../components/ui/fields.tsx'
import { FileInput } from '../../components/ui/file-input.tsx'
import { ModalDialog } from '../../components/ui/modal-dialog.tsx'
import { Notice } from '../../components/ui/notice.tsx'
import {
  readSharedEnvironmentJson,
  shareLink,
  sharedEnvironmentFile,
  sharedEnvironmentSchema,
  toSharedEnvironment,
  type SharedEnvironment,
} from '../../protocol/shared-environment.ts'
import { useActiveEnvironment, type Environment } from '../../state/environment-store.ts'
import { SharedEnvironmentPreview } from './shared-environment-preview.tsx'
import { useAddSharedEnvironment } from './use-add-shared-environment.ts'

/** A shared environment is a few hundred bytes; a file far larger than that is not one. */
const MAX_ENVIRONMENT_FILE_BYTES = 64_000

function fileSlug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'environment'
}

/** The shareable form of the active environment, or why it cannot be shared yet. */
function shareable(environment: Environment): { ok: true; shared: SharedEnvironment } | { ok: false; message: string } {
  const shared = toSharedEnvironment(environment)
  const checked = sharedEnvironmentSchema.safeParse(shared)
  if (checked.success) return { ok: true, shared: checked.data }
  const issue = checked.error.issues[0]
  const field = issue?.path[0] === 'issuer' ? 'Its issuer URL' : `Its ${issue?.path.join('.') ?? 'data'}`
  return { ok: false, message: `${field} cannot be shared (${issue?.message ?? 'invalid'}). Enter an http:// or https:// issuer URL first.` }
}

function ShareActiveEnvironment() {
  const environment = useActiveEnvironment()
  const result = shareable(environment)
  if (!result.ok) {
    return (
      <Notice tone="warning" title="Not shareable yet">
        {result.message}
      </Notice>
    )
  }
  const link = shareLink(`${window.location.origin}${window.location.pathname}`, result.shared)
  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm">
        Shares “{environment.name || 'Unnamed'}”: its issuer, endpoints and client ids. Client secrets, tokens and codes are never
        included. The link carries the environment after its <code>#</code>, a part the browser never sends to any server.
      </p>
      <SharedEnvironmentPreview shared={result.shared} label="What is shared" />
      <TextAreaField label="Share link" value={link} onValueChange={() => undefined} readOnly rows={3} className="text-xs break-all" />
      <div className="flex flex-wrap gap-2">
        <CopyButton text={link} label="Copy share link" caption="Copy link" />
        <Button
          variant="secondary"
          onClick={() =>
            downloadTextFile(`environment-${fileSlug(environment.name)}-${fileDate()}.json`, sharedEnvironmentFile(result.shared), 'application/json')
          }
        >
          Download environment file
        </Button>
      </div>
    </div>
  )
}

type FileImport =
  | { kind: 'idle' }
  | { kind: 'asking'; shared: SharedEnvironment }
  | { kind: 'added'; name: string }
  | { kind: 'refused'; message: string }

/** An environment file read, shown and added only when the person says so; a bad file changes nothing. */
function ImportEnvironmentFile() {
  const [state, setState] = useState<FileImport>({ kind: 'idle' })
  const addSharedEnvironment = useAddSharedEnvironment()
  const headingId = useId()
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-3">
      <h3 id={headingId} className="text-sm font-semibold">
        Add a shared environment
      </h3>
      <FileInput
        label="Import environment file"
        accept=".json,application/json"
        maxBytes={MAX_ENVIRONMENT_FILE_BYTES}
        onText={(text) => {
          const read = readSharedEnvironmentJson(text)
          setState(read.ok ? { kind: 'asking', shared: read.shared } : { kind: 'refused', message: read.message })
        }}
        onUnreadable={(message) => setState({ kind: 'refused', message: `${message} Nothing was added.` })}
      />
      {state.kind === 'asking' && (
        <div className="flex flex-col gap-3 rounded-md border border-slate-200 p-3 dark:border-slate-700">
          <SharedEnvironmentPreview shared={state.shared} label="What will be added" />
          <div className="flex gap-2">
            <Button onClick={() => setState({ kind: 'added', name: addSharedEnvironment(state.shared) })}>Add environment</Button>
            <Button variant="secondary" onClick={() => setState({ kind: 'idle' })}>
              Don’t add
            </Button>
          </div>
        </div>
      )}
      {state.kind === 'added' && (
        <Notice tone="success" live title="Environment added">
          “{state.name}” is now the active environment. Enter its client secrets in the Environment step.
        </Notice>
      )}
      {state.kind === 'refused' && (
        <Notice tone="error" live title="Nothing was added">
          {state.message}
        </Notice>
      )}
    </section>
  )
}

/** Sharing the active environment without its secrets, as a link or a file, and adding one: opened from the header. */
export function ShareEnvironmentDialog({ onClose }: { onClose: () => void }) {
  return (
    <ModalDialog title="Share environment" onClose={onClose} widthClass="max-w-xl">
      <div className="flex flex-col gap-6">
        <ShareActiveEnvironment />
        <ImportEnvironmentFile />
      </div>
    </ModalDialog>
  )
}
