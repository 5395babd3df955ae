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
          window.__reportFirstPaint?.(window.__firstPaintOf)
        }, 0),
      )
    }
  }).observe(document, { childList: true, subtree: true })
}

/**
 * Resolves with the page's first paint of the selector watchFirstPaint watches, told by the page itself.
 * Polling from outside (page.waitForFunction) would inject Playwright's selector engine into the page
 * while it loads: some 40 ms of script compile and run on the main thread at 1x CPU, which landed before
 * the console's first paint and after the floor's, and so was counted against one page only.
 * Call it before page.goto.
 */
export async function firstPaintReported(page, timeoutMs = 120_000) {
  let report
  const reported = new Promise((resolve) => (report = resolve))
  await page.exposeBinding('__reportFirstPaint', (_source, paintMs) => report(paintMs))
  let timer
  const timedOut = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no first paint within ${timeoutMs} ms`)), timeoutMs)
  })
  return { paintMs: () => Promise.race([reported, timedOut]).finally(() => clearTimeout(timer)) }
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
    const firstPaint = await firstPaintReported(page)
    await page.addInitScript(watchFirstPaint, selector)
    await page.goto(url)
    const paintMs = await firstPaint.paintMs()
    const { assets } = await page.evaluate(() => ({
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
