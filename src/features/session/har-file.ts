import { downloadBlob, downloadUrl } from '../../components/ui/download-file.ts'
import { createHarBuilder, type HarWorkerReply, type HarWorkerRequest } from '../../protocol/har-export.ts'
import type { HttpExchange } from '../../protocol/http-exchange.ts'
import type { ExchangeLog } from '../../state/exchange-log.ts'
import { readExchangeLog, subscribeToExchangeLog } from '../../state/http-log-store.ts'

type Creator = { name: string; version: string }

/** Exchanges per message: small enough that copying one batch to the worker never holds up input. */
const BATCH = 1_000

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

/**
 * How long the person must leave the page alone before the worker reads and builds ahead: less with
 * Export / Import open (an export is likely next), more otherwise. On two cores, background work
 * while someone types or scrolls takes the core their page needs.
 */
const QUIET_MS = { exportOpen: 250, elsewhere: 1_000 }
/** What counts as using the page. */
const INPUT_EVENTS = ['keydown', 'input', 'pointerdown', 'wheel', 'scroll'] as const

/** An import about to reach the log: the file text, and the exchanges the page read from it, in order. */
interface PendingImport {
  format: 'session' | 'har'
  text: string
  read: readonly HttpExchange[]
}

/**
 * The page's side of the HAR worker, which keeps a copy of the log (see {@link HarLogMirror}): each
 * exchange gets a sequence number when the log first holds it, and the worker hears of it soon after,
 * so an export sends only the sequence numbers.
 */
class HarWorkerClient {
  private readonly worker: Worker
  private readonly seqs = new WeakMap<HttpExchange, number>()
  private nextSeq = 0
  private forgotBefore = 0
  /** Messages not posted yet, in order: one goes per task, so a long log never holds up input. */
  private readonly outbox: { message: HarWorkerRequest; transfer: Transferable[] }[] = []
  private draining = false
  private pendingImport: PendingImport | null = null
  private readonly replies = new Map<number, (reply: HarWorkerReply) => void>()
  private nextExportId = 0
  private exportViews = 0
  private lastInput = performance.now()
  private backgroundAllowed = false
  private quietTimer: ReturnType<typeof setTimeout> | null = null
  broken = false

  constructor() {
    this.worker = new Worker(new URL('../../protocol/har-export.worker.ts', import.meta.url), { type: 'module', name: 'HAR export' })
    this.worker.onmessage = (event: MessageEvent<HarWorkerReply>) => {
      this.replies.get(event.data.id)?.(event.data)
      this.replies.delete(event.data.id)
    }
    this.worker.onerror = (event) => {
      this.broken = true
      for (const [id, resolve] of this.replies) resolve({ kind: 'failed', id, message: event.message || 'the HAR worker stopped' })
      this.replies.clear()
    }
    this.logChanged(readExchangeLog())
    subscribeToExchangeLog((log) => this.logChanged(log))
    const onInput = () => {
      this.lastInput = performance.now()
      if (this.backgroundAllowed) this.updateBackground()
    }
    for (const type of INPUT_EVENTS) window.addEventListener(type, onInput, { capture: true, passive: true })
    this.updateBackground()
  }

  /** Export / Import is in view until the returned function is called. */
  exportInView(): () => void {
    this.exportViews++
    this.updateBackground()
    return () => {
      this.exportViews--
      this.updateBackground()
    }
  }

  /** Tells the worker whether it may work ahead now, and checks again when the page has been quiet long enough. */
  private updateBackground() {
    const quiet = this.exportViews > 0 ? QUIET_MS.exportOpen : QUIET_MS.elsewhere
    const waited = performance.now() - this.lastInput
    const allowed = waited >= quiet
    if (allowed !== this.backgroundAllowed) {
      this.backgroundAllowed = allowed
      // Straight to the worker, ahead of queued feeds: a pause should land before the next slice.
      this.worker.postMessage({ kind: 'background', allowed } satisfies HarWorkerRequest)
    }
    if (this.quietTimer !== null) clearTimeout(this.quietTimer)
    this.quietTimer = allowed
      ? null
      : setTimeout(() => {
          this.quietTimer = null
          this.updateBackground()
        }, quiet - waited)
  }

  expectImport(pending: PendingImport) {
    this.pendingImport = pending
  }

  private post(message: HarWorkerRequest, transfer: Transferable[] = []) {
    const last = this.outbox.at(-1)?.message
    // Exchanges recorded one by one travel together.
    if (message.kind === 'exchanges' && last?.kind === 'exchanges' && last.first + last.exchanges.length === message.first && last.exchanges.length < BATCH) {
      last.exchanges.push(...message.exchanges)
    } else {
      this.outbox.push({ message, transfer })
    }
    if (this.draining) return
    this.draining = true
    setTimeout(() => this.drain(), 0)
  }

  private drain() {
    const next = this.outbox.shift()
    if (next) this.worker.postMessage(next.message, next.transfer)
    if (this.outbox.length > 0) setTimeout(() => this.drain(), 0)
    else this.draining = false
  }

  private logChanged(log: ExchangeLog) {
    // What the log holds without a number yet was appended since the last change, at its end.
    let firstNew = log.length
    while (firstNew > 0 && !this.seqs.has(log.at(firstNew - 1)!)) firstNew--
    const added: HttpExchange[] = []
    for (let index = firstNew; index < log.length; index++) added.push(log.at(index)!)
    const first = this.nextSeq
    added.forEach((exchange, offset) => this.seqs.set(exchange, first + offset))
    this.nextSeq += added.length
    const pending = this.pendingImport
    this.pendingImport = null
    const picks = pending && added.length > 0 ? picksOf(added, pending.read) : null
    if (pending && picks) {
      this.post({ kind: 'imported', first, format: pending.format, text: pending.text, picks }, [picks.buffer])
    } else {
      for (let start = 0; start < added.length; start += BATCH) {
        this.post({ kind: 'exchanges', first: first + start, exchanges: added.slice(start, start + BATCH) })
      }
    }
    const oldest = log.at(0)
    const before = oldest === undefined ? this.nextSeq : this.seqs.get(oldest)!
    if (before > this.forgotBefore) {
      this.post({ kind: 'forget', before })
      this.forgotBefore = before
    }
  }

  /** Downloads the HAR of `log` as `fileName` from a blob: URL the worker made and releases later. */
  download(log: ExchangeLog, fileName: string, mask: boolean, creator: Creator): Promise<void> {
    const seqs = new Int32Array(log.length)
    for (let index = 0; index < log.length; index++) seqs[index] = this.seqs.get(log.at(index)!) ?? -1
    const id = this.nextExportId++
    const reply = new Promise<HarWorkerReply>((resolve) => this.replies.set(id, resolve))
    this.post({ kind: 'export', id, seqs, mask, creator }, [seqs.buffer])
    return reply.then((result) => {
      if (result.kind === 'failed') throw new Error(result.message)
      downloadUrl(fileName, result.url)
      // Releasing at once can cancel the download in some browsers; a second later is enough.
      setTimeout(() => this.post({ kind: 'release', url: result.url }), 1000)
    })
  }
}

/** Where each of `added` sits in `read` (both in file order), or null if one is not there. */
function picksOf(added: readonly HttpExchange[], read: readonly HttpExchange[]): Int32Array | null {
  const picks = new Int32Array(added.length)
  let position = 0
  for (let index = 0; index < added.length; index++) {
    while (position < read.length && read[position] !== added[index]) position++
    if (position === read.length) return null
    picks[index] = position++
  }
  return picks
}

let client: HarWorkerClient | null = null

/**
 * Says Export / Import is in view, so the worker may build ahead sooner; call the returned function
 * when it leaves. Starts the worker.
 */
export function exportInView(): () => void {
  return startHarWorker()?.exportInView() ?? (() => {})
}

/** Starts the HAR worker's copy of the log (once), where the browser has workers. */
export function startHarWorker(): HarWorkerClient | null {
  if (typeof Worker === 'undefined') return null
  client ??= new HarWorkerClient()
  return client.broken ? null : client
}

/**
 * Says that the exchanges about to be appended to the log were read from `text`: the worker reads
 * them from the text itself instead of being sent every object. Call right before appending them.
 */
export function importingFromText(format: 'session' | 'har', text: string, read: readonly HttpExchange[]): void {
  startHarWorker()?.expectImport({ format, text, read })
}

/** Where there is no Worker (jsdom), or it failed: the builder on this thread, one batch per task. */
async function buildHere(exchanges: readonly HttpExchange[], creator: Creator, mask: boolean): Promise<Blob> {
  const builder = createHarBuilder(creator, mask)
  for (let start = 0; start < exchanges.length; start += BATCH) {
    builder.add(exchanges.slice(start, start + BATCH))
    await nextTask()
  }
  return builder.finish()
}

/**
 * Downloads the HAR file of the log as it is now, built in the HAR worker from its copy of the log
 * (entries masked ahead of time): the page sends sequence numbers and receives a blob: URL.
 */
export async function downloadHarFile(log: ExchangeLog, fileName: string, options: { mask: boolean; creator: Creator }): Promise<void> {
  const worker = startHarWorker()
  if (worker) {
    try {
      return await worker.download(log, fileName, options.mask, options.creator)
    } catch {
      // The worker stopped or lost track: build here instead, so the person still gets the file.
    }
  }
  downloadBlob(fileName, await buildHere(log.toArray(), options.creator, options.mask))
}
