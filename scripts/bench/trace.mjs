/**
 * Ends the DevTools trace of `session` and returns its events. `complete` is the Tracing.tracingComplete
 * promise, taken before Tracing.start; the trace streams back in 1 MB reads.
 */
export async function readTrace(session, complete) {
  await session.send('Tracing.end')
  const { stream } = await complete
  let text = ''
  for (let eof = false; !eof; ) {
    const chunk = await session.send('IO.read', { handle: stream, size: 1 << 20 })
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString() : chunk.data
    eof = chunk.eof
  }
  await session.send('IO.close', { handle: stream })
  const parsed = JSON.parse(text)
  return Array.isArray(parsed) ? parsed : parsed.traceEvents
}

/**
 * What each main-thread trace event is counted as, for both profilers, so they split CPU the same way;
 * nested events are taken off their parent (cpuByKind).
 */
export const MAIN_THREAD_KINDS = {
  'v8.compileModule': 'compile',
  'v8.compile': 'compile',
  'V8.CompileCode': 'lazy compile',
  'v8.evaluateModule': 'module evaluation',
  EvaluateScript: 'classic scripts (incl. the harness)',
  FunctionCall: 'JS (events, render, effects)',
  TimerFire: 'JS (events, render, effects)',
  FireAnimationFrame: 'JS (events, render, effects)',
  FireIdleCallback: 'JS (events, render, effects)',
  RunMicrotasks: 'JS (events, render, effects)',
  EventDispatch: 'JS (events, render, effects)',
  'V8.GC_SCAVENGER': 'GC',
  MinorGC: 'GC',
  MajorGC: 'GC',
  ParseHTML: 'HTML and CSS parsing',
  ParseAuthorStyleSheet: 'HTML and CSS parsing',
  UpdateLayoutTree: 'style',
  Layout: 'layout',
  PrePaint: 'paint',
  Paint: 'paint',
  Layerize: 'paint',
  Commit: 'paint',
  RunTask: 'other (IPC, loading, idle)',
}

/**
 * Thread CPU (ms) by kind of the events `kinds` names, on thread `pid`/`tid` inside [start, end] (trace
 * µs). An event nested in another counts as its own kind and is taken off its parent's.
 */
export function cpuByKind(events, { pid, tid }, start, end, kinds) {
  const own = events
    .filter((event) => event.pid === pid && event.tid === tid && event.ph === 'X' && event.ts >= start && event.ts <= end && event.name in kinds)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur)
  const byKind = {}
  const stack = []
  for (const event of own) {
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= event.ts) stack.pop()
    const cpu = (event.tdur ?? event.dur) / 1000
    if (stack.length) byKind[kinds[stack.at(-1).name]] -= cpu
    byKind[kinds[event.name]] = (byKind[kinds[event.name]] ?? 0) + cpu
    stack.push(event)
  }
  return byKind
}
