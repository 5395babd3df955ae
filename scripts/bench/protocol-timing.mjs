// Export work over a full log, in Node: what Copy as curl, Export HAR and masking cost at 10,000 exchanges.
import { performance } from 'node:perf_hooks'
import { tsImport } from 'tsx/esm/api'
import { median } from './budget-report.mjs'

const RUNS = 5

function timeRuns(run) {
  run() // warm-up: JIT, lazy module state
  const samples = []
  for (let index = 0; index < RUNS; index++) {
    const start = performance.now()
    run()
    samples.push(performance.now() - start)
  }
  return median(samples)
}

export async function protocolTimings(exchanges) {
  const { toCurl } = await tsImport('../../src/protocol/curl.ts', import.meta.url)
  const { toHar } = await tsImport('../../src/protocol/har.ts', import.meta.url)
  const { maskExchange } = await tsImport('../../src/protocol/masking.ts', import.meta.url)
  const { buildSessionFile, readSessionFile } = await tsImport('../../src/protocol/session-file.ts', import.meta.url)
  const creator = { name: 'OAuth Console bench', version: '0' }
  const sessionText = JSON.stringify(buildSessionFile({ environments: [], exchanges, includeSecrets: true, now: 0 }))
  return {
    maskExchange: timeRuns(() => exchanges.forEach((exchange) => maskExchange(exchange))),
    toCurlMasked: timeRuns(() => exchanges.forEach((exchange) => toCurl(exchange, { mask: true }))),
    toCurlRaw: timeRuns(() => exchanges.forEach((exchange) => toCurl(exchange, { mask: false }))),
    toHarMasked: timeRuns(() => JSON.stringify(toHar(exchanges, { mask: true, creator }))),
    readSessionFile: timeRuns(() => {
      if (!readSessionFile(sessionText).ok) throw new Error('the synthetic session file does not validate')
    }),
  }
}

/** The session file the browser bench imports, built by the console's own exporter. */
export async function sessionFileText(exchanges) {
  const { buildSessionFile } = await tsImport('../../src/protocol/session-file.ts', import.meta.url)
  return JSON.stringify(buildSessionFile({ environments: [], exchanges, includeSecrets: false, now: Date.now() }))
}
