// The HTTP log at 10,000 exchanges in real Chromium: imported through the Export / Import dialog,
// then timed from the input to the next frame after the list shows the result.
import { chromium } from '@playwright/test'
import { performance } from 'node:perf_hooks'

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']

/** Collects Event Timing entries (input to next paint) for the INP-like worst interaction. */
function observeInteractions() {
  window.__benchInteractions = []
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.interactionId) window.__benchInteractions.push(entry.duration)
  }).observe({ type: 'event', durationThreshold: 16, buffered: true })
}

export async function logInteractionTimings({ url, sessionPath, count, searchText, executablePath }) {
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS })
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
    await page.addInitScript(observeInteractions)
    await page.goto(url)
    const log = page.getByRole('complementary', { name: 'HTTP log' })
    const rows = log.getByRole('list', { name: 'Exchanges' }).getByRole('listitem')

    // A task queued from requestAnimationFrame runs once that frame has been produced.
    const nextPaint = () => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))))
    // The list has caught up with the input (no aria-busy) and a frame has been drawn since.
    const settled = async () => {
      await page.waitForFunction(() => !document.querySelector('aside [aria-busy="true"]'), null, { polling: 'raf' })
      await nextPaint()
    }
    const timed = async (action, done = settled) => {
      const start = performance.now()
      await action()
      await done()
      return performance.now() - start
    }

    // Import through the real control.
    await log.getByLabel('Keep at most').selectOption(String(count))
    await page.getByRole('banner').getByRole('button', { name: 'Export / Import' }).click()
    const dialog = page.getByRole('dialog', { name: 'Export / Import' })
    const importMs = await timed(
      () => dialog.getByLabel('Import session file').setInputFiles(sessionPath),
      async () => {
        await dialog.getByRole('status').filter({ hasText: 'Imported' }).waitFor({ timeout: 60_000 })
        await settled()
      },
    )
    await dialog.getByRole('button', { name: 'Close' }).click()
    await log.getByRole('heading', { name: `HTTP log (${count.toLocaleString('en-US')})` }).waitFor()

    // Typing in Search, one keystroke at a time.
    const search = log.getByLabel('Search')
    await search.click()
    const searchMs = []
    for (const character of searchText) searchMs.push(await timed(() => page.keyboard.type(character)))
    const searchMatches = Number((await log.getByRole('heading').textContent()).match(/\(([\d,]+) of/)?.[1].replaceAll(',', '') ?? NaN)
    await search.fill('')
    await settled()

    // Changing the Status filter.
    const statusMs = []
    for (let round = 0; round < 2; round++) {
      for (const status of ['4xx', '5xx', 'failed', '2xx', 'all']) statusMs.push(await timed(() => log.getByLabel('Status').selectOption(status)))
    }

    // Scrolling from one end of the list to the other.
    const scrollMs = []
    for (let round = 0; round < 3; round++) {
      for (const [to, position] of [['bottom', count], ['top', 1]]) {
        scrollMs.push(
          await timed(
            () =>
              page.evaluate((where) => {
                const scroller = document.querySelector('aside ul[aria-label="Exchanges"]').parentElement
                scroller.scrollTop = where === 'bottom' ? scroller.scrollHeight : 0
              }, to),
            () => rows.and(page.locator(`[aria-posinset="${position}"]`)).waitFor(),
          ),
        )
      }
    }

    // Opening an entry: request, response and curl side by side.
    const openMs = []
    for (let index = 0; index < 10; index++) {
      const row = rows.nth(index)
      openMs.push(
        await timed(
          () => row.getByRole('button').click(),
          async () => {
            await page.getByRole('dialog').getByLabel('curl command').waitFor()
            await nextPaint()
          },
        ),
      )
      await page.keyboard.press('Escape')
      await page.getByRole('dialog').waitFor({ state: 'detached' })
    }

    const interactions = await page.evaluate(() => window.__benchInteractions)
    return { importMs, searchMs, searchMatches, statusMs, scrollMs, openMs, worstInteractionMs: Math.max(0, ...interactions) }
  } finally {
    await browser.close()
  }
}
