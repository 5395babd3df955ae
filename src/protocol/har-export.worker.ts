import type { HarWorkerReply, HarWorkerRequest } from './har-export.ts'
import { HarLogMirror } from './har-log-mirror.ts'

// The worker holds its own copy of the log. Reading it and writing each entry's masked HAR text
// (packed into Blobs) is background work, done only while the page allows it: on two cores it would
// otherwise take a core from a person typing in the page. An export does whatever is left at once.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<HarWorkerRequest>) => void) | null
  postMessage: (reply: HarWorkerReply) => void
}

const mirror = new HarLogMirror()
/** Work in slices this long, so a message (a pause, an export) waits at most one slice. */
const SLICE_MS = 12
let allowed = false
let prebuilding = false

function prebuildSoon() {
  if (prebuilding || !allowed) return
  prebuilding = true
  setTimeout(() => {
    prebuilding = false
    if (!allowed) return
    const deadline = performance.now() + SLICE_MS
    if (mirror.prebuild(() => performance.now() >= deadline)) prebuildSoon()
  }, 0)
}

scope.onmessage = ({ data }) => {
  switch (data.kind) {
    case 'release':
      URL.revokeObjectURL(data.url)
      return
    case 'background':
      allowed = data.allowed
      prebuildSoon()
      return
    case 'export':
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
      return
    default:
      mirror.receive(data)
      prebuildSoon()
  }
}
