// Where a click's time goes, in main-thread CPU rather than wall time (on a shared machine the wall clock
// mostly measures the neighbours). Walks each source tree given to the bench's Poll state (40 Request
// token clicks, 5,000 imported log entries, 20 more clicks, a device code), then clicks Request token and
// Poll in turn, timed as the bench times them (clicks.mjs), under one DevTools trace, and prints for each
// button the median main-thread CPU inside its click windows split by kind of work, and with --detail the
// JS self time by function summed over the windows (PROFILE_UNMINIFIED=1 keeps the names readable).
//   node scripts/bench/profile-clicks.mjs [--clicks 10] [--detail] . ../other-tree
import { chromium } from '@playwright/test'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { build, preview } from 'vite'
import { startSandbox } from './bench-sandbox.mjs'
import { fetchOverhead, preparePage, walkToDeviceCode } from './clicks.mjs'
import { freePort } from './free-port.mjs'
import { importSession, prepareLogPage } from './log-keystrokes.mjs'
import { writeSessionFile } from './session-fixture.mjs'
import { median, percentile } from './stats.mjs'
import { cpuByKind, MAIN_THREAD_KINDS, readTrace } from './trace.mjs'

const { values: options, positionals } = parseArgs({
  allowPositionals: true,
  options: { clicks: { type: 'string', default: '10' }, detail: { type: 'boolean', default: false }, 'log-entries': { type: 'string', default: '5000' } },
})
const CLICKS = Number(options.clicks)
const LOG_ENTRIES = Number(options['log-entries'])
const trees = positionals.length ? positionals : ['.']
const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
  'v8.execute',
  'toplevel',
  ...(options.detail ? ['disabled-by-default-v8.cpu_profiler'] : []),
].join(',')

const ms = (value) => value.toFixed(1).padStart(8)

/** Main-thread CPU by kind inside [start, end] (trace µs) of the renderer `pid`/`tid`, with its total and the window. */
function clickCpu(events, thread, start, end) {
  const kinds = cpuByKind(events, thread, start, end, MAIN_THREAD_KINDS)
  kinds.total = Object.values(kinds).reduce((sum, value) => sum + value, 0)
  kinds['wall: window'] = (end - start) / 1000
  return kinds
}

/** The main thread's CPU samples: [time (trace µs), node id, how long it stands for (µs)], and the nodes. */
function samplesOf(events, { pid, tid }) {
  const nodes = new Map()
  const raw = []
  // The Profile event is on the profiled thread; its chunks come from a sampler thread, matched by id.
  const profile = events.find((event) => event.name === 'Profile' && event.pid === pid && event.tid === tid)
  if (!profile) return { nodes, samples: [] }
  for (const event of events) {
    if (event.pid !== pid || event.name !== 'ProfileChunk' || event.id !== profile.id) continue
    for (const node of event.args.data.cpuProfile?.nodes ?? []) nodes.set(node.id, node)
    const deltas = event.args.data.timeDeltas ?? []
    ;(event.args.data.cpuProfile?.samples ?? []).forEach((id, index) => raw.push([id, deltas[index]]))
  }
  const samples = []
  let time = profile.args.data.startTime
  for (let index = 0; index < raw.length - 1; index++) {
    time += raw[index][1]
    samples.push([time, raw[index][0], raw[index + 1][1]])
  }
  return { nodes, samples }
}

const frameName = (frame) => `${frame.functionName || '(anonymous)'} ${(frame.url ?? '').replace(/^https?:\/\/[^/]+\/assets\//, '').replace(/-[\w-]{8}\.js$/, '').slice(0, 40)}:${frame.lineNumber}`

/** Time by function inside [start, end]: self, and inclusive for the app's own functions (not React's, not native). */
function byFunction({ nodes, samples }, start, end) {
  const self = new Map()
  const inclusive = new Map()
  for (const [time, id, delta] of samples) {
    if (time < start || time > end) continue
    const frame = nodes.get(id)?.callFrame
    if (!frame || /^\((idle|program|garbage collector)\)$/.test(frame.functionName)) continue
    self.set(frameName(frame), (self.get(frameName(frame)) ?? 0) + delta / 1000)
    const seen = new Set()
    for (let node = nodes.get(id); node; node = nodes.get(node.parent)) {
      const { url } = node.callFrame
      if (!url || !/\/assets\//.test(url) || /\/react-/.test(url)) continue
      const name = frameName(node.callFrame)
      if (seen.has(name)) continue
      seen.add(name)
      inclusive.set(name, (inclusive.get(name) ?? 0) + delta / 1000)
    }
  }
  const top = (map, count) => [...map].sort((a, b) => b[1] - a[1]).slice(0, count)
  return { self, inclusive, top }
}

/** The main thread's tasks inside [start, end] and the token requests, in order, ms from `start`. */
function printTimeline(events, thread, profile, start, end) {
  const { pid, tid } = thread
  const at = (ts) => ms((ts - start) / 1000)
  const inside = events.filter((event) => event.pid === pid && event.ts + (event.dur ?? 0) >= start && event.ts <= end)
  for (const event of inside) {
    if (/^Resource(SendRequest|ReceiveResponse|Finish)$/.test(event.name)) console.log(`${at(event.ts)}          ${event.name} ${event.args.data.url ?? event.args.data.requestId}`)
    if (event.cat?.includes('blink.user_timing') && event.ph !== 'X') console.log(`${at(event.ts)}          mark ${event.name}`)
    if (event.tid !== tid || event.ph !== 'X' || event.name !== 'RunTask' || (event.tdur ?? 0) < 300) continue
    const inner = inside
      .filter((child) => child.tid === tid && child.ph === 'X' && child.ts >= event.ts && child.ts < event.ts + event.dur && child.name in MAIN_THREAD_KINDS && child.name !== 'RunTask' && (child.tdur ?? 0) > 200)
      .slice(0, 8)
      .map((child) => `${child.name}${child.args?.data?.type ? `[${child.args.data.type}]` : ''}${child.args?.data?.functionName ? `[${child.args.data.functionName}]` : ''} ${(child.tdur / 1000).toFixed(1)}`)
    console.log(`${at(event.ts)} ${ms((event.tdur ?? 0) / 1000)}  ${inner.join(' | ')}`)
    const { inclusive, self, top } = byFunction(profile, event.ts, event.ts + event.dur)
    const list = (entries) => entries.filter(([, value]) => value >= 0.2).map(([name, value]) => `${name} ${value.toFixed(1)}`).join(' | ')
    if (inclusive.size) console.log(`                    app: ${list(top(inclusive, 6))}`)
    if (self.size) console.log(`                    self: ${list(top(self, 5))}`)
  }
}

/** JS time by function (sampled) inside the windows, summed: self, and inclusive for the app's own functions. */
function timeByFunction(profile, windows) {
  const self = new Map()
  const inclusive = new Map()
  for (const [start, end] of windows) {
    const found = byFunction(profile, start, end)
    for (const [name, value] of found.self) self.set(name, (self.get(name) ?? 0) + value)
    for (const [name, value] of found.inclusive) inclusive.set(name, (inclusive.get(name) ?? 0) + value)
  }
  return { self, inclusive }
}

/** One timed click between two marks named after `label`, as clicks.mjs times it. */
/** One timed click between two marks named after `label`, as clicks.mjs times it; returns its overhead. */
const markedClick = (page, label, sectionId, name) =>
  page.evaluate(
    async ([l, s, n]) => {
      performance.mark(`${l}-start`)
      const { total, network } = await window.__timeClick(s, n, '/oauth-token')
      performance.mark(`${l}-end`)
      return Math.max(0, total - network)
    },
    [label, sectionId, name],
  )

const ports = await Promise.all(trees.map(() => freePort()))
const sandbox = await startSandbox(await freePort(), ports.map((port) => `http://127.0.0.1:${port}`))
process.env.VITE_SANDBOX_ISSUER = sandbox.issuer
const tokenUrl = `${sandbox.issuer.replace('/oauth-anonymous', '')}/oauth-token`
const fetchInit = {
  method: 'POST',
  headers: { Authorization: `Basic ${Buffer.from('www:Password1').toString('base64')}`, 'Content-Type': 'application/x-www-form-urlencoded' },
  body: 'grant_type=client_credentials&scope=dcr',
}
const workDir = await mkdtemp(join(tmpdir(), 'oauth-console-profile-'))
const sessionFile = LOG_ENTRIES > 0 ? await writeSessionFile(join(workDir, 'session.json'), LOG_ENTRIES) : null
const servers = []
for (const [index, tree] of trees.entries()) {
  const root = resolve(tree)
  const outDir = resolve(`node_modules/.bench/profile-clicks-${index}`)
  const shared = { root, configFile: resolve(root, 'vite.config.ts') }
  await build({ ...shared, logLevel: 'warn', build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 1_000, minify: process.env.PROFILE_UNMINIFIED !== '1' } })
  servers.push(await preview({ ...shared, logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port: ports[index], strictPort: true, open: false } }))
}
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
})

/** Opens a tree's console and walks it to where the bench polls. */
async function walkToPoll(index) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
  const page = await context.newPage()
  await preparePage(page)
  await prepareLogPage(page)
  await page.goto(`http://127.0.0.1:${ports[index]}/`)
  const environment = page.getByRole('region', { name: 'Environment' })
  await environment.getByRole('button', { name: 'Discover' }).click()
  await environment.getByText('Endpoints discovered').waitFor({ timeout: 60_000 })
  for (let click = 0; click < 40; click++) await markedClick(page, 'walk', 'client-credentials', 'Request token')
  if (sessionFile) await importSession(page, sessionFile, LOG_ENTRIES, { alongside: true })
  for (let click = 0; click < 20; click++) await markedClick(page, 'walk', 'client-credentials', 'Request token')
  await walkToDeviceCode(page)
  return { context, page }
}

/** Main-thread CPU per click (and with --detail the tasks and functions) of one tree's page, from the shared trace. */
function analyse(events, index, overheads) {
  const mark = (name) => events.find((event) => event.name === name && event.cat?.includes('blink.user_timing'))
  const first = mark(`t${index}-token0-start`)
  const main = events.find((event) => event.pid === first.pid && event.name === 'thread_name' && event.args?.name === 'CrRendererMain')
  const thread = { pid: first.pid, tid: main.tid }
  const profile = options.detail ? samplesOf(events, thread) : null
  const result = {}
  for (const label of ['token', 'poll']) {
    const windows = Array.from({ length: CLICKS }, (_, click) => [mark(`t${index}-${label}${click}-start`).ts, mark(`t${index}-${label}${click}-end`).ts])
    const runs = windows.map(([start, end], click) => ({ ...clickCpu(events, thread, start, end), 'bench: overhead': overheads[label][click] }))
    result[label] = { runs, functions: profile ? timeByFunction(profile, windows) : null }
    if (!profile) continue
    const slowest = runs.indexOf(runs.toSorted((a, b) => b.total - a.total)[0])
    const middle = runs.indexOf(runs.toSorted((a, b) => a.total - b.total)[Math.floor(CLICKS / 2)])
    for (const [which, click] of [['median', middle], ['slowest', slowest]]) {
      console.log(`\n${trees[index]} ${label}: the ${which} click's tasks (ms from the click: start, CPU, inside)`)
      printTimeline(events, thread, profile, ...windows[click])
    }
  }
  result.fetch = overheads.fetch
  return result
}

try {
  // Every tree walked first, then their clicks interleaved under one trace, so a busy minute slows all alike.
  const pages = []
  for (const index of trees.keys()) pages.push(await walkToPoll(index))
  const session = await pages[0].context.newCDPSession(pages[0].page)
  const complete = new Promise((resolveComplete) => session.once('Tracing.tracingComplete', resolveComplete))
  await session.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReturnAsStream' })
  const overheads = trees.map(() => ({ token: [], poll: [], fetch: [] }))
  for (let click = 0; click < CLICKS; click++) {
    for (const [index, { page }] of pages.entries()) {
      overheads[index].token.push(await markedClick(page, `t${index}-token${click}`, 'client-credentials', 'Request token'))
      await page.getByRole('region', { name: 'Poll' }).getByText('Ready to poll').waitFor({ timeout: 60_000 })
      overheads[index].poll.push(await markedClick(page, `t${index}-poll${click}`, 'poll', 'Poll'))
      overheads[index].fetch.push(await fetchOverhead(page, tokenUrl, fetchInit))
    }
  }
  const events = await readTrace(session, complete)
  if (process.env.PROFILE_TRACE_FILE) await writeFile(process.env.PROFILE_TRACE_FILE, JSON.stringify({ traceEvents: events }))
  for (const { context } of pages) await context.close()
  const results = Object.fromEntries(trees.map((tree, index) => [`${index}:${tree}`, analyse(events, index, overheads[index])]))

  const columns = Object.entries(results).flatMap(([name, result]) => ['token', 'poll'].map((label) => [`${name.slice(0, 10)} ${label}`, result[label]]))
  const kinds = [...new Set(columns.flatMap(([, column]) => column.runs.flatMap((run) => Object.keys(run))))]
  const order = ['total', ...kinds.filter((kind) => kind !== 'total').sort()]
  for (const [statistic, pick] of [
    ['median', (values) => median(values)],
    ['p95', (values) => percentile(values, 95)],
  ]) {
    console.log(`\n${statistic} of ${CLICKS} clicks (ms of main-thread CPU inside the click window; "wall:" is the window, "bench:" what the bench counts)`)
    console.log(`${''.padEnd(30)}${columns.map(([name]) => name.padStart(18)).join('')}`)
    for (const kind of order) console.log(`${kind.slice(0, 29).padEnd(30)}${columns.map(([, column]) => pick(column.runs.map((run) => run[kind] ?? 0)).toFixed(1).padStart(18)).join('')}`)
    console.log(`${'bench: plain fetch()'.padEnd(30)}${columns.map(([name]) => pick(results[Object.keys(results).find((key) => name.startsWith(key.slice(0, 10)))].fetch).toFixed(1).padStart(18)).join('')}`)
  }
  if (options.detail) {
    for (const [name, column] of columns) {
      for (const kind of ['self', 'inclusive']) {
        console.log(`\n${name}: JS ${kind} time by function, summed over ${CLICKS} clicks (sampled${kind === 'inclusive' ? ", the app's own functions" : ''})`)
        for (const [key, value] of [...column.functions[kind]].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${ms(value)}  ${key}`)
      }
    }
  }
} finally {
  await browser.close()
  for (const server of servers) await server.close()
  sandbox.child.kill()
}
