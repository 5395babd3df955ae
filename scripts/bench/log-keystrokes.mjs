// The HTTP log as support staff use it: a session file imported through Export / Import, then Search
// typed one key at a time. Each keystroke is timed from the key to the frame after the list caught up.

/** Installed in the page: times one key press in Search until the log is no longer busy and a frame was drawn. */
function installKeystrokeTimer() {
  const afterPaint = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))
  const busy = () => document.querySelector('aside [aria-busy="true"]') !== null
  window.__timeKey = async (key) => {
    const input = document.querySelector('aside input[type="search"]')
    const start = performance.now()
    input.focus()
    // What a key press does to a controlled input: the value changes, then React hears "input".
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set
    setter.call(input, input.value + key)
    input.dispatchEvent(new Event('input', { bubbles: true }))
    await afterPaint()
    while (busy()) await afterPaint()
    return performance.now() - start
  }
}

export async function prepareLogPage(page) {
  await page.addInitScript(installKeystrokeTimer)
}

const CAPS = [5_000, 10_000, 20_000, 50_000, 100_000]

/**
 * Imports the session file through the real dialog, with the cap raised to hold it (and what the log
 * already has, when `alongside`).
 */
export async function importSession(page, sessionPath, count, { alongside = false } = {}) {
  const log = page.getByRole('complementary', { name: 'HTTP log' })
  const cap = CAPS.find((choice) => choice >= count * (alongside ? 2 : 1)) ?? 100_000
  await log.getByLabel('Keep at most').selectOption(String(cap))
  await page.getByRole('banner').getByRole('button', { name: 'Export / Import' }).click()
  const dialog = page.getByRole('dialog', { name: 'Export / Import' })
  await dialog.getByLabel('Import session file').setInputFiles(sessionPath)
  await dialog.getByRole('status').filter({ hasText: 'Imported' }).waitFor({ timeout: 600_000 })
  await dialog.getByRole('button', { name: 'Close' }).click()
  if (!alongside) await log.getByRole('heading', { name: `HTTP log (${count.toLocaleString('en-US')})` }).waitFor({ timeout: 120_000 })
}

/** Types `text` into Search, a key at a time; returns each keystroke's time, then clears the field. */
export async function typeSearch(page, text) {
  const search = page.getByRole('complementary', { name: 'HTTP log' }).getByLabel('Search')
  // The log renders the frame after the steps: wait for its Search field as a person would see it.
  await search.waitFor()
  const times = []
  for (const key of text) times.push(await page.evaluate((k) => window.__timeKey(k), key))
  await search.fill('')
  await page.waitForFunction(() => !document.querySelector('aside [aria-busy="true"]'))
  return times
}
