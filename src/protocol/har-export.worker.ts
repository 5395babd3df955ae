import type { HarWorkerReply, HarWorkerRequest } from './har-export.ts'
import { HarLogMirror } from './har-log-mirror.ts'

// The worker holds its own copy of the log and writes each entry's masked HAR text while it has
// nothing else to do: an export joins texts, and the page keeps answering input throughout.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<HarWorkerRequest>) => void) | null
  postMessage: (reply: HarWorkerReply) => void
}

const mirror = new HarLogMirror()
/** Work in slices this long, so a message (an export) waits at most one slice. */
const SLICE_MS = 12
let prebuilding = false

function prebuildSoon() {
  if (prebuilding) return
  prebuilding = true
  setTimeout(() => {
    prebuilding = false
    const deadline = performance.now() + SLICE_MS
    if (mirror.prebuild(() => performance.now() >= deadline)) prebuildSoon()
  }, 0)
}

scope.onmessage = ({ data }) => {
  if (data.kind === 'release') {
    URL.revokeObjectURL(data.url)
    return
  }
  if (data.kind !== 'export') {
    mirror.receive(data)
    prebuildSoon()
    return
  }
  try {
    const result = mirror.export(data.seqs, data.mask, data.creator)
    // The URL is made here: registering a large Blob waits on the browser, and this thread can wait.
    scope.postMessage(
      result.ok
        ? { kind: 'done', id: data.id, url: URL.createObjectURL(result.blob) }
        : { kind: 'failed', id: data.id, message: `the HAR worker does not hold exchange #${result.missing}` },
    )
  } catch (error) {
    scope.postMessage({ kind: 'failed', id: data.id, message: error instanceof Error ? error.message : String(error) })
  }
}
