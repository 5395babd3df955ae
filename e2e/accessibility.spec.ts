import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { poll, walkToDeviceCode } from './walkthrough.ts'

/**
 * WCAG 2.1 A and AA rules, as axe-core checks them in the real rendered page.
 *
 * axe.run in the page itself (legacy mode): the console has no frames, and the default runPartial mode opens a
 * second page per run, injects axe's 580 kB into both and sends every passing node across, which took three times
 * as long as the checks. Only violations are reported in full; what passes is still checked.
 */
async function accessibilityViolations(page: Page) {
  expect(page.frames(), 'no frames: legacy mode checks the one document').toHaveLength(1)
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .options({ resultTypes: ['violations'] })
    .setLegacyMode()
    .analyze()
  return results.violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact,
    nodes: violation.nodes.map((node) => node.target.join(' ')),
  }))
}

/**
 * A window tall enough for every step and the whole log: the steps skip rendering while off screen
 * (content-visibility: auto), and axe checks the contrast only of text that is rendered, so in a 720 px window it
 * checked about half of the page's text.
 */
async function showEverything(page: Page) {
  const viewport = page.viewportSize() ?? { width: 1280, height: 720 }
  const overflow = () =>
    page.evaluate(() =>
      Math.max(...[...document.querySelectorAll('main, aside')].map((scroller) => scroller.scrollHeight - scroller.clientHeight)),
    )
  // Taller content may render once more of it is on screen: grow until nothing scrolls.
  for (let height = viewport.height, extra = await overflow(); extra > 0; extra = await overflow()) {
    height += extra
    await page.setViewportSize({ width: viewport.width, height })
  }
  return () => page.setViewportSize(viewport)
}

/** Both themes on the page as it is: the dark one is CSS (prefers-color-scheme), so no reload is needed. */
async function expectNoViolationsInEitherTheme(page: Page) {
  const restoreViewport = await showEverything(page)
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme })
    expect(await accessibilityViolations(page), `axe in the ${colorScheme} theme`).toEqual([])
  }
  await page.emulateMedia({ colorScheme: 'light' })
  await restoreViewport()
}

test("every step of the walk-through passes axe's WCAG 2.1 AA checks in the light and the dark theme", async ({ page }) => {
  await page.goto('/')
  // Every step and the log are on the page (those below the fold come the frame after the first view).
  await expect(page.getByRole('region', { name: 'Tokens', exact: true })).toBeAttached()
  await expect(page.getByRole('complementary', { name: 'HTTP log' }).getByRole('heading')).toBeAttached()
  await expectNoViolationsInEitherTheme(page)

  // With results on screen: tokens, a registration, a device code with its QR code and a poll answer.
  await walkToDeviceCode(page)
  const pollStep = await poll(page)
  await expect(pollStep.getByText('authorization_pending', { exact: true })).toBeVisible()
  await expectNoViolationsInEitherTheme(page)
})
