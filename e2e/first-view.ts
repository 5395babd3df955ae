import type { Page } from '@playwright/test'

/** What the page held the moment its steps first appeared (the Request token button), before that frame was painted. */
export interface FirstView {
  /** The Presentation mode switch: on, off, or not there yet. */
  presentation: boolean | null
  /** The header's text: the active environment's name. */
  banner: string
  /** The Client Credentials step's Client secret field. */
  clientSecret: string | null
}

declare global {
  interface Window {
    __firstView?: FirstView
  }
}

/**
 * From the next load of `page` on, records what the steps first appeared with: a mutation observer runs
 * before the browser paints, so what a person could have seen for one frame is what it records.
 */
export async function recordFirstViews(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const control = (within: ParentNode, name: string) =>
      [...within.querySelectorAll('label')].find((label) => label.textContent?.trim() === name)?.control as HTMLInputElement | null | undefined
    new MutationObserver((_, observer) => {
      const requestToken = [...document.querySelectorAll('button')].find((button) => button.textContent?.trim() === 'Request token')
      if (!requestToken) return
      observer.disconnect()
      const step = requestToken.closest('section') ?? document
      window.__firstView = {
        presentation: control(document, 'Presentation mode')?.checked ?? null,
        banner: document.querySelector('header')?.textContent ?? '',
        clientSecret: control(step, 'Client secret')?.value ?? null,
      }
    }).observe(document, { childList: true, subtree: true })
  })
}

/** What the last load's steps first appeared with (see {@link recordFirstViews}). */
export async function firstViewOf(page: Page): Promise<FirstView> {
  await page.waitForFunction(() => window.__firstView !== undefined)
  return page.evaluate(() => window.__firstView!)
}
