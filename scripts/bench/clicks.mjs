// "Request token" and "Poll" as a person clicks them: from the click to the frame that shows the
// result, minus the time the request spent on the network (Resource Timing), so what is left is the
// console's own work. The baseline is a plain fetch() whose reply is written into the page, timed the same way.

/** Installed in the page: helpers the measurements below call. */
function installClickTimer() {
  performance.setResourceTimingBufferSize(1_000_000)
  const afterPaint = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))
  // Network time of the requests to `urlPart` that started after `since`: first start to last end.
  const networkSince = (since, urlPart) => {
    const entries = performance.getEntriesByType('resource').filter((entry) => entry.startTime >= since && entry.name.includes(urlPart))
    if (entries.length === 0) return NaN
    return Math.max(...entries.map((entry) => entry.responseEnd)) - Math.min(...entries.map((entry) => entry.startTime))
  }

  /** Clicks `button` and waits until it went busy and back (the mutation settled) and a frame was drawn. */
  window.__timeClick = async (sectionId, name, urlPart) => {
    const button = [...document.querySelectorAll(`#${sectionId} button`)].find((candidate) => candidate.textContent.trim() === name)
    if (!button) throw new Error(`no button "${name}" in #${sectionId}`)
    const settled = new Promise((resolve) => {
      let sawBusy = false
      const observer = new MutationObserver(() => {
        if (button.getAttribute('aria-busy') === 'true') sawBusy = true
        else if (sawBusy) {
          observer.disconnect()
          resolve()
        }
      })
      observer.observe(button, { attributes: true, attributeFilter: ['aria-busy'] })
    })
    const start = performance.now()
    button.click()
    await settled
    await afterPaint()
    const total = performance.now() - start
    return { total, network: networkSince(start, urlPart) }
  }

  /** The floor: the same request with fetch(), its JSON reply parsed and written into the page. */
  window.__timeFetch = async (url, init) => {
    let output = document.getElementById('bench-output')
    if (!output) {
      output = document.createElement('pre')
      output.id = 'bench-output'
      output.setAttribute('aria-hidden', 'true')
      document.body.append(output)
    }
    const start = performance.now()
    const response = await fetch(url, init)
    const json = await response.json()
    output.textContent = JSON.stringify(json, null, 2)
    await afterPaint()
    const total = performance.now() - start
    return { total, network: networkSince(start, new URL(url).pathname) }
  }
}

export async function preparePage(page) {
  await page.addInitScript(installClickTimer)
}

/** Overhead (total minus network) of one click on the button called `name` in the step `sectionId`. */
export async function clickOverhead(page, sectionId, name, urlPart) {
  const { total, network } = await page.evaluate(([s, n, u]) => window.__timeClick(s, n, u), [sectionId, name, urlPart])
  return Math.max(0, total - network)
}

/** Overhead of the plain-fetch baseline for the same request. */
export async function fetchOverhead(page, url, init) {
  const { total, network } = await page.evaluate(([u, i]) => window.__timeFetch(u, i), [url, init])
  return Math.max(0, total - network)
}

/**
 * From a page whose Client Credentials step has issued a token: registers the device client (External API)
 * and starts the device flow, so Poll is the next click.
 */
export async function walkToDeviceCode(page) {
  await page.getByRole('region', { name: 'Client Credentials' }).getByText('Token issued').waitFor()
  const external = page.getByRole('region', { name: 'External API' })
  await external.getByRole('button', { name: 'Send request' }).click()
  await external.getByText('201 Created', { exact: true }).waitFor({ timeout: 60_000 })
  await external.getByRole('button', { name: 'Use as device client' }).click()
  const device = page.getByRole('region', { name: 'Device Flow' })
  await device.getByRole('button', { name: 'Start device flow' }).click()
  await device.getByLabel('User code').waitFor({ timeout: 60_000 })
}
