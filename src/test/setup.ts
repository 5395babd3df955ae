import '@testing-library/jest-dom/vitest'
import { cleanup, configure } from '@testing-library/react'
import { afterEach, vi } from 'vitest'

// The dom project shares one jsdom per worker (isolate: false in vite.config.ts: setting up jsdom and
// importing React for every file was most of the unit tests' time). Each file still starts as if it had
// the page to itself: the app's own modules (stores, caches) evaluated afresh, and empty storage.
vi.resetModules()
localStorage.clear()
sessionStorage.clear()

// findBy* and waitFor wait for an outcome; on a busy machine (or for code loaded on first use) that
// can take longer than the default second (the log's detail dialog, loaded on first use, took over 10 s
// beside three other suites). Passing tests return as soon as the outcome is there.
configure({ asyncUtilTimeout: 60_000 })

afterEach(() => cleanup())
