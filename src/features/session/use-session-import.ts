import { readHar } from '../../protocol/har.ts'
import { readSessionFile } from '../../protocol/session-file.ts'
import { readEnvironmentSnapshot, useEnvironmentActions } from '../../state/environment-store.ts'
import { readExchangesSnapshot, useHttpLogActions } from '../../state/http-log-store.ts'
import { importingFromText } from './har-file.ts'
import { keepKnownSecrets, newExchanges, plural } from './session-merge.ts'

export type ImportResult = { ok: true; summary: string } | { ok: false; message: string }

function exchangesSummary(added: number, total: number) {
  const skipped = total - added
  return `${plural(added, 'exchange')}${skipped > 0 ? ` (${plural(skipped, 'exchange')} already in the log)` : ''}`
}

/** Reads an imported file and, only when it is valid, puts its contents into the stores. */
export function useSessionImport() {
  const { environmentsImported } = useEnvironmentActions()
  const { exchangesImported } = useHttpLogActions()

  const importSession = (text: string): ImportResult => {
    const read = readSessionFile(text)
    if (!read.ok) return read
    const { session } = read
    const { environments, kept } = keepKnownSecrets(session.environments, readEnvironmentSnapshot().environments)
    const exchanges = newExchanges(session.exchanges, readExchangesSnapshot())
    if (environments.length > 0) environmentsImported(environments)
    if (exchanges.length > 0) {
      importingFromText('session', text, session.exchanges)
      exchangesImported(exchanges)
    }
    const clients = environments.reduce((count, environment) => count + environment.clients.length, 0)
    const secrets = session.secretsIncluded
      ? ' Client secrets were included.'
      : ` The file had no secrets${kept > 0 ? `; kept the secrets already known for ${plural(kept, 'client')}` : ': enter client secrets again'}.`
    return {
      ok: true,
      summary: `Imported ${plural(environments.length, 'environment')} with ${plural(clients, 'client')} and ${exchangesSummary(exchanges.length, session.exchanges.length)}.${secrets}`,
    }
  }

  const importHar = (text: string): ImportResult => {
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch (error) {
      return { ok: false, message: `The file is not JSON: ${error instanceof Error ? error.message : String(error)}` }
    }
    const read = readHar(json)
    if (!read.ok) return read
    const exchanges = newExchanges(read.exchanges, readExchangesSnapshot())
    if (exchanges.length > 0) {
      importingFromText('har', text, read.exchanges)
      exchangesImported(exchanges)
    }
    return { ok: true, summary: `Imported ${exchangesSummary(exchanges.length, read.exchanges.length)} into the HTTP log.` }
  }

  return { importSession, importHar }
}
