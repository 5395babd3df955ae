import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/app.tsx'
import { prefetchRequestLayer } from './protocol/requests-on-demand.ts'
import './index.css'

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
)

// The request layer is not part of the first view: fetch it once the steps are on screen and the
// browser has nothing better to do, so the first click does not wait for it.
const whenIdle = window.requestIdleCallback ?? ((run: () => void) => window.setTimeout(run, 200))
whenIdle(() => void prefetchRequestLayer(), { timeout: 3_000 })
