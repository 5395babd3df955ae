import type { Page } from '@playwright/test'

/**
 * Collects the page's console errors and uncaught exceptions. The browser also logs refused
 * requests (CORS, 4xx from the server under test); those are the tests' subject, so callers
 * may pass patterns that are expected.
 */
export function collectConsoleErrors(page: Page): () => string[] {
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(`${error.name}: ${error.message}`))
  return () => errors
}
