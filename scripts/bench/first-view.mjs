// What the first view costs: the JS and CSS a page requests until its first screen is painted (gzip,
// as a server would send it), and when that paint happens, at 1x and 4x CPU throttling.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

/** Records, in the page, when `selector` is first on screen (the frame after it appeared). */
function watchFirstPaint(selector) {
  const done = () => requestAnimationFrame(() => setTimeout(() => (window.__firstPaintOf = performance.now()), 0))
  new MutationObserver((_, observer) => {
    if (document.querySelector(selector)) {
      observer.disconnect()
      done()
    }
  }).observe(document, { childList: true, subtree: true })
}

/** Opens `url` in a fresh context; returns when `selector` was painted and which JS/CSS files the page asked for by then. */
export async function loadOnce(browser, { url, selector, cpuRate }) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
  try {
    const page = await context.newPage()
    const session = await context.newCDPSession(page)
    await session.send('Emulation.setCPUThrottlingRate', { rate: cpuRate })
    const assets = []
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname
      if (/\.(js|css)$/.test(path)) assets.push({ path, at: Date.now() })
    })
    await page.addInitScript(watchFirstPaint, selector)
    await page.goto(url)
    await page.waitForFunction(() => window.__firstPaintOf !== undefined, null, { timeout: 120_000 })
    const paintMs = await page.evaluate(() => window.__firstPaintOf)
    const paintedAt = Date.now()
    return { paintMs, assets: [...new Set(assets.filter((asset) => asset.at <= paintedAt).map((asset) => asset.path))] }
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
