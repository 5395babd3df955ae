// Where the first paint of the steps goes, in CPU time rather than wall time: on a shared machine the wall
// clock mostly measures the neighbours, while the renderer's own thread time does not. Builds each tree
// given (a source tree with its vite.config.ts, or "floor" for the bench's floor page), loads them
// interleaved as the bench does (fresh context, CPU throttled) with a DevTools trace, and prints the
// median main-thread CPU until the frame after the steps appeared, split by kind of work.
//   node scripts/bench/profile-first-view.mjs [--cpu 1] [--runs 3] [--detail] floor . ../other-tree
// --detail also prints, per load, the main thread's tasks and the requests, and the JS self time by
// function (PROFILE_UNMINIFIED=1 builds without minifying, so names say which component or module).
import { chromium } from '@playwright/test'
import react from '@vitejs/plugin-react'
import { writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { build, preview } from 'vite'
import { firstPaintReported, watchFirstPaint } from './first-view.mjs'
import { freePort } from './free-port.mjs'
import { interleaved, median } from './stats.mjs'
import { cpuByKind, MAIN_THREAD_KINDS, readTrace } from './trace.mjs'

const { values: options, positionals: trees } = parseArgs({
  allowPositionals: true,
  options: { cpu: { type: 'string', default: '1' }, runs: { type: 'string', default: '3' }, detail: { type: 'boolean', default: false } },
})
const CPU_RATE = Number(options.cpu)
const RUNS = Number(options.runs)
const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
  'loading',
  'v8.execute',
  'v8',
  'toplevel',
  'disabled-by-default-v8.compile',
  ...(process.env.PROFILE_INVALIDATIONS === '1' ? ['disabled-by-default-devtools.timeline.invalidationTracking'] : []),
  ...(options.detail ? ['disabled-by-default-v8.cpu_profiler'] : []),
].join(',')


const short = (url) => (url ? url.replace(/^https?:\/\/[^/]+/, '').slice(0, 60) : '')
const ms = (value) => value.toFixed(1).padStart(7)

/** Main-thread CPU by kind from navigationStart to the paint mark, plus compile on other threads. */
function firstPaintCpu(events) {
  const navigation = events.find((event) => event.name === 'navigationStart' && event.args?.data?.documentLoaderURL?.startsWith('http'))
  const { pid, tid, ts: start } = navigation
  const painted = events.find((event) => event.name === 'steps-painted' && event.pid === pid)
  const end = painted?.ts ?? Infinity
  const own = events
    .filter((event) => event.pid === pid && event.ph === 'X' && event.ts >= start && event.ts <= end)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur)
  const kinds = cpuByKind(events, { pid, tid }, start, end, MAIN_THREAD_KINDS)
  const background = own.filter((event) => event.tid !== tid && /^(BackgroundCompileTask::Run|V8.CompileCodeBackground)$/.test(event.name))
  kinds['compile on other threads (not in total)'] = background.reduce((sum, event) => sum + (event.tdur ?? event.dur) / 1000, 0)
  // When the entry's code started to run, and when its file had arrived: the wait between is compiling.
  const evaluated = own.find((event) => event.tid === tid && event.name === 'v8.evaluateModule')
  const entrySent = events.find((event) => event.name === 'ResourceSendRequest' && /\/assets\/index-[^/]*\.js$/.test(event.args.data.url))
  const entryDone = entrySent && events.find((event) => event.name === 'ResourceFinish' && event.args.data.requestId === entrySent.args.data.requestId)
  const wall = {}
  if (entryDone) wall['wall: entry JS arrived'] = (entryDone.ts - start) / 1000
  if (evaluated) wall['wall: entry JS runs'] = (evaluated.ts - start) / 1000
  kinds.total = Object.entries(kinds).reduce((sum, [kind, value]) => (kind.startsWith('compile on other') ? sum : sum + value), 0)
  return { kinds: { ...kinds, ...wall }, navigation, end }
}

/** The main thread's tasks, the requests, and (with a CPU profile) JS self time per function. */
function printDetail(events, { navigation, end }) {
  const { pid, tid, ts: start } = navigation
  const at = (ts) => ms((ts - start) / 1000)
  const main = events.filter((event) => event.pid === pid && event.tid === tid && event.ph === 'X' && event.ts >= start && event.ts <= end)
  console.log('   tasks over 2 ms CPU (ms from navigationStart: start, wall, CPU, what)')
  for (const task of main.filter((event) => event.name === 'RunTask' && (event.tdur ?? 0) > 2000)) {
    const inner = main
      .filter((event) => event.ts >= task.ts && event.ts < task.ts + task.dur && event.name in MAIN_THREAD_KINDS && event.name !== 'RunTask' && (event.tdur ?? 0) > 1000)
      .slice(0, 8)
      .map((event) => `${event.name}${event.args?.data?.functionName ? `[${event.args.data.functionName}]` : ''} ${(event.tdur / 1000).toFixed(1)}`)
    console.log(`   ${at(task.ts)} ${ms(task.dur / 1000)} ${ms(task.tdur / 1000)}  ${inner.join(' | ')}`)
  }
  console.log('   requests (sent → finished)')
  for (const send of events.filter((event) => event.name === 'ResourceSendRequest' && event.args.data.url.startsWith('http'))) {
    const finish = events.find((event) => event.name === 'ResourceFinish' && event.args.data.requestId === send.args.data.requestId)
    console.log(`   ${at(send.ts)} → ${finish ? at(finish.ts) : '      ?'}  ${short(send.args.data.url)}`)
  }
  const nodes = new Map()
  const samples = []
  let time = null
  for (const event of events) {
    if (event.pid !== pid) continue
    if (event.name === 'Profile') time = event.args.data.startTime
    if (event.name !== 'ProfileChunk') continue
    for (const node of event.args.data.cpuProfile?.nodes ?? []) nodes.set(node.id, node)
    const deltas = event.args.data.timeDeltas ?? []
    ;(event.args.data.cpuProfile?.samples ?? []).forEach((id, index) => samples.push([id, deltas[index]]))
  }
  if (time === null) return
  const self = new Map()
  for (let index = 0; index < samples.length - 1; index++) {
    time += samples[index][1]
    if (time < start || time > end) continue
    const frame = nodes.get(samples[index][0])?.callFrame
    if (!frame || /^\((idle|program)\)$/.test(frame.functionName)) continue
    const key = `${frame.functionName || '(anonymous)'} ${short(frame.url)}:${frame.lineNumber}`
    self.set(key, (self.get(key) ?? 0) + samples[index + 1][1] / 1000)
  }
  console.log('   JS self time by function (sampled, wall clock)')
  for (const [key, value] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`   ${ms(value)}  ${key}`)
}

process.env.VITE_SANDBOX_ISSUER ??= 'http://127.0.0.1:9/oauth/v2/oauth-anonymous'
const servers = []
const targets = {}
for (const [index, tree] of (trees.length ? trees : ['floor', '.']).entries()) {
  const floor = tree === 'floor'
  const root = resolve(floor ? 'scripts/bench/floor' : tree)
  const shared = floor ? { root, configFile: false, plugins: [react()] } : { root, configFile: resolve(root, 'vite.config.ts') }
  const outDir = resolve(`node_modules/.bench/profile-${index}`)
  await build({ ...shared, logLevel: 'warn', build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 1_000, minify: process.env.PROFILE_UNMINIFIED !== '1' } })
  const port = await freePort()
  servers.push(await preview({ ...shared, logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port, strictPort: true, open: false } }))
  targets[`${index}:${tree}`] = { url: `http://127.0.0.1:${port}/`, selector: floor ? 'main h1' : '#client-credentials button[type="submit"]' }
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
})

async function profileOnce(name) {
  const { url, selector } = targets[name]
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
  try {
    const page = await context.newPage()
    const session = await context.newCDPSession(page)
    await session.send('Emulation.setCPUThrottlingRate', { rate: CPU_RATE })
    const firstPaint = await firstPaintReported(page)
    await page.addInitScript(watchFirstPaint, selector)
    // The trace is kept in the browser until the end: streamed during the load, it kept this process (which
    // also serves the pages) busy enough to delay the page's own requests.
    const complete = new Promise((resolveComplete) => session.once('Tracing.tracingComplete', resolveComplete))
    await session.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReturnAsStream' })
    await page.goto(url)
    const paintMs = await firstPaint.paintMs()
    const elements = await page.evaluate(() => document.getElementsByTagName('*').length)
    const events = await readTrace(session, complete)
    if (process.env.PROFILE_TRACE_FILE) await writeFile(process.env.PROFILE_TRACE_FILE, JSON.stringify({ traceEvents: events }))
    const summary = firstPaintCpu(events)
    if (options.detail) {
      console.log(`\n== ${name}: painted at ${paintMs.toFixed(0)} ms (wall), ${summary.kinds.total.toFixed(1)} ms main-thread CPU, ${elements} elements now`)
      printDetail(events, summary)
    }
    return { 'wall: painted': paintMs, ...summary.kinds }
  } finally {
    await context.close()
  }
}

try {
  const loads = await interleaved(RUNS, Object.fromEntries(Object.keys(targets).map((name) => [name, () => profileOnce(name)])))
  const kinds = [...new Set(Object.values(loads).flatMap((runs) => runs.flatMap((run) => Object.keys(run))))]
  const order = ['total', ...kinds.filter((kind) => kind !== 'total').sort()]
  console.log(`\nMedian of ${RUNS} loads at ${CPU_RATE}x CPU (ms; main-thread CPU until the paint, except "wall:" from navigationStart)`)
  console.log(`${''.padEnd(40)}${Object.keys(targets).map((name) => name.slice(0, 14).padStart(15)).join('')}`)
  for (const kind of order) {
    const cells = Object.keys(targets).map((name) => median(loads[name].map((run) => run[kind] ?? 0)).toFixed(1).padStart(15))
    console.log(`${kind.slice(0, 39).padEnd(40)}${cells.join('')}`)
  }
} finally {
  await browser.close()
  for (const server of servers) await server.close()
}
