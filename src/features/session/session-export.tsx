import { useEffect, useId, useState } from 'react'
import { Button } from '../../components/ui/button.tsx'
import { downloadTextFile, fileDate } from '../../components/ui/download-file.ts'
import { CheckboxField } from '../../components/ui/fields.tsx'
import { Notice } from '../../components/ui/notice.tsx'
import { buildSessionFile } from '../../protocol/session-file.ts'
import { readEnvironmentSnapshot } from '../../state/environment-store.ts'
import { readExchangeLog, readExchangesSnapshot } from '../../state/http-log-store.ts'
import { downloadHarFile, exportInView } from './har-file.ts'
import { plural } from './session-merge.ts'

const CREATOR = { name: 'OAuth Console', version: '0.1.0' }

/** Downloads of the log (HAR) and of the whole session, masked unless the person opts in. */
export function SessionExport() {
  const [includeSecrets, setIncludeSecrets] = useState(false)
  const [done, setDone] = useState<string | null>(null)
  const [harBusy, setHarBusy] = useState(false)
  const [harError, setHarError] = useState<string | null>(null)
  const headingId = useId()
  const masking = includeSecrets ? 'with secrets' : 'secrets masked'
  // The worker copies the log from when export is first in view, and builds ahead while it is in view and the page is quiet.
  useEffect(() => exportInView(), [])

  // Built in a worker, unindented: the page keeps answering while a long log is masked and written.
  const exportHar = async () => {
    const log = readExchangeLog()
    const fileName = `oauth-console-${fileDate()}.har`
    setHarBusy(true)
    setHarError(null)
    setDone(null)
    try {
      await downloadHarFile(log, fileName, { mask: !includeSecrets, creator: CREATOR })
      setDone(`Saved ${fileName}: ${plural(log.length, 'exchange')}, ${masking}.`)
    } catch (error) {
      setHarError(`The HAR could not be built: ${error instanceof Error ? error.message : String(error)}`)
    } finally {
      setHarBusy(false)
    }
  }

  const exportSession = () => {
    const { environments } = readEnvironmentSnapshot()
    const exchanges = readExchangesSnapshot()
    const session = buildSessionFile({ environments, exchanges, includeSecrets, now: Date.now() })
    const fileName = `oauth-console-session-${fileDate()}.json`
    downloadTextFile(fileName, JSON.stringify(session, null, 2), 'application/json')
    setDone(`Saved ${fileName}: ${plural(environments.length, 'environment')} and ${plural(exchanges.length, 'exchange')}, ${masking}.`)
  }

  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-3">
      <h3 id={headingId} className="text-sm font-semibold">
        Export
      </h3>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        HAR holds the HTTP log for browser dev tools and HAR viewers; a session file also holds the environments and clients, to import in
        another browser.
      </p>
      <CheckboxField
        label="Include secrets"
        checked={includeSecrets}
        onCheckedChange={(checked) => {
          setIncludeSecrets(checked)
          setDone(null)
        }}
        hint="Off: client secrets, tokens, codes and credentials are replaced by ••••••."
      />
      {includeSecrets && (
        <Notice tone="warning" live title="Secrets included">
          The files will hold working client secrets and tokens in clear text. Keep them like passwords and do not attach them to tickets.
        </Notice>
      )}
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" busy={harBusy} onClick={() => void exportHar()}>
          Export HAR
        </Button>
        <Button variant="secondary" onClick={exportSession}>
          Export session
        </Button>
      </div>
      {done && (
        <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
          {done}
        </p>
      )}
      {harError && (
        <Notice tone="error" live title="Nothing was saved">
          {harError}
        </Notice>
      )}
    </section>
  )
}
