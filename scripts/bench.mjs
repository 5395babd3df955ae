// `npm run bench`: what a person feels, measured in real Chromium against the local sandbox, each as a
// ratio to a baseline measured in the same run, interleaved, so a busy machine slows both alike.
//   - the floor: a bare React 19 page built here by the same Vite (scripts/bench/floor)
//   - first view: JS+CSS (gzip) the page requested before its steps were painted; first paint at 1x and 4x CPU
//   - "Request token" and "Poll": click to result on screen, minus the network; baseline plain fetch()
//   - Search keystrokes in the HTTP log at 10,000 and 100,000 entries; baseline the same page with an empty log
//   - Export HAR from its button at 10,000 entries, and the longest frame gap meanwhile
// Writes bench/results.json and the README's table. Not part of npm test: it takes minutes and judges
// speed, which CI machines vary in. BENCH_RUNS (default 5) sets interleaved runs; CHROMIUM_PATH the browser;
// BENCH_ONLY (e.g. "first-view,clicks,log") runs some parts and leaves results.json and README alone.
import { chromium } from '@playwright/test'
import react from '@vitejs/plugin-react'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { build, preview } from 'vite'
import { startSandbox } from './bench/bench-sandbox.mjs'
import { freePort, reservedPort } from './bench/free-port.mjs'
import { clickOverhead, fetchOverhead, preparePage, walkToDeviceCode } from './bench/clicks.mjs'
import { gzipBytes, loadOnce } from './bench/first-view.mjs'
import { exportHarOnce, idleFrameGap, prepareHarPage } from './bench/har-export.mjs'
import { importSession, prepareLogPage, typeSearch } from './bench/log-keystrokes.mjs'
import { format, updateReadme } from './bench/readme-table.mjs'
import { writeSessionFile } from './bench/session-fixture.mjs'
import { interleaved, median, percentile, round } from './bench/stats.mjs'

const RUNS = Number(process.env.BENCH_RUNS ?? 5)
// A page load is cheap and its first paint swings more than anything else here (the floor alone by up to 50%
// between loads on a shared 2-core machine), so the first view takes three loads per run for a steadier median.
const FIRST_VIEW_LOADS = RUNS * 3
const CLICKS = 40
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
const APP_DIR = resolve('node_modules/.bench/app')
const FLOOR_DIR = resolve('node_modules/.bench/floor')
const SEARCH = 'invalid_grant'
// A click's result is due within a frame (16 ms) of what a plain fetch() of the same request costs, timed
// the same way in the same run. Not 16 ms flat: on this 2-core machine plain fetch() alone measures a p95
// of 20–30 ms (IPC hops, the body read, the frame), which no console could get under.
const WITHIN_A_FRAME = '≤ plain fetch() + 16 ms'
const withinAFrame = (console, plainFetch) => console - plainFetch <= 16
const ONLY = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',').map((part) => part.trim())) : null
const wanted = (part) => ONLY === null || ONLY.has(part)

const log = (text) => console.log(text)
const measures = []
const add = (row) => measures.push({ ...row, value: round(row.value), baseline: round(row.baseline), ratio: round(row.ratio) })

const sandboxPort = await freePort()
const appPortHeld = await reservedPort()
const appPort = appPortHeld.port
const appOrigin = `http://127.0.0.1:${appPort}`
const sandbox = await startSandbox(sandboxPort, [appOrigin])
process.env.VITE_SANDBOX_ISSUER = sandbox.issuer

log('Building the console and the floor …')
await build({ logLevel: 'warn', build: { outDir: APP_DIR, emptyOutDir: true, chunkSizeWarningLimit: 1_000 } })
await build({ root: resolve('scripts/bench/floor'), configFile: false, logLevel: 'warn', plugins: [react()], build: { outDir: FLOOR_DIR, emptyOutDir: true } })

const workDir = await mkdtemp(join(tmpdir(), 'oauth-console-bench-'))
await appPortHeld.release()
const floorPort = await freePort()
const servers = [
  await preview({ logLevel: 'warn', build: { outDir: APP_DIR }, preview: { host: '127.0.0.1', port: appPort, strictPort: true, open: false } }),
  await preview({ root: resolve('scripts/bench/floor'), configFile: false, logLevel: 'warn', build: { outDir: FLOOR_DIR }, preview: { host: '127.0.0.1', port: floorPort, strictPort: true, open: false } }),
]
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
const chromiumVersion = browser.version()
try {
  // First view and first paint, interleaved with the floor, at 1x and 4x CPU. The console's first view is
  // the steps a person starts with, ready to use: Environment, then Client Credentials with its button.
  if (wanted('first-view')) {
    log(`First view: ${FIRST_VIEW_LOADS} interleaved loads of each page …`)
    const app = (cpuRate) => () => loadOnce(browser, { url: `${appOrigin}/`, selector: '#client-credentials button[type="submit"]', cpuRate })
    const floor = (cpuRate) => () => loadOnce(browser, { url: `http://127.0.0.1:${floorPort}/`, selector: 'main h1', cpuRate })
    const loads = await interleaved(FIRST_VIEW_LOADS, { app1: app(1), floor1: floor(1), app4: app(4), floor4: floor(4) })
    const appBytes = await gzipBytes(APP_DIR, loads.app1[0].assets)
    const floorBytes = await gzipBytes(FLOOR_DIR, loads.floor1[0].assets)
    add({ id: 'first-view-gzip', name: `First view JS+CSS gzip (${loads.app1[0].assets.length} files)`, unit: 'kB', value: appBytes, baseline: floorBytes, baselineName: 'floor', ratio: appBytes / floorBytes, goal: '≤ 1.5× floor', met: appBytes / floorBytes <= 1.5 })
    for (const rate of [1, 4]) {
      const value = median(loads[`app${rate}`].map((load) => load.paintMs))
      const baseline = median(loads[`floor${rate}`].map((load) => load.paintMs))
      add({ id: `first-paint-${rate}x`, name: `First paint of the steps, ${rate}× CPU (median)`, unit: 'ms', value, baseline, baselineName: 'floor', ratio: value / baseline, goal: '≤ 1.3× floor', met: value / baseline <= 1.3 })
    }
  }

  // "Request token": click → result on screen, minus the network, against plain fetch().
  if (wanted('clicks')) {
    log(`Request token: ${CLICKS} clicks interleaved with plain fetch() …`)
    const tokenEndpoint = `${sandbox.issuer.replace('/oauth-anonymous', '')}/oauth-token`
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
    const page = await context.newPage()
    await preparePage(page)
    await prepareLogPage(page)
    await page.goto(`${appOrigin}/`)
    const environment = page.getByRole('region', { name: 'Environment' })
    await environment.getByRole('button', { name: 'Discover' }).click()
    await environment.getByText('Endpoints discovered').waitFor({ timeout: 60_000 })
    const tokenUrl = tokenEndpoint
    const fetchInit = {
      method: 'POST',
      headers: { Authorization: `Basic ${Buffer.from('www:Password1').toString('base64')}`, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials&scope=dcr',
    }
    const clickSamples = await interleaved(CLICKS, {
      console: () => clickOverhead(page, 'client-credentials', 'Request token', '/oauth-token'),
      fetch: () => fetchOverhead(page, tokenUrl, fetchInit),
    })
    const p95 = percentile(clickSamples.console, 95)
    const fetchP95 = percentile(clickSamples.fetch, 95)
    add({ id: 'request-token-p50', name: 'Request token: overhead p50 (click → result, minus network)', unit: 'ms', value: median(clickSamples.console), baseline: median(clickSamples.fetch), baselineName: 'plain fetch()', ratio: median(clickSamples.console) / median(clickSamples.fetch), goal: '–', met: true })
    add({ id: 'request-token-p95', name: 'Request token: overhead p95', unit: 'ms', value: p95, baseline: fetchP95, baselineName: 'plain fetch()', ratio: p95 / fetchP95, goal: WITHIN_A_FRAME, met: withinAFrame(p95, fetchP95) })
    const early = median(clickSamples.console.slice(0, 10))
    const late = median(clickSamples.console.slice(-10))
    add({ id: 'request-token-flat', name: `Request token: clicks 31–40 vs 1–10 (median)`, unit: 'ms', value: late, baseline: early, baselineName: 'clicks 1–10', ratio: late / early, goal: 'flat over a session', met: late / early <= 1.25 })

    // The same with 5,000 entries in the log.
    const session5k = await writeSessionFile(join(workDir, 'session-5k.json'), 5_000)
    await importSession(page, session5k, 5_000, { alongside: true })
    const fullLog = await interleaved(20, {
      console: () => clickOverhead(page, 'client-credentials', 'Request token', '/oauth-token'),
      fetch: () => fetchOverhead(page, tokenUrl, fetchInit),
    })
    const fullP95 = percentile(fullLog.console, 95)
    add({ id: 'request-token-5k-p95', name: 'Request token with 5,000 log entries: overhead p95', unit: 'ms', value: fullP95, baseline: percentile(fullLog.fetch, 95), baselineName: 'plain fetch()', ratio: fullP95 / percentile(fullLog.fetch, 95), goal: WITHIN_A_FRAME, met: withinAFrame(fullP95, percentile(fullLog.fetch, 95)) })

    // "Poll": the device flow walked through, then polls at the interval.
    log('Poll: walking to a device code, then polling …')
    await walkToDeviceCode(page)
    const pollStep = page.getByRole('region', { name: 'Poll' })
    const pollSamples = []
    const pollFetch = []
    for (let index = 0; index < 20; index++) {
      await pollStep.getByText('Ready to poll').waitFor({ timeout: 60_000 })
      pollSamples.push(await clickOverhead(page, 'poll', 'Poll', '/oauth-token'))
      pollFetch.push(await fetchOverhead(page, tokenUrl, fetchInit))
    }
    const pollP95 = percentile(pollSamples, 95)
    add({ id: 'poll-p95', name: 'Poll: overhead p95 (click → outcome, minus network)', unit: 'ms', value: pollP95, baseline: percentile(pollFetch, 95), baselineName: 'plain fetch()', ratio: pollP95 / percentile(pollFetch, 95), goal: WITHIN_A_FRAME, met: withinAFrame(pollP95, percentile(pollFetch, 95)) })
    await context.close()
  }

  // Search keystrokes at 10,000 and 100,000 entries, each page timed first with its log empty.
  for (const count of wanted('log') ? [10_000, 100_000] : []) {
    log(`HTTP log: Search at ${count.toLocaleString('en-US')} entries …`)
    const sessionPath = await writeSessionFile(join(workDir, `session-${count}.json`), count)
    const logContext = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true })
    const logPage = await logContext.newPage()
    await prepareLogPage(logPage)
    await prepareHarPage(logPage)
    await logPage.goto(`${appOrigin}/`)
    const emptyRounds = []
    for (let round = 0; round < RUNS; round++) emptyRounds.push(...(await typeSearch(logPage, SEARCH)))
    await importSession(logPage, sessionPath, count)
    const rounds = []
    for (let round = 0; round < RUNS; round++) rounds.push(await typeSearch(logPage, SEARCH))
    const first = rounds[0][0]
    const keystrokes = rounds.flat()
    const value = median(keystrokes)
    const baseline = median(emptyRounds)
    const label = count.toLocaleString('en-US')
    add({ id: `search-${count}`, name: `Search keystroke at ${label} entries (median)`, unit: 'ms', value, baseline, baselineName: 'empty log', ratio: value / baseline, goal: '≤ 1.2× empty log', met: value / baseline <= 1.2 })
    add({ id: `search-${count}-first`, name: `Search: first keystroke at ${label} entries`, unit: 'ms', value: first, baseline, baselineName: 'empty log', ratio: first / baseline, goal: '≤ 100 ms', met: first <= 100 })

    if (count === 10_000) {
      log('Export HAR at 10,000 entries …')
      await logPage.getByRole('banner').getByRole('button', { name: 'Export / Import' }).click()
      const exports = []
      for (let round = 0; round < RUNS; round++) exports.push(await exportHarOnce(logPage))
      const ms = median(exports.map((sample) => sample.ms))
      const gap = Math.max(...exports.map((sample) => sample.maxFrameGap))
      const idleGap = await idleFrameGap(logPage, Math.ceil(ms))
      add({ id: 'har-10k', name: 'Export HAR at 10,000 entries: click → download (median)', unit: 'ms', value: ms, goal: '≤ 500 ms', met: ms <= 500 })
      add({ id: 'har-10k-frame-gap', name: 'Export HAR: longest frame gap meanwhile', unit: 'ms', value: gap, baseline: idleGap, baselineName: 'idle page', ratio: gap / idleGap, goal: 'never blocks input (≤ 50 ms)', met: gap <= 50 })
    }
    await logContext.close()
  }
} finally {
  await browser.close()
  for (const server of servers) await server.close()
  sandbox.child.kill()
  await rm(workDir, { recursive: true, force: true })
}

const results = {
  generatedAt: new Date().toISOString(),
  runs: RUNS,
  firstViewLoads: FIRST_VIEW_LOADS,
  machine: { cpus: cpus().length, loadAverage: loadavg().map((value) => round(value, 1)), chromium: chromiumVersion },
  measures,
}
if (ONLY === null) {
  await mkdir('bench', { recursive: true })
  await writeFile('bench/results.json', `${JSON.stringify(results, null, 2)}\n`)
  await updateReadme(results)
}
for (const row of measures) {
  const ratio = row.ratio === null || row.ratio === undefined ? '' : ` (${row.ratio}× ${row.baselineName})`
  log(`  ${row.met ? 'met ' : 'NOT '} ${row.name}: ${format(row.value, row.unit)}${ratio}; goal ${row.goal}`)
}
log(ONLY === null ? '\nWrote bench/results.json and the table in README.md.' : `\nRan only ${[...ONLY].join(', ')}: results.json and README left alone.`)
