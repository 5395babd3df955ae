// What the first view costs: the JS and CSS a page requested until its first screen was rendered (gzip,
// as a server would send it), and when that screen was painted, at 1x and 4x CPU throttling.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

/**
 * Records, in the page, when `selector` appeared in the document and when it was first on screen (the
 * frame after it appeared).
 */
export function watchFirstPaint(selector) {
  new MutationObserver((_, observer) => {
    if (document.querySelector(selector)) {
      observer.disconnect()
      // The marks let a trace (profile-first-view.mjs) cut its events at the same two moments.
      performance.mark('steps-in-dom')
      window.__firstViewRenderedAt = performance.now()
      requestAnimationFrame(() =>
        setTimeout(() => {
          performance.mark('steps-painted')
          window.__firstPaintOf = performance.now()
        }, 0),
      )
    }
  }).observe(document, { childList: true, subtree: true })
}

/**
 * Opens `url` in a fresh context; returns when `selector` was painted and which JS/CSS files the page had
 * started to fetch when `selector` appeared (the page's own Resource Timing, so what it fetches after its
 * first view, e.g. steps below the fold, is not counted, and everything the first view waited for is).
 */
export async function loadOnce(browser, { url, selector, cpuRate }) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
  try {
    const page = await context.newPage()
    const session = await context.newCDPSession(page)
    await session.send('Emulation.setCPUThrottlingRate', { rate: cpuRate })
    await page.addInitScript(watchFirstPaint, selector)
    await page.goto(url)
    await page.waitForFunction(() => window.__firstPaintOf !== undefined, null, { timeout: 120_000 })
    const { paintMs, assets } = await page.evaluate(() => ({
      paintMs: window.__firstPaintOf,
      assets: performance
        .getEntriesByType('resource')
        .filter((entry) => entry.startTime <= window.__firstViewRenderedAt)
        .map((entry) => new URL(entry.name).pathname)
        .filter((path) => /\.(js|css)$/.test(path)),
    }))
    return { paintMs, assets: [...new Set(assets)] }
  } finally {
    await context.close()
  }
}

/** Gzip bytes (level 9) of the files, read from the build output. */
export async function gzipBytes(outDir, paths) {
  let total = 0
  for (const path of paths) total += gzipSync(await readFile(join(outDir, path)), { level: 9 }).length
  return total
}
