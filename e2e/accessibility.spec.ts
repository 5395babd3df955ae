import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { poll, walkToDeviceCode } from './walkthrough.ts'

/** WCAG 2.1 A and AA rules, as axe-core checks them in the real rendered page. */
async function accessibilityViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  return results.violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact,
    nodes: violation.nodes.map((node) => node.target.join(' ')),
  }))
}

/** Both themes on the page as it is: the dark one is CSS (prefers-color-scheme), so no reload is needed. */
async function expectNoViolationsInEitherTheme(page: Page) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme })
    expect(await accessibilityViolations(page), `axe in the ${colorScheme} theme`).toEqual([])
  }
}

test("every step of the walk-through passes axe's WCAG 2.1 AA checks in the light and the dark theme", async ({ page }) => {
  // Four axe runs over the whole page (two journeys' worth) beside the walk-through: a busy machine's budget.
  test.setTimeout(360_000)
  await page.goto('/')
  await expectNoViolationsInEitherTheme(page)

  // With results on screen: tokens, a registration, a device code with its QR code and a poll answer.
  await walkToDeviceCode(page)
  const pollStep = await poll(page)
  await expect(pollStep.getByText('authorization_pending', { exact: true })).toBeVisible()
  await expectNoViolationsInEitherTheme(page)
})
