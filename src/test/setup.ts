import '@testing-library/jest-dom/vitest'
import { cleanup, configure } from '@testing-library/react'
import { afterEach } from 'vitest'

// findBy* and waitFor wait for an outcome; on a busy machine (or for code loaded on first use) that
// can take longer than the default second. Passing tests return as soon as the outcome is there.
configure({ asyncUtilTimeout: 10_000 })

afterEach(() => cleanup())
