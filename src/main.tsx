import './lib/zod-jitless.ts'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/app.tsx'
import { afterNextFrame, afterTimeout, whenIdle } from './lib/after-next-frame.ts'
import { preloadResultViews } from './components/exchange/result-views-on-demand.tsx'
import { loadMaskingRule } from './components/ui/secret-masking.ts'
import { prefetchRequestLayer } from './protocol/requests-on-demand.ts'
import { loadQueryLayer } from './state/query-on-demand.ts'
import { readSavedSettings } from './state/saved-settings.ts'
// The saved request limits apply from the first request, whether or not the Limits menu is ever opened.
import './state/limits-store.ts'
import './index.css'

// What this browser saved (environments, limits, presentation mode) applies before the first render: at once
// on a first visit, which has nothing saved; otherwise once its readers have loaded (and rendered even if they failed).
void readSavedSettings().finally(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
)

// React-query (query-on-demand.ts), the request layer, the views of a result and the masking rule are not part of the first view: fetch them after the first
// frame, once the browser has nothing better to do, so the first click rarely waits for them. No deadline: on a busy machine the
// first view comes first, and a click that comes sooner loads what it needs itself.
afterNextFrame(whenIdle({ fallback: afterTimeout(200) }), () => {
  void loadQueryLayer().catch(() => undefined)
  void prefetchRequestLayer()
  void preloadResultViews()
  void loadMaskingRule().catch(() => undefined)
})
