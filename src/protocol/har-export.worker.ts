import { createHarBuilder, type HarWorkerReply, type HarWorkerRequest } from './har-export.ts'

// Masking and serialising a long log takes seconds: done here, the page keeps answering input.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<HarWorkerRequest>) => void) | null
  postMessage: (reply: HarWorkerReply) => void
}

let builder: ReturnType<typeof createHarBuilder> | null = null

scope.onmessage = ({ data }) => {
  try {
    switch (data.kind) {
      case 'start':
        builder = createHarBuilder(data.creator, data.mask)
        return
      case 'batch':
        builder?.add(data.exchanges)
        return
      case 'end':
        if (!builder) throw new Error('the HAR export ended before it started')
        scope.postMessage({ kind: 'done', blob: builder.finish() })
        builder = null
        return
    }
  } catch (error) {
    builder = null
    scope.postMessage({ kind: 'failed', message: error instanceof Error ? error.message : String(error) })
  }
}
