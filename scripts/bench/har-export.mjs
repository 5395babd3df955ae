// Export HAR from its button, with the log full: time from the click to the download, and the longest
// gap between frames meanwhile (what a person typing or scrolling would feel), against the longest gap
// on the same page left alone for as long.

function installFrameGapMeter() {
  window.__startFrameGaps = () => {
    window.__frameGaps = { max: 0, running: true }
    let last = performance.now()
    const tick = (now) => {
      window.__frameGaps.max = Math.max(window.__frameGaps.max, now - last)
      last = now
      if (window.__frameGaps.running) requestAnimationFrame(tick)
    }
    requestAnimationFrame(tick)
  }
  window.__stopFrameGaps = () => {
    window.__frameGaps.running = false
    return window.__frameGaps.max
  }
}

export async function prepareHarPage(page) {
  await page.addInitScript(installFrameGapMeter)
}

/** Clicks Export HAR (dialog open) and waits for the download; returns its time and the longest frame gap. */
export async function exportHarOnce(page) {
  const dialog = page.getByRole('dialog', { name: 'Export / Import' })
  await page.evaluate(() => window.__startFrameGaps())
  const start = Date.now()
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 600_000 }), dialog.getByRole('button', { name: 'Export HAR' }).click()])
  const ms = Date.now() - start
  const maxFrameGap = await page.evaluate(() => window.__stopFrameGaps())
  await download.path()
  return { ms, maxFrameGap }
}

/** The longest frame gap of the same page doing nothing for `ms`. */
export async function idleFrameGap(page, ms) {
  await page.evaluate(() => window.__startFrameGaps())
  await page.evaluate((wait) => new Promise((resolve) => setTimeout(resolve, wait)), ms)
  return page.evaluate(() => window.__stopFrameGaps())
}
