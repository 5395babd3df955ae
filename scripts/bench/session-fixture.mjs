// Session files for the log measurements, written by the console's own exporter.
import { writeFile } from 'node:fs/promises'
import { tsImport } from 'tsx/esm/api'
import { syntheticExchanges } from './synthetic-exchanges.mjs'

export async function writeSessionFile(path, count) {
  const { buildSessionFile } = await tsImport('../../src/protocol/session-file.ts', import.meta.url)
  const exchanges = syntheticExchanges(count)
  await writeFile(path, JSON.stringify(buildSessionFile({ environments: [], exchanges, includeSecrets: false, now: Date.now() })))
  return path
}
